// Scenario 3: wrong passwords, the lockout, and what PreventUserExistenceErrors hides from an attacker.
import type { Scenario } from './types';
import { SCENARIO_START } from './helpers';
import { DEMO } from './demo-users';

export const lockout: Scenario = {
  id: 'lockout-and-user-existence',
  title: 'Wrong passwords and the lockout',
  goal: 'See the lockout after repeated failures, and how PreventUserExistenceErrors gives an attacker nothing to learn.',
  level: 'intermediate',
  services: ['User pool'],
  minutes: 6,
  seed: 103,
  startTime: SCENARIO_START,
  outcome: 'Once the lock expired, Alice signed in with her correct password; during the lock even the right password was refused, and an unknown username got the same answer as a wrong password.',
  check: (last) => last.operation === 'InitiateAuth' && last.response.status === 200,
  async script(ctx) {
    const web = ctx.world.userPools[0]!.clients.find((c) => c.name === 'web')!;
    const signIn = (username: string, password: string) =>
      ctx.idp.call('InitiateAuth', { ClientId: web.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } });

    for (let attempt = 1; attempt <= 5; attempt++) {
      await ctx.step(
        {
          title: `Wrong password ${attempt}`,
          narration:
            attempt < 5
              ? `Someone tries alice with a wrong password (attempt ${attempt}). The pool answers "Incorrect username or password." and counts the failure.`
              : 'The fifth failure in a row: the pool locks alice for one second. Each further failure doubles the lock, up to 15 minutes, which makes guessing passwords hopelessly slow.',
          ...(attempt === 5 ? { examTip: 'Cognito protects sign-in by itself (lockout after repeated failures). Advanced security features add adaptive, risk-based authentication on top.' } : {}),
        },
        () => signIn(DEMO.alice.username, `Guess#${attempt}23abc`),
      );
    }

    await ctx.step(
      {
        title: 'Right password, still locked',
        narration: 'Now the real Alice types her correct password, within the lock window. The pool does not even check it: "Password attempts exceeded".',
      },
      () => signIn(DEMO.alice.username, DEMO.alice.password),
    );

    await ctx.step(
      {
        title: 'An unknown user',
        narration: 'An attacker probes for a username that does not exist, mallory. Because the app client has PreventUserExistenceErrors enabled, the answer is exactly the same as for a wrong password: nothing tells the attacker which usernames exist. With the LEGACY setting the pool would answer UserNotFoundException.',
        examTip: 'PreventUserExistenceErrors (ENABLED) makes sign-in, password reset and confirmation answers identical for existing and non-existing users, against user enumeration.',
      },
      () => signIn('mallory', 'Guess#123abc'),
    );

    ctx.advance(2_000);
    await ctx.step(
      {
        title: 'Signed in after the lock',
        narration: 'Two seconds later (on the virtual clock) the lock has expired. Alice signs in with her correct password, and the failure count is reset.',
      },
      () => signIn(DEMO.alice.username, DEMO.alice.password),
    );
  },
};
