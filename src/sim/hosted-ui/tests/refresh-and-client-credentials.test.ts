// The two other grants of the token endpoint. refresh_token: new ID and access tokens for the same sign-in, scopes and
// auth_time, and no new refresh token; revoked or unknown tokens are invalid_grant. client_credentials for the
// reports-job machine client: an access token whose sub is the client, with custom scopes only (aws-behaviour.md §2.3).
import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { GetUserCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_PASSWORDS } from '../../index';
import { cognitoClient } from '../../../testing/sdk-handler';
import { bodyOf, Browser, CALLBACK, codeFor, hostedLab, MINUTE, type HostedLab } from './hosted-ui.testkit';

async function signedIn(lab: HostedLab, scope?: string) {
  const { code, verifier } = await codeFor(lab, new Browser(lab.sim), scope ? { scope } : {});
  const response = await lab.token({ grant_type: 'authorization_code', client_id: lab.web, code, redirect_uri: CALLBACK, code_verifier: verifier });
  return (await bodyOf(response)) as { id_token: string; access_token: string; refresh_token: string };
}

describe('When the web app refreshes its tokens at the token endpoint', () => {
  it('gets new ID and access tokens with the same scopes and auth_time, and no refresh token', async () => {
    const lab = await hostedLab();
    const first = await signedIn(lab, 'openid email notes-api/notes.read');
    lab.sim.clock.advance(30 * MINUTE);
    const response = await lab.token({ grant_type: 'refresh_token', client_id: lab.web, refresh_token: first.refresh_token });
    expect(response.status).toBe(200);
    const body = (await bodyOf(response)) as Record<string, string>;
    expect(Object.keys(body)).toEqual(['id_token', 'access_token', 'expires_in', 'token_type']);
    const access = decodeJwt(body.access_token!);
    expect(access).toMatchObject({ scope: 'openid email notes-api/notes.read', version: 2, origin_jti: decodeJwt(first.access_token).origin_jti, auth_time: decodeJwt(first.access_token).auth_time });
    expect(access.iat).toBe((decodeJwt(first.access_token).iat as number) + 1800);
    expect(decodeJwt(body.id_token!).nonce).toBeUndefined();
  });

  it('refuses a missing, unknown, revoked or expired refresh token, and one of another client', async () => {
    const lab = await hostedLab();
    const tokens = await signedIn(lab);
    const refresh = (refresh_token: string | undefined, client = lab.web) => lab.token({ grant_type: 'refresh_token', client_id: client, ...(refresh_token !== undefined ? { refresh_token } : {}) });
    expect(await bodyOf(await refresh(undefined))).toEqual({ error: 'invalid_request' });
    expect(await bodyOf(await refresh('a.b.c.d.e'))).toEqual({ error: 'invalid_grant' });
    const albRefresh = await lab.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, { basic: [lab.alb, lab.albSecret] });
    expect([albRefresh.status, await bodyOf(albRefresh)]).toEqual([400, { error: 'invalid_grant' }]);
    expect((await lab.revoke({ token: tokens.refresh_token, client_id: lab.web })).status).toBe(200);
    const revoked = await refresh(tokens.refresh_token);
    expect([revoked.status, await bodyOf(revoked)]).toEqual([400, { error: 'invalid_grant' }]);
    const later = await signedIn(lab);
    lab.sim.clock.advance(30 * 24 * 60 * MINUTE);
    expect(await bodyOf(await refresh(later.refresh_token))).toEqual({ error: 'invalid_grant' });
  });

  it('also refreshes a refresh token from InitiateAuth, with the API scope and an ID token', async () => {
    const lab = await hostedLab();
    const out = await cognitoClient(lab.sim).send(new InitiateAuthCommand({ ClientId: lab.web, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'bob', PASSWORD: DEMO_PASSWORDS.bob } }));
    const body = (await bodyOf(await lab.token({ grant_type: 'refresh_token', client_id: lab.web, refresh_token: out.AuthenticationResult!.RefreshToken! }))) as Record<string, string>;
    expect(decodeJwt(body.access_token!)).toMatchObject({ scope: 'aws.cognito.signin.user.admin', username: 'bob' });
    expect(decodeJwt(body.id_token!)).toMatchObject({ 'cognito:username': 'bob' });
  });
});

describe('When the reports job asks for a token with its own credentials', () => {
  it('gets an access token for itself: sub is the client id, no username, the custom scope, version 2', async () => {
    const lab = await hostedLab();
    const response = await lab.token({ grant_type: 'client_credentials' }, { basic: [lab.reportsJob, lab.reportsSecret] });
    expect(response.status).toBe(200);
    const body = (await bodyOf(response)) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['access_token', 'expires_in', 'token_type']);
    expect(body).toMatchObject({ expires_in: 3600, token_type: 'Bearer' });
    const claims = decodeJwt(body.access_token as string);
    expect(Object.keys(claims)).toEqual(['sub', 'token_use', 'scope', 'auth_time', 'iss', 'exp', 'iat', 'version', 'jti', 'client_id']);
    expect(claims).toMatchObject({ sub: lab.reportsJob, client_id: lab.reportsJob, token_use: 'access', scope: 'notes-api/notes.read', version: 2, iss: lab.issuer });
    expect(lab.sim.trace().at(-1)!.notes.map((n) => (n.kind === 'oauth' ? `${n.step}:${n.outcome}` : n.kind))).toEqual(['client:ok', 'scopes:ok', 'token-issued']);
  });

  it('accepts the secret in the body and an explicit allowed scope', async () => {
    const lab = await hostedLab();
    const response = await lab.token({ grant_type: 'client_credentials', client_id: lab.reportsJob, client_secret: lab.reportsSecret, scope: 'notes-api/notes.read' });
    expect(decodeJwt(((await bodyOf(response)) as { access_token: string }).access_token).scope).toBe('notes-api/notes.read');
  });

  it('refuses scopes it is not allowed, system scopes included (invalid_scope)', async () => {
    const lab = await hostedLab();
    for (const scope of ['notes-api/notes.write', 'openid', 'notes-api/notes.read openid']) {
      const response = await lab.token({ grant_type: 'client_credentials', scope }, { basic: [lab.reportsJob, lab.reportsSecret] });
      expect([response.status, await bodyOf(response)]).toEqual([400, { error: 'invalid_scope' }]);
    }
  });

  it('cannot use the token on Cognito\'s own user APIs (no user, no admin scope), and the pool says so instead of failing', async () => {
    const lab = await hostedLab();
    const body = (await bodyOf(await lab.token({ grant_type: 'client_credentials' }, { basic: [lab.reportsJob, lab.reportsSecret] }))) as { access_token: string };
    await expect(cognitoClient(lab.sim).send(new GetUserCommand({ AccessToken: body.access_token }))).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Access Token does not have required scopes' });
  });
});
