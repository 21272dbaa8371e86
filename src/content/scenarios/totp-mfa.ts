// MFA scenario 1: alice adds an authenticator app (TOTP) to her account and signs in with it. The script plays the
// authenticator itself: it computes each code from the SecretCode in AssociateSoftwareToken's response and the
// virtual clock, exactly as an app on her phone would (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps).
import { totp } from '../../lib/totp';
import type { Scenario } from './types';
import { authTokens, SCENARIO_START } from './helpers';
import { DEMO } from './demo-users';

const DEVICE = "Alice's phone";

export const totpMfa: Scenario = {
  id: 'totp-mfa',
  title: 'Sign in with an authenticator app (TOTP)',
  goal: 'Add an authenticator app to a user, prove it with a first code, turn TOTP MFA on, and sign in with a password plus a six-digit code.',
  level: 'intermediate',
  services: ['User pool'],
  minutes: 7,
  seed: 401,
  startTime: SCENARIO_START,
  outcome: 'Alice signed in with two factors: her password, then the current code of her authenticator app, and only then did the user pool issue her tokens.',
  check: (last) => last.operation === 'RespondToAuthChallenge' && last.response.status === 200 && !!authTokens(last).IdToken,
  async script(ctx) {
    const web = ctx.world.userPools[0]!.clients.find((c) => c.name === 'web')!;
    const signIn = () => ctx.idp.call<{ AuthenticationResult?: { AccessToken: string }; ChallengeName?: string; Session?: string }>('InitiateAuth', {
      ClientId: web.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: DEMO.alice.username, PASSWORD: DEMO.alice.password },
    });

    const first = await ctx.step(
      {
        title: 'Sign in with a password',
        narration: 'Alice signs in with her username and password. The LearnerPool has MFA set to OPTIONAL and Alice has no second factor yet, so the password is enough: the pool answers with her tokens straight away.',
        examTip: 'MFA is a user pool feature (OFF, OPTIONAL or ON, with SMS and/or TOTP as factors). Identity pools do no MFA: they trust the token the user pool issued after it.',
      },
      signIn,
    );
    const accessToken = first.ok ? first.output.AuthenticationResult?.AccessToken ?? '' : '';

    const associated = await ctx.step(
      {
        title: 'Ask for a TOTP secret',
        narration: 'The app calls AssociateSoftwareToken with Alice\'s access token. The pool makes a random secret, keeps a copy, and returns it once as SecretCode (base32). The app shows it as a QR code of an otpauth:// URI that it builds itself; Alice scans it with her authenticator app. Open the HTTP tab: the secret is only in this response.',
        examTip: 'The shared secret lives in two places only: the user pool and the authenticator app. It is never in a token, and Cognito never sends it again.',
      },
      () => ctx.idp.call<{ SecretCode: string }>('AssociateSoftwareToken', { AccessToken: accessToken }),
    );
    const secret = associated.ok ? associated.output.SecretCode : '';

    const firstCode = await totp(secret, ctx.now());
    await ctx.step(
      {
        title: 'Prove it with a first code',
        narration: `Alice's authenticator now shows ${firstCode}, computed from the secret and the current 30-second window. The app sends it with VerifySoftwareToken and a friendly device name. The pool computes the same code from its copy: they match, so the software token is verified. TOTP is not turned on yet.`,
      },
      () => ctx.idp.call('VerifySoftwareToken', { AccessToken: accessToken, UserCode: firstCode, FriendlyDeviceName: DEVICE }),
    );

    await ctx.step(
      {
        title: 'Turn TOTP MFA on',
        narration: 'SetUserMFAPreference turns the software token on as an MFA factor and makes it Alice\'s preferred one. From now on every sign-in with her password stops halfway and asks for a code.',
        examTip: 'TOTP (an authenticator app) works offline and costs nothing per sign-in; SMS codes travel over the phone network, cost money per message and can be intercepted (SIM swap). AWS recommends TOTP.',
      },
      () => ctx.idp.call('SetUserMFAPreference', { AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }),
    );

    ctx.advance(30_000);
    const challenge = await ctx.step(
      {
        title: 'Sign in again: the password is not enough',
        narration: 'Thirty seconds later Alice signs in again. The password is right, but instead of tokens the pool answers with the SOFTWARE_TOKEN_MFA challenge, the name of her device and a Session: the sign-in is half done and must be finished within 3 minutes (the app client\'s AuthSessionValidity).',
      },
      signIn,
    );
    const session = challenge.ok ? challenge.output.Session ?? '' : '';

    const code = await totp(secret, ctx.now());
    await ctx.step(
      {
        title: 'Answer with the current code',
        narration: `Her authenticator shows a new code, ${code}: a code works for one 30-second window (Cognito also accepts the previous and the next one, for clock drift) and only once. The app answers with RespondToAuthChallenge and the Session. The pool checks the code and only now issues the three tokens.`,
        examTip: 'Tokens issued after MFA look like any other: apps, API Gateway and identity pools see a user pool token, not how the user proved who they are.',
      },
      () => ctx.idp.call('RespondToAuthChallenge', { ClientId: web.clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: session, ChallengeResponses: { USERNAME: DEMO.alice.username, SOFTWARE_TOKEN_MFA_CODE: code } }),
    );
  },
};
