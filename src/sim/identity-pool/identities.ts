// Identities and their linked logins. The same login (provider + the user's id there) always maps to the same
// identity id in a pool, which is why a user's rows keyed by ${cognito-identity.amazonaws.com:sub} stay theirs.
// Ids are "{region}:{uuid}" from the seeded random source.
import type { IdentityPoolEnv } from './env';
import { identityPoolErrors as errors } from './errors';
import { isAuthenticated, loginKey, type Identity, type IdentityPool } from './model';
import type { VerifiedLogin } from './providers/registry';

export function getPool(env: IdentityPoolEnv, poolId: string): IdentityPool {
  const pool = env.pools.get(poolId);
  if (!pool) throw errors.poolNotFound(poolId);
  return pool;
}

export function findIdentity(env: IdentityPoolEnv, identityId: string): { pool: IdentityPool; identity: Identity } {
  // [U] An id from another region cannot belong to this account's pools here; AWS's answer for it is our guess.
  if (identityId.split(':')[0] !== env.region) throw errors.forbidden(identityId);
  for (const pool of env.pools.values()) {
    const identity = pool.identities.get(identityId);
    if (identity) return { pool, identity };
  }
  throw errors.identityNotFound(identityId);
}

export function createIdentity(env: IdentityPoolEnv, pool: IdentityPool, logins: VerifiedLogin[]): Identity {
  const now = env.clock.now();
  const identity: Identity = { id: `${env.region}:${env.random.uuid()}`, poolId: pool.id, logins: new Map(), createdAt: now, lastModified: now };
  pool.identities.set(identity.id, identity);
  link(pool, identity, logins, now);
  return identity;
}

export function link(pool: IdentityPool, identity: Identity, logins: VerifiedLogin[], now: number): void {
  for (const login of logins) {
    if (identity.logins.get(login.provider) === login.subject) continue;
    identity.logins.set(login.provider, login.subject);
    pool.byLogin.set(loginKey(login.provider, login.subject), identity.id);
    identity.lastModified = now;
  }
}

export const ownerOf = (pool: IdentityPool, login: VerifiedLogin): string | undefined => pool.byLogin.get(loginKey(login.provider, login.subject));

/**
 * The identity a request with these verified logins acts as (GetCredentialsForIdentity, GetOpenIdToken):
 * - no logins: a guest identity, if the pool takes guests; an authenticated identity needs one of its logins;
 * - a login linked to another identity: a guest identity merges into it (the response names the other id,
 *   as COGDOC switching-identities.md describes), an authenticated one is forbidden;
 * - otherwise at least one login must already be this identity's, unless it is a guest being signed in.
 */
export function actAs(env: IdentityPoolEnv, pool: IdentityPool, identity: Identity, logins: VerifiedLogin[]): { identity: Identity; merged?: string } {
  const now = env.clock.now();
  if (logins.length === 0) {
    if (isAuthenticated(identity)) throw errors.loginsDontMatch();
    if (!pool.allowUnauthenticated) throw errors.guestsNotAllowed();
    return { identity };
  }
  const owners = new Set(logins.map((l) => ownerOf(pool, l)).filter((o) => o !== undefined));
  owners.delete(identity.id);
  if (owners.size > 1) throw errors.loginConflict();
  const [other] = [...owners];
  if (other !== undefined) {
    if (isAuthenticated(identity)) throw errors.forbidden(identity.id);
    const target = pool.identities.get(other)!;
    pool.identities.delete(identity.id);
    link(pool, target, logins, now);
    return { identity: target, merged: identity.id };
  }
  if (isAuthenticated(identity) && !logins.some((l) => identity.logins.get(l.provider) === l.subject)) throw errors.loginsDontMatch();
  // One login per provider: a second user of the same provider cannot be linked to this identity.
  if (logins.some((l) => identity.logins.has(l.provider) && identity.logins.get(l.provider) !== l.subject)) throw errors.loginConflict();
  link(pool, identity, logins, now);
  return { identity };
}
