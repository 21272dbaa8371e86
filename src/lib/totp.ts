// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP) with the parameters Cognito uses: HMAC-SHA1,
// 6 digits, 30-second steps [V aws-behaviour.md §3.9]. Shared by the simulated user pool (which checks codes) and
// the app's virtual authenticator (which shows them), on WebCrypto only. Time is always passed in, never read.
import { utf8 } from './encoding';

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding, as authenticator apps expect secrets. */
export function toBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** Decodes base32 (case-insensitive, padding and spaces ignored); throws a TypeError on any other character. */
export function fromBase32(text: string): Uint8Array {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = BASE32.indexOf(char);
    if (value < 0) throw new TypeError(`invalid base32 character ${JSON.stringify(char)}`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 255);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return new Uint8Array(out);
}

/** The 30-second step an instant (epoch ms) falls in. */
export const totpCounter = (epochMs: number): number => Math.floor(epochMs / 1000 / TOTP_STEP_SECONDS);

/** HOTP (RFC 4226 §5.3): HMAC-SHA1 of the 8-byte counter, dynamically truncated to 6 digits. */
export async function hotp(secret: Uint8Array, counter: number): Promise<string> {
  const message = new Uint8Array(8);
  new DataView(message.buffer).setBigUint64(0, BigInt(counter));
  const key = await crypto.subtle.importKey('raw', secret as BufferSource, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, message));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** TOTP_DIGITS).padStart(TOTP_DIGITS, '0');
}

/** The code an authenticator shows at `epochMs` for a base32 secret. */
export function totp(base32Secret: string, epochMs: number): Promise<string> {
  return hotp(fromBase32(base32Secret), totpCounter(epochMs));
}

/** Seconds until the code shown at `epochMs` changes. */
export const secondsLeft = (epochMs: number): number => TOTP_STEP_SECONDS - (Math.floor(epochMs / 1000) % TOTP_STEP_SECONDS);

/** The otpauth:// URI authenticator apps scan (Google's Key Uri Format): label "issuer:account", issuer repeated as a parameter. */
export function otpauthUri(input: { secret: string; account: string; issuer: string }): string {
  const label = `${encodeURIComponent(input.issuer)}:${encodeURIComponent(input.account)}`;
  // %20, not '+': authenticator apps decode the query with decodeURIComponent.
  const query = Object.entries({ secret: input.secret, issuer: input.issuer, algorithm: 'SHA1', digits: String(TOTP_DIGITS), period: String(TOTP_STEP_SECONDS) })
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return `otpauth://totp/${label}?${query}`;
}

/** Constant-time comparison of two codes, so a checker does not leak how many leading digits were right. */
export function sameCode(a: string, b: string): boolean {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
