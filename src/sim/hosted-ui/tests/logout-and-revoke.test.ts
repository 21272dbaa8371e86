// /logout ends the hosted UI session [V COGDOC logout-endpoint.md] and /oauth2/revoke ends one sign-in's tokens
// [V COGDOC revocation-endpoint.md], each with its documented answers.
import { describe, expect, it } from 'vitest';
import { defaultWorld } from '../../index';
import { bodyOf, Browser, CALLBACK, codeFor, hostedLab, SIGNED_OUT, type HostedLab } from './hosted-ui.testkit';

async function tokensOf(lab: HostedLab) {
  const { code, verifier } = await codeFor(lab, new Browser(lab.sim));
  return (await bodyOf(await lab.token({ grant_type: 'authorization_code', client_id: lab.web, code, redirect_uri: CALLBACK, code_verifier: verifier }))) as { access_token: string; refresh_token: string };
}

describe('When alice signs out of the hosted UI', () => {
  it('clears the cognito cookie, redirects to the sign-out URL, and the next authorize shows the login page', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    await codeFor(lab, browser);
    expect(browser.cookie('cognito')).toBeDefined();
    const out = await browser.get(`${lab.domain}/logout?client_id=${lab.web}&logout_uri=${encodeURIComponent(SIGNED_OUT)}`);
    expect(out.status).toBe(302);
    expect(out.headers.get('location')).toBe(SIGNED_OUT);
    expect(out.headers.getSetCookie()).toEqual(['cognito=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax']);
    expect(browser.cookie('cognito')).toBeUndefined();
    expect((await browser.get(lab.authorizeUrl())).headers.get('location')!.startsWith(`${lab.domain}/login?`)).toBe(true);
  });

  it('ends the session on the server too: the old cookie no longer signs anyone in', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    await codeFor(lab, browser);
    const stolen = browser.cookie('cognito')!;
    await browser.get(`${lab.domain}/logout?client_id=${lab.web}&logout_uri=${encodeURIComponent(SIGNED_OUT)}`);
    const replay = await lab.sim.fetch(new Request(lab.authorizeUrl(), { headers: { cookie: `cognito=${stolen}` } }));
    expect(replay.headers.get('location')!.startsWith(`${lab.domain}/login?`)).toBe(true);
  });

  it('sends the browser to the login page with redirect_uri and response_type, to sign in as someone else', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    await codeFor(lab, browser);
    const url = new URL(lab.authorizeUrl({}, '/logout'));
    const out = await browser.get(url.toString());
    expect(out.headers.get('location')).toBe(`${lab.domain}/login${url.search}`);
    expect(browser.cookie('cognito')).toBeUndefined();
  });

  it('refuses an unregistered sign-out URL, an unknown client, and a request with neither logout_uri nor redirect_uri', async () => {
    const lab = await hostedLab();
    const cases = [
      [`/logout?client_id=${lab.web}&logout_uri=${encodeURIComponent('https://evil.example/')}`, 'redirect_mismatch'],
      [`/logout?client_id=nosuchclient&logout_uri=${encodeURIComponent(SIGNED_OUT)}`, 'invalid_request'],
      [`/logout?client_id=${lab.web}`, 'invalid_request'],
    ] as const;
    for (const [path, error] of cases) {
      const out = await lab.sim.fetch(new Request(`${lab.domain}${path}`));
      expect(out.status).toBe(302);
      expect(new URL(out.headers.get('location')!).searchParams.get('error')).toBe(error);
      expect(out.headers.get('location')!.startsWith(`${lab.domain}/error?`)).toBe(true);
    }
  });
});

describe('When the app revokes a refresh token at /oauth2/revoke', () => {
  it('answers 200 with an empty body, and the refresh token stops working', async () => {
    const lab = await hostedLab();
    const { refresh_token } = await tokensOf(lab);
    const response = await lab.revoke({ token: refresh_token, client_id: lab.web });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(lab.sim.trace().at(-1)!.notes.map((n) => n.kind)).toEqual(['oauth', 'token-revoked']);
    const refresh = await lab.token({ grant_type: 'refresh_token', client_id: lab.web, refresh_token });
    expect(await bodyOf(refresh)).toEqual({ error: 'invalid_grant' });
    expect((await lab.revoke({ token: refresh_token, client_id: lab.web })).status).toBe(200);
  });

  it('answers 200 for a token it does not know, and leaves another client\'s token alone', async () => {
    const lab = await hostedLab();
    expect((await lab.revoke({ token: 'a.b.c.d.e', client_id: lab.web })).status).toBe(200);
    const { refresh_token } = await tokensOf(lab);
    expect((await lab.revoke({ token: refresh_token }, [lab.alb, lab.albSecret])).status).toBe(200);
    expect((await lab.token({ grant_type: 'refresh_token', client_id: lab.web, refresh_token })).status).toBe(200);
  });

  it('refuses an access token (unsupported_token_type), a missing token (invalid_request) and a bad client (401 invalid_client)', async () => {
    const lab = await hostedLab();
    const { access_token } = await tokensOf(lab);
    const cases: [Promise<Response>, number, string][] = [
      [lab.revoke({ token: access_token, client_id: lab.web }), 400, 'unsupported_token_type'],
      [lab.revoke({ client_id: lab.web }), 400, 'invalid_request'],
      [lab.revoke({ token: 'a.b.c.d.e' }, [lab.alb, 'wrong-secret']), 401, 'invalid_client'],
      [lab.revoke({ token: 'a.b.c.d.e', client_id: lab.alb }), 401, 'invalid_client'],
    ];
    for (const [call, status, error] of cases) {
      const response = await call;
      expect([response.status, await bodyOf(response)]).toEqual([status, { error }]);
    }
  });

  it('refuses with invalid_request when the client has token revocation turned off', async () => {
    const world = structuredClone(defaultWorld);
    world.userPools[0]!.clients[0]!.enableTokenRevocation = false;
    const lab = await hostedLab({ world });
    const { refresh_token } = await tokensOf(lab);
    const response = await lab.revoke({ token: refresh_token, client_id: lab.web });
    expect([response.status, await bodyOf(response)]).toEqual([400, { error: 'invalid_request' }]);
  });
});
