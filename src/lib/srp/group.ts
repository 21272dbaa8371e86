// The group Cognito's Secure Remote Password runs in: RFC 5054's 3072-bit safe prime N with generator g = 2
// (RFC 5054 appendix A, the same as RFC 3526's group 15), and the hex encodings both sides hash: padHex, the
// even-length two's-complement form of Java's BigInteger.toByteArray() that Cognito's clients reproduce
// [V aws-behaviour.md §3.8; amazon-cognito-identity-js AuthenticationHelper.padHex].
import { modPow, prepareFixedBase } from './mod-pow';

const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1' +
  '29024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245' +
  'E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D' +
  'C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D' +
  '670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9' +
  'DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64' +
  'ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B' +
  'F12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB31' +
  '43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

/** The 3072-bit prime modulus. */
export const N = BigInt(`0x${N_HEX}`);
/** The generator. */
export const G = 2n;
/** Bits in N: the size every public value is reduced to. */
export const N_BITS = 3072;

/** g^e mod N; the fixed-base table for g is built on the first call. */
export function powG(exponent: bigint): bigint {
  prepareFixedBase(N);
  return modPow(G, exponent, N);
}

/**
 * Java's BigInteger.toByteArray() as hex, for non-negative values: even length, and a leading `00` when the top
 * bit would otherwise read as a sign (so 0x80 becomes `0080`). Both sides hash these exact strings.
 */
export function padHex(value: bigint): string {
  if (value < 0n) throw new RangeError('padHex: SRP values are never negative');
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}

/** A hex string (any case, any length, no prefix) as a non-negative integer, or undefined when it is not hex. */
export function parseHex(text: string): bigint | undefined {
  return /^[0-9a-fA-F]+$/.test(text) ? BigInt(`0x${text}`) : undefined;
}

/** The plain lower-case hex of a value, as Cognito sends SRP_B and the clients send SRP_A (BigInteger.toString(16)). */
export const toHexString = (value: bigint): string => value.toString(16);

/** A big-endian byte string as a non-negative integer. */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  let out = 0n;
  for (const b of bytes) out = (out << 8n) | BigInt(b);
  return out;
}

/** The user pool's "name" that SRP hashes: the part of its id after the underscore (us-east-1_AbC → AbC). */
export function poolNameOf(poolId: string): string {
  return poolId.slice(poolId.indexOf('_') + 1);
}
