// Tokens from the OAuth 2.0 endpoints, with AWS's differences from InitiateAuth's (aws-behaviour.md §2.2–2.3): the access
// token carries the granted scopes and "version": 2; the ID token (only when openid was granted) carries at_hash, the
// nonce the app sent to /oauth2/authorize, and the attributes the scopes allow. [P] No event_id: the captured hosted-UI
// tokens of the alerta fixture have none. Client-credentials tokens name the app client as sub and have no username.
import { SignJWT } from 'jose';
import { toBase64Url, utf8 } from '../../lib/encoding';
import { seconds } from '../core/clock';
import { issuerOf } from '../user-pool/env';
import type { AppClient, User } from '../user-pool/model';
import { groupClaims, makeRefreshToken } from '../user-pool/tokens';
import { toMs } from '../user-pool/validity';
import { isAwsError } from '../core/errors';
import { applyToAccessClaims, applyToIdClaims, preTokenGeneration, type ClaimOverrides } from '../user-pool/triggers/pre-token';
import type { HostedUiContext } from './context';
import { OAuthError } from './oauth-error';
import { scopedAttributes } from './scoped-claims';

export interface OAuthTokens {
  idToken?: string;
  accessToken: string;
  refreshToken?: string;
  /** Seconds. */
  expiresIn: number;
}

export interface UserGrant {
  scopes: string[];
  /** Epoch ms of the sign-in, kept across refreshes. */
  authTime: number;
  /** The sign-in's token family when refreshing; a new one otherwise. */
  originJti?: string;
  nonce?: string;
  withRefreshToken: boolean;
  /** Default: when openid was granted. */
  idToken?: boolean;
}

/** OIDC Core §3.1.3.6: base64url of the left half of SHA-256 over the access token's ASCII. */
export async function atHash(accessToken: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(accessToken) as Uint8Array<ArrayBuffer>));
  return toBase64Url(digest.slice(0, 16));
}

export async function issueUserTokens(ctx: HostedUiContext, client: AppClient, user: User, grant: UserGrant): Promise<OAuthTokens> {
  const { env, pool, call } = ctx;
  const keys = env.keys.get(pool.id)!;
  const iss = issuerOf(env, pool.id);
  const originJti = grant.originJti ?? env.random.uuid();
  if (!pool.tokenFamilies.has(originJti)) {
    pool.tokenFamilies.set(originJti, { originJti, username: user.username, clientId: client.clientId, authTime: grant.authTime, revoked: false });
  }
  const iat = seconds(env.clock.now());
  const accessLifetime = seconds(toMs(client.accessTokenValidity, client.tokenValidityUnits.AccessToken));
  const groups = groupClaims(pool, user);
  const revocation = client.enableTokenRevocation ? { origin_jti: originJti } : {};
  const scope = grant.scopes.join(' ');

  const accessClaims: Record<string, unknown> = {
    sub: user.sub,
    ...(groups['cognito:groups'] ? { 'cognito:groups': groups['cognito:groups'] } : {}),
    iss,
    version: 2,
    client_id: client.clientId,
    ...revocation,
    token_use: 'access',
    scope,
    auth_time: seconds(grant.authTime),
    exp: iat + accessLifetime,
    iat,
    jti: env.random.uuid(),
    username: user.username,
  };
  // [TRIGGERS] pre token generation: TokenGeneration_HostedAuth, or TokenGeneration_RefreshTokens for a refresh.
  const overrides = await hostedPreTokenGeneration(ctx, client, user, groups, grant.originJti !== undefined);
  applyToAccessClaims(accessClaims, overrides);
  const accessKey = await keys.get('access');
  const accessToken = await new SignJWT(accessClaims).setProtectedHeader({ kid: accessKey.kid, alg: 'RS256' }).sign(accessKey.privateKey);
  call.note({ kind: 'token-issued', summary: `Access token (OAuth, "version": 2) signed with the pool's access-token key; it carries the granted scopes: ${scope}.`, tokenUse: 'access', kid: accessKey.kid, claims: accessClaims, expiresAt: (iat + accessLifetime) * 1000 });

  const tokens: OAuthTokens = { accessToken, expiresIn: accessLifetime };
  if (grant.idToken ?? grant.scopes.includes('openid')) {
    const idExp = iat + seconds(toMs(client.idTokenValidity, client.tokenValidityUnits.IdToken));
    const idClaims: Record<string, unknown> = {
      at_hash: await atHash(accessToken),
      sub: user.sub,
      ...groups,
      iss,
      'cognito:username': user.username,
      ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
      ...revocation,
      aud: client.clientId,
      token_use: 'id',
      auth_time: seconds(grant.authTime),
      exp: idExp,
      iat,
      jti: env.random.uuid(),
      ...scopedAttributes(client, user, grant.scopes, 'token'),
    };
    applyToIdClaims(idClaims, overrides);
    const idKey = await keys.get('id');
    tokens.idToken = await new SignJWT(idClaims).setProtectedHeader({ kid: idKey.kid, alg: 'RS256' }).sign(idKey.privateKey);
    call.note({ kind: 'token-issued', summary: `ID token signed with the pool's ID-token key, because openid was granted. at_hash ties it to the access token issued with it${grant.nonce !== undefined ? '; nonce echoes the one the app sent to /oauth2/authorize, so the app can tell a replayed token' : ''}.`, tokenUse: 'id', kid: idKey.kid, claims: idClaims, expiresAt: idExp * 1000 });
  }
  if (grant.withRefreshToken) {
    const refreshToken = makeRefreshToken(env);
    const expiresAt = env.clock.now() + toMs(client.refreshTokenValidity, client.tokenValidityUnits.RefreshToken);
    pool.refreshTokens.set(refreshToken, { originJti, username: user.username, clientId: client.clientId, expiresAt });
    ctx.state.refreshScopes.set(refreshToken, [...grant.scopes]);
    call.note({ kind: 'token-issued', summary: 'Refresh token issued: an opaque handle only the pool can read; the token endpoint exchanges it for new ID and access tokens with the same scopes.', tokenUse: 'refresh', expiresAt });
    tokens.refreshToken = refreshToken;
  }
  return tokens;
}

/**
 * [U] AWS runs this trigger when the managed login signs the user in, and a failure comes back to the app's callback
 * as error=invalid_request&error_description=PreTokenGeneration failed with error … (as public code shows); here it
 * runs when the tokens are made at /oauth2/token, and a failure is the token endpoint's invalid_request.
 */
async function hostedPreTokenGeneration(ctx: HostedUiContext, client: AppClient, user: User, groups: Record<string, unknown>, refresh: boolean): Promise<ClaimOverrides | undefined> {
  try {
    return await preTokenGeneration(ctx.env, ctx.call, ctx.pool, user, { triggerSource: refresh ? 'TokenGeneration_RefreshTokens' : 'TokenGeneration_HostedAuth', clientId: client.clientId, groupClaims: groups });
  } catch (error) {
    if (!isAwsError(error)) throw error;
    throw new OAuthError('invalid_request', `The pre token generation trigger failed (${error.code}: ${error.message}).`, 'code');
  }
}

/** client_credentials: an access token for the app client itself (machine to machine), custom scopes only. */
export async function issueClientToken(ctx: HostedUiContext, client: AppClient, scopes: string[]): Promise<OAuthTokens> {
  const { env, pool, call } = ctx;
  const key = await env.keys.get(pool.id)!.get('access');
  const iat = seconds(env.clock.now());
  const lifetime = seconds(toMs(client.accessTokenValidity, client.tokenValidityUnits.AccessToken));
  const claims: Record<string, unknown> = {
    sub: client.clientId,
    token_use: 'access',
    scope: scopes.join(' '),
    auth_time: iat,
    iss: issuerOf(env, pool.id),
    exp: iat + lifetime,
    iat,
    version: 2,
    jti: env.random.uuid(),
    client_id: client.clientId,
  };
  const accessToken = await new SignJWT(claims).setProtectedHeader({ kid: key.kid, alg: 'RS256' }).sign(key.privateKey);
  call.note({ kind: 'token-issued', summary: `Access token for app client ${client.clientName} itself: sub is the client id, there is no user and no ID or refresh token; scope ${scopes.join(' ')}.`, tokenUse: 'access', kid: key.kid, claims, expiresAt: (iat + lifetime) * 1000 });
  return { accessToken, expiresIn: lifetime };
}
