// The user pool's half of SRP. At sign-up it keeps only a salt and the verifier v = g^x, never the password. At
// sign-in it answers A with B = k·v + g^b (b secret and fresh), and later derives the same S = (A·v^u)^b as the
// app did, so the same session key, and checks the claim signature made with it. Nothing here can recover the
// password from v; an attacker who steals v must still guess passwords one modular exponentiation at a time.
import { claimSignatureBytes, constantTimeEqual } from './claim';
import { bytesToBigInt, N, powG } from './group';
import { sessionKey, srpK, srpU, srpX } from './hashing';
import { modPow } from './mod-pow';
import { fromBase64 } from '../encoding';

// Verifiers already made, by x. A sandbox replays its world from scratch after every change (and a scenario runs
// in a fresh simulator), so the same demo users' verifiers were made again each time: a 3072-bit exponentiation
// each. x is as secret as the password it comes from; this map lives in the same page memory as the world's demo
// passwords themselves and only pairs x with g^x, which the pool stores anyway. The latest 64 are kept.
const KEEP_VERIFIERS = 64;
const verifiers = new Map<bigint, bigint>();

/** v = g^x mod N for x = H(padHex(salt) ‖ H(poolName ‖ userId ‖ ":" ‖ password)). */
export async function makeVerifier(poolName: string, userId: string, password: string, salt: bigint): Promise<bigint> {
  const x = await srpX(poolName, userId, password, salt);
  const known = verifiers.get(x);
  if (known !== undefined) return known;
  const v = powG(x);
  verifiers.set(x, v);
  if (verifiers.size > KEEP_VERIFIERS) verifiers.delete(verifiers.keys().next().value!);
  return v;
}

/** The pool's secret b from random bytes (never 0 mod N). */
export function secretB(randomBytes: Uint8Array): bigint {
  const b = bytesToBigInt(randomBytes) % N;
  return b === 0n ? 1n : b;
}

/** B = (k·v + g^b) mod N. */
export async function serverPublicB(v: bigint, b: bigint): Promise<bigint> {
  return ((await srpK()) * v + powG(b)) % N;
}

/** The pool's session key, S = (A·v^u)^b mod N; the caller has refused A mod N = 0 already. */
export async function serverSessionKey(A: bigint, B: bigint, b: bigint, v: bigint): Promise<{ key: Uint8Array; u: bigint }> {
  const u = await srpU(A, B);
  const S = modPow(((A % N) * modPow(v, u, N)) % N, b, N);
  return { key: await sessionKey(S, u), u };
}

/** Whether the claim signature is the one this key makes over the pool name, user, SECRET_BLOCK and TIMESTAMP. */
export async function claimMatches(key: Uint8Array, poolName: string, userId: string, secretBlock: string, timestamp: string, signature: string): Promise<boolean> {
  let given: Uint8Array;
  try {
    given = fromBase64(signature);
  } catch {
    return false;
  }
  return constantTimeEqual(await claimSignatureBytes(key, poolName, userId, secretBlock, timestamp), given);
}
