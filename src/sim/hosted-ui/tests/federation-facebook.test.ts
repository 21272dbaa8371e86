// Sign in with Facebook through the hosted UI, hop by hop in the learner's browser: authorize with
// identity_provider=Facebook → the Facebook Login dialog → /oauth2/idpresponse, where the hosted UI trades the code for
// a Facebook access token and asks the Graph API for the user's fields (nested calls) → the app's callback → tokens.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '../../../testing/sdk-handler';
import { CALLBACK, facebookLogin, federationLab, FIONA, locationOf, paramsOf, START, submitIdpForm } from '../../../testing/federation-harness';

afterEach(() => vi.useRealTimers());

describe('When Fiona signs in to the web app with Facebook through the hosted UI', () => {
  it('walks the dance, creates Facebook_{id} with EXTERNAL_PROVIDER and gives the app tokens with identities', async () => {
    const lab = await federationLab();
    const browser = lab.newBrowser();
    const toFacebook = await browser.request(lab.authorizeUrl({ identity_provider: 'Facebook' }));
    const dialog = locationOf(toFacebook);
    expect(`${dialog.origin}${dialog.pathname}`).toBe('https://www.facebook.com/v17.0/dialog/oauth');
    expect(Object.fromEntries(dialog.searchParams)).toMatchObject({ client_id: lab.hostedUiFacebook.appId, redirect_uri: lab.idpResponse, scope: 'public_profile,email', response_type: 'code' });
    const page = await browser.follow(toFacebook);
    expect(page.status).toBe(200);
    const back = await submitIdpForm(browser, page, facebookLogin());
    const callback = await browser.follow(back);
    const app = locationOf(callback);
    expect(`${app.origin}${app.pathname}`).toBe(CALLBACK);
    expect(app.searchParams.get('state')).toBe('st-123');

    const idp = lab.sim.trace().find((e) => e.operation === 'GET /oauth2/idpresponse')!;
    expect(lab.sim.trace().filter((e) => e.parentId === idp.id).map((e) => `${e.to} ${e.operation}`)).toEqual(['facebook GET /v17.0/oauth/access_token', 'facebook GET /v17.0/me']);
    const me = lab.sim.trace().find((e) => e.parentId === idp.id && e.operation === 'GET /v17.0/me')!;
    expect(new URL(me.request.url).searchParams.get('fields')).toBe('id,email,name');

    const form = new URLSearchParams({ grant_type: 'authorization_code', client_id: lab.web, code: app.searchParams.get('code')!, redirect_uri: CALLBACK });
    const tokens = (await (await lab.sim.fetch(new Request(`${lab.domain}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() }))).json()) as { id_token: string };
    const verifier = CognitoJwtVerifier.create({ userPoolId: lab.poolId, tokenUse: 'id', clientId: lab.web });
    verifier.cacheJwks((await (await lab.sim.fetch(new Request(`${lab.issuer}/.well-known/jwks.json`))).json()) as Jwks);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(lab.sim.clock.now());
    const claims = await verifier.verify(tokens.id_token);
    expect(claims).toMatchObject({ 'cognito:username': `Facebook_${FIONA.id}`, email: FIONA.email, name: FIONA.name });
    expect(claims.email_verified).toBeUndefined();
    expect(claims.identities).toEqual([{ userId: FIONA.id, providerName: 'Facebook', providerType: 'Facebook', issuer: null, primary: 'true', dateCreated: String(START) }]);
    vi.useRealTimers();

    const user = await cognitoClient(lab.sim).send(new AdminGetUserCommand({ UserPoolId: lab.poolId, Username: `Facebook_${FIONA.id}` }));
    expect(user.UserStatus).toBe('EXTERNAL_PROVIDER');
  });

  it('passes Facebook\'s access_denied on to the app when Fiona cancels, and creates no user', async () => {
    const lab = await federationLab();
    const browser = lab.newBrowser();
    const page = await browser.follow(await browser.request(lab.authorizeUrl({ identity_provider: 'Facebook' })));
    const back = await submitIdpForm(browser, page, { action: 'cancel' });
    const callback = await browser.follow(back);
    expect(Object.fromEntries(paramsOf(locationOf(callback)))).toEqual({ error_description: 'Permissions error', error: 'access_denied', state: 'st-123' });
    expect(lab.pool().users.has(`facebook_${FIONA.id}`)).toBe(false);
    expect(browser.cookies(lab.domain)).toEqual([]);
  });
});
