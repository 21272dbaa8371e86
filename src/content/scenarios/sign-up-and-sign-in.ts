// Scenario 1: sign up, confirm with the e-mailed code, sign in, and meet the three tokens.
import type { Scenario } from './types';
import { SCENARIO_START } from './helpers';

const USERNAME = 'maya';
const EMAIL = 'maya@example.com';
const PASSWORD = 'Maya#Passw0rd';

export const signUpAndSignIn: Scenario = {
  id: 'sign-up-and-sign-in',
  title: 'Sign up, confirm, sign in',
  goal: 'Create an account in a user pool, confirm it with the e-mailed code, and get the three tokens.',
  level: 'basic',
  services: ['User pool'],
  minutes: 5,
  seed: 101,
  startTime: SCENARIO_START,
  outcome: 'Maya is signed in: the user pool issued an ID token, an access token and a refresh token, and the access token let her app read her profile.',
  check: (last) => last.operation === 'GetUser' && last.response.status === 200,
  async script(ctx) {
    const pool = ctx.world.userPools[0]!;
    const web = pool.clients.find((c) => c.name === 'web')!;

    await ctx.step(
      {
        title: 'Sign up',
        narration: `Maya's app calls SignUp on the user pool ${pool.name} with the app client id, a username, a password and her e-mail address. No AWS credentials are needed: the client id is the only credential. The pool checks the password against its policy, stores only a salt and an SRP verifier computed from it (never the password), creates the user as UNCONFIRMED and e-mails a six-digit code.`,
        examTip: 'A user pool is a user directory: sign-up, sign-in, verification, password reset and MFA for your app\'s own users. It returns JWTs, not AWS credentials.',
      },
      () => ctx.idp.call('SignUp', { ClientId: web.clientId, Username: USERNAME, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: EMAIL }] }),
    );

    await ctx.step(
      {
        title: 'Sign in too early',
        narration: 'Maya tries to sign in before confirming. Her password is right, but the pool refuses with UserNotConfirmedException: an unconfirmed account cannot sign in.',
      },
      () => ctx.idp.call('InitiateAuth', { ClientId: web.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } }),
    );

    const code = ctx.lastCode(EMAIL);
    await ctx.step(
      {
        title: 'Confirm the code',
        narration: `Maya reads the code ${code} in her inbox and the app sends it with ConfirmSignUp. The pool compares it with the code it sent (valid for 24 hours), marks the user CONFIRMED and her e-mail address as verified, so she may now also sign in with it.`,
      },
      () => ctx.idp.call('ConfirmSignUp', { ClientId: web.clientId, Username: USERNAME, ConfirmationCode: code }),
    );

    const signIn = await ctx.step(
      {
        title: 'Sign in',
        narration: 'Maya signs in with her e-mail address and password (USER_PASSWORD_AUTH). The pool finds her by the verified e-mail alias, checks the password and answers with three tokens: an ID token (who she is), an access token (what her app may do with the pool) and a refresh token (to get new ones without the password). Open the Tokens tab to decode them.',
        examTip: 'ID token: identity claims, used by identity pools and by API Gateway\'s Cognito authorizer when no scopes are set. Access token: scopes, for APIs and Cognito\'s own self-service calls. Refresh token: opaque, long-lived (30 days by default).',
      },
      () => ctx.idp.call<{ AuthenticationResult: { AccessToken: string } }>('InitiateAuth', { ClientId: web.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: EMAIL, PASSWORD } }),
    );
    const accessToken = signIn.ok ? signIn.output.AuthenticationResult.AccessToken : '';

    await ctx.step(
      {
        title: 'Use the access token',
        narration: 'The app calls GetUser with the access token. The pool verifies the token\'s signature with its access-token key, checks that it has not expired or been revoked and that it carries the aws.cognito.signin.user.admin scope, then returns Maya\'s attributes.',
      },
      () => ctx.idp.call('GetUser', { AccessToken: accessToken }),
    );
  },
};
