// Reading a JWT the way a learner's app (or jwt.io) does: split, base64url-decode header and payload.
// No verification here; the inspector verifies against the issuer's JWKS separately.
import { fromBase64Url, utf8 } from '../lib/encoding';

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signature: string;
}

export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(utf8.decode(fromBase64Url(parts[0]!))) as unknown;
    const payload = JSON.parse(utf8.decode(fromBase64Url(parts[1]!))) as unknown;
    if (typeof header !== 'object' || header === null || typeof payload !== 'object' || payload === null) return undefined;
    return { header: header as Record<string, unknown>, payload: payload as Record<string, unknown>, signature: parts[2]! };
  } catch {
    return undefined;
  }
}
