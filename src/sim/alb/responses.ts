// Responses the load balancer writes itself (never a target's): its error pages, fixed-response and
// redirect actions. [P] ALB error pages are small nginx-style HTML documents with `Server: awselb/2.0`, as
// seen in captures of real traffic; the status codes and their causes follow the ELB user guide's
// troubleshooting page (load-balancer-troubleshooting.html: 401 for deny or an IdP refusal, 500 when the IdP
// cannot be reached or the claims are too large, 561 when the IdP returned an error).
// Cookies go through appendSetCookie, on headers built before the Response (src/sim/core/cookies.ts).
import { appendSetCookie } from '../core/cookies';
import type { FixedResponseConfig, RedirectConfig } from '../world/config';

const REASONS: Record<number, string> = {
  301: 'Moved Permanently',
  302: 'Found',
  400: 'Bad Request',
  401: 'Authorization Required',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  561: 'Unauthorized',
};

export const SERVER = 'awselb/2.0';

function page(status: number): string {
  const title = `${status} ${REASONS[status] ?? ''}`.trim();
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`;
}

export function albError(status: number, extraHeaders: Record<string, string> = {}): Response {
  return new Response(page(status), { status, headers: { server: SERVER, 'content-type': 'text/html', ...extraHeaders } });
}

/** A redirect from the load balancer itself; `setCookies` are appended one header each. */
export function albRedirect(location: string, status: 301 | 302 = 302, setCookies: string[] = []): Response {
  const headers = new Headers({ server: SERVER, 'content-type': 'text/html', location });
  for (const c of setCookies) appendSetCookie(headers, c);
  return new Response(page(status), { status, headers });
}

/** The fixed-response action's answer; `setCookies` (a refreshed session) are appended one header each. */
export function fixedResponse(config: FixedResponseConfig, setCookies: string[] = []): Response {
  const headers = new Headers({ server: SERVER, 'content-type': config.contentType ?? 'text/plain; charset=utf-8' });
  for (const c of setCookies) appendSetCookie(headers, c);
  return new Response(config.messageBody ?? '', { status: config.statusCode, headers });
}

/**
 * The redirect action's Location. Each component defaults to the request's own (#{protocol}, #{host},
 * #{port}, #{path}, #{query}), and those placeholders may be used inside the configured values
 * (ELB API reference, API_RedirectActionConfig.html: "#{path} (the leading "/" is removed)", hence the
 * default "/#{path}"). [P] The port is written out even when
 * it is the scheme's default (https://host:443/…), as real redirects show.
 */
export function redirectLocation(config: RedirectConfig, url: URL): string {
  const protocol = url.protocol.replace(':', '').toUpperCase();
  const port = url.port || (protocol === 'HTTPS' ? '443' : '80');
  const query = url.search.replace(/^\?/, '');
  const fill = (value: string) =>
    value
      .replace(/#\{protocol\}/g, protocol)
      .replace(/#\{host\}/g, url.hostname)
      .replace(/#\{port\}/g, port)
      .replace(/#\{path\}/g, url.pathname.slice(1))
      .replace(/#\{query\}/g, query);
  const out = {
    protocol: fill(config.protocol ?? '#{protocol}').toLowerCase(),
    host: fill(config.host ?? '#{host}'),
    port: fill(config.port ?? '#{port}'),
    path: fill(config.path ?? '/#{path}'),
    query: fill(config.query ?? '#{query}'),
  };
  return `${out.protocol}://${out.host}:${out.port}${out.path}${out.query ? `?${out.query}` : ''}`;
}
