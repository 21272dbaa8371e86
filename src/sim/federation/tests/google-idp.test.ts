// The simulated Google as an app meets it: the authorization endpoint and its sign-in page, the implicit and code
// flows, real RS256 ID tokens that verify against the JWKS Google publishes, and Google's refusals (unknown client,
// unregistered redirect URI, wrong password, Cancel, a reused code, a wrong secret).
import { describe, expect, it } from 'vitest';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { CALLBACK, federationLab, GINA, GLEN, googleIdTokenForWebApp, googleLogin, locationOf, paramsOf, submitIdpForm, type FederationLab } from '../../../testing/federation-harness';

const AUTH = 'https://accounts.google.com/o/oauth2/v2/auth';

function authUrl(lab: FederationLab, params: Record<string, string> = {}): string {
  return `${AUTH}?${new URLSearchParams({ client_id: lab.hostedUiGoogle.clientId, redirect_uri: lab.idpResponse, response_type: 'code', scope: 'openid email profile', state: 'relay-1', ...params }).toString()}`;
}

async function tokenCall(lab: FederationLab, form: Record<string, string>): Promise<Response> {
  return lab.sim.fetch(new Request('https://oauth2.googleapis.com/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() }));
}

async function googleJwks(lab: FederationLab): Promise<JSONWebKeySet> {
  return (await (await lab.sim.fetch(new Request('https://www.googleapis.com/oauth2/v3/certs'))).json()) as JSONWebKeySet;
}

async function codeFor(lab: FederationLab, account = GINA) {
  const browser = lab.newBrowser();
  const back = await submitIdpForm(browser, await browser.request(authUrl(lab)), googleLogin(account));
  return paramsOf(locationOf(back)).get('code')!;
}

describe('When an app sends a user to Google', () => {
  it('shows a sign-in page with labelled fields and the OAuth request in hidden fields', async () => {
    const lab = await federationLab();
    const page = await lab.newBrowser().request(authUrl(lab));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html;charset=UTF-8');
    const html = await page.text();
    expect(html).toContain('<form method="post" action="/signin/oauth"');
    expect(html).toContain('<label for="identifierId">Email or phone</label>');
    expect(html).toContain('<label for="password">Enter your password</label>');
    expect(html).toContain('<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>');
    expect(html).toContain(`name="state" value="relay-1"`);
    expect(html).toContain('learner-lab.auth.us-east-1.amazoncognito.com');
    expect(lab.sim.trace().at(-1)).toMatchObject({ from: 'browser', to: 'google', operation: 'GET /o/oauth2/v2/auth' });
  });

  it('sends the user back with a one-time code and the state, and sets its session cookie', async () => {
    const lab = await federationLab();
    const browser = lab.newBrowser();
    const back = await submitIdpForm(browser, await browser.request(authUrl(lab)), googleLogin());
    expect(back.status).toBe(302);
    const location = locationOf(back);
    expect(`${location.origin}${location.pathname}`).toBe(lab.idpResponse);
    expect(paramsOf(location).get('state')).toBe('relay-1');
    expect(paramsOf(location).get('code')).toMatch(/^4\/0A[A-Za-z0-9_-]{60,}$/);
    expect(browser.cookies('https://accounts.google.com').map((c) => c.name)).toEqual(['SID']);
    // A second request from the same browser is answered without the page.
    const again = await browser.request(authUrl(lab, { state: 'relay-2' }));
    expect(again.status).toBe(302);
    expect(paramsOf(locationOf(again)).get('state')).toBe('relay-2');
    // ...unless the app asks for the login prompt.
    expect((await browser.request(authUrl(lab, { prompt: 'login' }))).status).toBe(200);
  });

  it('trades the code once, for an ID token signed with a key from its JWKS', async () => {
    const lab = await federationLab();
    const code = await codeFor(lab);
    const form = { grant_type: 'authorization_code', code, client_id: lab.hostedUiGoogle.clientId, client_secret: lab.hostedUiGoogle.secret, redirect_uri: lab.idpResponse };
    const response = await tokenCall(lab, form);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['access_token', 'expires_in', 'scope', 'token_type', 'id_token']);
    expect(body).toMatchObject({ expires_in: 3599, token_type: 'Bearer' });
    expect(body.access_token).toMatch(/^ya29\./);
    const idToken = body.id_token as string;
    expect(decodeProtectedHeader(idToken)).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: expect.stringMatching(/^[0-9a-f]{40}$/) });
    const jwks = await googleJwks(lab);
    expect(jwks.keys).toHaveLength(2);
    const { payload } = await jwtVerify(idToken, createLocalJWKSet(jwks), { issuer: 'https://accounts.google.com', audience: lab.hostedUiGoogle.clientId, currentDate: new Date(lab.sim.clock.now()) });
    expect(payload).toMatchObject({ azp: lab.hostedUiGoogle.clientId, sub: GINA.sub, email: GINA.email, email_verified: true, name: 'Gina Google', given_name: 'Gina', family_name: 'Google' });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(typeof payload.at_hash).toBe('string');

    const again = await tokenCall(lab, form);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: 'invalid_grant', error_description: 'Bad Request' });
  });

  it('refuses a wrong client secret, another redirect_uri, and an unknown code', async () => {
    const lab = await federationLab();
    const code = await codeFor(lab);
    const form = { grant_type: 'authorization_code', code, client_id: lab.hostedUiGoogle.clientId, client_secret: 'GOCSPX-wrong', redirect_uri: lab.idpResponse };
    const wrongSecret = await tokenCall(lab, form);
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toEqual({ error: 'invalid_client', error_description: 'Unauthorized' });
    const otherRedirect = await tokenCall(lab, { ...form, client_secret: lab.hostedUiGoogle.secret, redirect_uri: CALLBACK });
    expect(await otherRedirect.json()).toEqual({ error: 'redirect_uri_mismatch', error_description: 'Bad Request' });
    const madeUp = await tokenCall(lab, { ...form, client_secret: lab.hostedUiGoogle.secret, code: '4/0Amadeup' });
    expect(madeUp.status).toBe(400);
    expect(await madeUp.json()).toEqual({ error: 'invalid_grant', error_description: 'Bad Request' });
  });

  it('gives the web app an ID token in the fragment (implicit flow), with the nonce, for the web client', async () => {
    const lab = await federationLab();
    const idToken = await googleIdTokenForWebApp(lab, GLEN, 'nonce-42');
    const { payload } = await jwtVerify(idToken, createLocalJWKSet(await googleJwks(lab)), { issuer: 'https://accounts.google.com', audience: lab.webGoogleClientId, currentDate: new Date(lab.sim.clock.now()) });
    expect(payload).toMatchObject({ sub: GLEN.sub, nonce: 'nonce-42', email: GLEN.email });
    expect(payload.at_hash).toBeUndefined();
  });
});

describe('When the request or the user is refused', () => {
  it('shows an error page, and redirects nowhere, for an unknown client or an unregistered redirect URI', async () => {
    const lab = await federationLab();
    const unknown = await lab.newBrowser().request(authUrl(lab, { client_id: '1234-nope.apps.googleusercontent.com' }));
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('location')).toBeNull();
    expect(await unknown.text()).toContain('Error 401: invalid_client');
    const mismatch = await lab.newBrowser().request(authUrl(lab, { redirect_uri: 'https://evil.example/steal' }));
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('Error 400: redirect_uri_mismatch');
    const noNonce = await lab.newBrowser().request(authUrl(lab, { client_id: lab.webGoogleClientId, redirect_uri: CALLBACK, response_type: 'id_token' }));
    expect(await noNonce.text()).toContain('Missing required parameter: nonce');
  });

  it('asks again after a wrong password or an unknown account, with the message in an alert', async () => {
    const lab = await federationLab();
    const browser = lab.newBrowser();
    const wrong = await submitIdpForm(browser, await browser.request(authUrl(lab)), { identifier: GINA.email, Passwd: 'not-it' });
    expect(wrong.status).toBe(200);
    expect(await wrong.text()).toContain('<p id="google-error" role="alert">Wrong password. Try again or click Forgot password to reset it.</p>');
    const nobody = await submitIdpForm(browser, await browser.request(authUrl(lab)), { identifier: 'nobody@gmail.example', Passwd: 'x' });
    expect(await nobody.text()).toContain('Couldn&#39;t find your Google Account');
    expect(browser.cookies('https://accounts.google.com')).toEqual([]);
  });

  it('sends the user back with error=access_denied when they cancel', async () => {
    const lab = await federationLab();
    const browser = lab.newBrowser();
    const back = await submitIdpForm(browser, await browser.request(authUrl(lab)), { action: 'cancel' });
    expect(back.status).toBe(302);
    expect(Object.fromEntries(paramsOf(locationOf(back)))).toEqual({ error: 'access_denied', state: 'relay-1' });
  });

  it('publishes an OpenID discovery document that names its endpoints', async () => {
    const lab = await federationLab();
    const doc = (await (await lab.sim.fetch(new Request('https://accounts.google.com/.well-known/openid-configuration'))).json()) as Record<string, unknown>;
    expect(doc).toMatchObject({ issuer: 'https://accounts.google.com', authorization_endpoint: AUTH, token_endpoint: 'https://oauth2.googleapis.com/token', jwks_uri: 'https://www.googleapis.com/oauth2/v3/certs' });
  });
});
