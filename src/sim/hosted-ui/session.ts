// The hosted UI's sign-in session: after a successful login the browser holds the `cognito` cookie for one hour, and
// /oauth2/authorize signs the user in again without the login page (single sign-on across the pool's app clients).
// The session is the pool's, not the app's; GlobalSignOut does not end it, /logout does [P aws-behaviour.md §4.3].
import { toBase64Url } from '../../lib/encoding';
import type { User } from '../user-pool/model';
import { oauthNote, type HostedUiContext } from './context';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from './cookies';
import { SESSION_VALIDITY_MS, type BrowserSession } from './state';

/** The signed-in session the request's cookie points at, if it is this pool's, unexpired, and its user can sign in. */
export function currentSession(ctx: HostedUiContext): { session: BrowserSession; user: User } | undefined {
  const id = readCookie(ctx.call.headers, SESSION_COOKIE);
  if (!id) return undefined;
  const session = ctx.state.sessions.get(id);
  const now = ctx.env.clock.now();
  if (!session || session.poolId !== ctx.pool.id) {
    oauthNote(ctx, 'session', 'refused', 'The browser sent a cognito cookie this pool does not know: the user must sign in.');
    return undefined;
  }
  if (now >= session.expiresAt) {
    ctx.state.sessions.delete(id);
    oauthNote(ctx, 'session', 'refused', `The hosted UI session of ${session.username} expired (it lasts one hour): the user must sign in again.`);
    return undefined;
  }
  const user = ctx.pool.users.get(session.username.toLowerCase());
  if (!user || !user.enabled) {
    oauthNote(ctx, 'session', 'refused', `The session's user ${session.username} ${user ? 'is disabled' : 'no longer exists'}: the user must sign in.`);
    return undefined;
  }
  oauthNote(ctx, 'session', 'ok', `The cognito cookie holds a valid session of ${user.username}: no login page, the user is signed in already.`);
  return { session, user };
}

/** Opens a session for the user; returns the Set-Cookie value. */
export function openSession(ctx: HostedUiContext, user: User, authTime: number): string {
  const id = toBase64Url(ctx.env.random.bytes(48));
  const now = ctx.env.clock.now();
  const expiresAt = now + SESSION_VALIDITY_MS;
  ctx.state.sessions.set(id, { id, poolId: ctx.pool.id, username: user.username, authTime, expiresAt });
  oauthNote(ctx, 'session', 'ok', `Cookie set: cognito, a session of ${user.username} for one hour (Secure, HttpOnly). Until it expires, /oauth2/authorize signs ${user.username} in without asking again.`);
  return sessionCookie(id, expiresAt, now);
}

/** Ends the request's session, if any; returns the Set-Cookie value that clears the cookie. */
export function endSession(ctx: HostedUiContext): string {
  const id = readCookie(ctx.call.headers, SESSION_COOKIE);
  const session = id ? ctx.state.sessions.get(id) : undefined;
  if (id) ctx.state.sessions.delete(id);
  oauthNote(ctx, 'logout', 'ok', session ? `The hosted UI session of ${session.username} ends and the cognito cookie is cleared. Tokens already issued stay valid until they expire or are revoked.` : 'There was no session to end; the cognito cookie is cleared anyway.');
  return clearedSessionCookie();
}
