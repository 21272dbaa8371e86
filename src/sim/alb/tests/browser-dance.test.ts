// The whole browser dance against the real simulator, with the simulated browser of src/client: the load
// balancer sends the browser to the hosted UI, alice signs in, the hosted UI sends her back to
// /oauth2/idpresponse, the load balancer redeems the code and calls userInfo (nested exchanges), sets its
// session cookie and returns her to the page she asked for, which the target answers with the x-amzn-oidc-*
// headers. Then: later requests ride the cookie, the access token is refreshed after an hour, the session
// times out after SessionTimeout, and signing out needs both the ALB cookies expired and Cognito's /logout.
import { describe, expect, it } from 'vitest';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { cognitoClient } from '../../../testing/sdk-handler';
import { DEMO_PASSWORDS } from '../../index';
import { HOUR, MINUTE, albWorld, loginForm, signInAtAlb, simLab } from '../../../testing/alb-harness';

type Lab = Awaited<ReturnType<typeof simLab>>;
interface TargetBody {
  signedIn: boolean;
  oidcHeaders: Record<string, string>;
  verification: { outcome: string; claims?: Record<string, unknown> };
}

const hops = (lab: Lab) => lab.browser.history().map((h) => `${h.method} ${h.status} ${new URL(h.url).host === lab.albHost ? 'alb' : 'cognito'}${new URL(h.url).pathname}`);

async function subOf(lab: Lab, username: string): Promise<string> {
  const user = await cognitoClient(lab.sim).send(new AdminGetUserCommand({ UserPoolId: new URL(lab.issuer).pathname.slice(1), Username: username }));
  return user.UserAttributes!.find((a) => a.Name === 'sub')!.Value!;
}

describe('When alice opens /app/home through the load balancer', () => {
  it('is sent to sign in, comes back with a session cookie, and reaches the target with the three headers', async () => {
    const lab = await simLab();
    const page = await lab.browser.get(`https://${lab.albHost}/app/home?tab=1`);
    expect(page.status).toBe(200);
    expect(new URL(lab.browser.urlOf(page)).pathname).toBe('/login');
    const form = loginForm(await page.text(), lab.browser.urlOf(page));
    const res = await lab.browser.submitForm(form.action, { ...form.hidden, username: 'alice', password: DEMO_PASSWORDS.alice });

    expect(res.status).toBe(200);
    expect(lab.browser.urlOf(res)).toBe(`https://${lab.albHost}/app/home?tab=1`);
    expect(hops(lab)).toEqual([
      'GET 302 alb/app/home',
      'GET 302 cognito/oauth2/authorize',
      'GET 200 cognito/login',
      'POST 302 cognito/login',
      'GET 302 alb/oauth2/idpresponse',
      'GET 200 alb/app/home',
    ]);
    expect(lab.sim.trace().filter((x) => !x.parentId).every((x) => x.from === 'browser')).toBe(true);

    const body = (await res.json()) as TargetBody;
    const sub = await subOf(lab, 'alice');
    expect(body.oidcHeaders['x-amzn-oidc-identity']).toBe(sub);
    expect(decodeJwt(body.oidcHeaders['x-amzn-oidc-accesstoken']!)).toMatchObject({ client_id: lab.albClientId, username: 'alice', token_use: 'access', sub });
    expect(body.verification.outcome).toBe('valid');
    expect(body.verification.claims).toMatchObject({ sub, username: 'alice', email: 'alice@example.com', email_verified: 'true', iss: lab.issuer });
  });

  it('redeems the code and calls userInfo from the load balancer, nested under /oauth2/idpresponse', async () => {
    const lab = await simLab();
    await signInAtAlb(lab, '/app/home');
    const trace = lab.sim.trace();
    const idp = trace.find((x) => x.operation === 'GET /oauth2/idpresponse')!;
    const nested = trace.filter((x) => x.parentId === idp.id).map((x) => [x.from, x.to, x.request.method, new URL(x.request.url).pathname.split('/').pop(), x.response.status]);
    expect(nested).toEqual([
      ['alb', 'hosted-ui', 'POST', 'token', 200],
      ['alb', 'cognito-idp', 'GET', 'jwks.json', 200],
      ['alb', 'hosted-ui', 'GET', 'userInfo', 200],
    ]);
    const token = trace.find((x) => x.parentId === idp.id && x.request.url.endsWith('/oauth2/token'))!;
    expect(token.request.headers.authorization).toMatch(/^Basic /);
    expect(new URLSearchParams(token.request.body).get('grant_type')).toBe('authorization_code');
    expect(idp.response.headers.location).toBe(`https://${lab.albHost}/app/home`);
  });

  it('sets the session cookie on the idpresponse redirect, Secure and HttpOnly, for the load balancer\'s host only', async () => {
    const lab = await simLab();
    await signInAtAlb(lab, '/app/home');
    const idp = lab.browser.history().find((h) => h.url.includes('/oauth2/idpresponse'))!;
    expect(idp.setCookies.length).toBeGreaterThanOrEqual(1);
    expect(idp.setCookies.map((c) => c.split('=')[0])).toEqual(idp.setCookies.map((_, i) => `AWSELBAuthSessionCookie-${i}`));
    expect(lab.browser.cookies(`https://${lab.albHost}`).every((c) => c.secure && c.httpOnly && c.name.startsWith('AWSELBAuthSessionCookie-'))).toBe(true);
    expect(lab.browser.cookies(`https://${lab.domainHost}`).map((c) => c.name)).toEqual(['cognito']);
  });

  it('rides the cookie on later requests: no trip to the hosted UI', async () => {
    const lab = await simLab();
    await signInAtAlb(lab, '/app/home');
    const before = lab.sim.trace().length;
    const res = await lab.browser.request(`https://${lab.albHost}/app/settings`);
    expect(res.status).toBe(200);
    expect(lab.sim.trace().slice(before).map((x) => x.to)).toEqual(['alb', 'target']);
  });
});

describe('When time passes on the virtual clock', () => {
  it('refreshes the access token at the token endpoint after an hour, keeping the session', async () => {
    const lab = await simLab();
    const first = (await (await signInAtAlb(lab, '/app/home')).json()) as TargetBody;
    lab.sim.clock.advance(HOUR + MINUTE);
    const res = await lab.browser.request(`https://${lab.albHost}/app/home`);
    expect(res.status).toBe(200);
    const refresh = lab.sim.trace().find((x) => x.from === 'alb' && new URLSearchParams(x.request.body ?? '').get('grant_type') === 'refresh_token')!;
    expect(refresh.response.status).toBe(200);
    expect(res.headers.getSetCookie()[0]).toMatch(/^AWSELBAuthSessionCookie-0=/);
    const body = (await res.json()) as TargetBody;
    expect(body.oidcHeaders['x-amzn-oidc-accesstoken']).not.toBe(first.oidcHeaders['x-amzn-oidc-accesstoken']);
    expect(body.verification.outcome).toBe('valid');
  });

  it('ends the session after SessionTimeout: back to the login page once the hosted UI\'s own session is over too', async () => {
    const lab = await simLab({ world: albWorld((lb) => void (lb.rules[0]!.authenticate!.sessionTimeout = 1800)) });
    await signInAtAlb(lab, '/app/home');
    lab.sim.clock.advance(29 * MINUTE);
    expect((await lab.browser.request(`https://${lab.albHost}/app/home`)).status).toBe(200);
    lab.sim.clock.advance(2 * MINUTE);
    expect(lab.browser.cookies(`https://${lab.albHost}`)).toEqual([]);
    const again = await lab.browser.request(`https://${lab.albHost}/app/home`);
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toContain(`https://${lab.domainHost}/oauth2/authorize`);
    lab.sim.clock.advance(HOUR);
    const page = await lab.browser.get(`https://${lab.albHost}/app/home`);
    expect(new URL(lab.browser.urlOf(page)).pathname).toBe('/login');
  });
});

describe('Signing out', () => {
  it('expires the ALB cookies, ends the hosted UI session at /logout and lands on the signed-out page', async () => {
    const lab = await simLab();
    await signInAtAlb(lab, '/app/home');
    const res = await lab.browser.get(`https://${lab.albHost}/logout`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You have signed out');
    expect(lab.browser.urlOf(res)).toBe(`https://${lab.albHost}/signed-out`);
    expect(hops(lab).slice(-3)).toEqual(['GET 302 alb/logout', 'GET 302 cognito/logout', 'GET 200 alb/signed-out']);
    expect(lab.browser.cookies(`https://${lab.albHost}`)).toEqual([]);
    expect(lab.browser.cookies(`https://${lab.domainHost}`)).toEqual([]);
    const page = await lab.browser.get(`https://${lab.albHost}/app/home`);
    expect(new URL(lab.browser.urlOf(page)).pathname).toBe('/login');
  });

  it('is not done by expiring the ALB cookies alone: the hosted UI\'s session signs alice straight back in', async () => {
    const lab = await simLab();
    await signInAtAlb(lab, '/app/home');
    const out = await lab.browser.request(`https://${lab.albHost}/logout`);
    expect(out.status).toBe(302);
    expect(lab.browser.cookies(`https://${lab.albHost}`)).toEqual([]);
    // The redirect to Cognito's /logout is not followed: the hosted UI still has alice's session.
    const before = lab.browser.history().length;
    const res = await lab.browser.get(`https://${lab.albHost}/app/home`);
    expect(res.status).toBe(200);
    expect(hops(lab).slice(before)).toEqual(['GET 302 alb/app/home', 'GET 302 cognito/oauth2/authorize', 'GET 302 alb/oauth2/idpresponse', 'GET 200 alb/app/home']);
  });
});
