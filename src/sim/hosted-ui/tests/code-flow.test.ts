// The OAuth 2.0 authorization code grant with PKCE, driven hop by hop with plain fetch calls, against the rules of
// RFC 6749 §4.1 and RFC 7636: the redirect to the login page keeps the request, the code comes back with the state,
// the token response has the right shape and forbids caching, the code works once, and the hosted UI session signs
// the user in again without the login page (single sign-on) until it expires.
import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { bodyOf, Browser, CALLBACK, codeFor, hostedLab, locationParams, MINUTE, pkcePair } from './hosted-ui.testkit';

describe('When alice signs in to the web app through the hosted UI with the code grant and PKCE', () => {
  it('walks authorize → login page → sign-in → callback with a code → tokens', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    const { verifier, challenge } = await pkcePair();

    const authorize = await browser.get(lab.authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256', scope: 'openid email' }));
    expect(authorize.status).toBe(302);
    const login = new URL(authorize.headers.get('location')!);
    expect(`${login.origin}${login.pathname}`).toBe(`${lab.domain}/login`);
    expect(login.search).toBe(new URL(lab.authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256', scope: 'openid email' })).search);

    const page = await browser.get(login.toString());
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html;charset=UTF-8');
    const html = await page.text();
    expect(html).toContain(`<form method="post" action="/login${login.search.replace(/&/g, '&amp;')}"`);
    expect(html).toMatch(/<label for="signInFormUsername">Username<\/label>/);
    expect(html).toMatch(/<label for="signInFormPassword">Password<\/label>/);
    expect(html).toContain('<button type="submit" name="signInSubmitButton">Sign in</button>');
    expect(html).toContain('Forgot your password?');
    expect(html).toContain('Sign up');
    for (const idp of ['Google', 'Facebook', 'CorpAD']) expect(html).toContain(`identity_provider=${idp}`);

    const back = await browser.postForm(login.toString(), { username: 'alice', password: 'Alice#Passw0rd' });
    expect(back.status).toBe(302);
    const callback = new URL(back.headers.get('location')!);
    expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
    expect([...callback.searchParams.keys()]).toEqual(['code', 'state']);
    expect(callback.searchParams.get('state')).toBe('st-123');
    const code = callback.searchParams.get('code')!;
    expect(code).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(browser.cookie('cognito')).toMatch(/^[A-Za-z0-9_-]{64}$/);
    const setCookie = back.headers.getSetCookie()[0]!;
    expect(setCookie).toMatch(/^cognito=[A-Za-z0-9_-]+; Expires=Thu, 01 Jan 2026 13:00:00 GMT; Max-Age=3600; Path=\/; Secure; HttpOnly; SameSite=Lax$/);

    const token = await lab.token({ grant_type: 'authorization_code', client_id: lab.web, code, redirect_uri: CALLBACK, code_verifier: verifier });
    expect(token.status).toBe(200);
    expect(token.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(token.headers.get('cache-control')).toContain('no-store');
    expect(token.headers.get('pragma')).toBe('no-cache');
    const body = (await bodyOf(token)) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['id_token', 'access_token', 'refresh_token', 'expires_in', 'token_type']);
    expect(body).toMatchObject({ expires_in: 3600, token_type: 'Bearer' });
    expect((body.refresh_token as string).split('.')).toHaveLength(5);
    const access = decodeJwt(body.access_token as string);
    expect(access).toMatchObject({ token_use: 'access', scope: 'openid email', version: 2, client_id: lab.web, username: 'alice' });
    expect(access.aud).toBeUndefined();
    const id = decodeJwt(body.id_token as string);
    expect(id).toMatchObject({ token_use: 'id', aud: lab.web, 'cognito:username': 'alice', email: 'alice@example.com', email_verified: true });
    expect(id.name).toBeUndefined(); // the email scope limits the attributes: no profile, no name
    expect(id.auth_time).toBe(Math.floor(lab.sim.clock.now() / 1000));
  });

  it('uses a code once only (RFC 6749 §4.1.2)', async () => {
    const lab = await hostedLab();
    const { code, verifier } = await codeFor(lab, new Browser(lab.sim));
    const form = { grant_type: 'authorization_code', client_id: lab.web, code, redirect_uri: CALLBACK, code_verifier: verifier };
    expect((await lab.token(form)).status).toBe(200);
    const again = await lab.token(form);
    expect(again.status).toBe(400);
    expect(await bodyOf(again)).toEqual({ error: 'invalid_grant' });
  });

  it('grants every scope the client is allowed when the request names none', async () => {
    const lab = await hostedLab();
    const { code, verifier } = await codeFor(lab, new Browser(lab.sim));
    const body = (await bodyOf(await lab.token({ grant_type: 'authorization_code', client_id: lab.web, code, redirect_uri: CALLBACK, code_verifier: verifier }))) as { access_token: string; id_token: string };
    expect(decodeJwt(body.access_token).scope).toBe('openid email profile aws.cognito.signin.user.admin notes-api/notes.read');
    expect(decodeJwt(body.id_token)).toMatchObject({ name: 'Alice Liddell', email: 'alice@example.com' });
  });

  it('ignores scopes the client is not allowed and gives no ID token without openid', async () => {
    const lab = await hostedLab();
    const { code, verifier } = await codeFor(lab, new Browser(lab.sim), { scope: 'aws.cognito.signin.user.admin phone notes-api/notes.write' });
    const body = (await bodyOf(await lab.token({ grant_type: 'authorization_code', client_id: lab.web, code, redirect_uri: CALLBACK, code_verifier: verifier }))) as Record<string, string>;
    expect(Object.keys(body)).toEqual(['access_token', 'refresh_token', 'expires_in', 'token_type']);
    expect(decodeJwt(body.access_token!).scope).toBe('aws.cognito.signin.user.admin');
  });

  it('records what it decided: redirect URI, scopes, session cookie, code, PKCE, client, tokens', async () => {
    const lab = await hostedLab();
    const { code, verifier } = await codeFor(lab, new Browser(lab.sim), { scope: 'openid' });
    await lab.token({ grant_type: 'authorization_code', client_id: lab.web, code, redirect_uri: CALLBACK, code_verifier: verifier });
    const steps = (operation: string) => lab.sim.trace().filter((e) => e.operation === operation).flatMap((e) => e.notes.map((n) => (n.kind === 'oauth' ? `${n.step}:${n.outcome}` : n.kind)));
    expect(steps('GET /oauth2/authorize')).toEqual(['redirect-uri:ok', 'scopes:ok', 'session:ok']);
    expect(steps('POST /login')).toEqual(['redirect-uri:ok', 'scopes:ok', 'password-checked', 'session:ok', 'code:ok']);
    expect(steps('POST /oauth2/token')).toEqual(['client:ok', 'pkce:ok', 'code:ok', 'token-issued', 'token-issued', 'token-issued']);
    const exchange = lab.sim.trace().find((e) => e.operation === 'POST /login')!;
    expect(exchange.to).toBe('hosted-ui');
    expect(exchange.from).toBe('browser');
  });
});

describe('When the browser already holds a hosted UI session', () => {
  it('signs in again without the login page, for another app client too (single sign-on)', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    await codeFor(lab, browser);
    const again = await browser.get(lab.authorizeUrl({ state: 'second' }));
    expect(again.status).toBe(302);
    expect(locationParams(again).get('state')).toBe('second');
    expect(locationParams(again).get('code')).toMatch(/^[0-9a-f-]{36}$/);
    const alb = await browser.get(lab.authorizeUrl({ client_id: lab.alb, redirect_uri: lab.albCallback, scope: 'openid' }));
    expect(alb.headers.get('location')!.startsWith(`${lab.albCallback}?code=`)).toBe(true);
  });

  it('asks for the password again once the one-hour session has expired', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    await codeFor(lab, browser);
    lab.sim.clock.advance(59 * MINUTE);
    expect((await browser.get(lab.authorizeUrl())).headers.get('location')!.startsWith(CALLBACK)).toBe(true);
    lab.sim.clock.advance(MINUTE);
    expect((await browser.get(lab.authorizeUrl())).headers.get('location')!.startsWith(`${lab.domain}/login?`)).toBe(true);
  });

  it('keeps the first sign-in time as auth_time', async () => {
    const lab = await hostedLab();
    const browser = new Browser(lab.sim);
    const first = Math.floor(lab.sim.clock.now() / 1000);
    await codeFor(lab, browser);
    lab.sim.clock.advance(10 * MINUTE);
    const { code, verifier } = await codeFor(lab, browser);
    const body = (await bodyOf(await lab.token({ grant_type: 'authorization_code', client_id: lab.web, code, redirect_uri: CALLBACK, code_verifier: verifier }))) as { id_token: string };
    expect(decodeJwt(body.id_token).auth_time).toBe(first);
    expect(decodeJwt(body.id_token).iat).toBe(first + 600);
  });
});

describe('When the ALB client, which has a secret, redeems its code', () => {
  it('authenticates with Basic or with the secret in the body, and needs no SECRET_HASH to sign in', async () => {
    const lab = await hostedLab();
    for (const how of ['basic', 'post'] as const) {
      const browser = new Browser(lab.sim);
      const authorize = await browser.get(lab.authorizeUrl({ client_id: lab.alb, redirect_uri: lab.albCallback, scope: 'openid' }));
      const back = await browser.postForm(authorize.headers.get('location')!, { username: 'bob', password: 'Bob#Passw0rd1' });
      const code = locationParams(back).get('code')!;
      const form = { grant_type: 'authorization_code', code, redirect_uri: lab.albCallback };
      const response = how === 'basic' ? await lab.token(form, { basic: [lab.alb, lab.albSecret] }) : await lab.token({ ...form, client_id: lab.alb, client_secret: lab.albSecret });
      expect(response.status).toBe(200);
      expect(decodeJwt(((await bodyOf(response)) as { access_token: string }).access_token)).toMatchObject({ client_id: lab.alb, username: 'bob', scope: 'openid' });
    }
  });
});
