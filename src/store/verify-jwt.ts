// Checking a JWT's signature as a relying party would (jose over the issuer's JWKS) at a virtual time, with the
// reasons the inspector shows. Where the JWKS comes from is the caller's business: the player fetches it from a
// finished scenario's simulator; the sandbox reads it without a request, so its replays stay deterministic.
import { createLocalJWKSet, jwtVerify, errors as joseErrors, decodeProtectedHeader, decodeJwt, type JSONWebKeySet } from 'jose';

export type TokenVerification =
  | { status: 'valid'; kid: string; issuer: string }
  | { status: 'invalid'; reason: string; kid?: string; issuer?: string };

export async function verifyJwt(token: string, at: number, issuerKeys: ((issuer: string) => Promise<JSONWebKeySet>) | null): Promise<TokenVerification> {
  let kid: string | undefined;
  let issuer: string | undefined;
  try {
    const header = decodeProtectedHeader(token);
    kid = typeof header.kid === 'string' ? header.kid : undefined;
    const payload = decodeJwt(token);
    issuer = typeof payload.iss === 'string' ? payload.iss : undefined;
  } catch {
    return { status: 'invalid', reason: 'This is not a well-formed JWT.' };
  }
  if (!issuerKeys || !issuer || !kid) return { status: 'invalid', reason: 'The token names no issuer or key id.', ...(kid ? { kid } : {}), ...(issuer ? { issuer } : {}) };
  try {
    const jwks = createLocalJWKSet(await issuerKeys(issuer));
    await jwtVerify(token, jwks, { issuer, currentDate: new Date(at), algorithms: ['RS256', 'RS512', 'ES256'] });
    return { status: 'valid', kid, issuer };
  } catch (error) {
    const reason =
      error instanceof joseErrors.JWTExpired ? 'The signature is valid, but the token had expired at this moment.'
      : error instanceof joseErrors.JWKSNoMatchingKey ? 'No key in the issuer’s JWKS has this key id.'
      : error instanceof joseErrors.JWSSignatureVerificationFailed ? 'The signature does not match the issuer’s public key.'
      : error instanceof Error ? error.message : String(error);
    return { status: 'invalid', reason, kid, issuer };
  }
}
