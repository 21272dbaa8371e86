// PASSWORD_CLAIM_SIGNATURE: what proves, at the end of SRP, that the app holds the session key, and so the
// password: Base64(HMAC-SHA256(key, poolName ‖ USER_ID_FOR_SRP ‖ bytes of SECRET_BLOCK ‖ TIMESTAMP))
// [V aws-behaviour.md §3.8; amazon-cognito-identity-js CognitoUser.authenticateUserDefaultAuth].
import { fromBase64, toBase64, utf8 } from '../encoding';
import { hmacSha256 } from './hashing';

export async function claimSignatureBytes(key: Uint8Array, poolName: string, userId: string, secretBlock: string, timestamp: string): Promise<Uint8Array> {
  const parts = [utf8.encode(poolName), utf8.encode(userId), fromBase64(secretBlock), utf8.encode(timestamp)];
  const message = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    message.set(p, at);
    at += p.length;
  }
  return hmacSha256(key, message);
}

export async function claimSignature(key: Uint8Array, poolName: string, userId: string, secretBlock: string, timestamp: string): Promise<string> {
  return toBase64(await claimSignatureBytes(key, poolName, userId, secretBlock, timestamp));
}

/** Equality that takes as long whichever byte differs, so timing reveals nothing about a secret compared. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
