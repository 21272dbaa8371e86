// /oauth2/authorize's refusals [V COGDOC authorization-endpoint.md]: an unknown client or an unregistered redirect URI
// ends on the hosted UI's error page and never redirects to the app (RFC 6749 §4.1.2.1); every other problem goes back
// to the registered redirect URI with error, error_description and the state. Also the implicit grant.
import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { defaultWorld } from '../../index';
import { atHash } from '../oauth-tokens';
import { Browser, CALLBACK, hostedLab, locationParams, pkcePair, signIn, type HostedLab } from './hosted-ui.testkit';

async function errorPageOf(lab: HostedLab, response: Response) {
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location')!);
  expect(`${location.origin}${location.pathname}`).toBe(`${lab.domain}/error`);
  const page = await lab.sim.fetch(new Request(location));
  expect(page.status).toBe(400);
  expect(page.headers.get('content-type')).toBe('text/html;charset=UTF-8');
  return { params: Object.fromEntries(location.searchParams), html: await page.text() };
}

async function redirectError(lab: HostedLab, params: Record<string, string | undefined>) {
  const response = await lab.sim.fetch(new Request(lab.authorizeUrl(params)));
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location')!);
  expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
  return Object.fromEntries(location.searchParams);
}

describe('When the client or the redirect URI is wrong', () => {
  it('shows the error page for an unknown client, and redirects nowhere else', async () => {
    const lab = await hostedLab();
    const { params, html } = await errorPageOf(lab, await lab.sim.fetch(new Request(lab.authorizeUrl({ client_id: 'nosuchclient0000000000000' }))));
    expect(params).toEqual({ error: 'invalid_request', client_id: 'nosuchclient0000000000000' });
    expect(html).toContain('An error was encountered with the requested page.');
  });

  it('shows the error page with redirect_mismatch for a redirect URI that is not a callback URL, even one slash off', async () => {
    const lab = await hostedLab();
    for (const uri of ['https://evil.example/callback', `${CALLBACK}/`, undefined]) {
      const { params, html } = await errorPageOf(lab, await lab.sim.fetch(new Request(lab.authorizeUrl({ redirect_uri: uri }))));
      expect(params).toEqual({ error: 'redirect_mismatch', client_id: lab.web });
      expect(html).toContain('redirect_mismatch');
    }
  });

  it('checks the login page the same way', async () => {
    const lab = await hostedLab();
    const { params } = await errorPageOf(lab, await lab.sim.fetch(new Request(lab.authorizeUrl({ redirect_uri: 'https://evil.example/' }, '/login'))));
    expect(params.error).toBe('redirect_mismatch');
  });
});

describe('When the request is wrong in another way', () => {
  it.each([
    [{ response_type: undefined }, 'invalid_request', 'response_type is missing.'],
    [{ response_type: 'id_token' }, 'invalid_request', 'response_type id_token is not supported: use code or token.'],
    [{ response_type: 'token' }, 'unauthorized_client', 'App client web is not allowed the implicit grant (allowed: code).'],
    [{ code_challenge_method: 'plain', code_challenge: 'x'.repeat(43) }, 'invalid_request', 'code_challenge_method plain is not supported: Cognito supports only S256.'],
    [{ code_challenge: 'x'.repeat(43) }, 'invalid_request', 'code_challenge came without code_challenge_method.'],
    [{ code_challenge_method: 'S256' }, 'invalid_request', 'code_challenge_method came without code_challenge.'],
    [{ scope: 'email' }, 'invalid_scope', 'The email scope needs openid as well.'],
    [{ scope: 'phone notes-api/notes.write' }, 'invalid_scope', 'None of the requested scopes is allowed for app client web.'],
    [{ identity_provider: 'LoginWithAmazon' }, 'invalid_request', 'Identity provider LoginWithAmazon is not enabled for app client web.'],
  ])('%j → %s, back at the redirect URI with the state', async (params, error, description) => {
    const lab = await hostedLab();
    expect(await redirectError(lab, params)).toEqual({ error_description: description, error, state: 'st-123' });
  });

  it('leaves the state out when the app sent none', async () => {
    const lab = await hostedLab();
    expect(await redirectError(lab, { state: undefined, response_type: undefined })).toEqual({ error_description: 'response_type is missing.', error: 'invalid_request' });
  });

  it('sends the browser straight to a federated provider, and COGNITO to its own login page', async () => {
    const lab = await hostedLab();
    const response = await lab.sim.fetch(new Request(lab.authorizeUrl({ identity_provider: 'Google' })));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')!.startsWith('https://accounts.google.com/o/oauth2/v2/auth?')).toBe(true);
    const cognito = await lab.sim.fetch(new Request(lab.authorizeUrl({ identity_provider: 'COGNITO' })));
    expect(cognito.headers.get('location')!.startsWith(`${lab.domain}/login?`)).toBe(true);
  });
});

describe('When a client allowed the implicit grant asks for tokens', () => {
  const world = structuredClone(defaultWorld);
  world.userPools[0]!.clients[0]!.allowedOAuthFlows = ['code', 'implicit'];

  it('puts the tokens in the fragment, with no refresh token, and binds the ID token to the access token and the nonce', async () => {
    const lab = await hostedLab({ world });
    const back = await signIn(lab, new Browser(lab.sim), { response_type: 'token', scope: 'openid profile', nonce: 'n-0S6_WzA2Mj' });
    expect(back.status).toBe(302);
    const location = new URL(back.headers.get('location')!);
    expect(location.search).toBe('');
    const fragment = locationParams(back, 'fragment');
    expect([...fragment.keys()]).toEqual(['id_token', 'access_token', 'token_type', 'expires_in', 'state']);
    expect(Object.fromEntries(fragment)).toMatchObject({ token_type: 'bearer', expires_in: '3600', state: 'st-123' });
    const id = decodeJwt(fragment.get('id_token')!);
    expect(id).toMatchObject({ nonce: 'n-0S6_WzA2Mj', name: 'Alice Liddell', at_hash: await atHash(fragment.get('access_token')!) });
    expect(id.email).toBeUndefined();
    expect(decodeJwt(fragment.get('access_token')!)).toMatchObject({ scope: 'openid profile', version: 2 });
  });

  it('gives only an access token without openid', async () => {
    const lab = await hostedLab({ world });
    const back = await signIn(lab, new Browser(lab.sim), { response_type: 'token', scope: 'aws.cognito.signin.user.admin' });
    expect([...locationParams(back, 'fragment').keys()]).toEqual(['access_token', 'token_type', 'expires_in', 'state']);
  });

  it('accepts a well-formed PKCE challenge beside response_type=token, and has no use for it', async () => {
    const lab = await hostedLab({ world });
    const { challenge } = await pkcePair();
    const back = await signIn(lab, new Browser(lab.sim), { response_type: 'token', scope: 'openid', code_challenge: challenge, code_challenge_method: 'S256' });
    expect(locationParams(back, 'fragment').get('access_token')).toBeTruthy();
  });
});
