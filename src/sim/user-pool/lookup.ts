// Finding pools, clients and users, with AWS's errors when they are not there.
import { AwsError } from '../core/errors';
import type { UserPoolEnv } from './env';
import type { AppClient, User, UserPool } from './model';

export function getPool(env: UserPoolEnv, poolId: string): UserPool {
  const pool = env.pools.get(poolId);
  if (!pool) throw new AwsError('ResourceNotFoundException', `User pool ${poolId} does not exist.`);
  return pool;
}

export function findClient(env: UserPoolEnv, clientId: string): { pool: UserPool; client: AppClient } {
  for (const pool of env.pools.values()) {
    const client = pool.clients.get(clientId);
    if (client) return { pool, client };
  }
  // [P] aws-behaviour.md §3.3
  throw new AwsError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
}

export function getClientOfPool(pool: UserPool, clientId: string): AppClient {
  const client = pool.clients.get(clientId);
  if (!client) throw new AwsError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
  return client;
}

export const userKey = (username: string) => username.toLowerCase();

/** By username only (the administrator APIs and codes): the username or, for alias pools, a verified alias too. */
export function findUser(pool: UserPool, name: string): User | undefined {
  const direct = pool.users.get(userKey(name));
  if (direct) return direct;
  return findByAlias(pool, name);
}

/**
 * Sign-in lookup: the username itself, or an alias (e-mail, phone, preferred_username) that the pool
 * allows and that is verified (preferred_username needs no verification), or, in pools whose username
 * attributes are e-mail/phone, that attribute.
 */
export function findByAlias(pool: UserPool, name: string): User | undefined {
  const lower = name.toLowerCase();
  for (const user of pool.users.values()) {
    for (const attr of pool.aliasAttributes) {
      const value = user.attributes.get(attr);
      if (value === undefined || value.toLowerCase() !== lower) continue;
      if (attr === 'preferred_username' || user.attributes.get(`${attr}_verified`) === 'true') return user;
    }
    for (const attr of pool.usernameAttributes) {
      const value = user.attributes.get(attr);
      if (value !== undefined && value.toLowerCase() === lower) return user;
    }
  }
  return undefined;
}

export function requireUser(pool: UserPool, name: string): User {
  const user = findUser(pool, name);
  if (!user) throw new AwsError('UserNotFoundException', 'User does not exist.');
  return user;
}

/** By the exact (case-insensitive) username, never by alias: for tokens, which name the username. */
export function requireUserByUsername(pool: UserPool, username: string): User {
  const user = pool.users.get(userKey(username));
  if (!user) throw new AwsError('UserNotFoundException', 'User does not exist.');
  return user;
}
