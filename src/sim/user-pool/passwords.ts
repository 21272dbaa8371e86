// Passwords: the pool's policy with AWS's messages (aws-behaviour.md §3.2), and storage as Cognito's SRP needs
// it: a random salt and the verifier v = g^x mod N, x = H(salt ‖ H(poolName ‖ username ‖ ":" ‖ password))
// (aws-behaviour.md §3.8). The pool never keeps the password, nor anything from which it could be read back.
import { AwsError } from '../core/errors';
import type { Random } from '../core/random';
import { fromHex, toHex } from '../../lib/encoding';
import { constantTimeEqual } from '../../lib/srp/claim';
import { padHex, parseHex, poolNameOf } from '../../lib/srp/group';
import { makeVerifier } from '../../lib/srp/server';
import type { PasswordPolicy } from '../world/config';
import type { StoredPassword, User, UserPool } from './model';

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ');

/** The first rule the password breaks, in AWS's words, or undefined when it conforms. */
export function policyViolation(policy: PasswordPolicy, password: string): string | undefined {
  if (password.length < policy.MinimumLength) return 'Password not long enough';
  if (policy.RequireUppercase && !/\p{Lu}/u.test(password)) return 'Password must have uppercase characters';
  if (policy.RequireLowercase && !/\p{Ll}/u.test(password)) return 'Password must have lowercase characters';
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return 'Password must have numeric characters';
  if (policy.RequireSymbols && ![...password].some((c) => SYMBOLS.has(c))) return 'Password must have symbol characters';
  return undefined;
}

export function assertPasswordConforms(policy: PasswordPolicy, password: string): void {
  const violation = policyViolation(policy, password);
  if (violation) throw new AwsError('InvalidPasswordException', `Password does not conform to policy: ${violation}`);
}

/** The verifier's hex for this pool, user (USER_ID_FOR_SRP: the username) and password under a salt (hex). */
async function verifierHex(pool: Pick<UserPool, 'id'>, username: string, password: string, salt: string): Promise<string> {
  return padHex(await makeVerifier(poolNameOf(pool.id), username, password, parseHex(salt)!));
}

/**
 * What the pool stores for a password: a fresh salt and the SRP verifier for this user in this pool (the verifier
 * depends on both, so it is made once the username is known). `expiresAt` marks a temporary password.
 */
export async function hashPassword(random: Random, pool: Pick<UserPool, 'id'>, user: Pick<User, 'username'>, password: string, expiresAt?: number): Promise<StoredPassword> {
  const salt = toHex(random.bytes(16));
  return { salt, verifier: await verifierHex(pool, user.username, password, salt), ...(expiresAt !== undefined ? { expiresAt } : {}) };
}

/** Whether a password is the user's: the verifier recomputed from the stored salt, compared in constant time. */
export async function passwordMatches(pool: Pick<UserPool, 'id'>, user: Pick<User, 'username' | 'password'>, password: string): Promise<boolean> {
  const stored = user.password;
  if (!stored) return false;
  const candidate = await verifierHex(pool, user.username, password, stored.salt);
  return constantTimeEqual(fromHex(candidate), fromHex(stored.verifier));
}

/** A temporary password that satisfies the policy, as AdminCreateUser generates when none is given. */
export function generateTemporaryPassword(random: Random, policy: PasswordPolicy): string {
  const length = Math.max(policy.MinimumLength, 12);
  const pools = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#%&*+-=?@^_'];
  let out = pools.map((p) => random.string(p, 1)).join('');
  while (out.length < length) out += random.string(pools.join(''), 1);
  return out;
}
