// What both JWT-checking authorizers do first (the REST API's Cognito authorizer and the HTTP API's JWT
// authorizer): take the token apart, find its issuer among the pools the authorizer trusts, fetch that pool's
// JWKS (a nested call to cognito-idp, then kept: the HTTP API docs say API Gateway may cache public keys for
// two hours [V LIVE http-api-jwt-authorizer]), find the key by kid and verify the RS256 signature and the
// expiry on the virtual clock. Each step becomes a check in the trace.
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, type CryptoKey, type JWK } from 'jose';
import type { ServiceContext } from '../core/router';
import type { AuthorizerCheck } from '../core/trace-types';
import type { PoolIssuer } from './model';

const JWKS_CACHE_MS = 2 * 60 * 60 * 1000;

export type JwtFailure = 'malformed' | 'issuer' | 'kid' | 'signature' | 'expired' | 'not-yet-valid';

export type JwtCheck =
  | { ok: true; pool: PoolIssuer; claims: Record<string, unknown>; checks: AuthorizerCheck[] }
  | { ok: false; failure: JwtFailure; claims?: Record<string, unknown>; checks: AuthorizerCheck[] };

interface CachedKeys {
  keys: Map<string, Promise<CryptoKey | Uint8Array>>;
  jwks: JWK[];
  fetchedAt: number;
}

export function createJwksCache() {
  const byUrl = new Map<string, CachedKeys>();
  return {
    /** The pool's keys, fetched through the router when not cached (or cached more than two hours ago). */
    async get(call: ServiceContext, pool: PoolIssuer): Promise<{ entry: CachedKeys; fromCache: boolean }> {
      const cached = byUrl.get(pool.jwksUrl);
      if (cached && call.now - cached.fetchedAt < JWKS_CACHE_MS) return { entry: cached, fromCache: true };
      const response = await call.fetch(new Request(pool.jwksUrl));
      const text = await response.text();
      const jwks = response.ok ? ((JSON.parse(text) as { keys?: JWK[] }).keys ?? []) : [];
      const entry: CachedKeys = { keys: new Map(), jwks, fetchedAt: call.now };
      byUrl.set(pool.jwksUrl, entry);
      return { entry, fromCache: false };
    },
  };
}

export type JwksCache = ReturnType<typeof createJwksCache>;

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

function keyFor(entry: CachedKeys, kid: string): Promise<CryptoKey | Uint8Array> | undefined {
  let key = entry.keys.get(kid);
  if (!key) {
    const jwk = entry.jwks.find((k) => k.kid === kid);
    if (!jwk) return undefined;
    key = importJWK(jwk, 'RS256');
    entry.keys.set(kid, key);
  }
  return key;
}

export async function checkJwt(call: ServiceContext, cache: JwksCache, token: string, pools: readonly PoolIssuer[]): Promise<JwtCheck> {
  const checks: AuthorizerCheck[] = [];
  const fail = (failure: JwtFailure, check: string, detail: string, claims?: Record<string, unknown>): JwtCheck => {
    checks.push({ check, passed: false, detail });
    return { ok: false, failure, checks, ...(claims ? { claims } : {}) };
  };

  let kid: unknown;
  let alg: unknown;
  let claims: Record<string, unknown>;
  try {
    ({ kid, alg } = decodeProtectedHeader(token));
    claims = decodeJwt(token);
  } catch {
    return fail('malformed', 'JWT format', 'not three base64url parts holding JSON: not a JWT');
  }
  checks.push({ check: 'JWT format', passed: true, detail: `header alg ${String(alg)}, kid ${String(kid).slice(0, 12)}…` });

  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  const pool = pools.find((p) => p.issuer === iss);
  if (!pool) return fail('issuer', 'issuer (iss)', `${iss || 'no iss'} is not ${pools.map((p) => p.issuer).join(' or ')}`, claims);
  checks.push({ check: 'issuer (iss)', passed: true, detail: `${iss} (${pool.poolName})` });

  const { entry, fromCache } = await cache.get(call, pool);
  const key = alg === 'RS256' && typeof kid === 'string' ? keyFor(entry, kid) : undefined;
  if (!key) return fail('kid', 'signing key', `no RS256 key with kid ${String(kid)} in ${pool.jwksUrl}`, claims);
  checks.push({ check: 'signing key', passed: true, detail: `kid found in the pool's JWKS (${fromCache ? 'keys cached from an earlier request' : 'fetched just now'})` });

  try {
    await jwtVerify(token, await key, { algorithms: ['RS256'], currentDate: new Date(call.now), clockTolerance: 0 });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_JWT_EXPIRED') {
      checks.push({ check: 'signature (RS256)', passed: true });
      return fail('expired', 'not expired (exp)', `exp ${iso(Number(claims.exp))} is not after now, ${iso(Math.floor(call.now / 1000))}`, claims);
    }
    if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
      checks.push({ check: 'signature (RS256)', passed: true });
      return fail('not-yet-valid', 'not before (nbf)', 'the token is not valid yet', claims);
    }
    return fail('signature', 'signature (RS256)', "does not verify with the pool's public key: the token was changed or signed by someone else", claims);
  }
  checks.push({ check: 'signature (RS256)', passed: true, detail: "verified with the pool's public key" });
  checks.push({ check: 'not expired (exp)', passed: true, detail: `valid until ${iso(Number(claims.exp))}` });
  return { ok: true, pool, claims, checks };
}

/** The token in a header value, without a "Bearer " prefix (both REST and HTTP API authorizers accept one: see cognito-authorizer.ts). */
export function bearerless(value: string): { token: string; hadPrefix: boolean } {
  const match = /^Bearer\s+(.+)$/i.exec(value.trim());
  return match ? { token: match[1]!, hadPrefix: true } : { token: value.trim(), hadPrefix: false };
}
