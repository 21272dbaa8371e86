// The simulated browser over a fake fetch: redirects followed as browsers follow them, each hop its own
// request from 'browser', cookies stored and sent per host, hop-by-hop stepping with request()/follow().
import { describe, expect, it } from 'vitest';
import type { ActorId } from '../sim/index';
import { createBrowser } from './browser';

interface Seen {
  method: string;
  url: string;
  cookie: string | null;
  contentType: string | null;
  body: string;
  from?: ActorId;
}

type Route = (req: Request) => Response | Promise<Response>;

function fakeWeb(routes: Record<string, Route>) {
  const seen: Seen[] = [];
  const fetch = async (req: Request, init?: { from?: ActorId }) => {
    const url = new URL(req.url);
    seen.push({ method: req.method, url: req.url, cookie: req.headers.get('cookie'), contentType: req.headers.get('content-type'), body: await req.clone().text(), ...(init?.from ? { from: init.from } : {}) });
    const route = routes[`${url.host}${url.pathname}`];
    if (!route) throw new TypeError(`fetch failed: ${url.host}`);
    return route(req);
  };
  return { fetch, seen };
}

const redirect = (location: string, status = 302, cookies: string[] = []) => () => {
  const headers = new Headers({ location });
  for (const c of cookies) headers.append('set-cookie', c);
  return new Response(null, { status, headers });
};
const ok = (text: string) => () => new Response(text, { status: 200 });

describe('When a page redirects', () => {
  it('follows each hop as its own request from the browser, resolving relative locations', async () => {
    const web = fakeWeb({ 'a.example/start': redirect('/middle'), 'a.example/middle': redirect('https://b.example/end?x=1'), 'b.example/end': ok('done') });
    const browser = createBrowser({ fetch: web.fetch, now: () => 0 });
    const res = await browser.get('https://a.example/start');
    expect(await res.text()).toBe('done');
    expect(browser.urlOf(res)).toBe('https://b.example/end?x=1');
    expect(web.seen.map((s) => [s.method, s.url, s.from])).toEqual([
      ['GET', 'https://a.example/start', 'browser'],
      ['GET', 'https://a.example/middle', 'browser'],
      ['GET', 'https://b.example/end?x=1', 'browser'],
    ]);
    expect(browser.history().map((h) => [h.status, h.location])).toEqual([
      [302, 'https://a.example/middle'],
      [302, 'https://b.example/end?x=1'],
      [200, undefined],
    ]);
  });

  it('turns a form POST into a GET after 302 and 303, but keeps method and body after 307 and 308', async () => {
    for (const [status, method, body] of [[301, 'GET', ''], [302, 'GET', ''], [303, 'GET', ''], [307, 'POST', 'a=1&b=x+y'], [308, 'POST', 'a=1&b=x+y']] as const) {
      const web = fakeWeb({ 'h.example/form': redirect('/next', status), 'h.example/next': ok('next') });
      const browser = createBrowser({ fetch: web.fetch, now: () => 0 });
      await browser.submitForm('https://h.example/form', { a: '1', b: 'x y' });
      expect(web.seen[0]).toMatchObject({ method: 'POST', body: 'a=1&b=x+y', contentType: 'application/x-www-form-urlencoded' });
      expect([status, web.seen[1]!.method, web.seen[1]!.body]).toEqual([status, method, body]);
    }
  });

  it('gives up after the redirect limit with a TypeError, as fetch does', async () => {
    const web = fakeWeb({ 'loop.example/': redirect('/') });
    const browser = createBrowser({ fetch: web.fetch, now: () => 0, maxRedirects: 5 });
    await expect(browser.get('https://loop.example/')).rejects.toThrow(TypeError);
    expect(web.seen).toHaveLength(6);
  });

  it('keeps the fragment out of the request but in the history, and carries it across a redirect without one', async () => {
    const web = fakeWeb({ 'h.example/a': redirect('/b'), 'h.example/b': ok('b') });
    const browser = createBrowser({ fetch: web.fetch, now: () => 0 });
    const res = await browser.get('https://h.example/a#id_token=xyz');
    expect(web.seen.map((s) => s.url)).toEqual(['https://h.example/a', 'https://h.example/b']);
    expect(browser.urlOf(res)).toBe('https://h.example/b#id_token=xyz');
  });
});

describe('Stepping hop by hop', () => {
  it('request() does not follow; follow() takes exactly one hop', async () => {
    const web = fakeWeb({ 'h.example/1': redirect('/2'), 'h.example/2': redirect('/3'), 'h.example/3': ok('three') });
    const browser = createBrowser({ fetch: web.fetch, now: () => 0 });
    const first = await browser.request('https://h.example/1');
    expect(first.status).toBe(302);
    expect(browser.isRedirect(first)).toBe(true);
    const second = await browser.follow(first);
    expect(browser.urlOf(second)).toBe('https://h.example/2');
    const third = await browser.follow(second);
    expect(await third.text()).toBe('three');
    expect(browser.isRedirect(third)).toBe(false);
    await expect(browser.follow(third)).rejects.toThrow(/redirect/);
    await expect(browser.follow(new Response(null, { status: 302, headers: { location: '/x' } }))).rejects.toThrow(TypeError);
  });
});

describe('Cookies across hops', () => {
  it('stores cookies set on a redirect and sends them on the next hop to that host only', async () => {
    const web = fakeWeb({
      'lb.example/idp': redirect('https://lb.example/app', 302, ['S-0=one; Path=/; Secure; HttpOnly', 'S-1=two; Path=/; Secure; HttpOnly']),
      'lb.example/app': redirect('https://other.example/x'),
      'other.example/x': ok('x'),
    });
    const browser = createBrowser({ fetch: web.fetch, now: () => 0 });
    await browser.get('https://lb.example/idp');
    expect(web.seen.map((s) => s.cookie)).toEqual([null, 'S-0=one; S-1=two', null]);
    expect(browser.history()[0]!.setCookies).toHaveLength(2);
    expect(browser.history()[1]!.cookieHeader).toBe('S-0=one; S-1=two');
    expect(browser.cookies('https://lb.example').map((c) => c.name)).toEqual(['S-0', 'S-1']);
    expect(browser.cookies('https://other.example')).toEqual([]);
  });

  it('expires cookies on the clock it is given', async () => {
    let now = Date.UTC(2026, 0, 1);
    const web = fakeWeb({ 'h.example/set': redirect('/page', 302, [`a=1; Max-Age=60; Path=/`]), 'h.example/page': ok('p') });
    const browser = createBrowser({ fetch: web.fetch, now: () => now });
    await browser.get('https://h.example/set');
    now += 61_000;
    await browser.request('https://h.example/page');
    expect(web.seen.map((s) => s.cookie)).toEqual([null, 'a=1', null]);
  });

  it('refuses schemes other than http and https', async () => {
    const browser = createBrowser({ fetch: fakeWeb({}).fetch, now: () => 0 });
    await expect(browser.get('ftp://h.example/')).rejects.toThrow(TypeError);
  });
});
