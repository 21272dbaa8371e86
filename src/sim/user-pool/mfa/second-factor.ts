// Which second factor a sign-in needs once the password (or SRP) has been proven, and the challenge that asks
// for it. The rules [V aws-behaviour.md §3.9; COGDOC user-pool-settings-mfa.md; SetUserPoolMfaConfig's
// MfaConfiguration: "OFF MFA won't be used for any users … ON MFA is required for all users to sign in …
// OPTIONAL MFA will be required only for individual users who have an MFA factor activated"]:
//   - OFF: never.
//   - A user with factors turned on: the preferred one; the only one; or, with SMS and TOTP both on and neither
//     preferred, SELECT_MFA_TYPE [V amplify-swift MFASignInTests and amplify-flutter mfa_sms_totp_required_test,
//     both run against real pools; MFAS_CAN_CHOOSE lists SMS_MFA first here, [U] AWS's order is not shown].
//   - ON and no factor yet: a user with a phone number gets SMS_MFA at once, "MFA is required so Cognito
//     automatically enables SMS MFA" [V amplify-flutter mfa_sms_totp_required_test, with an unverified number];
//     anyone else gets MFA_SETUP with "MFAS_CAN_SETUP" listing the factors the pool offers [V BOTO
//     RespondToAuthChallenge doc: "The MFA types activated for the user pool will be listed in the challenge
//     parameters MFAS_CAN_SETUP"; FIX a CLI capture: "[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]"].
//   - OPTIONAL and no factor: the tokens.
// A factor counts when it can work: SMS needs a phone_number (verified or not: "Phone numbers don't need to be
// verified to be used for SMS MFA" [V BOTO SMSMfaSettingsType]); TOTP needs a verified software token, which
// keeps working even if the pool stops offering TOTP [V COGDOC user-pool-settings-mfa-totp.md].
import type { ServiceContext } from '../../core/router';
import { maskDestination } from '../attributes';
import type { UserPoolEnv } from '../env';
import type { AppClient, User, UserPool } from '../model';
import type { InitiateAuthOutput } from '../password-auth';
import { CHALLENGE_OF, mfaOf, verifiedToken, type MfaChallengeName, type MfaFactorName } from './model';
import { openMfaSession } from './session';

export type SecondFactor =
  | { kind: 'none' }
  | { kind: 'challenge'; challenge: MfaChallengeName; enablesSms?: boolean }
  | { kind: 'select'; options: MfaChallengeName[] }
  | { kind: 'setup'; canSetup: MfaChallengeName[] };

const ORDER: MfaFactorName[] = ['SMS', 'TOTP'];

/** The factors of this user that would work at sign-in now, SMS first. */
export function workingFactors(user: User): MfaFactorName[] {
  const mfa = mfaOf(user);
  return ORDER.filter((f) => (f === 'SMS' ? mfa.smsEnabled && !!user.attributes.get('phone_number') : mfa.totpEnabled && verifiedToken(user) !== undefined));
}

export function secondFactorFor(pool: UserPool, user: User): SecondFactor {
  if (pool.mfaConfiguration === 'OFF') return { kind: 'none' };
  const factors = workingFactors(user);
  const preferred = mfaOf(user).preferred;
  if (preferred && factors.includes(preferred)) return { kind: 'challenge', challenge: CHALLENGE_OF[preferred] };
  if (factors.length === 1) return { kind: 'challenge', challenge: CHALLENGE_OF[factors[0]!] };
  if (factors.length > 1) return { kind: 'select', options: factors.map((f) => CHALLENGE_OF[f]) };
  if (pool.mfaConfiguration === 'OPTIONAL') return { kind: 'none' };
  if (pool.mfaFactors.includes('SMS') && user.attributes.get('phone_number')) return { kind: 'challenge', challenge: 'SMS_MFA', enablesSms: true };
  return { kind: 'setup', canSetup: ORDER.filter((f) => pool.mfaFactors.includes(f)).map((f) => CHALLENGE_OF[f]) };
}

/** The default SmsAuthenticationMessage [P: the console's and CloudFormation's default "Your authentication code is {####}. "]. */
const smsBody = (code: string) => `Your authentication code is ${code}. `;

/** The challenge that asks for this second factor: texts the code for SMS_MFA, opens the Session either way. */
export function askFor(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, user: User, challenge: MfaChallengeName, options: { enablesSms?: boolean } = {}): InitiateAuthOutput {
  if (challenge === 'SMS_MFA') {
    const phone = user.attributes.get('phone_number')!;
    const code = env.random.digits(6);
    const now = env.clock.now();
    env.outbox.deliver({ channel: 'SMS', destination: phone, body: smsBody(code), code, at: now });
    call.note({
      kind: 'mfa',
      factor: 'SMS',
      step: 'challenge',
      outcome: 'ok',
      summary: `A six-digit sign-in code was texted to ${user.username}'s phone ${phone}; it is valid as long as the Session (${client.authSessionValidity} minutes).${options.enablesSms ? ' The pool requires MFA and the user had no factor yet, so Cognito uses the phone number it has and turns SMS MFA on once the code is right.' : ''}`,
      detail: 'SMS_MFA',
    });
    const session = openMfaSession(env, call, pool, client, user.username, 'SMS_MFA', { smsCode: code, ...(options.enablesSms ? { enablesSms: true } : {}) });
    return {
      ChallengeName: 'SMS_MFA',
      Session: session,
      // [P aws-behaviour.md §3.7] masked as AWS shows a destination: +*******0100.
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: maskDestination('SMS', phone), USER_ID_FOR_SRP: user.username },
    };
  }
  const device = verifiedToken(user)?.friendlyDeviceName;
  call.note({
    kind: 'mfa',
    factor: 'TOTP',
    step: 'challenge',
    outcome: 'ok',
    summary: `${user.username} must type the current code of the authenticator app${device ? ` "${device}"` : ''}. Nothing is sent: the app computes the code from the shared secret and the time, and the pool does the same.`,
    detail: 'SOFTWARE_TOKEN_MFA',
  });
  const session = openMfaSession(env, call, pool, client, user.username, 'SOFTWARE_TOKEN_MFA', {});
  // [V AWS CLI example of respond-to-auth-challenge: {"FRIENDLY_DEVICE_NAME": "transparent"}; amplify-flutter checks it
  // is absent when no name was given]. USER_ID_FOR_SRP as in the other challenges [P aws-behaviour.md §3.7].
  return { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: session, ChallengeParameters: { ...(device ? { FRIENDLY_DEVICE_NAME: device } : {}), USER_ID_FOR_SRP: user.username } };
}

/**
 * After the first factor: the MFA challenge this sign-in needs, or undefined when the tokens may be issued now.
 * Called by afterFirstFactor (../sign-in-next.ts) for every first factor.
 */
export function askSecondFactor(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, user: User): InitiateAuthOutput | undefined {
  const next = secondFactorFor(pool, user);
  switch (next.kind) {
    case 'none':
      return undefined;
    case 'challenge':
      return askFor(env, call, pool, client, user, next.challenge, next.enablesSms ? { enablesSms: true } : {});
    case 'select': {
      const session = openMfaSession(env, call, pool, client, user.username, 'SELECT_MFA_TYPE', {}, `${user.username} has SMS and TOTP MFA both turned on and neither preferred, so the pool answers SELECT_MFA_TYPE: the app asks which one to use. The Session is valid for ${client.authSessionValidity} minutes.`);
      return { ChallengeName: 'SELECT_MFA_TYPE', Session: session, ChallengeParameters: { MFAS_CAN_CHOOSE: JSON.stringify(next.options), USER_ID_FOR_SRP: user.username } };
    }
    case 'setup': {
      const totp = next.canSetup.includes('SOFTWARE_TOKEN_MFA');
      const how = totp
        ? 'The app passes this Session to AssociateSoftwareToken, has the user add the secret to an authenticator app, proves it with VerifySoftwareToken, then answers MFA_SETUP with the Session that returns.'
        : 'The pool offers only SMS and the user has no phone number, so an administrator must add one before this user can sign in.';
      const session = openMfaSession(env, call, pool, client, user.username, 'MFA_SETUP', { setup: 'challenged' }, `The pool requires MFA and ${user.username} has no second factor yet, so it answers MFA_SETUP (Session valid for ${client.authSessionValidity} minutes). ${how}`);
      return { ChallengeName: 'MFA_SETUP', Session: session, ChallengeParameters: { MFAS_CAN_SETUP: JSON.stringify(next.canSetup), USER_ID_FOR_SRP: user.username } };
    }
  }
}
