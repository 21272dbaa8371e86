// The authenticate-cognito action on an ordinary request. With a valid session cookie the request goes on
// with the three x-amzn-oidc-* headers; an expired access token is first refreshed with the refresh token
// ("the load balancer refreshes the user session each time the access token expires"; if the refresh fails,
// as after a logout, the user is sent to sign in again). Without a session, OnUnauthenticatedRequest decides:
// authenticate (302 to the hosted UI's /oauth2/authorize), allow (forward without claims) or deny (401).
// Quotations: ELB user guide, listener-authenticate-users.html.
import { toBase64Url } from '../../lib/encoding';
import type { ServiceContext } from '../core/router';
import { signClaimsToken } from './claims-jwt';
import { runFinal } from './actions';
import { establishSession } from './establish-session';
import { redeemAtTokenEndpoint } from './idp-calls';
import type { AlbEnv, AuthenticateAction, LoadBalancer, Rule, SessionPayload } from './model';
import { albError, albRedirect } from './responses';
import { openSession, parseCookieHeader, readShards, shardNamesIn } from './session-cookie';

/** [U] How long the load balancer waits for the browser to come back from the hosted UI. */
export const PENDING_SIGN_IN_MS = 15 * 60_000;

type Current = { session: SessionPayload; setCookies: string[] } | undefined;

async function currentSession(env: AlbEnv, ctx: ServiceContext, balancer: LoadBalancer, action: AuthenticateAction): Promise<Current> {
  const cookies = parseCookieHeader(ctx.headers.get('cookie'));
  const shards = readShards(cookies, action.sessionCookieName);
  const opened = await openSession(await env.cookieKey, shards.value);
  if (!opened.ok) {
    ctx.note({
      kind: 'info',
      summary:
        opened.reason === 'absent'
          ? `No ${action.sessionCookieName}-0 cookie: the browser has no session with this load balancer.`
          : `The ${action.sessionCookieName} cookies could not be decrypted (altered, incomplete, or sealed by another load balancer): no session.`,
    });
    return undefined;
  }
  const session = opened.session;
  if (session.balancer !== balancer.name || session.clientId !== action.clientId) {
    ctx.note({ kind: 'info', summary: `The session cookie belongs to another authenticate action (app client ${session.clientId}): no session for this rule.` });
    return undefined;
  }
  if (session.expiresAt <= ctx.now) {
    ctx.note({ kind: 'info', summary: `The session ended at ${new Date(session.expiresAt).toISOString()} (SessionTimeout ${action.sessionTimeout} s after sign-in).` });
    return undefined;
  }
  if (session.accessTokenExpiresAt > ctx.now) {
    ctx.note({ kind: 'info', summary: `Valid session for sub ${session.sub} until ${new Date(session.expiresAt).toISOString()}; access token valid until ${new Date(session.accessTokenExpiresAt).toISOString()}.` });
    return { session, setCookies: [] };
  }
  if (!session.refreshToken) {
    // "If the session timeout is longer than the access token expiration and the IdP does not support refresh
    // tokens, the load balancer keeps the authentication session until it times out."
    ctx.note({ kind: 'info', summary: 'The access token has expired and there is no refresh token: the session is kept until it times out.' });
    return { session, setCookies: [] };
  }
  ctx.note({ kind: 'info', summary: 'The access token in the session has expired: the load balancer refreshes it at the token endpoint.' });
  const refreshed = await redeemAtTokenEndpoint(ctx, action, { refreshToken: session.refreshToken });
  if (!refreshed.ok) {
    ctx.note({ kind: 'info', summary: `The refresh failed (${refreshed.detail}): the session is dropped, as after a logout.` });
    return undefined;
  }
  const established = await establishSession(env, ctx, balancer, action, refreshed.tokens, { shards: shardNamesIn(cookies, action.sessionCookieName), session });
  if (!established.ok) return undefined;
  ctx.note({ kind: 'info', summary: 'Session refreshed (metric ELBAuthRefreshTokenSuccess): new access token and claims, same session end.' });
  return established;
}

function redirectToSignIn(env: AlbEnv, ctx: ServiceContext, balancer: LoadBalancer, rule: Rule, action: AuthenticateAction): Response {
  for (const [key, old] of env.pending) if (old.expiresAt <= ctx.now) env.pending.delete(key);
  const state = toBase64Url(env.random.bytes(48));
  const redirectUri = `https://${ctx.url.host}/oauth2/idpresponse`;
  env.pending.set(state, {
    state,
    balancer: balancer.name,
    ruleIndex: rule.index,
    originalUrl: ctx.url.href,
    redirectUri,
    createdAt: ctx.now,
    expiresAt: ctx.now + PENDING_SIGN_IN_MS,
  });
  const params = new URLSearchParams({ response_type: 'code', client_id: action.clientId, redirect_uri: redirectUri, scope: action.scope, state });
  for (const [k, v] of Object.entries(action.extraParams)) params.set(k, v);
  const location = `https://${action.domainHost}/oauth2/authorize?${params.toString()}`;
  ctx.note({
    kind: 'info',
    summary: `OnUnauthenticatedRequest is authenticate: 302 to the hosted UI's /oauth2/authorize (code grant, scope "${action.scope}"). The state ties the answer back to ${ctx.url.href}.`,
  });
  return albRedirect(location, 302);
}

async function signedHeaders(env: AlbEnv, ctx: ServiceContext, balancer: LoadBalancer, action: AuthenticateAction, session: SessionPayload): Promise<Record<string, string>> {
  const data = await signClaimsToken({ key: env.signingKey, signer: balancer.arn, issuer: action.issuer, clientId: action.clientId, claims: session.claims, now: ctx.now });
  ctx.note({
    kind: 'info',
    summary: `Forwarded with x-amzn-oidc-accesstoken (the IdP's access token), x-amzn-oidc-identity (sub ${session.sub}) and x-amzn-oidc-data (ES256, kid ${env.signingKey.kid}, signer ${balancer.arn}, exp ${String(data.header.exp)}; base64url with padding).`,
  });
  return { 'x-amzn-oidc-accesstoken': session.accessToken, 'x-amzn-oidc-identity': session.sub, 'x-amzn-oidc-data': data.token };
}

export async function runAuthenticate(env: AlbEnv, ctx: ServiceContext, balancer: LoadBalancer, rule: Rule): Promise<Response> {
  const action = rule.authenticate!;
  const current = await currentSession(env, ctx, balancer, action);
  if (current) {
    const oidc = rule.then.type === 'forward' ? await signedHeaders(env, ctx, balancer, action, current.session) : {};
    return runFinal(env, ctx, rule.then, { oidc, stripOidc: true, setCookies: current.setCookies });
  }
  switch (action.onUnauthenticatedRequest) {
    case 'deny':
      ctx.note({ kind: 'error', summary: 'OnUnauthenticatedRequest is deny: 401, no redirect (what a single-page app\'s AJAX calls need).', code: 'Unauthorized', message: 'no valid session', status: 401 });
      return albError(401);
    case 'allow':
      ctx.note({ kind: 'info', summary: 'OnUnauthenticatedRequest is allow: forwarded without user claims, so the target can show its signed-out view.' });
      return runFinal(env, ctx, rule.then, { stripOidc: true });
    case 'authenticate':
      return redirectToSignIn(env, ctx, balancer, rule, action);
  }
}
