// The load balancer's side of the sign-in and of the session, against a stand-in IdP (testing/alb-harness):
// the redirect chain, the nested token/JWKS/userInfo exchanges, the sealed and sharded session cookie, the
// forwarded headers, later requests riding the cookie, refresh when the access token expires, session timeout
// on the virtual clock, sign-out, and the IdP failures AWS lists (561, 500, 401).
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, albWorld, fakeIdpLab, type FakeIdpOptions } from '../../../testing/alb-harness';
import type { WorldConfig } from '../../index';

type Lab = Awaited<ReturnType<typeof fakeIdpLab>>;
interface TargetBody {
  signedIn: boolean;
  oidcHeaders: Record<string, string>;
  verification: { outcome: string };
}

async function signIn(lab: Lab, path = '/app/home') {
  const res = await lab.browser.get(`https://${lab.albHost}${path}`);
  return { res, body: res.status === 200 ? ((await res.json()) as TargetBody) : undefined };
}

const lab = (idp: FakeIdpOptions = {}, world?: WorldConfig) => fakeIdpLab({ idp, ...(world ? { world } : {}) });

describe('When a browser signs in through the load balancer', () => {
  it('walks the redirect chain back to the page it asked for, which the target answers with the three headers', async () => {
    const l = await lab();
    const { res, body } = await signIn(l, '/app/home?tab=1');
    expect(res.status).toBe(200);
    expect(l.browser.history().map((h) => [h.status, new URL(h.url).host, new URL(h.url).pathname])).toEqual([
      [302, l.albHost, '/app/home'],
      [302, l.domainHost, '/oauth2/authorize'],
      [302, l.albHost, '/oauth2/idpresponse'],
      [200, l.albHost, '/app/home'],
    ]);
    expect(l.browser.history()[2]!.location).toBe(`https://${l.albHost}/app/home?tab=1`);
    expect(Object.keys(body!.oidcHeaders).sort()).toEqual(['x-amzn-oidc-accesstoken', 'x-amzn-oidc-data', 'x-amzn-oidc-identity']);
    expect(body!.oidcHeaders['x-amzn-oidc-identity']).toBe(l.sub);
    expect(body!.oidcHeaders['x-amzn-oidc-accesstoken']).toMatch(/^access-/);
    expect(body!.verification.outcome).toBe('valid');
  });

  it('redeems the code, checks the ID token and calls userInfo as exchanges nested under /oauth2/idpresponse', async () => {
    const l = await lab();
    await signIn(l);
    const trace = l.trace();
    const idp = trace.find((x) => x.operation === 'GET /oauth2/idpresponse')!;
    const nested = trace.filter((x) => x.parentId === idp.id);
    expect(nested.map((x) => [x.from, x.to, x.operation])).toEqual([
      ['alb', 'hosted-ui', 'POST /oauth2/token'],
      ['alb', 'cognito-idp', `GET ${new URL(l.issuer).pathname}/.well-known/jwks.json`],
      ['alb', 'hosted-ui', 'GET /oauth2/userInfo'],
    ]);
    const token = nested[0]!.request;
    expect(token.headers.authorization).toMatch(/^Basic /);
    expect(token.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(token.body).get('redirect_uri')).toBe(`https://${l.albHost}/oauth2/idpresponse`);
    expect(nested[2]!.request.headers.authorization).toMatch(/^Bearer access-/);
    expect(idp.notes.some((n) => n.kind === 'token-checked' && n.outcome === 'valid')).toBe(true);
  });

  it('sets a Secure, HttpOnly session cookie -0 whose value the browser cannot read, expiring with SessionTimeout', async () => {
    const l = await lab();
    await signIn(l);
    const setCookies = l.browser.history()[2]!.setCookies;
    expect(setCookies).toHaveLength(1);
    expect(setCookies[0]).toMatch(/^AWSELBAuthSessionCookie-0=[A-Za-z0-9+/=]+; Expires=Thu, 08 Jan 2026 09:00:00 GMT; Path=\/; Secure; HttpOnly$/);
    expect(setCookies[0]).not.toContain('access-');
    const [cookie] = l.browser.cookies(`https://${l.albHost}`);
    expect(cookie).toMatchObject({ name: 'AWSELBAuthSessionCookie-0', secure: true, httpOnly: true, path: '/' });
  });

  it('rides the cookie afterwards: no second trip to the IdP, a fresh x-amzn-oidc-data each time', async () => {
    const l = await lab();
    const first = await signIn(l);
    l.clock.advance(MINUTE);
    const second = await signIn(l, '/app/other');
    expect(second.res.status).toBe(200);
    expect(l.calls).toMatchObject({ token: 1, userInfo: 1, jwks: 1 });
    expect(second.body!.oidcHeaders['x-amzn-oidc-data']).not.toBe(first.body!.oidcHeaders['x-amzn-oidc-data']);
  });

  it('shards a large session into -0, -1, … and later expires the shards a smaller session no longer needs', async () => {
    const l = await lab({ extraClaims: { profile: 'x'.repeat(5000) } });
    await signIn(l);
    const names = l.browser.history()[2]!.setCookies.map((c) => c.split('=')[0]);
    expect(names).toEqual(['AWSELBAuthSessionCookie-0', 'AWSELBAuthSessionCookie-1']);
    expect(l.browser.history()[2]!.setCookies.every((c) => c.split(';')[0]!.length <= 4000 + 'AWSELBAuthSessionCookie-0='.length)).toBe(true);
    const again = await signIn(l, '/app/again');
    expect(again.body!.verification.outcome).toBe('valid');
  });

  it('refuses claims and access token over 11K with 500', async () => {
    const l = await lab({ extraClaims: { profile: 'x'.repeat(12 * 1024) } });
    const { res } = await signIn(l);
    expect(res.status).toBe(500);
    expect(l.trace().flatMap((x) => x.notes).some((n) => n.kind === 'error' && n.code === 'ELBAuthUserClaimsSizeExceeded')).toBe(true);
    expect(l.browser.cookies(`https://${l.albHost}`)).toEqual([]);
  });
});

describe('When the IdP fails', () => {
  it('answers 561 when the token endpoint returns an error', async () => {
    const l = await lab({ tokenError: { status: 400, error: 'invalid_grant' } });
    expect((await signIn(l)).res.status).toBe(561);
  });

  it('answers 561 when the ID token does not verify against the pool\'s JWKS', async () => {
    const l = await lab({ forgeIdToken: true });
    expect((await signIn(l)).res.status).toBe(561);
    expect(l.calls.userInfo).toBe(0);
  });

  it('answers 500 when the scope brings no ID token', async () => {
    const l = await lab({ omitIdToken: true });
    expect((await signIn(l)).res.status).toBe(500);
  });

  it('answers 401 when the browser comes back after the sign-in it started has lapsed (15 minutes)', async () => {
    const l = await lab();
    const toIdp = await l.browser.follow(await l.browser.request(`https://${l.albHost}/app/home`));
    l.clock.advance(15 * MINUTE);
    expect((await l.browser.follow(toIdp)).status).toBe(401);
    expect(l.calls.token).toBe(0);
  });

  it('answers 401 to a replayed /oauth2/idpresponse: the state was used up', async () => {
    const l = await lab();
    await signIn(l);
    const replay = await l.fetch(new Request(l.browser.history()[2]!.url), { from: 'browser' });
    expect(replay.status).toBe(401);
  });
});

describe('When time passes on the virtual clock', () => {
  const shortSession = albWorld((lb) => void (lb.rules[0]!.authenticate!.sessionTimeout = 2 * HOUR / 1000));

  it('refreshes an expired access token with the refresh token and reissues the cookie', async () => {
    const l = await lab({}, shortSession);
    const first = await signIn(l);
    l.clock.advance(HOUR + MINUTE);
    const later = await l.browser.request(`https://${l.albHost}/app/home`);
    expect(later.status).toBe(200);
    expect(l.calls.refresh).toBe(1);
    expect(later.headers.getSetCookie()[0]).toMatch(/^AWSELBAuthSessionCookie-0=.*Expires=Thu, 01 Jan 2026 11:00:00 GMT/);
    const body = (await later.json()) as TargetBody;
    expect(body.oidcHeaders['x-amzn-oidc-accesstoken']).not.toBe(first.body!.oidcHeaders['x-amzn-oidc-accesstoken']);
  });

  it('sends the browser to sign in again when the refresh is refused', async () => {
    const l = await lab({ refreshRevoked: true }, shortSession);
    await signIn(l);
    l.clock.advance(HOUR + MINUTE);
    const later = await l.browser.request(`https://${l.albHost}/app/home`);
    expect(later.status).toBe(302);
    expect(later.headers.get('location')).toContain('/oauth2/authorize');
  });

  it('ends the session at SessionTimeout: the browser drops the cookie, and the load balancer refuses a copy of it', async () => {
    const l = await lab({ accessTokenLifetime: 24 * 3600 }, shortSession);
    await signIn(l);
    const cookie = l.browser.history()[3]!.cookieHeader;
    l.clock.advance(2 * HOUR);
    expect(l.browser.cookies(`https://${l.albHost}`)).toEqual([]);
    const replay = await l.fetch(new Request(`https://${l.albHost}/app/home`, { headers: { cookie } }), { from: 'browser' });
    expect(replay.status).toBe(302);
    expect(l.trace().at(-1)!.notes.map((n) => n.summary).join(' ')).toMatch(/session ended/);
  });
});

describe('Cookies the load balancer did not seal', () => {
  it('count as no session: an altered cookie is sent to sign in', async () => {
    const l = await lab();
    await signIn(l);
    const cookie = l.browser.history()[3]!.cookieHeader;
    const altered = cookie.replace(/=(.)/, (_, c: string) => `=${c === 'A' ? 'B' : 'A'}`);
    const res = await l.fetch(new Request(`https://${l.albHost}/app/home`, { headers: { cookie: altered } }), { from: 'browser' });
    expect(res.status).toBe(302);
    expect(l.trace().at(-1)!.notes.map((n) => n.summary).join(' ')).toMatch(/could not be decrypted/);
  });
});

describe('Signing out', () => {
  it('expires the session cookies and redirects to Cognito\'s /logout with the registered sign-out URL', async () => {
    const l = await lab();
    await signIn(l);
    const cookie = l.browser.history()[3]!.cookieHeader;
    const res = await l.browser.request(`https://${l.albHost}/logout`);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`https://${l.domainHost}/logout`);
    expect(location.searchParams.get('client_id')).toBe(l.albClientId);
    expect(location.searchParams.get('logout_uri')).toBe(`https://${l.albHost}/signed-out`);
    expect(res.headers.getSetCookie()).toEqual(['AWSELBAuthSessionCookie-0=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=-1; Path=/; Secure; HttpOnly']);
    expect(l.browser.cookies(`https://${l.albHost}`)).toEqual([]);
    expect((await l.browser.request(`https://${l.albHost}/app/home`)).status).toBe(302);
    // The load balancer keeps no session table: a copy of the old cookie still works (AWS's replay warning).
    expect((await l.fetch(new Request(`https://${l.albHost}/app/home`, { headers: { cookie } }), { from: 'browser' })).status).toBe(200);
  });
});

describe('A signed-in browser on allow and deny rules', () => {
  it('is forwarded with its claims on both', async () => {
    const l = await lab();
    await signIn(l);
    for (const path of ['/welcome', '/api/notes']) {
      const res = await l.browser.request(`https://${l.albHost}${path}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as TargetBody).verification.outcome).toBe('valid');
    }
  });
});

describe('authenticate-cognito followed by a fixed response', () => {
  it('answers from the load balancer once signed in, without forwarding', async () => {
    const world = albWorld((lb) => {
      lb.rules.push({
        path: '/members',
        action: 'authenticate-cognito',
        priority: 1,
        authenticate: { userPool: 'LearnerPool', userPoolClient: 'alb' },
        fixedResponse: { statusCode: 200, contentType: 'text/plain', messageBody: 'members only' },
      });
    });
    const l = await lab({}, world);
    const res = await l.browser.get(`https://${l.albHost}/members`);
    expect(await res.text()).toBe('members only');
    expect(l.browser.history().map((h) => h.status)).toEqual([302, 302, 302, 200]);
    expect(l.trace().some((x) => x.to === 'target')).toBe(false);
  });
});
