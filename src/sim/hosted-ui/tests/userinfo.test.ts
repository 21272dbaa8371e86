// /oauth2/userInfo [V COGDOC userinfo-endpoint.md; aws-behaviour.md §4.3]: the attributes the token's scopes allow, with
// booleans as strings and username; only OAuth access tokens with openid; errors with the documented WWW-Authenticate.
import { describe, expect, it } from 'vitest';
import { AdminUserGlobalSignOutCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_PASSWORDS } from '../../index';
import { cognitoClient } from '../../../testing/sdk-handler';
import { bodyOf, Browser, CALLBACK, codeFor, hostedLab, MINUTE, type HostedLab } from './hosted-ui.testkit';

const INVALID_TOKEN = 'error="invalid_token", error_description="Access token is expired, disabled, or deleted, or the user has globally signed out."';

async function accessToken(lab: HostedLab, scope?: string): Promise<{ access_token: string; refresh_token: string }> {
  const { code, verifier } = await codeFor(lab, new Browser(lab.sim), scope ? { scope } : {});
  return (await bodyOf(await lab.token({ grant_type: 'authorization_code', client_id: lab.web, code, redirect_uri: CALLBACK, code_verifier: verifier }))) as { access_token: string; refresh_token: string };
}

describe('When the app reads alice\'s attributes at userInfo', () => {
  it('answers with every attribute the client can read for openid alone, booleans as strings, and username', async () => {
    const lab = await hostedLab();
    const { access_token } = await accessToken(lab, 'openid');
    const response = await lab.userInfo(access_token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    const body = (await bodyOf(response)) as Record<string, string>;
    expect(body).toEqual({ sub: body.sub, email: 'alice@example.com', email_verified: 'true', name: 'Alice Liddell', username: 'alice' });
    expect(body.sub).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(body).at(0)).toBe('sub');
    expect(Object.keys(body).at(-1)).toBe('username');
  });

  it('limits the answer to the scopes: openid email gives no name; POST works as GET', async () => {
    const lab = await hostedLab();
    const { access_token } = await accessToken(lab, 'openid email');
    const body = (await bodyOf(await lab.userInfo(access_token, 'POST'))) as Record<string, string>;
    expect(Object.keys(body)).toEqual(['sub', 'email', 'email_verified', 'username']);
  });
});

describe('When userInfo refuses', () => {
  it('answers 400 with WWW-Authenticate when there is no bearer token', async () => {
    const lab = await hostedLab();
    for (const response of [await lab.userInfo(undefined), await lab.sim.fetch(new Request(`${lab.domain}/oauth2/userInfo`, { headers: { authorization: 'Basic abc' } }))]) {
      expect(response.status).toBe(400);
      expect(response.headers.get('www-authenticate')).toBe('error="invalid_request", error_description="Bad OAuth2 request at UserInfo Endpoint"');
    }
  });

  it('refuses an access token from InitiateAuth: it has no openid scope', async () => {
    const lab = await hostedLab();
    const out = await cognitoClient(lab.sim).send(new InitiateAuthCommand({ ClientId: lab.web, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: DEMO_PASSWORDS.alice } }));
    const response = await lab.userInfo(out.AuthenticationResult!.AccessToken!);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('error="invalid_token", error_description="Access token does not contain openid scope"');
    expect(await bodyOf(response)).toEqual({ error: 'invalid_token', error_description: 'Access token does not contain openid scope' });
  });

  it('refuses a client-credentials token, a garbled token, an expired token and a tampered one', async () => {
    const lab = await hostedLab();
    const machine = (await bodyOf(await lab.token({ grant_type: 'client_credentials' }, { basic: [lab.reportsJob, lab.reportsSecret] }))) as { access_token: string };
    expect((await lab.userInfo(machine.access_token)).status).toBe(401);
    const garbled = await lab.userInfo('not-a-jwt');
    expect([garbled.status, garbled.headers.get('www-authenticate')]).toEqual([401, INVALID_TOKEN]);
    const { access_token } = await accessToken(lab, 'openid');
    const [h, p, s] = access_token.split('.');
    const tampered = await lab.userInfo(`${h}.${p}.${s!.slice(0, -4)}AAAA`);
    expect([tampered.status, tampered.headers.get('www-authenticate')]).toEqual([401, INVALID_TOKEN]);
    lab.sim.clock.advance(60 * MINUTE);
    const expired = await lab.userInfo(access_token);
    expect([expired.status, expired.headers.get('www-authenticate')]).toEqual([401, INVALID_TOKEN]);
  });

  it('refuses a token whose sign-in was revoked at /oauth2/revoke or by a global sign-out', async () => {
    const lab = await hostedLab();
    const revoked = await accessToken(lab, 'openid');
    expect((await lab.userInfo(revoked.access_token)).status).toBe(200);
    await lab.revoke({ token: revoked.refresh_token, client_id: lab.web });
    expect((await lab.userInfo(revoked.access_token)).status).toBe(401);
    const signedOut = await accessToken(lab, 'openid');
    await cognitoClient(lab.sim).send(new AdminUserGlobalSignOutCommand({ UserPoolId: lab.poolId, Username: 'alice' }));
    expect((await lab.userInfo(signedOut.access_token)).headers.get('www-authenticate')).toBe(INVALID_TOKEN);
  });
});
