// What every OpenID Connect login provider of the identity pool does to a token's signature: fetch the issuer's JWKS
// (a nested exchange, as Cognito fetches it from the issuer) and check the RS256 signature with the key the token's
// kid names. Any failure reads as "not verified": the provider answers with AWS's error.
import { compactVerify, importJWK, type JWK } from 'jose';
import type { LoginContext } from './registry';

export async function fetchJwks(ctx: LoginContext, url: string): Promise<JWK[] | undefined> {
  try {
    const response = await ctx.call.fetch(new Request(url));
    if (!response.ok) return undefined;
    const body = (await response.json()) as { keys?: JWK[] };
    return Array.isArray(body.keys) ? body.keys : undefined;
  } catch {
    return undefined;
  }
}

export async function signatureValid(token: string, jwks: JWK[] | undefined, kid: unknown): Promise<boolean> {
  const jwk = jwks?.find((k) => k.kid === kid);
  if (!jwk) return false;
  try {
    await compactVerify(token, await importJWK(jwk, 'RS256'), { algorithms: ['RS256'] });
    return true;
  } catch {
    return false;
  }
}
