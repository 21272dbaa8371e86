// The hashes of Cognito's SRP, on WebCrypto: H = SHA-256 over the bytes a hex string spells, the multiplier
// k = H(padHex(N) ‖ padHex(g)), the scrambler u = H(padHex(A) ‖ padHex(B)), the private value
// x = H(padHex(salt) ‖ H(poolName ‖ userId ‖ ":" ‖ password)), and the session key: HKDF-SHA256 with salt padHex(u),
// input padHex(S) and info "Caldera Derived Key", 16 bytes [V aws-behaviour.md §3.8].
import { fromHex, toHex, utf8 } from '../encoding';
import { G, N, padHex } from './group';

const buffer = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => bytes as Uint8Array<ArrayBuffer>;

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', buffer(bytes)));
}

/** SHA-256 of the bytes an even-length hex string spells, as 64 hex digits. */
export async function hexHash(hex: string): Promise<string> {
  return toHex(await sha256(fromHex(hex)));
}

let multiplier: Promise<bigint> | undefined;

/** k = H(padHex(N) ‖ padHex(g)), computed once. */
export function srpK(): Promise<bigint> {
  multiplier ??= hexHash(padHex(N) + padHex(G)).then((hex) => BigInt(`0x${hex}`));
  return multiplier;
}

/** u = H(padHex(A) ‖ padHex(B)): both public values scramble the key; 0 means abort. */
export async function srpU(A: bigint, B: bigint): Promise<bigint> {
  return BigInt(`0x${await hexHash(padHex(A) + padHex(B))}`);
}

/** x = H(padHex(salt) ‖ H(poolName ‖ userId ‖ ":" ‖ password)). The salt is taken as a number, as the clients read it. */
export async function srpX(poolName: string, userId: string, password: string, salt: bigint): Promise<bigint> {
  const inner = toHex(await sha256(utf8.encode(`${poolName}${userId}:${password}`)));
  return BigInt(`0x${await hexHash(padHex(salt) + inner)}`);
}

export const INFO = 'Caldera Derived Key';

/** The 16-byte session key: HKDF-SHA256 (RFC 5869) with salt padHex(u), key material padHex(S), info "Caldera Derived Key". */
export async function sessionKey(S: bigint, u: bigint): Promise<Uint8Array> {
  const ikm = await crypto.subtle.importKey('raw', buffer(fromHex(padHex(S))), 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: buffer(fromHex(padHex(u))), info: buffer(utf8.encode(INFO)) }, ikm, 128);
  return new Uint8Array(bits);
}

export async function hmacSha256(key: Uint8Array, message: Uint8Array): Promise<Uint8Array> {
  const k = await crypto.subtle.importKey('raw', buffer(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', k, buffer(message)));
}
