// Issuing the three tokens with exactly AWS's claims (aws-behaviour.md §2): the ID token (aud = client id,
// attributes, groups), the access token (client_id, scope, username; no aud) and the opaque refresh token
// (five base64url parts like AWS's JWE, a handle the pool looks up; never decodable into claims).
import { SignJWT } from 'jose';
import { toBase64Url, utf8 } from '../../lib/encoding';
import { seconds } from '../core/clock';
import type { ServiceContext } from '../core/router';
import { issuerOf, type UserPoolEnv } from './env';
import type { AppClient, User, UserPool } from './model';
import { toMs } from './validity';
import { applyToAccessClaims, applyToIdClaims, preTokenGeneration, tokenGenerationSource } from './triggers/pre-token';
import { challengeClientMetadata } from './triggers/event-attributes';

export interface AuthenticationResult {
  AccessToken: string;
  ExpiresIn: number;
  IdToken: string;
  RefreshToken?: string;
  TokenType: 'Bearer';
}

export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

/** Groups ordered by precedence (lower first), then name; and the roles they carry. */
export function groupClaims(pool: UserPool, user: User): Record<string, unknown> {
  const names = [...(pool.memberships.get(user.username.toLowerCase()) ?? [])];
  const groups = names
    .map((n) => pool.groups.get(n))
    .filter((g) => g !== undefined)
    .sort((a, b) => (a.precedence ?? Infinity) - (b.precedence ?? Infinity) || a.groupName.localeCompare(b.groupName));
  if (groups.length === 0) return {};
  const claims: Record<string, unknown> = { 'cognito:groups': groups.map((g) => g.groupName) };
  const withRoles = groups.filter((g) => g.roleArn);
  if (withRoles.length > 0) {
    claims['cognito:roles'] = [...new Set(withRoles.map((g) => g.roleArn!))];
    // The preferred role is the role of the group with the lowest precedence; a tie leaves it out.
    const best = withRoles[0]!;
    const tied = withRoles.filter((g) => (g.precedence ?? Infinity) === (best.precedence ?? Infinity) && g.roleArn !== best.roleArn);
    if (tied.length === 0) claims['cognito:preferred_role'] = best.roleArn;
  }
  return claims;
}

function attributeClaims(client: AppClient, user: User): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const [name, value] of user.attributes) {
    if (name === 'sub') continue;
    if (client.readAttributes && !client.readAttributes.includes(name)) continue;
    if (name === 'email_verified' || name === 'phone_number_verified') claims[name] = value === 'true';
    else if (name === 'identities') claims[name] = identitiesClaim(value);
    else claims[name] = value;
  }
  return claims;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * The identities attribute as ID tokens carry it: an array of the user's federated identities, whose primary and
 * dateCreated are strings there although the attribute itself stores true and epoch milliseconds (aws-behaviour.md §4.4).
 */
export function identitiesClaim(value: string): unknown {
  const parsed = safeJson(value);
  if (!Array.isArray(parsed)) return parsed;
  return parsed.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return entry;
    const out: Record<string, unknown> = { ...(entry as Record<string, unknown>) };
    for (const key of ['primary', 'dateCreated']) if (key in out && out[key] !== null) out[key] = String(out[key]);
    return out;
  });
}

export function makeRefreshToken(env: UserPoolEnv): string {
  const header = toBase64Url(utf8.encode('{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}'));
  const r = env.random;
  return [header, toBase64Url(r.bytes(256)), toBase64Url(r.bytes(12)), toBase64Url(r.bytes(384)), toBase64Url(r.bytes(16))].join('.');
}

export interface IssueOptions {
  /** Original authentication time (epoch ms), kept across refreshes. */
  authTime: number;
  /** The sign-in's token family; a new one is created when absent. */
  originJti?: string;
  withRefreshToken: boolean;
}

export async function issueTokens(
  env: UserPoolEnv,
  call: ServiceContext,
  pool: UserPool,
  client: AppClient,
  user: User,
  options: IssueOptions,
): Promise<AuthenticationResult> {
  const now = env.clock.now();
  const keys = env.keys.get(pool.id)!;
  const iss = issuerOf(env, pool.id);
  const originJti = options.originJti ?? env.random.uuid();
  if (!pool.tokenFamilies.has(originJti)) {
    pool.tokenFamilies.set(originJti, { originJti, username: user.username, clientId: client.clientId, authTime: options.authTime, revoked: false });
  }
  const eventId = env.random.uuid();
  const iat = seconds(now);
  const idExp = iat + seconds(toMs(client.idTokenValidity, client.tokenValidityUnits.IdToken));
  const accessLifetime = seconds(toMs(client.accessTokenValidity, client.tokenValidityUnits.AccessToken));
  const groups = groupClaims(pool, user);
  const revocation = client.enableTokenRevocation ? { origin_jti: originJti } : {};

  const idClaims: Record<string, unknown> = {
    sub: user.sub,
    ...groups,
    iss,
    'cognito:username': user.username,
    ...revocation,
    aud: client.clientId,
    event_id: eventId,
    token_use: 'id',
    auth_time: seconds(options.authTime),
    exp: idExp,
    iat,
    jti: env.random.uuid(),
    ...attributeClaims(client, user),
  };
  const accessClaims: Record<string, unknown> = {
    sub: user.sub,
    ...(groups['cognito:groups'] ? { 'cognito:groups': groups['cognito:groups'] } : {}),
    iss,
    client_id: client.clientId,
    ...revocation,
    event_id: eventId,
    token_use: 'access',
    scope: ADMIN_SCOPE,
    auth_time: seconds(options.authTime),
    exp: iat + accessLifetime,
    iat,
    jti: env.random.uuid(),
    username: user.username,
  };

  // [TRIGGERS] the pre token generation trigger may add, replace or suppress claims (triggers/pre-token.ts).
  const triggerSource = tokenGenerationSource(call, options.originJti !== undefined);
  const overrides = await preTokenGeneration(env, call, pool, user, { triggerSource, clientId: client.clientId, groupClaims: groups, clientMetadata: challengeClientMetadata(call) });
  applyToIdClaims(idClaims, overrides);
  applyToAccessClaims(accessClaims, overrides);

  const [idKey, accessKey] = await Promise.all([keys.get('id'), keys.get('access')]);
  const [IdToken, AccessToken] = await Promise.all([
    new SignJWT(idClaims).setProtectedHeader({ kid: idKey.kid, alg: 'RS256' }).sign(idKey.privateKey),
    new SignJWT(accessClaims).setProtectedHeader({ kid: accessKey.kid, alg: 'RS256' }).sign(accessKey.privateKey),
  ]);
  call.note({ kind: 'token-issued', summary: `ID token signed with the pool's ID-token key (${idKey.kid.slice(0, 8)}…); it says who the user is and is valid until exp.`, tokenUse: 'id', kid: idKey.kid, claims: idClaims, expiresAt: idExp * 1000 });
  call.note({ kind: 'token-issued', summary: `Access token signed with the pool's access-token key (${accessKey.kid.slice(0, 8)}…); it carries scope ${ADMIN_SCOPE}.`, tokenUse: 'access', kid: accessKey.kid, claims: accessClaims, expiresAt: (iat + accessLifetime) * 1000 });

  const result: AuthenticationResult = { AccessToken, ExpiresIn: accessLifetime, IdToken, TokenType: 'Bearer' };
  if (options.withRefreshToken) {
    const refreshToken = makeRefreshToken(env);
    const expiresAt = now + toMs(client.refreshTokenValidity, client.tokenValidityUnits.RefreshToken);
    pool.refreshTokens.set(refreshToken, { originJti, username: user.username, clientId: client.clientId, expiresAt });
    call.note({ kind: 'token-issued', summary: 'Refresh token issued: an opaque handle only the pool can read, used to get new ID and access tokens without the password.', tokenUse: 'refresh', expiresAt });
    result.RefreshToken = refreshToken;
  }
  return result;
}
