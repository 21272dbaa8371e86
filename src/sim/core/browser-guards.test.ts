// The cookie flows under a browser's header guards. In a browser the Fetch standard's guards silently drop the
// forbidden header Cookie from `new Request(…)` and Set-Cookie from `new Response(…)` and from a Response's
// headers; Node (undici) keeps both, so every other test would pass even if the app lost its cookies. Here,
// for these tests only, globalThis.Request and Response are replaced by subclasses that drop them as a
// browser does; the hosted UI's single sign-on and the load balancer's session must still work, carried by
// x-sim-cookie and x-sim-set-cookie (src/lib/sim-cookies.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowser } from '../../client/browser';
import { createSimulator, DEMO_PASSWORDS } from '../index';
import { HOUR, MINUTE, loginForm, signInAtAlb, simLab } from '../../testing/alb-harness';
import { pkcePair } from '../hosted-ui/tests/hosted-ui.testkit';
import type { Exchange } from './trace-types';

const NativeRequest = globalThis.Request;
const NativeResponse = globalThis.Response;
const FORBIDDEN_REQUEST = ['cookie', 'cookie2'];
const FORBIDDEN_RESPONSE = ['set-cookie', 'set-cookie2'];

/** What a guard does to a Request's or Response's own headers: forbidden names are never there, and adding one is a silent no-op. */
function guard(headers: Headers, forbidden: readonly string[]): void {
  for (const name of forbidden) headers.delete(name);
  const append = headers.append.bind(headers);
  const set = headers.set.bind(headers);
  headers.append = (name, value) => void (forbidden.includes(name.toLowerCase()) ? undefined : append(name, value));
  headers.set = (name, value) => void (forbidden.includes(name.toLowerCase()) ? undefined : set(name, value));
}

class BrowserRequest extends NativeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    guard(this.headers, FORBIDDEN_REQUEST);
  }
}

class BrowserResponse extends NativeResponse {
  constructor(body?: BodyInit | null, init?: ResponseInit) {
    super(body, init);
    guard(this.headers, FORBIDDEN_RESPONSE);
  }
}

beforeAll(() => {
  globalThis.Request = BrowserRequest as typeof Request;
  globalThis.Response = BrowserResponse as typeof Response;
});
afterAll(() => {
  globalThis.Request = NativeRequest;
  globalThis.Response = NativeResponse;
});

const START = Date.UTC(2026, 0, 1, 12, 0, 0);
const CALLBACK = 'https://app.learner-lab.example/callback';
const simHeaders = (x: Exchange) => Object.keys({ ...x.request.headers, ...x.response.headers }).filter((name) => name.startsWith('x-sim-'));

describe('The browser-like Request and Response of these tests', () => {
  it('drop Cookie and Set-Cookie as a browser\'s header guards do, and keep every other header', () => {
    const request = new Request('https://a.example/', { headers: { cookie: 'a=1', 'x-sim-cookie': 'a=1' } });
    request.headers.set('cookie', 'b=2');
    expect(request.headers.get('cookie')).toBeNull();
    expect(request.headers.get('x-sim-cookie')).toBe('a=1');
    const headers = new Headers({ 'set-cookie': 'a=1', 'x-sim-set-cookie': 'a%3D1' });
    expect(headers.getSetCookie()).toEqual(['a=1']); // a standalone Headers has no guard
    const response = new Response('ok', { headers });
    response.headers.append('set-cookie', 'b=2');
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(response.headers.get('x-sim-set-cookie')).toBe('a%3D1');
  });
});

describe('Under browser header guards, the hosted UI', () => {
  it('sets its session cookie at sign-in, and a second /oauth2/authorize returns a code without the login page (single sign-on)', async () => {
    const sim = await createSimulator({ seed: 11, startTime: START });
    const pool = sim.describe().userPools[0]!;
    const web = pool.clients.find((c) => c.name === 'web')!.clientId;
    const domain = `https://${pool.domain}.auth.${sim.describe().region}.amazoncognito.com`;
    const browser = createBrowser({ fetch: (r, i) => sim.fetch(r, i), now: () => sim.clock.now() });
    const { challenge } = await pkcePair();
    const authorize = `${domain}/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: web, redirect_uri: CALLBACK, state: 'st-1', code_challenge: challenge, code_challenge_method: 'S256' }).toString()}`;

    const first = await browser.request(authorize);
    expect(first.status).toBe(302);
    const page = await browser.follow(first);
    expect(new URL(browser.urlOf(page)).pathname).toBe('/login');
    const form = loginForm(await page.text(), browser.urlOf(page));
    const signedIn = await browser.request(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form.hidden, username: 'alice', password: DEMO_PASSWORDS.alice }).toString(),
    });
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get('location')).toMatch(/^https:\/\/app\.learner-lab\.example\/callback\?code=/);
    expect(browser.history().at(-1)!.setCookies).toEqual([expect.stringMatching(/^cognito=[A-Za-z0-9_-]+; Expires=/)]);
    expect(browser.cookies(domain).map((c) => c.name)).toEqual(['cognito']);

    const again = await browser.request(authorize);
    expect(again.status).toBe(302);
    const back = new URL(again.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    expect(back.searchParams.get('code')).toBeTruthy();
    expect(back.searchParams.get('state')).toBe('st-1');

    // The trace shows the real header names only.
    const trace = sim.trace();
    const login = trace.find((x) => x.request.method === 'POST' && x.request.url.startsWith(`${domain}/login`))!;
    expect(login.response.headers['set-cookie']).toMatch(/^cognito=/);
    expect(trace.at(-1)!.request.headers.cookie).toMatch(/^cognito=[A-Za-z0-9_-]+$/);
    expect(trace.flatMap(simHeaders)).toEqual([]);
  });
});

describe('Under browser header guards, the load balancer', () => {
  it('signs alice in, rides its session cookie, refreshes it, and signs her out', async () => {
    const lab = await simLab();
    const res = await signInAtAlb(lab, '/app/home');
    expect(res.status).toBe(200);
    expect(lab.browser.urlOf(res)).toBe(`https://${lab.albHost}/app/home`);
    expect(((await res.json()) as { verification: { outcome: string } }).verification.outcome).toBe('valid');
    expect(lab.browser.cookies(`https://${lab.albHost}`).map((c) => c.name)).toContain('AWSELBAuthSessionCookie-0');

    // Later requests ride the cookie: no trip to the hosted UI.
    const before = lab.sim.trace().length;
    expect((await lab.browser.request(`https://${lab.albHost}/app/settings`)).status).toBe(200);
    expect(lab.sim.trace().slice(before).map((x) => x.to)).toEqual(['alb', 'target']);

    // After an hour the load balancer refreshes the access token and re-seals the session on the target's answer.
    lab.sim.clock.advance(HOUR + MINUTE);
    expect((await lab.browser.request(`https://${lab.albHost}/app/home`)).status).toBe(200);
    expect(lab.browser.history().at(-1)!.setCookies[0]).toMatch(/^AWSELBAuthSessionCookie-0=/);
    expect((await lab.browser.request(`https://${lab.albHost}/app/home`)).status).toBe(200);

    // Sign-out: the target reads the session cookies it must expire, the hosted UI's session ends too.
    const out = await lab.browser.get(`https://${lab.albHost}/logout`);
    expect(lab.browser.urlOf(out)).toBe(`https://${lab.albHost}/signed-out`);
    const signOut = lab.sim.trace().find((x) => x.from === 'alb' && x.to === 'target' && x.request.url.endsWith('/logout'))!;
    expect(signOut.request.headers.cookie).toContain('AWSELBAuthSessionCookie-0=');
    expect(lab.browser.cookies(`https://${lab.albHost}`)).toEqual([]);
    expect(lab.browser.cookies(`https://${lab.domainHost}`)).toEqual([]);
    expect(lab.sim.trace().flatMap(simHeaders)).toEqual([]);
  });

  it('signs alice straight back in through the hosted UI\'s session once only its own cookies are expired', async () => {
    const lab = await simLab();
    await signInAtAlb(lab, '/app/home');
    expect((await lab.browser.request(`https://${lab.albHost}/logout`)).status).toBe(302);
    expect(lab.browser.cookies(`https://${lab.albHost}`)).toEqual([]);
    const before = lab.browser.history().length;
    const res = await lab.browser.get(`https://${lab.albHost}/app/home`);
    expect(res.status).toBe(200);
    expect(lab.browser.history().slice(before).map((h) => `${h.status} ${new URL(h.url).pathname}`)).toEqual(['302 /app/home', '302 /oauth2/authorize', '302 /oauth2/idpresponse', '200 /app/home']);
  });
});
