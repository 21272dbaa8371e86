// The identity pool's own OpenID Connect token (GetOpenIdToken, the basic flow): RS512, header kid "{region}-1"
// and typ JWS, iss https://cognito-identity.amazonaws.com, aud = the identity pool, sub = the identity, amr
// as aws-behaviour.md §5.3, valid 10 minutes. STS checks it against the JWKS the simulator serves at
// https://cognito-identity.amazonaws.com/.well-known/jwks_uri. The RSA key is generated when first needed.
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { seconds } from '../core/clock';

export const OPEN_ID_ISSUER = 'https://cognito-identity.amazonaws.com';
export const OPEN_ID_HOST = 'cognito-identity.amazonaws.com';
export const OPEN_ID_JWKS_URL = `${OPEN_ID_ISSUER}/.well-known/jwks_uri`;
/** [V BOTO GetOpenIdTokenResponse] "An OpenID token, valid for 10 minutes." */
export const OPEN_ID_TOKEN_LIFETIME_MS = 10 * 60_000;

export interface OpenIdKey {
  readonly kid: string;
  jwks(): Promise<{ keys: JWK[] }>;
  sign(claims: Record<string, unknown>): Promise<string>;
}

export function createOpenIdKey(region: string): OpenIdKey {
  const kid = `${region}-1`;
  let pending: Promise<{ privateKey: CryptoKey; jwk: JWK }> | undefined;
  const load = () => {
    pending ??= (async () => {
      const { privateKey, publicKey } = await generateKeyPair('RS512', { modulusLength: 2048, extractable: true });
      const exported = await exportJWK(publicKey);
      return { privateKey, jwk: { kty: 'RSA', alg: 'RS512', use: 'sig', kid, n: exported.n!, e: exported.e! } };
    })();
    return pending;
  };
  return {
    kid,
    jwks: async () => ({ keys: [(await load()).jwk] }),
    async sign(claims) {
      const { privateKey } = await load();
      return new SignJWT(claims).setProtectedHeader({ kid, typ: 'JWS', alg: 'RS512' }).sign(privateKey);
    },
  };
}

export function openIdClaims(input: { identityId: string; poolId: string; poolArn: string; amr: string[]; now: number }): Record<string, unknown> {
  const iat = seconds(input.now);
  return {
    sub: input.identityId,
    aud: input.poolId,
    amr: input.amr,
    iss: OPEN_ID_ISSUER,
    // [P] seen in captured tokens (aws-behaviour.md §5.3).
    'https://cognito-identity.amazonaws.com/identity-pool-arn': input.poolArn,
    exp: iat + seconds(OPEN_ID_TOKEN_LIFETIME_MS),
    iat,
  };
}
