// awslabs' aws-jwt-verify, the verifier AWS recommends, against the simulator's tokens: it must accept
// the ID and access tokens of InitiateAuth with the JWKS the simulator publishes, and refuse every
// forgery a learner might try (aws-behaviour.md §2.1–2.4 and §2.7). Verification always runs at the
// simulator's virtual time (Date is faked to sim.clock.now() around each call) and never touches the
// network: the JWKS is fetched through sim.fetch and cached, or fetched by aws-jwt-verify itself through
// a Fetcher that calls sim.fetch.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidGroupError,
  CognitoJwtInvalidTokenUseError,
  JwtExpiredError,
  JwtInvalidSignatureError,
  KidNotFoundInJwksError,
  ParameterValidationError,
} from 'aws-jwt-verify/error';
import { SimpleJwksCache, type Jwks } from 'aws-jwt-verify/jwk';
import { InitiateAuthCommand, type AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import { createSimulator, DEMO_PASSWORDS, type Simulator } from '../../index';
import { fromBase64Url, toBase64, toBase64Url, utf8 } from '../../../lib/encoding';
import { cognitoClient } from '../../../testing/sdk-handler';

const START = Date.UTC(2026, 0, 1, 12, 0, 0);
const REGION = 'us-east-1';
const OTHER_POOL_ID = 'us-east-1_Other1234';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const AWS_KID = /^[A-Za-z0-9+/]{43}=$/;

interface World {
  sim: Simulator;
  poolId: string;
  issuer: string;
  webClientId: string;
  albClientId: string;
  jwks: Jwks;
}

async function newWorld(seed: number): Promise<World> {
  const sim = await createSimulator({ seed, startTime: START });
  const pool = sim.describe().userPools[0]!;
  const webClientId = pool.clients.find((c) => c.name === 'web')!.clientId;
  const albClientId = pool.clients.find((c) => c.name === 'alb')!.clientId;
  const issuer = `https://cognito-idp.${REGION}.amazonaws.com/${pool.id}`;
  const res = await sim.fetch(new Request(`${issuer}/.well-known/jwks.json`));
  expect(res.status).toBe(200);
  return { sim, poolId: pool.id, issuer, webClientId, albClientId, jwks: (await res.json()) as Jwks };
}

async function signIn(world: World, username: keyof typeof DEMO_PASSWORDS): Promise<Required<AuthenticationResultType>> {
  const out = await cognitoClient(world.sim).send(
    new InitiateAuthCommand({ ClientId: world.webClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: DEMO_PASSWORDS[username] } }),
  );
  return out.AuthenticationResult as Required<AuthenticationResultType>;
}

async function refresh(world: World, refreshToken: string): Promise<AuthenticationResultType> {
  const out = await cognitoClient(world.sim).send(
    new InitiateAuthCommand({ ClientId: world.webClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } }),
  );
  return out.AuthenticationResult!;
}

/** A verifier for this world's pool that already holds the JWKS the simulator published. */
function verifierFor(world: World, tokenUse: 'id' | 'access', extra: { clientId?: string; userPoolId?: string; groups?: string; scope?: string } = {}) {
  const verifier = CognitoJwtVerifier.create({
    userPoolId: extra.userPoolId ?? world.poolId,
    tokenUse,
    clientId: extra.clientId ?? world.webClientId,
    ...(extra.groups ? { groups: extra.groups } : {}),
    ...(extra.scope ? { scope: extra.scope } : {}),
  });
  verifier.cacheJwks(world.jwks);
  return verifier;
}

/** Runs `fn` with Date reading the simulator's virtual clock (aws-jwt-verify checks exp against Date.now()). */
function atSimTime<T>(sim: Simulator, fn: () => T): T {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(sim.clock.now());
  try {
    return fn();
  } finally {
    vi.useRealTimers();
  }
}

async function atSimTimeAsync<T>(sim: Simulator, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(sim.clock.now());
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

/** The thrown value of `fn` (which must throw). */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

const encodePart = (value: unknown) => toBase64Url(utf8.encode(JSON.stringify(value)));
const decodePart = (part: string) => JSON.parse(utf8.decode(fromBase64Url(part))) as Record<string, unknown>;

/** The token with its payload changed and re-encoded, keeping the original header and signature. */
function withPayload(token: string, patch: Record<string, unknown>): string {
  const [h, p, s] = token.split('.') as [string, string, string];
  return [h, encodePart({ ...decodePart(p), ...patch }), s].join('.');
}

/** The token with its header changed and re-encoded, keeping the original payload and signature. */
function withHeader(token: string, patch: Record<string, unknown>): string {
  const [h, p, s] = token.split('.') as [string, string, string];
  return [encodePart({ ...decodePart(h), ...patch }), p, s].join('.');
}

/** The token with one character of its signature changed (not the last one, whose low bits are padding). */
function withAlteredSignature(token: string): string {
  const [h, p, s] = token.split('.') as [string, string, string];
  const i = 10;
  const altered = s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  return [h, p, altered].join('.');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('aws-jwt-verify accepts the simulator’s tokens', () => {
  let world: World;
  let alice: Required<AuthenticationResultType>;
  beforeAll(async () => {
    world = await newWorld(7);
    alice = await signIn(world, 'alice');
  });

  it('publishes OpenID discovery whose issuer and jwks_uri are the ones aws-jwt-verify derives from the pool id', async () => {
    const res = await world.sim.fetch(new Request(`${world.issuer}/.well-known/openid-configuration`));
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc.issuer).toBe(world.issuer);
    expect(doc.jwks_uri).toBe(`${world.issuer}/.well-known/jwks.json`);
    expect(doc.id_token_signing_alg_values_supported).toEqual(['RS256']);
    // The issuer aws-jwt-verify expects for this pool id (it derives the region from the id).
    expect(CognitoJwtVerifier.parseUserPoolId(world.poolId)).toEqual({ issuer: doc.issuer, jwksUri: doc.jwks_uri });
  });

  it('publishes a JWKS of two RS256 signing keys, one per token use, with AWS-shaped kids', () => {
    expect(world.jwks.keys).toHaveLength(2);
    for (const key of world.jwks.keys) {
      expect(Object.keys(key).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
      expect(key).toMatchObject({ alg: 'RS256', e: 'AQAB', kty: 'RSA', use: 'sig' });
      expect(key.kid).toMatch(AWS_KID);
      expect(fromBase64Url(key.n!)).toHaveLength(256); // a 2048-bit modulus
    }
    const idKid = decodeProtectedHeader(alice.IdToken).kid;
    const accessKid = decodeProtectedHeader(alice.AccessToken).kid;
    expect(idKid).not.toBe(accessKid);
    expect(world.jwks.keys.map((k) => k.kid).sort()).toEqual([idKid, accessKid].sort());
  });

  it('verifies the ID token (tokenUse id, clientId web), synchronously and asynchronously', async () => {
    const verifier = verifierFor(world, 'id');
    const payload = atSimTime(world.sim, () => verifier.verifySync(alice.IdToken));
    expect(payload).toMatchObject({ token_use: 'id', aud: world.webClientId, 'cognito:username': 'alice' });
    await expect(atSimTimeAsync(world.sim, () => verifier.verify(alice.IdToken))).resolves.toMatchObject({ token_use: 'id' });
  });

  it('verifies the access token (tokenUse access, clientId web), synchronously and asynchronously', async () => {
    const verifier = verifierFor(world, 'access');
    const payload = atSimTime(world.sim, () => verifier.verifySync(alice.AccessToken));
    expect(payload).toMatchObject({ token_use: 'access', client_id: world.webClientId, username: 'alice' });
    await expect(atSimTimeAsync(world.sim, () => verifier.verify(alice.AccessToken))).resolves.toMatchObject({ token_use: 'access' });
  });

  it('verifies with the JWKS aws-jwt-verify fetches itself, through the simulator, from the discovery document’s jwks_uri', async () => {
    const fetched: string[] = [];
    const jwksCache = new SimpleJwksCache({
      fetcher: {
        fetch: async (uri: string) => {
          fetched.push(uri);
          return (await world.sim.fetch(new Request(uri))).arrayBuffer();
        },
      },
    });
    const verifier = CognitoJwtVerifier.create({ userPoolId: world.poolId, tokenUse: 'id', clientId: world.webClientId }, { jwksCache });
    await expect(atSimTimeAsync(world.sim, () => verifier.verify(alice.IdToken))).resolves.toMatchObject({ token_use: 'id' });
    expect(fetched).toEqual([`${world.issuer}/.well-known/jwks.json`]);
  });

  it('honours the groups and scope options on the simulator’s claims', () => {
    expect(atSimTime(world.sim, () => verifierFor(world, 'id', { groups: 'admins' }).verifySync(alice.IdToken))).toBeTruthy();
    expect(atSimTime(world.sim, () => verifierFor(world, 'access', { groups: 'admins', scope: 'aws.cognito.signin.user.admin' }).verifySync(alice.AccessToken))).toBeTruthy();
    const error = atSimTime(world.sim, () => thrownBy(() => verifierFor(world, 'id', { groups: 'readers' }).verifySync(alice.IdToken)));
    expect(error).toBeInstanceOf(CognitoJwtInvalidGroupError);
    expect((error as Error).message).toBe('Cognito group not allowed: admins. Expected: readers');
  });
});

describe('the claims are exactly AWS’s (aws-behaviour.md §2.1–2.4)', () => {
  let world: World;
  let alice: Required<AuthenticationResultType>;
  let bob: Required<AuthenticationResultType>;
  beforeAll(async () => {
    world = await newWorld(11);
    alice = await signIn(world, 'alice');
    bob = await signIn(world, 'bob');
  });

  it('headers carry kid and alg RS256 and no typ', () => {
    for (const token of [alice.IdToken, alice.AccessToken]) {
      const header = decodeProtectedHeader(token);
      expect(Object.keys(header).sort()).toEqual(['alg', 'kid']);
      expect(header.alg).toBe('RS256');
      expect(header.kid).toMatch(AWS_KID);
    }
  });

  it('ID token: aud is the client id, no client_id, token_use id, cognito:username, boolean email_verified, groups and roles', () => {
    const claims = decodeJwt(alice.IdToken);
    const iat = Math.floor(START / 1000);
    expect(Object.keys(claims).sort()).toEqual(
      ['aud', 'auth_time', 'cognito:groups', 'cognito:preferred_role', 'cognito:roles', 'cognito:username', 'email', 'email_verified', 'event_id', 'exp', 'iat', 'iss', 'jti', 'name', 'origin_jti', 'sub', 'token_use'].sort(),
    );
    expect(claims).toMatchObject({
      aud: world.webClientId,
      iss: world.issuer,
      token_use: 'id',
      'cognito:username': 'alice',
      email: 'alice@example.com',
      email_verified: true,
      name: 'Alice Liddell',
      'cognito:groups': ['admins'],
      'cognito:roles': ['arn:aws:iam::123456789012:role/AdminRole'],
      'cognito:preferred_role': 'arn:aws:iam::123456789012:role/AdminRole',
      auth_time: iat,
      iat,
      exp: iat + 3600,
    });
    expect(claims).not.toHaveProperty('client_id');
    expect(claims).not.toHaveProperty('username');
    expect(typeof claims.aud).toBe('string');
    for (const name of ['sub', 'jti', 'origin_jti', 'event_id'] as const) expect(claims[name]).toMatch(UUID);
  });

  it('ID token of a user whose group has no role: cognito:groups only, no roles', () => {
    const claims = decodeJwt(bob.IdToken);
    expect(claims['cognito:groups']).toEqual(['readers']);
    expect(claims).not.toHaveProperty('cognito:roles');
    expect(claims).not.toHaveProperty('cognito:preferred_role');
  });

  it('access token: client_id, no aud, username, scope aws.cognito.signin.user.admin', () => {
    const claims = decodeJwt(alice.AccessToken);
    const iat = Math.floor(START / 1000);
    expect(Object.keys(claims).sort()).toEqual(
      ['auth_time', 'client_id', 'cognito:groups', 'event_id', 'exp', 'iat', 'iss', 'jti', 'origin_jti', 'scope', 'sub', 'token_use', 'username'].sort(),
    );
    expect(claims).toMatchObject({
      client_id: world.webClientId,
      iss: world.issuer,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      username: 'alice',
      'cognito:groups': ['admins'],
      auth_time: iat,
      iat,
      exp: iat + 3600,
    });
    expect(claims).not.toHaveProperty('aud');
    expect(claims).not.toHaveProperty('cognito:username');
    expect(claims).not.toHaveProperty('cognito:roles');
  });

  it('ID and access token of one sign-in share sub, event_id and origin_jti, but not jti', () => {
    const id = decodeJwt(alice.IdToken);
    const access = decodeJwt(alice.AccessToken);
    expect(access.sub).toBe(id.sub);
    expect(access.event_id).toBe(id.event_id);
    expect(access.origin_jti).toBe(id.origin_jti);
    expect(access.jti).not.toBe(id.jti);
    expect(alice.ExpiresIn).toBe(3600);
    expect(alice.TokenType).toBe('Bearer');
  });

  it('the refresh token is five base64url parts whose first decodes to AWS’s JWE header', () => {
    const parts = alice.RefreshToken.split('.');
    expect(parts).toHaveLength(5);
    for (const part of parts) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(utf8.decode(fromBase64Url(parts[0]!))).toBe('{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}');
  });

  it('REFRESH_TOKEN_AUTH keeps auth_time and origin_jti while iat and exp move, and its tokens verify', async () => {
    world.sim.clock.advance(10 * 60_000);
    const renewed = await refresh(world, alice.RefreshToken);
    expect(renewed.RefreshToken).toBeUndefined();
    const before = decodeJwt(alice.IdToken);
    for (const token of [renewed.IdToken!, renewed.AccessToken!]) {
      const claims = decodeJwt(token);
      expect(claims.auth_time).toBe(before.auth_time);
      expect(claims.origin_jti).toBe(before.origin_jti);
      expect(claims.iat).toBe(before.iat! + 600);
      expect(claims.exp).toBe(claims.iat! + 3600);
      expect(claims.jti).not.toBe(before.jti);
    }
    atSimTime(world.sim, () => {
      expect(verifierFor(world, 'id').verifySync(renewed.IdToken!)).toMatchObject({ 'cognito:username': 'alice' });
      expect(verifierFor(world, 'access').verifySync(renewed.AccessToken!)).toMatchObject({ username: 'alice' });
    });
  });
});

describe('aws-jwt-verify refuses forged and misused tokens', () => {
  let world: World;
  let alice: Required<AuthenticationResultType>;
  let bob: Required<AuthenticationResultType>;
  beforeAll(async () => {
    world = await newWorld(23);
    alice = await signIn(world, 'alice');
    bob = await signIn(world, 'bob');
  });

  const refusal = (verifier: { verifySync(token: string): unknown }, token: string) => atSimTime(world.sim, () => thrownBy(() => verifier.verifySync(token)));

  it('a changed claim in the ID token (bob promotes himself to admins): invalid signature', () => {
    const forged = withPayload(bob.IdToken, { 'cognito:groups': ['admins'] });
    expect(decodeJwt(forged)['cognito:groups']).toEqual(['admins']);
    const error = refusal(verifierFor(world, 'id'), forged);
    expect(error).toBeInstanceOf(JwtInvalidSignatureError);
    expect((error as Error).message).toBe('Invalid signature');
  });

  it('a changed claim in the access token (a later exp): invalid signature', () => {
    const forged = withPayload(alice.AccessToken, { exp: (decodeJwt(alice.AccessToken).exp ?? 0) + 86_400 });
    const error = refusal(verifierFor(world, 'access'), forged);
    expect(error).toBeInstanceOf(JwtInvalidSignatureError);
    expect((error as Error).message).toBe('Invalid signature');
  });

  it('an altered signature: invalid signature', () => {
    for (const [use, token] of [['id', alice.IdToken], ['access', alice.AccessToken]] as const) {
      const error = refusal(verifierFor(world, use), withAlteredSignature(token));
      expect(error).toBeInstanceOf(JwtInvalidSignatureError);
    }
  });

  it('a kid the JWKS does not hold: KidNotFoundInJwksError, without going to the network (verifySync)', () => {
    const unknownKid = toBase64(new Uint8Array(32).fill(7));
    const error = refusal(verifierFor(world, 'id'), withHeader(alice.IdToken, { kid: unknownKid }));
    expect(error).toBeInstanceOf(KidNotFoundInJwksError);
    expect((error as Error).message).toBe(`JWK for kid ${unknownKid} not found in the JWKS`);
  });

  it('a kid the JWKS does not hold: the async verify refetches the JWKS from the simulator once, then KidNotFoundInJwksError', async () => {
    const unknownKid = toBase64(new Uint8Array(32).fill(9));
    const fetched: string[] = [];
    const jwksCache = new SimpleJwksCache({
      fetcher: {
        fetch: async (uri: string) => {
          fetched.push(uri);
          return (await world.sim.fetch(new Request(uri))).arrayBuffer();
        },
      },
    });
    const verifier = CognitoJwtVerifier.create({ userPoolId: world.poolId, tokenUse: 'access', clientId: world.webClientId }, { jwksCache });
    verifier.cacheJwks(world.jwks);
    const error = await atSimTimeAsync(world.sim, () => verifier.verify(withHeader(alice.AccessToken, { kid: unknownKid })).then(() => undefined, (e: unknown) => e));
    expect(error).toBeInstanceOf(KidNotFoundInJwksError);
    expect(fetched).toEqual([`${world.issuer}/.well-known/jwks.json`]);
  });

  it('the other key’s kid (an ID token claiming the access-token key): invalid signature', () => {
    const accessKid = decodeProtectedHeader(alice.AccessToken).kid;
    const error = refusal(verifierFor(world, 'id'), withHeader(alice.IdToken, { kid: accessKid }));
    expect(error).toBeInstanceOf(JwtInvalidSignatureError);
  });

  it('a token signed with a foreign key: invalid signature under the pool’s kid, KidNotFoundInJwksError under its own', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const foreignKid = toBase64(new Uint8Array(32).fill(1));
    const claims = decodeJwt(alice.IdToken);
    const poolKid = decodeProtectedHeader(alice.IdToken).kid!;
    const underPoolKid = await new SignJWT(claims).setProtectedHeader({ kid: poolKid, alg: 'RS256' }).sign(privateKey);
    const underOwnKid = await new SignJWT(claims).setProtectedHeader({ kid: foreignKid, alg: 'RS256' }).sign(privateKey);
    expect(refusal(verifierFor(world, 'id'), underPoolKid)).toBeInstanceOf(JwtInvalidSignatureError);
    expect(refusal(verifierFor(world, 'id'), underOwnKid)).toBeInstanceOf(KidNotFoundInJwksError);
    // Sanity check of the forgery itself: it does verify against the forger's own JWKS.
    const forgersVerifier = CognitoJwtVerifier.create({ userPoolId: world.poolId, tokenUse: 'id', clientId: world.webClientId });
    forgersVerifier.cacheJwks({ keys: [{ ...(await exportJWK(publicKey)), kid: foreignKid, alg: 'RS256', use: 'sig' }] } as Jwks);
    expect(atSimTime(world.sim, () => forgersVerifier.verifySync(underOwnKid))).toMatchObject({ 'cognito:username': 'alice' });
  });

  it('another issuer: a verifier for another pool refuses the token as from an issuer it is not configured for', () => {
    // aws-jwt-verify 5.x picks the issuer configuration by the token's iss (regional and global formats of
    // the configured pool), so a foreign iss fails there, before any key is looked up.
    for (const [use, token] of [['id', alice.IdToken], ['access', alice.AccessToken]] as const) {
      const error = refusal(verifierFor(world, use, { userPoolId: OTHER_POOL_ID }), token);
      expect(error).toBeInstanceOf(ParameterValidationError);
      expect((error as Error).message).toBe(`issuer not configured: ${world.issuer}`);
    }
  });

  it('another issuer: a token re-signed with a foreign key and another pool’s iss is refused by this pool’s verifier', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const otherIssuer = `https://cognito-idp.${REGION}.amazonaws.com/${OTHER_POOL_ID}`;
    const forged = await new SignJWT({ ...decodeJwt(alice.IdToken), iss: otherIssuer }).setProtectedHeader({ kid: decodeProtectedHeader(alice.IdToken).kid!, alg: 'RS256' }).sign(privateKey);
    const error = refusal(verifierFor(world, 'id'), forged);
    expect(error).toBeInstanceOf(ParameterValidationError);
    expect((error as Error).message).toBe(`issuer not configured: ${otherIssuer}`);
  });

  it('another issuer: iss changed in place to the pool’s other (global) issuer form: invalid signature', () => {
    const globalIssuer = `https://issuer-cognito-idp.${REGION}.amazonaws.com/${world.poolId}`;
    const error = refusal(verifierFor(world, 'id'), withPayload(alice.IdToken, { iss: globalIssuer }));
    expect(error).toBeInstanceOf(JwtInvalidSignatureError);
  });

  it('another audience: the ID token for a verifier of the alb client', () => {
    const error = refusal(verifierFor(world, 'id', { clientId: world.albClientId }), alice.IdToken);
    expect(error).toBeInstanceOf(CognitoJwtInvalidClientIdError);
    expect((error as Error).message).toBe(`Client ID ("audience") not allowed: ${world.webClientId}. Expected: ${world.albClientId}`);
  });

  it('another client: the access token for a verifier of the alb client', () => {
    const error = refusal(verifierFor(world, 'access', { clientId: world.albClientId }), alice.AccessToken);
    expect(error).toBeInstanceOf(CognitoJwtInvalidClientIdError);
    expect((error as Error).message).toBe(`Client ID not allowed: ${world.webClientId}. Expected: ${world.albClientId}`);
  });

  it('wrong token_use: an ID token to an access-token verifier', () => {
    const error = refusal(verifierFor(world, 'access'), alice.IdToken);
    expect(error).toBeInstanceOf(CognitoJwtInvalidTokenUseError);
    expect((error as Error).message).toBe('Token use not allowed: id. Expected: access');
  });

  it('wrong token_use: an access token to an ID-token verifier', () => {
    const error = refusal(verifierFor(world, 'id'), alice.AccessToken);
    expect(error).toBeInstanceOf(CognitoJwtInvalidTokenUseError);
    expect((error as Error).message).toBe('Token use not allowed: access. Expected: id');
  });
});

describe('expiry on the simulator’s virtual clock', () => {
  it('tokens verify until exp, are refused 1 h + 1 s after sign-in, and graceSeconds extends them', async () => {
    const world = await newWorld(31);
    const alice = await signIn(world, 'alice');
    const exp = decodeJwt(alice.IdToken).exp!;

    world.sim.clock.advance(3600_000);
    atSimTime(world.sim, () => {
      expect(verifierFor(world, 'id').verifySync(alice.IdToken)).toBeTruthy();
      expect(verifierFor(world, 'access').verifySync(alice.AccessToken)).toBeTruthy();
    });

    world.sim.clock.advance(1000);
    for (const [use, token] of [['id', alice.IdToken], ['access', alice.AccessToken]] as const) {
      const error = atSimTime(world.sim, () => thrownBy(() => verifierFor(world, use).verifySync(token)));
      expect(error).toBeInstanceOf(JwtExpiredError);
      expect((error as Error).message).toBe(`Token expired at ${new Date(exp * 1000).toISOString()}`);
      await expect(atSimTimeAsync(world.sim, () => verifierFor(world, use).verify(token))).rejects.toBeInstanceOf(JwtExpiredError);
      expect(atSimTime(world.sim, () => verifierFor(world, use).verifySync(token, { graceSeconds: 1 }))).toBeTruthy();
    }
  });

  it('the simulator itself agrees: GetUser refuses the expired access token', async () => {
    const world = await newWorld(37);
    const alice = await signIn(world, 'alice');
    world.sim.clock.advance(3600_000 + 1000);
    const res = await world.sim.fetch(
      new Request(`https://cognito-idp.${REGION}.amazonaws.com/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.GetUser' },
        body: JSON.stringify({ AccessToken: alice.AccessToken }),
      }),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ __type: 'NotAuthorizedException', message: 'Access Token has expired' });
  });
});
