// Cookies on the simulator's wire, in Node and in browsers alike.
//
// The simulator passes Request and Response objects around instead of bytes on a socket. In a browser those
// objects carry the Fetch standard's header guards: `new Request(url, { headers })` silently drops the
// forbidden request header `Cookie`, and `new Response(body, { headers })` (or `response.headers.append`)
// silently drops the forbidden response header `Set-Cookie`. Node (undici) keeps both, so only the app would
// lose the hosted UI's and the load balancer's session cookies. The guards never apply to a standalone
// `new Headers()`, and they do not cover other names, so cookies also travel under two names of our own:
//
// - `x-sim-cookie`: the Cookie header's value, as is (one header, set once).
// - `x-sim-set-cookie`: one header per Set-Cookie value, each percent-encoded (encodeURIComponent). Headers
//   other than Set-Cookie cannot be read back one value at a time: get() and forEach() both join repeated
//   values with ", " (in Node and in Chromium alike), and cookie dates contain ", ". Encoded values contain no
//   comma and no space, so the joined list splits back on "," without ambiguity.
//
// The router (src/sim/core/router.ts) turns them back into Cookie and Set-Cookie for the services and for the
// trace, so neither ever shows these names; the simulated browser (src/client/browser.ts) sends and reads both
// forms. Services set cookies only through appendSetCookie (src/sim/core/cookies.ts).

export const SIM_COOKIE_HEADER = 'x-sim-cookie';
export const SIM_SET_COOKIE_HEADER = 'x-sim-set-cookie';

/** One Set-Cookie value as it travels in `x-sim-set-cookie`. */
export function encodeSimSetCookie(setCookie: string): string {
  return encodeURIComponent(setCookie);
}

/** The Set-Cookie values of an `x-sim-set-cookie` header (its repeated values joined with ", "). */
export function decodeSimSetCookies(joined: string | null): string[] {
  if (joined === null) return [];
  const out: string[] = [];
  for (const part of joined.split(',')) {
    const encoded = part.trim();
    if (!encoded) continue;
    try {
      out.push(decodeURIComponent(encoded));
    } catch {
      // Not something appendSetCookie wrote (a malformed escape): ignored, as a browser ignores a broken cookie.
    }
  }
  return out;
}

/**
 * Every Set-Cookie value of `headers`: the real Set-Cookie headers (which survive in Node) and the decoded
 * `x-sim-set-cookie` ones (which survive everywhere). A value present in both is counted once, so a response
 * that already went through the router (carrying each cookie under both names) yields each cookie once.
 */
export function setCookiesOf(headers: Headers): string[] {
  const out = [...headers.getSetCookie()];
  const unmatched = [...out];
  for (const value of decodeSimSetCookies(headers.get(SIM_SET_COOKIE_HEADER))) {
    const i = unmatched.indexOf(value);
    if (i >= 0) unmatched.splice(i, 1);
    else out.push(value);
  }
  return out;
}

/**
 * One Cookie header from the real one and `x-sim-cookie`: the same value sent under both names (as the
 * simulated browser sends it in Node) counts once; otherwise the pairs of `x-sim-cookie` missing from the
 * real header are added after it.
 */
export function mergeCookieHeaders(real: string | null, sim: string | null): string | null {
  if (!sim) return real;
  if (!real || real === sim) return sim;
  const pairs = (header: string) => header.split(';').map((p) => p.trim()).filter((p) => p !== '');
  const have = pairs(real);
  const extra = pairs(sim).filter((p) => !have.includes(p));
  return [...have, ...extra].join('; ');
}
