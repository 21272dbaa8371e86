// awslabs' aws-jwt-verify accepts the hosted UI's tokens, verified offline against the JWKS the simulator publishes, at
// the simulator's virtual time: the code flow's ID and access tokens (with the scope option), the implicit grant's, and
// the reports job's client-credentials token. The claims carry AWS's OAuth differences (aws-behaviour.md §2.2–2.3):
// version 2, the granted scopes, at_hash (recomputed here from the access token) and the nonce.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { JwtInvalidScopeError } from 'aws-jwt-verify/error';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { defaultWorld } from '../../index';
import { toBase64Url, utf8 } from '../../../lib/encoding';
import { bodyOf, Browser, CALLBACK, codeFor, hostedLab, locationParams, signIn, type HostedLab } from './hosted-ui.testkit';

afterEach(() => vi.useRealTimers());

async function verifierFor(lab: HostedLab, tokenUse: 'id' | 'access', clientId: string, scope?: string) {
  const jwks = (await bodyOf(await lab.sim.fetch(new Request(`${lab.issuer}/.well-known/jwks.json`)))) as Jwks;
  const verifier = CognitoJwtVerifier.create({ userPoolId: lab.poolId, tokenUse, clientId, ...(scope ? { scope } : {}) });
  verifier.cacheJwks(jwks);
  return verifier;
}

/** aws-jwt-verify checks exp against Date.now(): freeze Date at the simulator's time. */
function atSimTime(lab: HostedLab): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(lab.sim.clock.now());
}

/** at_hash by hand (OIDC Core §3.1.3.6), independent of the simulator's own helper. */
async function expectedAtHash(accessToken: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(accessToken) as Uint8Array<ArrayBuffer>));
  return toBase64Url(digest.subarray(0, digest.length / 2));
}

describe('When aws-jwt-verify checks the tokens of the code flow', () => {
  it('accepts the ID token, with version-2 access token, scopes, at_hash and nonce as AWS issues them', async () => {
    const lab = await hostedLab();
    const { code, verifier: codeVerifier } = await codeFor(lab, new Browser(lab.sim), { scope: 'openid email profile notes-api/notes.read', nonce: 'nonce-Zx81' });
    const tokens = (await bodyOf(await lab.token({ grant_type: 'authorization_code', client_id: lab.web, code, redirect_uri: CALLBACK, code_verifier: codeVerifier }))) as { id_token: string; access_token: string };
    const idVerifier = await verifierFor(lab, 'id', lab.web);
    const accessVerifier = await verifierFor(lab, 'access', lab.web, 'notes-api/notes.read');
    atSimTime(lab);
    const id = await idVerifier.verify(tokens.id_token);
    const access = await accessVerifier.verify(tokens.access_token);
    expect(access).toMatchObject({ version: 2, scope: 'openid email profile notes-api/notes.read', client_id: lab.web, username: 'alice', token_use: 'access', 'cognito:groups': ['admins'] });
    expect(id).toMatchObject({ nonce: 'nonce-Zx81', aud: lab.web, token_use: 'id', 'cognito:username': 'alice', email_verified: true, name: 'Alice Liddell' });
    expect(id.at_hash).toBe(await expectedAtHash(tokens.access_token));
    expect(id.at_hash).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('refuses the access token when the API needs a scope it was not granted', async () => {
    const lab = await hostedLab();
    const { code, verifier } = await codeFor(lab, new Browser(lab.sim), { scope: 'openid email' });
    const tokens = (await bodyOf(await lab.token({ grant_type: 'authorization_code', client_id: lab.web, code, redirect_uri: CALLBACK, code_verifier: verifier }))) as { access_token: string };
    const notes = await verifierFor(lab, 'access', lab.web, 'notes-api/notes.read');
    atSimTime(lab);
    await expect(notes.verify(tokens.access_token)).rejects.toBeInstanceOf(JwtInvalidScopeError);
  });

  it('accepts the implicit grant\'s tokens, whose at_hash matches the access token in the same fragment', async () => {
    const world = structuredClone(defaultWorld);
    world.userPools[0]!.clients[0]!.allowedOAuthFlows = ['implicit'];
    const lab = await hostedLab({ world });
    const fragment = locationParams(await signIn(lab, new Browser(lab.sim), { response_type: 'token', scope: 'openid', nonce: 'n-1' }), 'fragment');
    const idVerifier = await verifierFor(lab, 'id', lab.web);
    const accessVerifier = await verifierFor(lab, 'access', lab.web, 'openid');
    atSimTime(lab);
    const id = await idVerifier.verify(fragment.get('id_token')!);
    await accessVerifier.verify(fragment.get('access_token')!);
    expect(id.at_hash).toBe(await expectedAtHash(fragment.get('access_token')!));
    expect(id.nonce).toBe('n-1');
  });
});

describe('When aws-jwt-verify checks the reports job\'s client-credentials token', () => {
  it('accepts it for the reports-job client with the notes-api/notes.read scope', async () => {
    const lab = await hostedLab();
    const { access_token } = (await bodyOf(await lab.token({ grant_type: 'client_credentials' }, { basic: [lab.reportsJob, lab.reportsSecret] }))) as { access_token: string };
    const verifier = await verifierFor(lab, 'access', lab.reportsJob, 'notes-api/notes.read');
    atSimTime(lab);
    const claims = await verifier.verify(access_token);
    expect(claims).toMatchObject({ sub: lab.reportsJob, version: 2, scope: 'notes-api/notes.read' });
    expect(claims.username).toBeUndefined();
  });
});
