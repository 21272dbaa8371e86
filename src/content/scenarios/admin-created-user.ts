// Scenario 5: an administrator creates a user with a temporary password; the first sign-in must set a new one.
import type { Scenario } from './types';
import { SCENARIO_START } from './helpers';

const USERNAME = 'dana';
const EMAIL = 'dana@example.com';
const NEW_PASSWORD = 'Dana#OwnPassw0rd';

export const adminCreatedUser: Scenario = {
  id: 'admin-created-user',
  title: 'An administrator creates a user',
  goal: 'Create a user as an administrator with a temporary password, and see the first sign-in force a new one.',
  level: 'intermediate',
  services: ['User pool', 'IAM'],
  minutes: 5,
  seed: 105,
  startTime: SCENARIO_START,
  outcome: 'Dana chose her own password in answer to the NEW_PASSWORD_REQUIRED challenge, her status became CONFIRMED, and the pool issued her tokens.',
  check: (last) => last.operation === 'RespondToAuthChallenge' && last.response.status === 200 && (last.response.body ?? '').includes('AuthenticationResult'),
  async script(ctx) {
    const pool = ctx.world.userPools[0]!;
    const web = pool.clients.find((c) => c.name === 'web')!;
    await ctx.step(
      {
        title: 'AdminCreateUser',
        narration: 'An administrator calls AdminCreateUser. Unlike SignUp, this is an administrator API: the request is signed with SigV4 using the administrator\'s IAM access key, and the pool verifies the signature and the caller\'s permission. The pool creates dana with status FORCE_CHANGE_PASSWORD and e-mails her a temporary password, valid for 7 days.',
        examTip: 'Admin* operations are authorised by IAM (SigV4-signed, for back ends and administrators). SignUp, InitiateAuth and friends are public: the app client id is the credential.',
      },
      () => ctx.idp.call('AdminCreateUser', { UserPoolId: pool.id, Username: USERNAME, UserAttributes: [{ Name: 'email', Value: EMAIL }, { Name: 'email_verified', Value: 'true' }], DesiredDeliveryMediums: ['EMAIL'] }, { credentials: ctx.adminCredentials, from: 'admin' }),
    );
    const invitation = ctx.inbox().filter((m) => m.destination === EMAIL).at(-1);
    const temporary = invitation?.body.match(/temporary password is (\S+?)\.?$/)?.[1] ?? '';

    const challenge = await ctx.step(
      {
        title: 'Sign in with the temporary password',
        narration: 'Dana signs in with the temporary password from her e-mail. It is correct, but instead of tokens the pool answers with the NEW_PASSWORD_REQUIRED challenge and a Session: she must choose her own password first.',
      },
      () => ctx.idp.call<{ Session: string }>('InitiateAuth', { ClientId: web.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD: temporary } }),
    );
    const session = challenge.ok ? challenge.output.Session : '';

    await ctx.step(
      {
        title: 'Choose a new password',
        narration: 'The app answers the challenge with RespondToAuthChallenge: the Session, the username and the new password. The pool checks the password policy, stores the new password\'s hash, sets the status to CONFIRMED and issues the tokens.',
      },
      () => ctx.idp.call('RespondToAuthChallenge', { ClientId: web.clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: session, ChallengeResponses: { USERNAME, NEW_PASSWORD } }),
    );
  },
};
