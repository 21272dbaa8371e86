// The cookie jar after RFC 6265: what Set-Cookie stores, and what Cookie header each URL gets back.
import { describe, expect, it } from 'vitest';
import { createCookieJar, defaultPath, domainMatches, pathMatches } from './cookie-jar';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

function jarAt(start = T0) {
  let now = start;
  return { jar: createCookieJar(() => now), advance: (ms: number) => void (now += ms) };
}

describe('Path and domain rules', () => {
  it('derive the default path from the request path', () => {
    expect(defaultPath('/')).toBe('/');
    expect(defaultPath('/login')).toBe('/');
    expect(defaultPath('/app/home')).toBe('/app');
    expect(defaultPath('/a/b/c/')).toBe('/a/b/c');
  });
  it('match paths only at a / boundary', () => {
    expect(pathMatches('/app', '/app')).toBe(true);
    expect(pathMatches('/app', '/app/home')).toBe(true);
    expect(pathMatches('/app/', '/app/home')).toBe(true);
    expect(pathMatches('/app', '/application')).toBe(false);
  });
  it('match a domain and its subdomains, not a mere suffix', () => {
    expect(domainMatches('a.example.com', 'example.com')).toBe(true);
    expect(domainMatches('example.com', 'example.com')).toBe(true);
    expect(domainMatches('badexample.com', 'example.com')).toBe(false);
  });
});

describe('When a response sets cookies', () => {
  it('keeps a host-only cookie with its flags, sent back only to that host', () => {
    const { jar } = jarAt();
    const stored = jar.store('https://lb.example/oauth2/idpresponse', 'S-0=abc+/=; Path=/; Secure; HttpOnly; SameSite=None');
    expect(stored).toMatchObject({ ok: true, cookie: { name: 'S-0', value: 'abc+/=', hostOnly: true, secure: true, httpOnly: true, sameSite: 'None', path: '/' } });
    expect(jar.header('https://lb.example/app/home')).toBe('S-0=abc+/=');
    expect(jar.header('https://other.example/app/home')).toBe('');
    expect(jar.header('https://sub.lb.example/')).toBe('');
  });

  it('sends a Domain cookie to subdomains and refuses a Domain the host is not under', () => {
    const { jar } = jarAt();
    expect(jar.store('https://auth.example.com/login', 'd=1; Domain=.example.com').ok).toBe(true);
    expect(jar.header('https://app.example.com/')).toBe('d=1');
    expect(jar.store('https://auth.example.com/login', 'x=1; Domain=evil.com')).toEqual({ ok: false, reason: 'Domain=evil.com does not cover auth.example.com' });
  });

  it('uses the default path when none is given, and sends longer paths first', () => {
    const { jar } = jarAt();
    jar.store('https://h.example/app/login', 'a=1');
    jar.store('https://h.example/', 'b=2; Path=/');
    jar.store('https://h.example/', 'c=3; Path=/app/deep');
    expect(jar.header('https://h.example/app/deep/page')).toBe('c=3; a=1; b=2');
    expect(jar.header('https://h.example/other')).toBe('b=2');
  });

  it('keeps Secure cookies off plain http, and refuses a Secure cookie set over http', () => {
    const { jar } = jarAt();
    jar.store('https://h.example/', 's=1; Secure');
    jar.store('https://h.example/', 'p=2');
    expect(jar.header('http://h.example/')).toBe('p=2');
    expect(jar.store('http://h.example/', 'z=1; Secure')).toEqual({ ok: false, reason: 'Secure cookie from a non-https URL' });
  });

  it('replaces a cookie with the same name, domain and path', () => {
    const { jar } = jarAt();
    jar.store('https://h.example/', 'a=1; Path=/');
    jar.store('https://h.example/', 'a=2; Path=/');
    expect(jar.all().map((c) => c.value)).toEqual(['2']);
  });

  it('ignores a header without name=value', () => {
    const { jar } = jarAt();
    expect(jar.store('https://h.example/', 'garbage; Path=/').ok).toBe(false);
    expect(jar.all()).toEqual([]);
  });
});

describe('When the clock moves', () => {
  it('drops a cookie at its Expires date', () => {
    const { jar, advance } = jarAt();
    jar.store('https://h.example/', `a=1; Expires=${new Date(T0 + 60_000).toUTCString()}`);
    advance(59_000);
    expect(jar.header('https://h.example/')).toBe('a=1');
    advance(1_000);
    expect(jar.header('https://h.example/')).toBe('');
  });

  it('lets Max-Age win over Expires', () => {
    const { jar, advance } = jarAt();
    jar.store('https://h.example/', `a=1; Expires=${new Date(T0 + 3_600_000).toUTCString()}; Max-Age=10`);
    advance(10_000);
    expect(jar.all()).toEqual([]);
  });

  it('deletes a cookie set with Max-Age=-1 or a past Expires (how the ALB session is logged out)', () => {
    const { jar } = jarAt();
    jar.store('https://h.example/', 'S-0=v; Path=/');
    jar.store('https://h.example/', 'S-1=v; Path=/');
    expect(jar.store('https://h.example/logout', 'S-0=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=-1; Path=/')).toMatchObject({ ok: true, deleted: true });
    jar.store('https://h.example/logout', 'S-1=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/');
    expect(jar.all()).toEqual([]);
  });

  it('keeps a session cookie (no Expires, no Max-Age) however long the clock runs', () => {
    const { jar, advance } = jarAt();
    jar.store('https://h.example/', 'a=1');
    advance(365 * 24 * 3_600_000);
    expect(jar.forOrigin('https://h.example')).toHaveLength(1);
  });
});
