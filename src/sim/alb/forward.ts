// The forward action: the request goes on to the target's private address over HTTP (a target group on
// port 80), as a nested exchange from 'alb' to 'target', with the headers the load balancer adds
// (X-Forwarded-For/-Proto/-Port and X-Amzn-Trace-Id; ELB user guide x-forwarded-headers.html and
// load-balancer-request-tracing.html) and, after authentication, the three x-amzn-oidc-* headers.
// The browser's Cookie header goes on to the target (carried as x-sim-cookie too, which a browser's Request
// keeps), and cookies the load balancer adds go through appendSetCookie: src/sim/core/cookies.ts.
import { toHex } from '../../lib/encoding';
import { seconds } from '../core/clock';
import { appendSetCookie, carryCookieHeader } from '../core/cookies';
import type { ServiceContext } from '../core/router';
import type { AlbEnv, Target } from './model';

/** The browser's public address as the load balancer sees it: a documentation address (RFC 5737), illustrative only. */
export const CLIENT_IP = '198.51.100.24';

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

export interface ForwardOptions {
  /** x-amzn-oidc-accesstoken, -identity and -data after a successful authentication. */
  oidc?: Record<string, string>;
  /** On a rule with an authenticate action, client-sent x-amzn-oidc-* headers are dropped. */
  stripOidc: boolean;
  /** Set-Cookie headers the load balancer adds to the target's answer (a refreshed session). */
  setCookies?: string[];
}

export async function forwardToTarget(env: AlbEnv, ctx: ServiceContext, target: Target, options: ForwardOptions): Promise<Response> {
  const headers = new Headers(ctx.headers);
  for (const name of HOP_BY_HOP) headers.delete(name);
  if (options.stripOidc) {
    // [U] AWS does not say what happens to x-amzn-oidc-* headers a client sends itself; the load balancer is
    // assumed to drop them on rules that authenticate. On rules that do not, they reach the target untouched:
    // a target must verify x-amzn-oidc-data's signature rather than trust the header's presence.
    for (const name of [...headers.keys()]) if (name.startsWith('x-amzn-oidc-')) headers.delete(name);
  }
  const forwardedFor = headers.get('x-forwarded-for');
  headers.set('x-forwarded-for', forwardedFor ? `${forwardedFor}, ${CLIENT_IP}` : CLIENT_IP);
  headers.set('x-forwarded-proto', ctx.url.protocol.replace(':', ''));
  headers.set('x-forwarded-port', ctx.url.port || (ctx.url.protocol === 'https:' ? '443' : '80'));
  if (!headers.has('x-amzn-trace-id')) {
    // Root=1-{epoch seconds, 8 hex digits}-{96-bit random, 24 hex digits}
    headers.set('x-amzn-trace-id', `Root=1-${seconds(ctx.now).toString(16).padStart(8, '0')}-${toHex(env.random.bytes(12))}`);
  }
  for (const [name, value] of Object.entries(options.oidc ?? {})) headers.set(name, value);
  carryCookieHeader(headers);

  const body = ctx.method === 'GET' || ctx.method === 'HEAD' ? undefined : (ctx.body as Uint8Array<ArrayBuffer>);
  const upstream = await ctx.fetch(new Request(`http://${target.host}${ctx.url.pathname}${ctx.url.search}`, { method: ctx.method, headers, ...(body ? { body } : {}) }));
  if (!options.setCookies?.length) return upstream;
  const answer = new Headers(upstream.headers);
  for (const cookie of options.setCookies) appendSetCookie(answer, cookie);
  const nullBody = [101, 204, 205, 304].includes(upstream.status);
  return new Response(nullBody ? null : await upstream.arrayBuffer(), { status: upstream.status, headers: answer });
}
