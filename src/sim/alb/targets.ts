// The instances behind the load balancers, reached at their private DNS names over HTTP (actor 'target').
// Three built-in applications: show-oidc-headers (what the app receives, and its check of x-amzn-oidc-data),
// health (a page for health checks) and sign-out. Sign-out does what AWS asks of the application: "set the
// expiration time of the authentication session cookie to -1 and redirect the client to the IdP logout
// endpoint" (listener-authenticate-users.html, "Authentication logout and session timeout"); the load balancer
// itself has no logout. In AWS these hosts are private: only the load balancer reaches them.
import { appendSetCookie } from '../core/cookies';
import type { Service, ServiceContext } from '../core/router';
import { DEFAULT_COOKIE_NAME } from './build';
import type { AlbEnv, LoadBalancer, Target } from './model';
import { expireCookie, parseCookieHeader, shardNamesIn } from './session-cookie';
import { showOidcHeaders, type VerifierContext } from './show-oidc-headers';

function signOut(ctx: ServiceContext, balancer: LoadBalancer, target: Target): Response {
  const action = balancer.rules.find((r) => r.authenticate)?.authenticate;
  const cookieName = action?.sessionCookieName ?? DEFAULT_COOKIE_NAME;
  const cookies = parseCookieHeader(ctx.headers.get('cookie'));
  const names = new Set([`${cookieName}-0`, ...shardNamesIn(cookies, cookieName)]);
  const headers = new Headers({ 'content-type': 'text/html' });
  for (const name of [...names].sort()) appendSetCookie(headers, expireCookie(name));
  const logoutUri = `https://${balancer.dnsName}${target.logoutPath}`;
  const location = action
    ? `https://${action.domainHost}/logout?${new URLSearchParams({ client_id: action.clientId, logout_uri: logoutUri }).toString()}`
    : logoutUri;
  headers.set('location', location);
  ctx.note({
    kind: 'info',
    summary:
      `Sign-out: the application expires ${[...names].join(', ')} (Max-Age=-1) and redirects to ${action ? "Cognito's /logout, which ends the hosted UI's session and returns to " + logoutUri : logoutUri}. ` +
      'The load balancer keeps no session table: a copy of the old cookies would still be accepted until the session or its access token expires.',
  });
  return new Response(null, { status: 302, headers });
}

export function createTargetService(env: AlbEnv): Service {
  const byHost = new Map<string, { balancer: LoadBalancer; target: Target; vc: VerifierContext }>();
  for (const balancer of env.balancers) {
    const vc: VerifierContext = { region: env.region, balancer, keys: new Map() };
    for (const target of balancer.targets) byHost.set(target.host, { balancer, target, vc });
  }
  return {
    actor: 'target',
    handles: (host) => byHost.has(host),
    async handle(ctx) {
      const { balancer, target, vc } = byHost.get(ctx.url.hostname.toLowerCase())!;
      switch (target.handler) {
        case 'show-oidc-headers':
          return showOidcHeaders(vc, ctx, target.name);
        case 'health':
          ctx.note({ kind: 'info', summary: `Target ${target.name} answers its health page: 200.` });
          return new Response(`${JSON.stringify({ status: 'healthy', target: target.name })}\n`, { status: 200, headers: { 'content-type': 'application/json' } });
        case 'sign-out':
          return signOut(ctx, balancer, target);
      }
    },
  };
}
