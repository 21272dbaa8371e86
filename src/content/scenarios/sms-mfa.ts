// MFA scenario 2: bob gives his account a phone number, turns SMS MFA on and signs in with the code the pool texts him.
// The phone is the simulator's outbox: the script reads the code there, as Bob reads it on his phone.
import type { Scenario } from './types';
import { authTokens, SCENARIO_START } from './helpers';
import { DEMO } from './demo-users';

const PHONE = '+15555550123';

export const smsMfa: Scenario = {
  id: 'sms-mfa',
  title: 'Sign in with an SMS code',
  goal: 'Give a user a phone number, turn SMS MFA on, and sign in with the six-digit code the user pool texts to the phone.',
  level: 'intermediate',
  services: ['User pool'],
  minutes: 6,
  seed: 402,
  startTime: SCENARIO_START,
  outcome: 'Bob signed in with his password and the code texted to his phone; a mistyped code had been refused without ending the sign-in, and his phone number is now verified.',
  check: (last) => last.operation === 'RespondToAuthChallenge' && last.response.status === 200 && !!authTokens(last).IdToken,
  async script(ctx) {
    const web = ctx.world.userPools[0]!.clients.find((c) => c.name === 'web')!;
    const signIn = () => ctx.idp.call<{ AuthenticationResult?: { AccessToken: string }; Session?: string }>('InitiateAuth', {
      ClientId: web.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: DEMO.bob.username, PASSWORD: DEMO.bob.password },
    });

    const first = await ctx.step(
      {
        title: 'Sign in with a password',
        narration: 'Bob signs in with his username and password. MFA is OPTIONAL in this pool and Bob has no second factor, so the pool answers with his tokens at once.',
      },
      signIn,
    );
    const accessToken = first.ok ? first.output.AuthenticationResult?.AccessToken ?? '' : '';

    await ctx.step(
      {
        title: 'Add a phone number',
        narration: `Bob adds his phone number ${PHONE} with UpdateUserAttributes and his access token. The number is stored unverified (this pool auto-verifies only e-mail), which is enough for SMS MFA: it becomes verified the first time a code sent to it comes back.`,
      },
      () => ctx.idp.call('UpdateUserAttributes', { AccessToken: accessToken, UserAttributes: [{ Name: 'phone_number', Value: PHONE }] }),
    );

    await ctx.step(
      {
        title: 'Turn SMS MFA on',
        narration: 'SetUserMFAPreference turns SMS on as Bob\'s second factor and makes it his preferred one. The pool accepts because Bob now has a phone number to text; without one it would refuse.',
        examTip: 'In a user pool, MFA can be OFF, OPTIONAL (each user turns factors on) or ON (required for everyone, set when the pool is created). The factors are SMS text messages and TOTP authenticator apps.',
      },
      () => ctx.idp.call('SetUserMFAPreference', { AccessToken: accessToken, SMSMfaSettings: { Enabled: true, PreferredMfa: true } }),
    );

    const challenge = await ctx.step(
      {
        title: 'Sign in: a code is texted',
        narration: 'Bob signs in again. After the right password the pool texts a six-digit code to his phone and answers with the SMS_MFA challenge, the masked destination (+*******0123) and a Session valid for 3 minutes. The code lives exactly as long as the Session.',
      },
      signIn,
    );
    const session = challenge.ok ? challenge.output.Session ?? '' : '';

    const code = ctx.lastCode(PHONE);
    const typo = `${code.slice(0, 5)}${(Number(code[5]) + 1) % 10}`;
    await ctx.step(
      {
        title: 'Mistype the code',
        narration: `Bob reads ${code} on his phone but types ${typo}. The pool answers CodeMismatchException "Invalid code received for user". The Session is not used up by a wrong code: Bob may type it again until the Session expires.`,
      },
      () => ctx.idp.call('RespondToAuthChallenge', { ClientId: web.clientId, ChallengeName: 'SMS_MFA', Session: session, ChallengeResponses: { USERNAME: DEMO.bob.username, SMS_MFA_CODE: typo } }),
    );

    await ctx.step(
      {
        title: 'Answer with the texted code',
        narration: `This time Bob types ${code}. It matches, the Session is used up, Bob's phone number is marked verified, and the pool issues his tokens. Note that SMS MFA proves Bob holds the phone: someone who knows his password but not the phone cannot sign in.`,
        examTip: 'SMS MFA needs Cognito to send text messages through Amazon SNS (an IAM role for Cognito, and leaving the SNS sandbox in production). TOTP needs no messaging at all.',
      },
      () => ctx.idp.call('RespondToAuthChallenge', { ClientId: web.clientId, ChallengeName: 'SMS_MFA', Session: session, ChallengeResponses: { USERNAME: DEMO.bob.username, SMS_MFA_CODE: code } }),
    );
  },
};
