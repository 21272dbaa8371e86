// A Logins entry from a Cognito user pool: the value must be the pool's ID token. The identity pool fetches
// the pool's public keys (JWKS) through the router, so the check shows in the trace as a nested call, then
// checks the signature, the issuer against the Logins key, expiry on the virtual clock, aud and token_use,
// and that the app client is one this identity pool accepts. Messages per aws-behaviour.md §5.5.
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { AwsError } from '../../core/errors';
import { identityPoolErrors as errors } from '../errors';
import type { LoginContext, LoginProvider, VerifiedLogin } from './registry';
import { fetchJwks, signatureValid } from './jwks';

const KEY = /^cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/.+$/;
const COGNITO_ISSUER = /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/[\w-]+_[0-9a-zA-Z]+$/;

export const userPoolLoginProvider: LoginProvider = {
  name: 'Cognito user pool',
  handles: (key) => KEY.test(key),
  async verify(ctx: LoginContext, key: string, token: string): Promise<VerifiedLogin> {
    const refuse = (summary: string, error: AwsError, outcome: 'invalid' | 'expired' = 'invalid'): never => {
      ctx.call.note({ kind: 'token-checked', summary, tokenUse: 'id', outcome, reason: error.message });
      throw error;
    };
    let header: { kid?: unknown };
    let claims: Record<string, unknown>;
    try {
      header = decodeProtectedHeader(token);
      claims = decodeJwt(token);
    } catch {
      return refuse(`The login for ${key} is not a JWT at all, so it cannot be a user pool token.`, errors.notCognitoToken());
    }
    const iss = typeof claims.iss === 'string' ? claims.iss : '';
    if (!COGNITO_ISSUER.test(iss)) return refuse(`The token's issuer (${iss || 'none'}) is not a Cognito user pool.`, errors.notCognitoToken());
    if (iss !== `https://${key}`) {
      return refuse(`The token was issued by ${iss}, but the Logins key names ${key}: the key must be the issuer without https://.`, errors.issuerMismatch());
    }
    const accepted = ctx.pool.cognitoProviders.filter((p) => p.ProviderName === key);
    if (accepted.length === 0) return refuse(`The identity pool has no app client of the user pool ${key} among its providers.`, errors.unsupportedProvider());

    const jwks = await fetchJwks(ctx, `${iss}/.well-known/jwks.json`);
    if (!(await signatureValid(token, jwks, header.kid))) {
      return refuse(`The signature does not verify with the user pool's public key ${String(header.kid ?? '(no kid)')} from its JWKS: the token was altered or not signed by this pool.`, errors.badSignature());
    }
    const nowSec = Math.floor(ctx.now / 1000);
    const exp = typeof claims.exp === 'number' ? claims.exp : 0;
    if (nowSec >= exp) return refuse(`The token expired at ${exp} (epoch seconds); it is now ${nowSec}.`, errors.tokenExpired(nowSec, exp), 'expired');
    if (claims.aud === undefined) {
      return refuse('The token has no aud claim: it is an access token, and identity pools need the ID token (whose aud is the app client id).', errors.missingAud());
    }
    // [U] A signed token with aud but another token_use cannot come from a real pool; answered as a token that does not verify.
    if (claims.token_use !== 'id') return refuse(`The token's token_use is ${String(claims.token_use)}, not id.`, errors.badSignature());
    const aud = String(claims.aud);
    if (!accepted.some((p) => p.ClientId === aud)) {
      return refuse(`The token is for app client ${aud}, which is not one of the identity pool's providers for ${key}.`, errors.unsupportedProvider());
    }
    const sub = String(claims.sub ?? '');
    ctx.call.note({
      kind: 'token-checked',
      summary: `The ID token is valid: signed with key ${String(header.kid)} of ${key}, unexpired, for app client ${aud}, user ${sub}.`,
      tokenUse: 'id',
      outcome: 'valid',
    });
    return { provider: key, subject: sub, roleMappingKey: `${key}:${aud}`, amr: [key, `${key}:CognitoSignIn:${sub}`], claims };
  },
};
