// Helpers for the MFA tests: an authenticator app (the otpauth package, independent of the simulator's own TOTP code)
// reading the SecretCode Cognito returned, and the SDK calls of the MFA flows in a learner's words.
import { TOTP, Secret } from 'otpauth';
import {
  AssociateSoftwareTokenCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  UpdateUserAttributesCommand,
  VerifySoftwareTokenCommand,
  type AuthenticationResultType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_PASSWORDS, type Simulator } from '../../index';

/** What these helpers need of the learner's harness (src/testing/user-pool-harness.ts, which tests import). */
interface Lab {
  sim: Simulator;
  cognito: CognitoIdentityProviderClient;
  web: string;
  signIn(username: string, password: string): Promise<AuthenticationResultType>;
}

export const PHONE = '+15555550100';
export const STEP = 30_000;

/** The code an authenticator app shows for `secret` at `at` (epoch ms). */
export function authenticatorCode(secret: string, at: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });
}

export function mfaCalls(lab: Lab) {
  const { cognito, web } = lab;
  return {
    startSignIn: (USERNAME: string, PASSWORD: string, ClientId = web) =>
      cognito.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } })),
    answer: (ChallengeName: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'SELECT_MFA_TYPE' | 'MFA_SETUP', Session: string | undefined, responses: Record<string, string>, ClientId = web) =>
      cognito.send(new RespondToAuthChallengeCommand({ ClientId, ChallengeName, ...(Session !== undefined ? { Session } : {}), ChallengeResponses: responses })),
    associate: (input: { AccessToken?: string; Session?: string }) => cognito.send(new AssociateSoftwareTokenCommand(input)),
    verify: (input: { AccessToken?: string; Session?: string; UserCode: string; FriendlyDeviceName?: string }) => cognito.send(new VerifySoftwareTokenCommand(input)),
    prefer: (AccessToken: string, settings: { sms?: { Enabled?: boolean; PreferredMfa?: boolean }; totp?: { Enabled?: boolean; PreferredMfa?: boolean } }) =>
      cognito.send(new SetUserMFAPreferenceCommand({ AccessToken, ...(settings.sms ? { SMSMfaSettings: settings.sms } : {}), ...(settings.totp ? { SoftwareTokenMfaSettings: settings.totp } : {}) })),
    setPhone: (AccessToken: string, phone = PHONE) => cognito.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'phone_number', Value: phone }] })),
  };
}

/** alice with a verified authenticator app named "Alice's phone", TOTP on (and preferred unless told otherwise). */
export async function aliceWithTotp(lab: Lab, options: { preferred?: boolean } = {}) {
  const calls = mfaCalls(lab);
  const tokens = await lab.signIn('alice', DEMO_PASSWORDS.alice);
  const { SecretCode } = await calls.associate({ AccessToken: tokens.AccessToken! });
  await calls.verify({ AccessToken: tokens.AccessToken!, UserCode: authenticatorCode(SecretCode!, lab.sim.clock.now()), FriendlyDeviceName: "Alice's phone" });
  await calls.prefer(tokens.AccessToken!, { totp: { Enabled: true, PreferredMfa: options.preferred ?? true } });
  // The code used to verify cannot be used again: the next sign-in waits for the next window.
  lab.sim.clock.advance(STEP);
  return { secret: SecretCode!, accessToken: tokens.AccessToken! };
}

