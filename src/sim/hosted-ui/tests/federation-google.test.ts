// Sign in with Google through the hosted UI, hop by hop in the learner's browser: /oauth2/authorize with
// identity_provider=Google → Google's sign-in page → back to /oauth2/idpresponse, where the hosted UI redeems the code
// and verifies Google's ID token (nested calls) → the app's callback with Cognito's own code → the token endpoint.
// The ID token (checked by aws-jwt-verify) carries the identities claim and the federated username; the user exists
// with status EXTERNAL_PROVIDER (AdminGetUser through the SDK) and a second sign-in updates it instead of adding one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { AdminGetUserCommand, ListUsersCommand, type AttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '../../../testing/sdk-handler';
import { defaultWorld } from '../../index';
import { CALLBACK, federationLab, GINA, GLEN, googleLogin, locationOf, paramsOf, START, submitIdpForm, type FederationLab } from '../../../testing/federation-harness';
import { pkcePair } from './hosted-ui.testkit';

afterEach(() => vi.useRealTimers());

const attributes = (list: AttributeType[] | undefined) => Object.fromEntries((list ?? []).map((a) => [a.Name!, a.Value!]));

/** The whole dance for one browser; returns the hops and the app's tokens. */
async function signInWithGoogle(lab: FederationLab, account = GLEN, browser = lab.newBrowser()) {
  const pkce = await pkcePair('g');
  const toGoogle = await browser.request(lab.authorizeUrl({ identity_provider: 'Google', code_challenge: pkce.challenge, code_challenge_method: 'S256', nonce: 'n-42' }));
  const page = await browser.follow(toGoogle);
  const back = page.status === 200 ? await submitIdpForm(browser, page, googleLogin(account)) : page;
  const callback = await browser.follow(back);
  const code = paramsOf(locationOf(callback)).get('code')!;
  const form = new URLSearchParams({ grant_type: 'authorization_code', client_id: lab.web, code, redirect_uri: CALLBACK, code_verifier: pkce.verifier });
  const token = await lab.sim.fetch(new Request(`${lab.domain}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() }));
  const tokens = (await token.json()) as { id_token: string; access_token: string; refresh_token: string };
  return { browser, toGoogle, page, back, callback, tokens };
}

async function verifyIdToken(lab: FederationLab, idToken: string) {
  const jwks = (await (await lab.sim.fetch(new Request(`${lab.issuer}/.well-known/jwks.json`))).json()) as Jwks;
  const verifier = CognitoJwtVerifier.create({ userPoolId: lab.poolId, tokenUse: 'id', clientId: lab.web });
  verifier.cacheJwks(jwks);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(lab.sim.clock.now());
  return verifier.verify(idToken);
}

describe('When Glen signs in to the web app with Google through the hosted UI', () => {
  it('goes authorize → Google → idpresponse → the app, and the app gets ID token with identities that aws-jwt-verify accepts', async () => {
    const lab = await federationLab();
    const { browser, toGoogle, page, back, callback, tokens } = await signInWithGoogle(lab);

    expect(toGoogle.status).toBe(302);
    const google = locationOf(toGoogle);
    expect(`${google.origin}${google.pathname}`).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(Object.fromEntries(google.searchParams)).toEqual({ client_id: lab.hostedUiGoogle.clientId, redirect_uri: lab.idpResponse, scope: 'profile email openid', response_type: 'code', state: expect.stringMatching(/^[A-Za-z0-9_-]{64}$/) });
    expect(page.status).toBe(200);
    expect(`${locationOf(back).origin}${locationOf(back).pathname}`).toBe(lab.idpResponse);
    expect(paramsOf(locationOf(back)).get('state')).toBe(google.searchParams.get('state'));

    expect(callback.status).toBe(302);
    const app = locationOf(callback);
    expect(`${app.origin}${app.pathname}`).toBe(CALLBACK);
    expect([...app.searchParams.keys()]).toEqual(['code', 'state']);
    expect(app.searchParams.get('state')).toBe('st-123');
    expect(browser.cookies(lab.domain).map((c) => c.name)).toEqual(['cognito']);

    const claims = await verifyIdToken(lab, tokens.id_token);
    expect(claims).toMatchObject({ 'cognito:username': `Google_${GLEN.sub}`, email: GLEN.email, email_verified: true, name: 'Glen Green', picture: GLEN.picture, nonce: 'n-42', token_use: 'id', aud: lab.web });
    expect(claims.identities).toEqual([{ userId: GLEN.sub, providerName: 'Google', providerType: 'Google', issuer: null, primary: 'true', dateCreated: String(START) }]);
  });

  it('redeems the code and checks Google\'s ID token in calls of its own, and records each hop of the federation', async () => {
    const lab = await federationLab();
    await signInWithGoogle(lab);
    const trace = lab.sim.trace();
    const idp = trace.find((e) => e.operation === 'GET /oauth2/idpresponse')!;
    expect(idp).toMatchObject({ from: 'browser', to: 'hosted-ui' });
    expect(trace.filter((e) => e.parentId === idp.id).map((e) => `${e.from} → ${e.to} ${e.operation} ${e.response.status}`)).toEqual([
      'hosted-ui → google POST /token 200',
      'hosted-ui → google GET /oauth2/v3/certs 200',
    ]);
    const steps = trace.flatMap((e) => e.notes.filter((n) => n.kind === 'federation').map((n) => `${e.to}:${n.step}:${n.outcome}`));
    // The trace lists an exchange before the calls it made while handling the request.
    expect(steps).toEqual(['hosted-ui:redirect:ok', 'google:idp-sign-in:ok', 'google:idp-sign-in:ok', 'hosted-ui:idp-token:ok', 'hosted-ui:user-linked:ok', 'hosted-ui:login:ok', 'google:idp-token:ok', 'google:idp-token:ok']);
    const linked = idp.notes.find((n) => n.kind === 'federation' && n.step === 'user-linked');
    expect(linked).toMatchObject({ provider: 'Google', providerType: 'Google', subject: GLEN.sub, attributes: { email: GLEN.email, email_verified: 'true', name: 'Glen Green', picture: GLEN.picture } });
  });

  it('creates the user Google_{sub} with status EXTERNAL_PROVIDER, the mapped attributes and the identities attribute', async () => {
    const lab = await federationLab();
    await signInWithGoogle(lab);
    const user = await cognitoClient(lab.sim).send(new AdminGetUserCommand({ UserPoolId: lab.poolId, Username: `Google_${GLEN.sub}` }));
    expect(user.UserStatus).toBe('EXTERNAL_PROVIDER');
    expect(user.Enabled).toBe(true);
    const attrs = attributes(user.UserAttributes);
    expect(attrs).toMatchObject({ email: GLEN.email, email_verified: 'true', name: 'Glen Green', picture: GLEN.picture });
    expect(attrs.sub).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(attrs.identities!)).toEqual([{ userId: GLEN.sub, providerName: 'Google', providerType: 'Google', issuer: null, primary: true, dateCreated: START }]);
  });

  it('updates the same user on the next sign-in instead of creating another, restoring the mapped attributes', async () => {
    const lab = await federationLab();
    const admin = cognitoClient(lab.sim);
    await signInWithGoogle(lab);
    const username = `Google_${GLEN.sub}`;
    const first = attributes((await admin.send(new AdminGetUserCommand({ UserPoolId: lab.poolId, Username: username }))).UserAttributes);
    // Set-up: the attribute changes in the pool (as an administrator's edit would change it).
    lab.pool().users.get(username.toLowerCase())!.attributes.set('name', 'Renamed By Admin');
    expect(attributes((await admin.send(new AdminGetUserCommand({ UserPoolId: lab.poolId, Username: username }))).UserAttributes).name).toBe('Renamed By Admin');
    const before = (await admin.send(new ListUsersCommand({ UserPoolId: lab.poolId }))).Users!.length;
    lab.sim.clock.advance(60_000);

    const { tokens } = await signInWithGoogle(lab, GLEN);
    expect((await admin.send(new ListUsersCommand({ UserPoolId: lab.poolId }))).Users!.length).toBe(before);
    const second = attributes((await admin.send(new AdminGetUserCommand({ UserPoolId: lab.poolId, Username: username }))).UserAttributes);
    expect(second.sub).toBe(first.sub);
    expect(second.name).toBe('Glen Green');
    expect(second.identities).toBe(first.identities);
    const claims = await verifyIdToken(lab, tokens.id_token);
    expect(claims.sub).toBe(first.sub);
    const idp = lab.sim.trace().filter((e) => e.operation === 'GET /oauth2/idpresponse').at(-1)!;
    expect(idp.notes.find((n) => n.kind === 'federation' && n.step === 'user-linked')!.summary).toContain('updates the mapped attributes');
  });

  it('finds the default world\'s Gina as the user Google_104857600000000000001 and gives her the identities attribute', async () => {
    const lab = await federationLab();
    const before = lab.pool().users.size;
    const { tokens } = await signInWithGoogle(lab, GINA);
    expect(lab.pool().users.size).toBe(before);
    const claims = await verifyIdToken(lab, tokens.id_token);
    expect(claims['cognito:username']).toBe('Google_104857600000000000001');
    expect(claims.identities).toEqual([{ userId: GINA.sub, providerName: 'Google', providerType: 'Google', issuer: null, primary: 'true', dateCreated: String(START) }]);
  });

  it('signs in again without any page while both Google and the hosted UI remember the browser', async () => {
    const lab = await federationLab();
    const { browser } = await signInWithGoogle(lab);
    const again = await signInWithGoogle(lab, GLEN, browser);
    expect(again.page.status).toBe(302);
    expect(paramsOf(locationOf(again.callback)).get('code')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('takes idp_identifier in place of identity_provider', async () => {
    const lab = await federationLab();
    const response = await lab.newBrowser().request(lab.authorizeUrl({ idp_identifier: 'google' }));
    expect(response.status).toBe(302);
    expect(locationOf(response).host).toBe('accounts.google.com');
  });
});

describe('When the mapping gives the pool no value for a required attribute', () => {
  it('sends the browser back to the app with "attributes required" and creates no user', async () => {
    const world = structuredClone(defaultWorld);
    world.userPools[0]!.identityProviders!.find((p) => p.name === 'Google')!.attributeMapping = { name: 'name' };
    const lab = await federationLab({ world });
    const browser = lab.newBrowser();
    const page = await browser.follow(await browser.request(lab.authorizeUrl({ identity_provider: 'Google' })));
    const callback = await browser.follow(await submitIdpForm(browser, page, googleLogin(GLEN)));
    expect(Object.fromEntries(paramsOf(locationOf(callback)))).toEqual({ error_description: 'attributes required: [email]', error: 'invalid_request', state: 'st-123' });
    expect(lab.pool().users.has(`google_${GLEN.sub}`)).toBe(false);
    expect(browser.cookies(lab.domain)).toEqual([]);
  });
});
