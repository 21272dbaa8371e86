// authenticate-cognito before any sign-in, against the real simulator: OnUnauthenticatedRequest authenticate
// (302 to the hosted UI's /oauth2/authorize, nothing forwarded), deny (401) and allow (forwarded without
// claims, client-sent x-amzn-oidc-* headers dropped); the idpresponse path with a state it never issued;
// the ELB public-key endpoint for an unknown key id; a forged x-amzn-oidc-data on a rule that does not
// authenticate reaching the target, which refuses it.
import { describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair } from 'jose';
import { albWorld, simLab } from '../../../testing/alb-harness';

type Lab = Awaited<ReturnType<typeof simLab>>;
const get = (lab: Lab, path: string, headers: Record<string, string> = {}) => lab.sim.fetch(new Request(`https://${lab.albHost}${path}`, { headers }), { from: 'browser' });

describe('When the browser has no session cookie', () => {
  it('sends it to the hosted UI with a code-grant request that comes back to /oauth2/idpresponse', async () => {
    const lab = await simLab();
    const res = await get(lab, '/app/home?tab=notes');
    expect(res.status).toBe(302);
    expect(res.headers.get('server')).toBe('awselb/2.0');
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`https://${lab.domainHost}/oauth2/authorize`);
    expect([...location.searchParams.keys()]).toEqual(['response_type', 'client_id', 'redirect_uri', 'scope', 'state']);
    expect(location.searchParams.get('response_type')).toBe('code');
    expect(location.searchParams.get('client_id')).toBe(lab.albClientId);
    expect(location.searchParams.get('redirect_uri')).toBe(`https://${lab.albHost}/oauth2/idpresponse`);
    expect(location.searchParams.get('scope')).toBe('openid email profile');
    expect(location.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(lab.sim.trace().map((x) => x.to)).toEqual(['alb']);
  });

  it('gives every redirect its own state', async () => {
    const lab = await simLab();
    const state = async () => new URL((await get(lab, '/app/home')).headers.get('location')!).searchParams.get('state');
    expect(await state()).not.toBe(await state());
  });

  it('adds AuthenticationRequestExtraParams and uses the default scope openid when none is set', async () => {
    const world = albWorld((lb) => {
      delete lb.rules[0]!.authenticate!.scope;
      lb.rules[0]!.authenticate!.authenticationRequestExtraParams = { prompt: 'login' };
    });
    const lab = await simLab({ world });
    const location = new URL((await get(lab, '/app/home')).headers.get('location')!);
    expect(location.searchParams.get('scope')).toBe('openid');
    expect(location.searchParams.get('prompt')).toBe('login');
  });

  it('answers 401 on a deny rule, without a redirect and without forwarding', async () => {
    const lab = await simLab();
    const res = await get(lab, '/api/notes');
    expect(res.status).toBe(401);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('401 Authorization Required');
    expect(lab.sim.trace().map((x) => x.to)).toEqual(['alb']);
  });

  it('forwards an allow rule without claims, dropping x-amzn-oidc-* headers the client made up', async () => {
    const lab = await simLab();
    const res = await get(lab, '/welcome', { 'x-amzn-oidc-identity': 'admin', 'x-amzn-oidc-data': 'forged.token.here' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { signedIn: boolean; oidcHeaders: Record<string, string>; verification: { outcome: string } };
    expect(body.signedIn).toBe(false);
    expect(body.oidcHeaders).toEqual({});
    expect(body.verification.outcome).toBe('absent');
    const forwarded = lab.sim.trace().find((x) => x.to === 'target')!;
    expect(Object.keys(forwarded.request.headers).filter((h) => h.startsWith('x-amzn-oidc-'))).toEqual([]);
  });
});

describe('/oauth2/idpresponse', () => {
  it('refuses a state the load balancer never issued with 401, calling no IdP', async () => {
    const lab = await simLab();
    const res = await get(lab, '/oauth2/idpresponse?code=abc&state=made-up');
    expect(res.status).toBe(401);
    expect(lab.sim.trace()).toHaveLength(1);
    expect(lab.sim.trace()[0]!.notes.some((n) => n.kind === 'error' && n.code === 'ELBAuthFailure')).toBe(true);
  });

  it('turns an error the IdP sends back into 401 (the IdP denied access), consuming the state', async () => {
    const lab = await simLab();
    const state = new URL((await get(lab, '/app/home')).headers.get('location')!).searchParams.get('state')!;
    const denied = await get(lab, `/oauth2/idpresponse?error=access_denied&state=${state}`);
    expect(denied.status).toBe(401);
    const again = await get(lab, `/oauth2/idpresponse?code=x&state=${state}`);
    expect(again.status).toBe(401);
    expect(lab.sim.trace().filter((x) => x.parentId)).toEqual([]);
  });
});

describe('The ELB public-key endpoint', () => {
  it('answers 403 AccessDenied for a key id it does not hold', async () => {
    const lab = await simLab();
    const res = await lab.sim.fetch(new Request(`https://public-keys.auth.elb.${lab.region}.amazonaws.com/00000000-0000-4000-8000-000000000000`));
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<Code>AccessDenied</Code>');
  });
});

describe('A forged x-amzn-oidc-data on a rule that does not authenticate', () => {
  it('reaches the target, which refuses it: no public key for its kid', async () => {
    const world = albWorld((lb) => {
      lb.rules.push({ path: '/open/*', action: 'forward', priority: 5, forward: { target: 'app' } });
    });
    const lab = await simLab({ world });
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ sub: 'someone', username: 'admin' })
      .setProtectedHeader({ alg: 'ES256', kid: '11111111-2222-4333-8444-555555555555', signer: lab.albArn, client: lab.albClientId, iss: lab.issuer } as never)
      .setIssuer(lab.issuer)
      .setExpirationTime(Math.floor(lab.sim.clock.now() / 1000) + 60)
      .sign(privateKey);
    const res = await get(lab, '/open/page', { 'x-amzn-oidc-data': forged, 'x-amzn-oidc-identity': 'someone' });
    const body = (await res.json()) as { signedIn: boolean; oidcHeaders: Record<string, string>; verification: { outcome: string; checks: { check: string; ok: boolean }[] } };
    expect(body.oidcHeaders['x-amzn-oidc-data']).toBe(forged);
    expect(body.signedIn).toBe(false);
    expect(body.verification.outcome).toBe('invalid');
    expect(body.verification.checks.find((c) => c.check === 'public key')!.ok).toBe(false);
    const keyFetch = lab.sim.trace().find((x) => x.operation === 'GET public key')!;
    expect(keyFetch).toMatchObject({ from: 'target', to: 'alb', response: { status: 403 } });
  });
});
