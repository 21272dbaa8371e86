// Reads a JWT the way jwt.io does (base64url-decode header and payload, no verification), so the
// inspector can show what a token says. Never throws: anything unreadable is `undefined`.

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** Decodes base64url (padding optional) to UTF-8 text; undefined if it is not base64url. */
export function decodeBase64UrlText(part: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(part)) return undefined;
  const base64 = part.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (base64.length % 4 === 1) return undefined;
  try {
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  const text = decodeBase64UrlText(part);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Header and claims of a signed JWT (three parts); undefined for anything else, JWEs included. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const header = decodeJsonObject(parts[0]!);
  const payload = header && decodeJsonObject(parts[1]!);
  return header && payload ? { header, payload } : undefined;
}
