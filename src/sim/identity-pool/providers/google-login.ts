// A Logins entry for accounts.google.com: the value must be a Google ID token (a JWT), not Google's access token
// [V aws-behaviour.md §5.1; COGDOC google.md]. The identity pool fetches Google's public keys from
// www.googleapis.com/oauth2/v3/certs (a nested call, so it shows in the trace), then checks the signature, the issuer
// (https://accounts.google.com, or accounts.google.com as Google's older tokens say [V Google's discovery document]),
// expiry on the virtual clock, and that aud is the Google client id the identity pool lists for accounts.google.com.
// Messages per aws-behaviour.md §5.5, and: an opaque string (Google's "ya29." access token) gets "Invalid login
// token. Not a valid OpenId Connect identity token." [V ISS jaredhanson/passport-google-oauth2#20,
// react-native-google-signin#858]; a token for another client gets "Token is not from a supported provider of this
// identity pool." [P ISS amazon-cognito-identity-js#7, aws-sdk-android#1131].
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { AwsError } from '../../core/errors';
import { identityPoolErrors as errors } from '../errors';
import type { LoginContext, LoginProvider, VerifiedLogin } from './registry';
import { fetchJwks, signatureValid } from './jwks';

export const GOOGLE_LOGIN_KEY = 'accounts.google.com';
const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];
const GOOGLE_JWKS = 'https://www.googleapis.com/oauth2/v3/certs';

export const notOpenIdToken = () => new AwsError('NotAuthorizedException', 'Invalid login token. Not a valid OpenId Connect identity token.');

/** The Google client ids the pool accepts; [U] a comma-separated list is read as several. */
export function configuredClientIds(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

export const googleLoginProvider: LoginProvider = {
  name: 'Google',
  handles: (key) => key === GOOGLE_LOGIN_KEY,
  async verify(ctx: LoginContext, key: string, token: string): Promise<VerifiedLogin> {
    const refuse = (summary: string, error: AwsError, outcome: 'invalid' | 'expired' = 'invalid'): never => {
      ctx.call.note({ kind: 'token-checked', summary, tokenUse: 'id', outcome, reason: error.message });
      throw error;
    };
    if (!(key in ctx.pool.supportedLoginProviders)) return refuse(`The identity pool ${ctx.pool.name} does not list Google (accounts.google.com) as a login provider.`, errors.unsupportedProvider());
    if (token.split('.').length !== 3) {
      return refuse('The login for accounts.google.com is not a JWT: identity pools need Google\'s ID token, not its access token ("ya29.…"), which only Google can read.', notOpenIdToken());
    }
    let header: { kid?: unknown };
    let claims: Record<string, unknown>;
    try {
      header = decodeProtectedHeader(token);
      claims = decodeJwt(token);
    } catch {
      return refuse('The login looks like a JWT but its parts do not decode, so no signature can be checked.', errors.badSignature());
    }
    const iss = typeof claims.iss === 'string' ? claims.iss : '';
    if (!GOOGLE_ISSUERS.includes(iss)) return refuse(`The token was issued by ${iss || '(no issuer)'}, not by Google (https://accounts.google.com): the Logins key must name the token's issuer.`, errors.issuerMismatch());
    const jwks = await fetchJwks(ctx, GOOGLE_JWKS);
    if (!(await signatureValid(token, jwks, header.kid))) {
      return refuse(`The signature does not verify with Google's public key ${String(header.kid ?? '(no kid)')} from www.googleapis.com/oauth2/v3/certs: the token was altered or Google did not sign it.`, errors.badSignature());
    }
    const nowSec = Math.floor(ctx.now / 1000);
    const exp = typeof claims.exp === 'number' ? claims.exp : 0;
    if (nowSec >= exp) return refuse(`Google's ID token expired at ${exp} (epoch seconds); it is now ${nowSec}. Google ID tokens last one hour: the app must get a fresh one from Google.`, errors.tokenExpired(nowSec, exp), 'expired');
    if (claims.aud === undefined) return refuse('The token has no aud claim.', errors.missingAud());
    const aud = String(claims.aud);
    const accepted = configuredClientIds(ctx.pool.supportedLoginProviders[key]);
    if (!accepted.includes(aud)) {
      return refuse(`The token was issued to the Google client ${aud}, but the identity pool accepts Google tokens only for ${accepted.join(', ') || '(none)'}: a token meant for another app is refused.`, errors.unsupportedProvider());
    }
    const sub = String(claims.sub ?? '');
    ctx.call.note({ kind: 'token-checked', summary: `Google's ID token is valid: signed with Google's key ${String(header.kid).slice(0, 8)}…, unexpired, for the app's Google client; Google user ${sub}.`, tokenUse: 'id', outcome: 'valid' });
    // [U] AWS's amr entries for Google logins beyond the provider name.
    return { provider: key, subject: sub, roleMappingKey: key, amr: [key, `${key}:${aud}:${sub}`], claims };
  },
};
