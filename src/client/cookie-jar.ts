// The simulated browser's cookie store, after RFC 6265 §5: Set-Cookie parsing (Expires, Max-Age winning over
// Expires, Domain, Path with its default-path, Secure, HttpOnly, SameSite), expiry on a supplied clock (the
// simulator's virtual one), and the Cookie header a request to a URL carries. Cookies are kept per host, as
// browsers do (ports never separate cookies); Secure ones go only to https. No public-suffix list: a Domain
// attribute is honoured whenever the request's host domain-matches it.

export interface Cookie {
  name: string;
  value: string;
  /** The host (host-only) or the Domain attribute, lower-case, without a leading dot. */
  domain: string;
  hostOnly: boolean;
  path: string;
  /** Epoch ms; absent for a session cookie. */
  expiresAt?: number;
  secure: boolean;
  httpOnly: boolean;
  sameSite?: string;
  createdAt: number;
}

export interface CookieJar {
  /** Stores one Set-Cookie header received from `url`. Returns the cookie, or why it was refused. */
  store(url: string, setCookie: string): { ok: true; cookie: Cookie; deleted: boolean } | { ok: false; reason: string };
  /** The Cookie header value for a request to `url` ('' when none). */
  header(url: string): string;
  /** Unexpired cookies a host holds (any path), for a URL or origin. */
  forOrigin(origin: string): Cookie[];
  all(): Cookie[];
  clear(): void;
}

/** RFC 6265 §5.1.4 default-path: the request path up to, not including, its last '/'; '/' at least. */
export function defaultPath(path: string): string {
  if (!path.startsWith('/')) return '/';
  const last = path.lastIndexOf('/');
  return last <= 0 ? '/' : path.slice(0, last);
}

export function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (cookiePath === requestPath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/';
}

export function domainMatches(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(`.${domain}`) && !/^\d+\.\d+\.\d+\.\d+$/.test(host));
}

export function createCookieJar(now: () => number): CookieJar {
  let cookies: Cookie[] = [];
  const live = () => {
    const t = now();
    cookies = cookies.filter((c) => c.expiresAt === undefined || c.expiresAt > t);
    return cookies;
  };
  const sameSlot = (a: Cookie, b: Cookie) => a.name === b.name && a.domain === b.domain && a.path === b.path;

  return {
    store(url, setCookie) {
      const u = new URL(url);
      const host = u.hostname.toLowerCase();
      const [pair = '', ...attributes] = setCookie.split(';');
      const eq = pair.indexOf('=');
      if (eq < 0) return { ok: false, reason: 'no name=value pair' };
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (!name) return { ok: false, reason: 'empty cookie name' };
      const cookie: Cookie = { name, value, domain: host, hostOnly: true, path: defaultPath(u.pathname), secure: false, httpOnly: false, createdAt: now() };
      let maxAge: number | undefined;
      let expires: number | undefined;
      for (const attribute of attributes) {
        const i = attribute.indexOf('=');
        const key = (i < 0 ? attribute : attribute.slice(0, i)).trim().toLowerCase();
        const val = i < 0 ? '' : attribute.slice(i + 1).trim();
        if (key === 'expires') {
          const t = Date.parse(val);
          if (!Number.isNaN(t)) expires = t;
        } else if (key === 'max-age') {
          if (/^-?\d+$/.test(val)) maxAge = Number(val);
        } else if (key === 'domain') {
          const domain = val.replace(/^\./, '').toLowerCase();
          if (!domain) continue;
          if (!domainMatches(host, domain)) return { ok: false, reason: `Domain=${domain} does not cover ${host}` };
          cookie.domain = domain;
          cookie.hostOnly = false;
        } else if (key === 'path') {
          cookie.path = val.startsWith('/') ? val : defaultPath(u.pathname);
        } else if (key === 'secure') cookie.secure = true;
        else if (key === 'httponly') cookie.httpOnly = true;
        else if (key === 'samesite') cookie.sameSite = val;
      }
      // RFC 6265bis: a page served over http may not set (or overwrite) a Secure cookie.
      if (cookie.secure && u.protocol !== 'https:') return { ok: false, reason: 'Secure cookie from a non-https URL' };
      // Max-Age wins over Expires; zero or negative means "expire now".
      if (maxAge !== undefined) cookie.expiresAt = maxAge <= 0 ? -Infinity : now() + maxAge * 1000;
      else if (expires !== undefined) cookie.expiresAt = expires;
      const existing = cookies.find((c) => sameSlot(c, cookie));
      if (existing) cookie.createdAt = existing.createdAt;
      cookies = cookies.filter((c) => !sameSlot(c, cookie));
      const deleted = cookie.expiresAt !== undefined && cookie.expiresAt <= now();
      if (!deleted) cookies.push(cookie);
      return { ok: true, cookie, deleted };
    },
    header(url) {
      const u = new URL(url);
      const host = u.hostname.toLowerCase();
      return live()
        .filter((c) => (c.hostOnly ? c.domain === host : domainMatches(host, c.domain)))
        .filter((c) => pathMatches(c.path, u.pathname || '/'))
        .filter((c) => !c.secure || u.protocol === 'https:')
        .sort((a, b) => b.path.length - a.path.length || a.createdAt - b.createdAt)
        .map((c) => `${c.name}=${c.value}`)
        .join('; ');
    },
    forOrigin(origin) {
      const host = new URL(origin).hostname.toLowerCase();
      return live()
        .filter((c) => (c.hostOnly ? c.domain === host : domainMatches(host, c.domain)))
        .map((c) => ({ ...c }));
    },
    all: () => live().map((c) => ({ ...c })),
    clear() {
      cookies = [];
    },
  };
}
