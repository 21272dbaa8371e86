// The load balancers' listeners, reached at their DNS names. HTTPS:443 evaluates the rules by priority
// (lowest first; the first whose path pattern matches wins, else the default action); HTTP:80, where
// configured, only redirects to HTTPS. /oauth2/idpresponse belongs to the load balancer itself whenever
// one of its rules authenticates.
import type { Service, ServiceContext } from '../core/router';
import { runFinal } from './actions';
import { runAuthenticate } from './authenticate';
import { handleIdpResponse } from './idp-response';
import type { AlbEnv, LoadBalancer } from './model';
import { pathMatches } from './path-pattern';
import { albError, albRedirect, redirectLocation } from './responses';

async function handleHttps(env: AlbEnv, ctx: ServiceContext, balancer: LoadBalancer): Promise<Response> {
  if (ctx.url.pathname === '/oauth2/idpresponse' && balancer.rules.some((r) => r.authenticate)) return handleIdpResponse(env, ctx, balancer);
  const rule = balancer.rules.find((r) => pathMatches(r.path, ctx.url.pathname));
  if (!rule) {
    ctx.note({ kind: 'info', summary: `No rule matches ${ctx.url.pathname}: the listener's default action runs.` });
    return runFinal(env, ctx, balancer.defaultAction);
  }
  const first = rule.authenticate ? 'authenticate-cognito' : rule.then.type;
  ctx.note({ kind: 'info', summary: `Rule priority ${rule.priority} (path ${rule.path}) matches ${ctx.url.pathname}: ${first}${rule.authenticate ? `, then ${rule.then.type}` : ''}.` });
  if (rule.authenticate) return runAuthenticate(env, ctx, balancer, rule);
  return runFinal(env, ctx, rule.then);
}

export function createAlbService(env: AlbEnv): Service {
  const byHost = new Map(env.balancers.map((b) => [b.dnsName.toLowerCase(), b]));
  return {
    actor: 'alb',
    handles: (host) => byHost.has(host),
    async handle(ctx) {
      const balancer = byHost.get(ctx.url.hostname.toLowerCase())!;
      if (ctx.url.protocol === 'https:') return handleHttps(env, ctx, balancer);
      if (balancer.httpListener === 'redirect-to-https') {
        const location = redirectLocation({ statusCode: 'HTTP_301', protocol: 'HTTPS', port: '443' }, ctx.url);
        ctx.note({ kind: 'info', summary: `The HTTP:80 listener only redirects: 301 to ${location}.` });
        return albRedirect(location, 301);
      }
      // [U] With no HTTP listener the connection would be refused; the simulator answers 400 and says why.
      ctx.note({ kind: 'error', summary: 'This load balancer has no HTTP:80 listener; only HTTPS:443 is open.', code: 'NoListener', message: 'no HTTP listener', status: 400 });
      return albError(400);
    },
  };
}
