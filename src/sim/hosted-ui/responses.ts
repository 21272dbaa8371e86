// The hosted UI's answers on the wire: redirects, HTML pages and OAuth's JSON. Errors of the token and revocation
// endpoints are `{"error": …}` JSON (aws-behaviour.md §4.2); the token endpoint's success and failure both forbid caching
// (RFC 6749 §5.1). Cookies go through appendSetCookie, on headers built before the Response (browsers' header
// guards would drop a plain Set-Cookie: src/sim/core/cookies.ts).
import { appendSetCookie } from '../core/cookies';

export const HTML = 'text/html;charset=UTF-8';
export const JSON_TYPE = 'application/json;charset=UTF-8';
const NO_STORE = { 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate', pragma: 'no-cache' };

export function redirect(location: string, setCookies: string[] = []): Response {
  const headers = new Headers({ location, ...NO_STORE });
  for (const cookie of setCookies) appendSetCookie(headers, cookie);
  return new Response(null, { status: 302, headers });
}

export function html(status: number, body: string, setCookies: string[] = []): Response {
  const headers = new Headers({ 'content-type': HTML, ...NO_STORE });
  for (const cookie of setCookies) appendSetCookie(headers, cookie);
  return new Response(body, { status, headers });
}

export function json(status: number, body: unknown, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_TYPE, ...NO_STORE, ...extra } });
}

/** `base` with the parameters added to its query (keeping any query it has), as a redirect target. */
export function withQuery(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.append(k, v);
  return url.toString();
}

/** `base` with the parameters in its fragment (the implicit grant: tokens never reach the app's server). */
export function withFragment(base: string, params: Record<string, string | undefined>): string {
  const fragment = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) fragment.append(k, v);
  return `${base}#${fragment.toString()}`;
}
