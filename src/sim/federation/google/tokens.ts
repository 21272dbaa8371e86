// What Google issues once a user has signed in: an opaque access token ("ya29.…") and an OpenID Connect ID token, an
// RS256 JWT signed with Google's key, with the claims the granted scopes allow [V developers.google.com/identity/
// openid-connect/openid-connect "An ID token's payload": iss https://accounts.google.com, azp, aud (the client id),
// sub, email and email_verified (email scope), name, picture, given_name, family_name (profile scope), at_hash when
// an access token comes with it, nonce when the request had one, iat, exp]. Header {"alg":"RS256","kid":…,"typ":"JWT"}.
import { SignJWT } from 'jose';
import { toBase64Url } from '../../../lib/encoding';
import { seconds } from '../../core/clock';
import type { ServiceContext } from '../../core/router';
import { atHash } from '../../hosted-ui/oauth-tokens';
import { googleAccountBySub } from '../accounts';
import { GOOGLE_ID_TOKEN_LIFETIME_S, GOOGLE_ISSUER, GOOGLE_TOKEN_LIFETIME_S, type GoogleEnv, type GoogleScope } from './env';

export interface GoogleTokens {
  accessToken: string;
  expiresIn: number;
  idToken?: string;
  scope: string;
}

/** Google's answer spells scopes out as it granted them. [P] captured token responses. */
export function grantedScope(scopes: readonly GoogleScope[]): string {
  const long: Record<GoogleScope, string> = { openid: 'openid', email: 'https://www.googleapis.com/auth/userinfo.email', profile: 'https://www.googleapis.com/auth/userinfo.profile' };
  return scopes.map((s) => long[s]).join(' ');
}

export async function issueGoogleTokens(
  env: GoogleEnv,
  call: ServiceContext,
  grant: { clientId: string; sub: string; scopes: readonly GoogleScope[]; nonce?: string; withAccessToken: boolean; withIdToken: boolean },
): Promise<GoogleTokens> {
  const account = googleAccountBySub(grant.sub)!;
  const now = env.clock.now();
  const accessToken = `ya29.a0${toBase64Url(env.random.bytes(120))}`;
  if (grant.withAccessToken) env.accessTokens.set(accessToken, { sub: grant.sub, clientId: grant.clientId, scopes: [...grant.scopes], expiresAt: now + GOOGLE_TOKEN_LIFETIME_S * 1000 });
  const tokens: GoogleTokens = { accessToken, expiresIn: GOOGLE_TOKEN_LIFETIME_S, scope: grantedScope(grant.scopes) };
  if (!grant.withIdToken || !grant.scopes.includes('openid')) return tokens;

  const iat = seconds(now);
  const email = grant.scopes.includes('email') ? { email: account.email, email_verified: account.emailVerified } : {};
  const profile = grant.scopes.includes('profile') ? { name: account.name, picture: account.picture, given_name: account.givenName, family_name: account.familyName } : {};
  const claims: Record<string, unknown> = {
    iss: GOOGLE_ISSUER,
    azp: grant.clientId,
    aud: grant.clientId,
    sub: account.sub,
    ...email,
    ...(grant.withAccessToken ? { at_hash: await atHash(accessToken) } : {}),
    ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
    ...profile,
    iat,
    exp: iat + GOOGLE_ID_TOKEN_LIFETIME_S,
  };
  const key = await env.keys.current();
  tokens.idToken = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' }).sign(key.privateKey);
  call.note({
    kind: 'token-issued',
    summary: `Google signed an ID token for ${account.name} with its own key ${key.kid.slice(0, 8)}…: aud is the OAuth client ${grant.clientId.slice(0, 16)}…, sub is Google's id of the account. Anyone can check it against Google's public keys at www.googleapis.com/oauth2/v3/certs.`,
    tokenUse: 'id',
    kid: key.kid,
    claims,
    expiresAt: (iat + GOOGLE_ID_TOKEN_LIFETIME_S) * 1000,
  });
  return tokens;
}
