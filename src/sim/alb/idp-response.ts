// GET /oauth2/idpresponse: where the hosted UI sends the browser back with ?code=…&state=…. The load balancer
// handles this path itself and never forwards it. It finds the sign-in it started by `state`, redeems the code
// at the token endpoint with its client secret, checks the ID token, asks userInfo for the claims, sets the
// session cookies and sends the browser back to the URL it first asked for.
import type { ServiceContext } from '../core/router';
import { establishSession, idpFailureResponse } from './establish-session';
import { redeemAtTokenEndpoint } from './idp-calls';
import type { AlbEnv, LoadBalancer } from './model';
import { albError, albRedirect } from './responses';
import { parseCookieHeader, shardNamesIn } from './session-cookie';

export async function handleIdpResponse(env: AlbEnv, ctx: ServiceContext, balancer: LoadBalancer): Promise<Response> {
  ctx.setOperation('GET /oauth2/idpresponse');
  const params = ctx.url.searchParams;
  const state = params.get('state') ?? '';
  const pending = env.pending.get(state);
  if (!pending || pending.balancer !== balancer.name || pending.expiresAt <= ctx.now) {
    // [U] AWS does not document the answer to an unknown or stale state; 401 is what it gives when "the IdP denied access".
    const why = !pending ? 'no sign-in started with this state (already used, or never issued)' : pending.expiresAt <= ctx.now ? 'the sign-in it started has expired' : 'the state belongs to another load balancer';
    ctx.note({ kind: 'error', summary: `Unknown state: ${why}. 401.`, code: 'ELBAuthFailure', message: why, status: 401 });
    return albError(401);
  }
  env.pending.delete(state);
  const rule = balancer.rules.find((r) => r.index === pending.ruleIndex);
  const action = rule?.authenticate;
  if (!action) return albError(500);

  const idpError = params.get('error');
  if (idpError) {
    const message = `${idpError}${params.get('error_description') ? `: ${params.get('error_description')}` : ''}`;
    ctx.note({ kind: 'error', summary: `The IdP sent back an error instead of a code (${message}): 401.`, code: 'ELBAuthFailure', message, status: 401 });
    return albError(401);
  }
  const code = params.get('code');
  if (!code) {
    ctx.note({ kind: 'error', summary: 'No code in the IdP\'s answer: 401.', code: 'ELBAuthFailure', message: 'missing code', status: 401 });
    return albError(401);
  }
  ctx.note({ kind: 'info', summary: `State matched the sign-in started for ${pending.originalUrl}; redeeming the code at https://${action.domainHost}/oauth2/token with client_secret_basic.` });

  const redeemed = await redeemAtTokenEndpoint(ctx, action, { code, redirectUri: pending.redirectUri });
  if (!redeemed.ok) return idpFailureResponse(ctx, redeemed);
  const cookies = parseCookieHeader(ctx.headers.get('cookie'));
  const established = await establishSession(env, ctx, balancer, action, redeemed.tokens, { shards: shardNamesIn(cookies, action.sessionCookieName) });
  if (!established.ok) return established.response;
  ctx.note({ kind: 'info', summary: `Signed in as sub ${established.session.sub} (metric ELBAuthSuccess): 302 back to ${pending.originalUrl}.` });
  return albRedirect(pending.originalUrl, 302, established.setCookies);
}
