// The auth sessions of the MFA steps. Unlike the other challenges' sessions (../sessions.ts), an MFA session is
// not spent by a wrong answer: "repeated wrong codes on one session kept returning [CodeMismatchException]"
// [V aws-behaviour.md §3.3, field-test log], and AWS's own SDKs let the user type the code again in the same
// sign-in [V ISS aws-amplify/amplify-flutter#2467 and PR #2468, "Can't resubmit verification code", fixed in the
// library with end-to-end tests against Cognito]. So the session is found first and spent only once the answer
// is right. It still lasts only the app client's AuthSessionValidity (3 minutes by default), and the SMS code
// with it [V COGDOC limits.md: "MFA code … follows AuthSessionValidity"].
import { toBase64Url } from '../../../lib/encoding';
import { AwsError } from '../../core/errors';
import type { ServiceContext } from '../../core/router';
import type { UserPoolEnv } from '../env';
import type { AppClient, AuthSession, UserPool } from '../model';
import type { MfaSessionState } from './model';

export const sessionExpired = () => new AwsError('NotAuthorizedException', 'Invalid session for the user, session is expired.');

/** Opens a session for the next MFA step; `summary` says in the trace why the pool handed it out. */
export function openMfaSession(
  env: UserPoolEnv,
  call: ServiceContext,
  pool: UserPool,
  client: AppClient,
  username: string,
  challengeName: string,
  mfa: MfaSessionState,
  summary?: string,
): string {
  const id = toBase64Url(env.random.bytes(192));
  const expiresAt = env.clock.now() + client.authSessionValidity * 60_000;
  pool.sessions.set(id, { id, username, clientId: client.clientId, challengeName, expiresAt, mfa });
  call.note({
    kind: 'challenge',
    summary: summary ?? `The pool answers with the ${challengeName} challenge and a Session valid for ${client.authSessionValidity} minutes; a wrong answer may be corrected within it.`,
    challengeName,
    expiresAt,
  });
  return id;
}

/** The open session for this answer without spending it, or AWS's error (an expired one is forgotten). */
export function findMfaSession(env: UserPoolEnv, pool: UserPool, clientId: string | undefined, sessionId: string | undefined, challengeName: string): AuthSession {
  const session = sessionId ? pool.sessions.get(sessionId) : undefined;
  if (!session || (clientId !== undefined && session.clientId !== clientId) || session.challengeName !== challengeName) throw sessionExpired();
  if (env.clock.now() >= session.expiresAt) {
    pool.sessions.delete(session.id);
    throw sessionExpired();
  }
  return session;
}

/** The pool and session a Session string names, for the operations that take no ClientId (AssociateSoftwareToken, VerifySoftwareToken). */
export function findSessionAnywhere(env: UserPoolEnv, sessionId: string, challengeName: string): { pool: UserPool; session: AuthSession } {
  for (const pool of env.pools.values()) {
    if (pool.sessions.has(sessionId)) return { pool, session: findMfaSession(env, pool, undefined, sessionId, challengeName) };
  }
  throw sessionExpired();
}

/** A session is used once: the right answer spends it. */
export function spendSession(pool: UserPool, session: AuthSession): void {
  pool.sessions.delete(session.id);
}
