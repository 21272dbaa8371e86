// Auth-flow sessions: the opaque Session string a challenge hands back, valid for the client's
// AuthSessionValidity (3 minutes by default), used once.
import { toBase64Url } from '../../lib/encoding';
import { AwsError } from '../core/errors';
import type { ServiceContext } from '../core/router';
import type { UserPoolEnv } from './env';
import type { AppClient, AuthSession, UserPool } from './model';

export function openSession(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, username: string, challengeName: string): string {
  const id = toBase64Url(env.random.bytes(192));
  const expiresAt = env.clock.now() + client.authSessionValidity * 60_000;
  pool.sessions.set(id, { id, username, clientId: client.clientId, challengeName, expiresAt });
  call.note({ kind: 'challenge', summary: `The pool answers with the ${challengeName} challenge and a Session valid for ${client.authSessionValidity} minutes.`, challengeName, expiresAt });
  return id;
}

const expired = () => new AwsError('NotAuthorizedException', 'Invalid session for the user, session is expired.');

/** The open session for this answer, or AWS's error; the session is used up either way on success. */
export function takeSession(env: UserPoolEnv, pool: UserPool, client: AppClient, sessionId: string | undefined, challengeName: string): AuthSession {
  const session = sessionId ? pool.sessions.get(sessionId) : undefined;
  if (!session || session.clientId !== client.clientId || session.challengeName !== challengeName) throw expired();
  if (env.clock.now() >= session.expiresAt) {
    pool.sessions.delete(session.id);
    throw expired();
  }
  pool.sessions.delete(session.id);
  return session;
}
