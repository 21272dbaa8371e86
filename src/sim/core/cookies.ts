// How a service sets and forwards cookies so that they survive in a browser as well as in Node.
//
// The Fetch standard's header guards apply in browsers only: `new Request(url, { headers })` silently drops
// `Cookie`, and `new Response(body, { headers })` or `response.headers.append(...)` silently drop `Set-Cookie`
// (undici, in Node, keeps both; so tests alone never show the loss). A standalone `new Headers()` has no
// guard, and `x-sim-*` names are not forbidden. So a service:
// - builds its response headers as a standalone `new Headers()` and adds each cookie with appendSetCookie,
//   which writes it (percent-encoded) under `x-sim-set-cookie`; never `append('set-cookie', …)`, and never
//   on a constructed Response's headers;
// - keeps reading `ctx.headers.get('cookie')`: the router moves `x-sim-cookie` there on the way in;
// - calls carryCookieHeader on the headers of a Request it forwards to another service (the load balancer
//   to its target), so the Cookie header survives the Request constructor.
// The router records and returns them as real Cookie / Set-Cookie headers: src/sim/core/router.ts.
// Header names, encoding and decoding: src/lib/sim-cookies.ts (shared with the simulated browser).
import { encodeSimSetCookie, SIM_COOKIE_HEADER, SIM_SET_COOKIE_HEADER } from '../../lib/sim-cookies';

export { SIM_COOKIE_HEADER, SIM_SET_COOKIE_HEADER } from '../../lib/sim-cookies';

/** Adds one Set-Cookie value to a response's (standalone) headers, under a name no browser guard drops. */
export function appendSetCookie(headers: Headers, cookie: string): void {
  headers.append(SIM_SET_COOKIE_HEADER, encodeSimSetCookie(cookie));
}

/** Copies the Cookie header of `headers` into `x-sim-cookie`, before they go into a `new Request(…)`. */
export function carryCookieHeader(headers: Headers): void {
  const cookie = headers.get('cookie');
  if (cookie) headers.set(SIM_COOKIE_HEADER, cookie);
}
