// The load balancer's own calls to the IdP, each a nested exchange from 'alb': the token endpoint
// (authorization code or refresh token, client_secret_basic), the user pool's JWKS to check the ID token,
// and the userInfo endpoint. AWS's order: "The load balancer presents the code to the IdP token endpoint to
// get the ID token and access token. After the load balancer validates the ID token, it exchanges the access
// token with the IdP user info endpoint to get the user claims" (listener-authenticate-users.html).
import { createLocalJWKSet, jwtVerify, type JWK } from 'jose';
import { toBase64, utf8 } from '../../lib/encoding';
import type { ServiceContext } from '../core/router';
import type { AlbEnv, AuthenticateAction } from './model';

/** Why a call failed: 'unreachable' becomes a 500, 'idp-error' a 561 (load-balancer-troubleshooting.html). */
export type IdpFailure = { ok: false; kind: 'unreachable' | 'idp-error' | 'no-id-token' | 'invalid-id-token'; detail: string };

export interface TokenSet {
  accessToken: string;
  idToken: string;
  refreshToken?: string;
  expiresIn: number;
}

async function call(ctx: ServiceContext, request: Request): Promise<{ ok: true; response: Response; body: string } | IdpFailure> {
  try {
    const response = await ctx.fetch(request);
    return { ok: true, response, body: await response.text() };
  } catch (error) {
    return { ok: false, kind: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  }
}

export async function redeemAtTokenEndpoint(
  ctx: ServiceContext,
  action: AuthenticateAction,
  grant: { code: string; redirectUri: string } | { refreshToken: string },
): Promise<{ ok: true; tokens: TokenSet } | IdpFailure> {
  const form = new URLSearchParams(
    'code' in grant
      ? { grant_type: 'authorization_code', code: grant.code, redirect_uri: grant.redirectUri }
      : { grant_type: 'refresh_token', refresh_token: grant.refreshToken },
  );
  const basic = toBase64(utf8.encode(`${action.clientId}:${action.clientSecret}`));
  const result = await call(
    ctx,
    new Request(`https://${action.domainHost}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
      body: form.toString(),
    }),
  );
  if (!result.ok) return result;
  if (result.response.status !== 200) return { ok: false, kind: 'idp-error', detail: `the token endpoint answered ${result.response.status} ${result.body}` };
  const json = safeJson(result.body);
  if (typeof json.access_token !== 'string') return { ok: false, kind: 'idp-error', detail: 'the token endpoint gave no access_token' };
  // "The requested scope doesn't return an ID token" is one of AWS's listed causes of a 500.
  if (typeof json.id_token !== 'string') return { ok: false, kind: 'no-id-token', detail: 'the token endpoint gave no id_token: the scope must include openid' };
  return {
    ok: true,
    tokens: {
      accessToken: json.access_token,
      idToken: json.id_token,
      ...(typeof json.refresh_token === 'string' ? { refreshToken: json.refresh_token } : {}),
      expiresIn: typeof json.expires_in === 'number' ? json.expires_in : 3600,
    },
  };
}

/** Checks the ID token against the pool's JWKS (fetched once per pool, then cached as the load balancer would). */
export async function validateIdToken(env: AlbEnv, ctx: ServiceContext, action: AuthenticateAction, idToken: string): Promise<{ ok: true; claims: Record<string, unknown> } | IdpFailure> {
  let jwks = env.jwks.get(action.userPoolId);
  if (!jwks) {
    const result = await call(ctx, new Request(`${action.issuer}/.well-known/jwks.json`));
    if (!result.ok) return result;
    if (result.response.status !== 200) return { ok: false, kind: 'unreachable', detail: `the JWKS answered ${result.response.status}` };
    jwks = safeJson(result.body) as { keys: JWK[] };
    env.jwks.set(action.userPoolId, jwks);
  }
  try {
    const { payload } = await jwtVerify(idToken, createLocalJWKSet(jwks), { issuer: action.issuer, audience: action.clientId, currentDate: new Date(ctx.now) });
    return { ok: true, claims: payload as Record<string, unknown> };
  } catch (error) {
    return { ok: false, kind: 'invalid-id-token', detail: error instanceof Error ? error.message : String(error) };
  }
}

export async function fetchUserInfo(ctx: ServiceContext, action: AuthenticateAction, accessToken: string): Promise<{ ok: true; claims: Record<string, unknown> } | IdpFailure> {
  const result = await call(ctx, new Request(`https://${action.domainHost}/oauth2/userInfo`, { headers: { authorization: `Bearer ${accessToken}` } }));
  if (!result.ok) return result;
  if (result.response.status !== 200) return { ok: false, kind: 'idp-error', detail: `the userInfo endpoint answered ${result.response.status} ${result.body}` };
  const claims = safeJson(result.body);
  if (typeof claims.sub !== 'string') return { ok: false, kind: 'idp-error', detail: 'the userInfo answer has no sub' };
  return { ok: true, claims };
}

function safeJson(text: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
