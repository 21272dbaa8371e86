// Scenario 2: a forgotten password, reset with a code sent by e-mail.
import type { Scenario } from './types';
import { SCENARIO_START } from './helpers';
import { DEMO } from './demo-users';

const NEW_PASSWORD = 'Bob#NewPassw0rd';

export const forgotPassword: Scenario = {
  id: 'forgot-password',
  title: 'Forgot password',
  goal: 'Reset a forgotten password with a code sent to a verified e-mail address, then sign in with the new one.',
  level: 'basic',
  services: ['User pool'],
  minutes: 4,
  seed: 102,
  startTime: SCENARIO_START,
  outcome: 'Bob signed in with his new password; the old one no longer works and the reset code cannot be used again.',
  check: (last) => last.operation === 'InitiateAuth' && last.response.status === 200,
  async script(ctx) {
    const web = ctx.world.userPools[0]!.clients.find((c) => c.name === 'web')!;

    await ctx.step(
      {
        title: 'Forgot password',
        narration: 'Bob has forgotten his password. His app calls ForgotPassword with his username. The pool sends a six-digit reset code to his verified e-mail address and answers with where it went, masked (b***@e***), so the app can tell him where to look.',
        examTip: 'Account recovery needs a verified e-mail address or phone number. That is why user pools verify them at sign-up.',
      },
      () => ctx.idp.call('ForgotPassword', { ClientId: web.clientId, Username: DEMO.bob.username }),
    );

    await ctx.step(
      {
        title: 'Wrong code',
        narration: 'Bob mistypes the code. The pool answers CodeMismatchException and counts the wrong guess; too many and the code is spent.',
      },
      () => ctx.idp.call('ConfirmForgotPassword', { ClientId: web.clientId, Username: DEMO.bob.username, ConfirmationCode: '000000', Password: NEW_PASSWORD }),
    );

    const code = ctx.lastCode(DEMO.bob.email);
    await ctx.step(
      {
        title: 'Set a new password',
        narration: `Bob enters the code ${code} from his inbox and a new password. The pool checks the code (valid for one hour), checks the new password against its policy, and stores a new salt and SRP verifier in place of the old ones.`,
      },
      () => ctx.idp.call('ConfirmForgotPassword', { ClientId: web.clientId, Username: DEMO.bob.username, ConfirmationCode: code, Password: NEW_PASSWORD }),
    );

    await ctx.step(
      {
        title: 'Old password refused',
        narration: 'Out of habit Bob types his old password. It no longer matches: NotAuthorizedException, "Incorrect username or password."',
      },
      () => ctx.idp.call('InitiateAuth', { ClientId: web.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: DEMO.bob.username, PASSWORD: DEMO.bob.password } }),
    );

    await ctx.step(
      {
        title: 'Sign in with the new password',
        narration: 'With the new password the pool issues fresh ID, access and refresh tokens.',
      },
      () => ctx.idp.call('InitiateAuth', { ClientId: web.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: DEMO.bob.username, PASSWORD: NEW_PASSWORD } }),
    );
  },
};
