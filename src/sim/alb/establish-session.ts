// From tokens to a session cookie, shared by the first sign-in (/oauth2/idpresponse) and by a refresh when
// the access token has expired: validate the ID token, fetch the user claims from userInfo, refuse claims
// too large to carry ("If the total size of the user claims and access token received from the IdP is
// greater than 11K bytes in size, the load balancer returns an HTTP 500 error", listener-authenticate-users.html),
// then seal the session and shard it into Set-Cookie headers.
import { utf8 } from '../../lib/encoding';
import type { ServiceContext } from '../core/router';
import { fetchUserInfo, validateIdToken, type IdpFailure, type TokenSet } from './idp-calls';
import type { AlbEnv, AuthenticateAction, LoadBalancer, SessionPayload } from './model';
import { albError } from './responses';
import { sealSession, sessionSetCookies, SHARD_SIZE } from './session-cookie';

/** [U] "11K bytes": read as 11 × 1024. */
export const MAX_CLAIMS_BYTES = 11 * 1024;

export type Established = { ok: true; session: SessionPayload; setCookies: string[] } | { ok: false; response: Response };

/** The ALB's answer to a failed IdP call, with a note naming the CloudWatch metric AWS increments. [P] metric names. */
export function idpFailureResponse(ctx: ServiceContext, failure: IdpFailure): Response {
  const status = failure.kind === 'idp-error' || failure.kind === 'invalid-id-token' ? 561 : 500;
  const code = failure.kind === 'idp-error' || failure.kind === 'invalid-id-token' ? 'ELBAuthFailure' : 'ELBAuthError';
  ctx.note({ kind: 'error', summary: `Authentication failed (${failure.kind}): ${failure.detail}. The load balancer answers ${status}.`, code, message: failure.detail, status });
  return albError(status);
}

export async function establishSession(
  env: AlbEnv,
  ctx: ServiceContext,
  balancer: LoadBalancer,
  action: AuthenticateAction,
  tokens: TokenSet,
  previous: { shards: string[]; session?: SessionPayload },
): Promise<Established> {
  const id = await validateIdToken(env, ctx, action, tokens.idToken);
  if (!id.ok) {
    ctx.note({ kind: 'token-checked', summary: `The ID token was refused: ${id.detail}`, tokenUse: 'id', outcome: 'invalid', reason: id.detail });
    return { ok: false, response: idpFailureResponse(ctx, id) };
  }
  ctx.note({ kind: 'token-checked', summary: `The ID token is valid: signed by a key in the pool's JWKS, iss ${action.issuer}, aud ${action.clientId}, not expired.`, tokenUse: 'id', outcome: 'valid' });

  const info = await fetchUserInfo(ctx, action, tokens.accessToken);
  if (!info.ok) return { ok: false, response: idpFailureResponse(ctx, info) };

  const size = utf8.encode(tokens.accessToken).length + utf8.encode(JSON.stringify(info.claims)).length;
  if (size > MAX_CLAIMS_BYTES) {
    ctx.note({ kind: 'error', summary: `The access token and user claims come to ${size} bytes, over the 11K the load balancer can carry: HTTP 500.`, code: 'ELBAuthUserClaimsSizeExceeded', message: `${size} bytes`, status: 500 });
    return { ok: false, response: albError(500) };
  }

  const now = ctx.now;
  const refreshToken = tokens.refreshToken ?? previous.session?.refreshToken;
  const session: SessionPayload = {
    v: 1,
    balancer: balancer.name,
    clientId: action.clientId,
    cookieName: action.sessionCookieName,
    sub: info.claims.sub as string,
    accessToken: tokens.accessToken,
    accessTokenExpiresAt: now + tokens.expiresIn * 1000,
    ...(refreshToken ? { refreshToken } : {}),
    claims: info.claims,
    // A refresh keeps the session's original end: SessionTimeout counts from the sign-in.
    issuedAt: previous.session?.issuedAt ?? now,
    expiresAt: previous.session?.expiresAt ?? now + action.sessionTimeout * 1000,
  };
  const sealed = await sealSession(await env.cookieKey, env.random, session);
  const setCookies = sessionSetCookies(action.sessionCookieName, sealed, session.expiresAt, previous.shards);
  const shards = Math.ceil(sealed.length / SHARD_SIZE);
  ctx.note({
    kind: 'info',
    summary:
      `Session cookie set: ${sealed.length} characters of AES-GCM ciphertext (access token, ${refreshToken ? 'refresh token, ' : ''}user claims, expiry) ` +
      `in ${shards} cookie${shards === 1 ? '' : 's'} ${Array.from({ length: shards }, (_, i) => `${action.sessionCookieName}-${i}`).join(', ')} ` +
      `(each at most ${SHARD_SIZE} characters), Secure and HttpOnly, until ${new Date(session.expiresAt).toISOString()} (SessionTimeout ${action.sessionTimeout} s).`,
  });
  return { ok: true, session, setCookies };
}
