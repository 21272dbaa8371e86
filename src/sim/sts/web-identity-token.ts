// Checking a web identity token for AssumeRoleWithWebIdentity: its issuer must be one STS trusts (here the
// Cognito identity pools' issuer; IAM OIDC providers and social IdPs plug in with the federation issue), its
// signature must verify with a key from the issuer's JWKS (fetched through the router, so it shows nested in
// the trace), and it must not have expired on the virtual clock.
import { compactVerify, decodeJwt, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import type { AwsError } from '../core/errors';
import type { ServiceContext } from '../core/router';
import { stsErrors } from './errors';

export interface WebIdentityIssuer {
  /** The iss claim, e.g. https://cognito-identity.amazonaws.com */
  issuer: string;
  /** The response's Provider member and the Federated principal trust policies name. */
  provider: string;
  jwksUrl: string;
  algorithms: string[];
  /** Condition keys the token gives the trust policy and the session, e.g. cognito-identity.amazonaws.com:aud. */
  contextOf(claims: Record<string, unknown>): Record<string, string | string[]>;
}

export const cognitoIdentityIssuer: WebIdentityIssuer = {
  issuer: 'https://cognito-identity.amazonaws.com',
  // [P] Cognito-issued tokens name the provider without the scheme.
  provider: 'cognito-identity.amazonaws.com',
  jwksUrl: 'https://cognito-identity.amazonaws.com/.well-known/jwks_uri',
  algorithms: ['RS512'],
  contextOf: (claims) => ({
    'cognito-identity.amazonaws.com:aud': String(claims.aud ?? ''),
    'cognito-identity.amazonaws.com:sub': String(claims.sub ?? ''),
    'cognito-identity.amazonaws.com:amr': Array.isArray(claims.amr) ? claims.amr.map(String) : [],
  }),
};

export interface CheckedToken {
  issuer: WebIdentityIssuer;
  claims: Record<string, unknown>;
}

async function jwksOf(call: ServiceContext, url: string): Promise<JWK[] | undefined> {
  try {
    const response = await call.fetch(new Request(url));
    if (!response.ok) return undefined;
    const body = (await response.json()) as { keys?: JWK[] };
    return Array.isArray(body.keys) ? body.keys : undefined;
  } catch {
    return undefined;
  }
}

export async function checkWebIdentityToken(call: ServiceContext, issuers: readonly WebIdentityIssuer[], token: string, now: number): Promise<CheckedToken> {
  const refuse = (summary: string, error: AwsError, outcome: 'invalid' | 'expired' = 'invalid'): never => {
    call.note({ kind: 'token-checked', summary, tokenUse: 'id', outcome, reason: error.message });
    throw error;
  };
  let header: { kid?: unknown; alg?: unknown };
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    return refuse('The web identity token is not a JWT.', stsErrors.invalidToken());
  }
  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  const issuer = issuers.find((i) => i.issuer === iss);
  if (!issuer) return refuse(`STS does not trust the issuer ${iss || '(none)'}: there is no OpenID Connect provider for it in this account.`, stsErrors.noProvider(iss));
  const jwk = (await jwksOf(call, issuer.jwksUrl))?.find((k) => k.kid === header.kid);
  if (!jwk) return refuse(`No key ${String(header.kid ?? '(no kid)')} in ${issuer.jwksUrl}.`, stsErrors.noVerificationKey());
  try {
    const alg = typeof header.alg === 'string' ? header.alg : '';
    await compactVerify(token, await importJWK(jwk, alg || issuer.algorithms[0]), { algorithms: issuer.algorithms });
  } catch {
    return refuse(`The signature does not verify with key ${String(header.kid)} of ${issuer.provider}: the token was altered.`, stsErrors.invalidToken());
  }
  const nowSec = Math.floor(now / 1000);
  const exp = typeof claims.exp === 'number' ? claims.exp : 0;
  if (nowSec >= exp) return refuse(`The token expired at ${exp} (epoch seconds); it is now ${nowSec}. Identity pool OpenID tokens last 10 minutes.`, stsErrors.expiredToken(nowSec, exp), 'expired');
  call.note({ kind: 'token-checked', summary: `The web identity token is valid: signed by ${issuer.provider} (key ${String(header.kid)}), unexpired, for ${String(claims.sub)}.`, tokenUse: 'id', outcome: 'valid' });
  return { issuer, claims };
}
