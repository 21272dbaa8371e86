// Passwords: the pool's policy with AWS's messages (aws-behaviour.md §3.2), and storage as
// SHA-256(salt ‖ password), so the simulator never keeps a password it was given.
import { AwsError } from '../core/errors';
import type { Random } from '../core/random';
import { toHex, utf8 } from '../../lib/encoding';
import type { PasswordPolicy } from '../world/config';
import type { StoredPassword } from './model';

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

async function digest(salt: string, password: string): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', utf8.encode(`${salt}:${password}`) as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(bytes));
}

export async function hashPassword(random: Random, password: string, expiresAt?: number): Promise<StoredPassword> {
  const salt = toHex(random.bytes(16));
  return { salt, hash: await digest(salt, password), ...(expiresAt !== undefined ? { expiresAt } : {}) };
}

export async function passwordMatches(stored: StoredPassword | undefined, password: string): Promise<boolean> {
  if (!stored) return false;
  return (await digest(stored.salt, password)) === stored.hash;
}

/** A temporary password that satisfies the policy, as AdminCreateUser generates when none is given. */
export function generateTemporaryPassword(random: Random, policy: PasswordPolicy): string {
  const length = Math.max(policy.MinimumLength, 12);
  const pools = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#%&*+-=?@^_'];
  let out = pools.map((p) => random.string(p, 1)).join('');
  while (out.length < length) out += random.string(pools.join(''), 1);
  return out;
}
