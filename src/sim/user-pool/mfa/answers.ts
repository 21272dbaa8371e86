// Checking the answers to the MFA challenges, shared by RespondToAuthChallenge, AdminRespondToAuthChallenge and
// the hosted UI's MFA page: each finds the open session, checks the code and spends the session only when the
// code is right, so the user may type it again within the session (./session.ts). Tokens are the caller's job.
//
// A wrong code at sign-in: CodeMismatchException "Invalid code received for user" [P aws-amplify/amplify-js
// packages/auth/src/common/AuthErrorStrings.ts INVALID_MFA_CODE, "User attempts sign-in and provides incorrect code
// to confirmSignIn"]. Older captures show "Invalid code or auth state for the user." for the same case
// [V aws-behaviour.md §3.3]; the simulator uses the newer wording.
import { AwsError } from '../../core/errors';
import type { ServiceContext } from '../../core/router';
import { sameCode } from '../../../lib/totp';
import type { UserPoolEnv } from '../env';
import { requireUserByUsername } from '../lookup';
import type { AuthSession, User, UserPool } from '../model';
import { editMfa, verifiedToken, type MfaChallengeName } from './model';
import { findMfaSession, spendSession } from './session';
import { checkTotpCode, driftWords } from './totp-check';

export const codeMismatch = () => new AwsError('CodeMismatchException', 'Invalid code received for user');
export const tokenReused = () => new AwsError('ExpiredCodeException', 'Your software token has already been used once.');

/** The session and its user; a user deleted meanwhile ends the sign-in as AWS ends a deleted user's sessions. */
function sessionUser(env: UserPoolEnv, pool: UserPool, clientId: string, sessionId: string | undefined, challenge: string): { session: AuthSession; user: User } {
  const session = findMfaSession(env, pool, clientId, sessionId, challenge);
  return { session, user: requireUserByUsername(pool, session.username) };
}

/** SMS_MFA: the code texted for this session. */
export function checkSmsAnswer(env: UserPoolEnv, call: ServiceContext, pool: UserPool, clientId: string, sessionId: string | undefined, code: string): User {
  const { session, user } = sessionUser(env, pool, clientId, sessionId, 'SMS_MFA');
  const sent = session.mfa?.smsCode;
  if (sent === undefined || !sameCode(sent, code)) {
    call.note({ kind: 'mfa', factor: 'SMS', step: 'code-checked', outcome: 'refused', summary: `The SMS code does not match the one texted to ${user.username}. The Session stays open: the user may type the code again until it expires.` });
    throw codeMismatch();
  }
  spendSession(pool, session);
  call.note({ kind: 'mfa', factor: 'SMS', step: 'code-checked', outcome: 'ok', summary: `The SMS code matches: ${user.username} proved they hold the phone. The Session is used up.` });
  const changes: string[] = [];
  if (session.mfa?.enablesSms) {
    const mfa = editMfa(user);
    mfa.smsEnabled = true;
    changes.push('SMS MFA turned on (the pool requires MFA)');
  }
  // "You can use unverified phone numbers for SMS MFA. These numbers will have a verified status after
  // multi-factor authentication succeeds." [V COGDOC user-pool-settings-mfa.md]
  if (user.attributes.get('phone_number_verified') !== 'true') {
    user.attributes.set('phone_number_verified', 'true');
    changes.push('phone_number verified');
  }
  if (changes.length > 0) {
    user.lastModified = env.clock.now();
    call.note({ kind: 'user-changed', summary: `${user.username}: ${changes.join('; ')}, since the code sent to the phone came back.`, username: user.username, change: changes.join(', ') });
  }
  return user;
}

/** SOFTWARE_TOKEN_MFA: the current code of the user's verified software token. */
export async function checkTotpAnswer(env: UserPoolEnv, call: ServiceContext, pool: UserPool, clientId: string, sessionId: string | undefined, code: string): Promise<User> {
  const { session, user } = sessionUser(env, pool, clientId, sessionId, 'SOFTWARE_TOKEN_MFA');
  const token = verifiedToken(user);
  if (!token) {
    // The token was replaced (AssociateSoftwareToken) after the challenge. [P message: ISS amazon-cognito-identity-js#630]
    call.note({ kind: 'mfa', factor: 'TOTP', step: 'code-checked', outcome: 'refused', summary: `${user.username} has no verified software token any more (a new one was associated and not yet verified).` });
    throw new AwsError('SoftwareTokenMFANotFoundException', 'Software Token MFA does not exist for the user.');
  }
  const check = await checkTotpCode(user, token.secret, code, env.clock.now());
  switch (check.outcome) {
    case 'mismatch':
      call.note({ kind: 'mfa', factor: 'TOTP', step: 'code-checked', outcome: 'refused', summary: `The code matches none of the three 30-second windows around now (previous, current, next) for ${user.username}'s secret. The Session stays open for another try.` });
      throw codeMismatch();
    case 'reused':
      call.note({ kind: 'mfa', factor: 'TOTP', step: 'code-checked', outcome: 'refused', summary: `The code is right for its window, but a code of that window (or a later one) was already accepted for ${user.username}: a TOTP code works once. Wait for the next code.` });
      throw tokenReused();
    case 'valid':
      spendSession(pool, session);
      call.note({ kind: 'mfa', factor: 'TOTP', step: 'code-checked', outcome: 'ok', summary: `The authenticator code is right (${driftWords(check.drift)}). Cognito computed the same six digits from the shared secret and the clock; nothing secret crossed the network. The Session is used up.` });
      return user;
  }
}

/** SELECT_MFA_TYPE: the factor the user chose, if it is one they were offered. */
export function checkChoice(env: UserPoolEnv, call: ServiceContext, pool: UserPool, clientId: string, sessionId: string | undefined, answer: string, offered: readonly MfaChallengeName[]): { user: User; challenge: MfaChallengeName } {
  const { session, user } = sessionUser(env, pool, clientId, sessionId, 'SELECT_MFA_TYPE');
  const challenge = offered.find((c) => c === answer);
  if (!challenge) {
    // [U] AWS's answer to a factor it did not offer is not documented.
    call.note({ kind: 'info', summary: `${answer} is not one of the factors offered (${offered.join(', ')}).` });
    throw new AwsError('InvalidParameterException', `Invalid MFA type: ${answer}`);
  }
  spendSession(pool, session);
  return { user, challenge };
}
