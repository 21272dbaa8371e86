// The software token (TOTP authenticator) of one user: associating a new secret, verifying it with a first code, and
// turning it on at the end of an MFA_SETUP sign-in. Shared by AssociateSoftwareToken, VerifySoftwareToken, the
// MFA_SETUP challenge and the hosted UI's set-up page.
//   - "If TOTP software token MFA isn't enabled for the user pool, users can't be associated or verified with the
//     token. They receive this SoftwareTokenMFANotFoundException exception: "Software Token MFA has not been enabled
//     by the userPool."" [V COGDOC user-pool-settings-mfa-totp.md]
//   - "Calling AssociateSoftwareToken immediately disassociates the existing software token from the user account. If
//     the user doesn't subsequently verify the software token, their account is essentially set up to authenticate
//     without MFA." [V same page]
//   - A wrong first code: EnableSoftwareTokenMFAException "Code mismatch and fail enable Software Token MFA" [V ISS
//     aws-samples/aws-amplify-auth-starters#15, the response body captured]; the user may try again [V COGDOC: "your
//     user can either try again or cancel"; amplify-flutter PR #4532 "Allow retries with verifyTotpSetup()"].
//   - Verifying does not turn TOTP MFA on: "Next, you can enable TOTP MFA for your user or set TOTP as the preferred
//     MFA method" [V COGDOC]. The MFA_SETUP sign-in does turn it on, and preferred [P amplify-flutter
//     mfa_sms_totp_required_test: after setup the user's preference is enabled {TOTP}, preferred TOTP].
import { toBase32 } from '../../../lib/totp';
import { AwsError } from '../../core/errors';
import type { ServiceContext } from '../../core/router';
import type { UserPoolEnv } from '../env';
import type { User, UserPool } from '../model';
import { tokenReused } from './answers';
import { editMfa } from './model';
import { checkTotpCode, driftWords } from './totp-check';

export function requireTotpOffered(call: ServiceContext, pool: UserPool): void {
  if (pool.mfaFactors.includes('TOTP')) return;
  call.note({ kind: 'mfa', factor: 'TOTP', step: 'associate', outcome: 'refused', summary: `The pool ${pool.name} does not offer authenticator apps (TOTP) as a second factor${pool.mfaConfiguration === 'OFF' ? ': MFA is OFF' : ''}.` });
  throw new AwsError('SoftwareTokenMFANotFoundException', 'Software Token MFA has not been enabled by the userPool.');
}

/** A new secret for the user (32 random bytes, 52 base32 characters); the old token stops working. */
export function associateToken(env: UserPoolEnv, call: ServiceContext, user: User, how: string): string {
  const secret = toBase32(env.random.bytes(32));
  const mfa = editMfa(user);
  const replaced = mfa.softwareToken?.verified === true;
  mfa.softwareToken = { secret, verified: false, associatedAt: env.clock.now() };
  // Used codes belong to the old secret; the new one starts with none.
  delete mfa.lastTotpStep;
  if (replaced) {
    mfa.totpEnabled = false;
    if (mfa.preferred === 'TOTP') delete mfa.preferred;
  }
  // The secret itself is only in the response body (the learner sees it in the HTTP tab), never in a note.
  call.note({
    kind: 'mfa',
    factor: 'TOTP',
    step: 'associate',
    outcome: 'ok',
    summary: `A new TOTP secret (256 random bits, written as 52 base32 characters) was made for ${user.username} ${how} and handed out once. The pool keeps a copy; the authenticator app will keep the other. It is unverified until a right code from it comes back.${replaced ? ' The previous authenticator no longer works.' : ''}`,
  });
  return secret;
}

/** Checks the first code of the user's new secret and marks the token verified, or throws AWS's error. */
export async function verifyToken(env: UserPoolEnv, call: ServiceContext, user: User, code: string, deviceName: string | undefined): Promise<void> {
  const token = editMfa(user).softwareToken;
  if (!token) {
    call.note({ kind: 'mfa', factor: 'TOTP', step: 'verify', outcome: 'refused', summary: `${user.username} has no software token to verify: AssociateSoftwareToken comes first.` });
    // [P message: ISS amazon-cognito-identity-js#630, the same exception for a user without a software token]
    throw new AwsError('SoftwareTokenMFANotFoundException', 'Software Token MFA does not exist for the user.');
  }
  const check = await checkTotpCode(user, token.secret, code, env.clock.now());
  if (check.outcome === 'mismatch') {
    call.note({ kind: 'mfa', factor: 'TOTP', step: 'verify', outcome: 'refused', summary: `The code is not the one ${user.username}'s secret gives for the previous, current or next 30-second window: the authenticator was set up with another secret, or its clock is off. The user may try again.` });
    throw new AwsError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA');
  }
  if (check.outcome === 'reused') {
    call.note({ kind: 'mfa', factor: 'TOTP', step: 'verify', outcome: 'refused', summary: 'That code (or a later one) was already accepted: a TOTP code works once. Wait for the next one.' });
    throw tokenReused();
  }
  token.verified = true;
  if (deviceName !== undefined && deviceName !== '') token.friendlyDeviceName = deviceName;
  user.lastModified = env.clock.now();
  call.note({
    kind: 'mfa',
    factor: 'TOTP',
    step: 'verify',
    outcome: 'ok',
    summary: `The code is right (${driftWords(check.drift)}), so the app and the pool hold the same secret: ${user.username}'s software token${deviceName ? ` "${deviceName}"` : ''} is verified. That alone does not turn TOTP MFA on: SetUserMFAPreference does (or finishing MFA_SETUP, during sign-in).`,
  });
}

/** The end of an MFA_SETUP sign-in: TOTP on and preferred. */
export function finishSetup(env: UserPoolEnv, call: ServiceContext, user: User): void {
  const mfa = editMfa(user);
  mfa.totpEnabled = true;
  mfa.preferred = 'TOTP';
  user.lastModified = env.clock.now();
  call.note({ kind: 'mfa', factor: 'TOTP', step: 'preference', outcome: 'ok', summary: `${user.username} finished setting up an authenticator app: TOTP MFA is now on and preferred, and every later sign-in asks for its code.` });
}
