// Authenticating the self-service operations (GetUser, ChangePassword, …): the access token must be
// one this pool signed with its access-token key, unexpired, not revoked, for a user who still exists.
import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { AwsError } from '../core/errors';
import type { ServiceContext } from '../core/router';
import { issuerOf, type UserPoolEnv } from './env';
import { requireUserByUsername } from './lookup';
import type { User, UserPool } from './model';
import { ADMIN_SCOPE } from './tokens';

export interface AccessTokenClaims {
  sub: string;
  username: string;
  client_id: string;
  origin_jti?: string;
  scope: string;
  exp: number;
  iat: number;
  jti: string;
}

const invalid = () => new AwsError('NotAuthorizedException', 'Invalid Access Token');

export async function authenticateAccessToken(
  env: UserPoolEnv,
  call: ServiceContext,
  token: string,
  options: { requireAdminScope?: boolean } = {},
): Promise<{ pool: UserPool; user: User; claims: AccessTokenClaims }> {
  let header: { kid?: unknown };
  let payload: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token);
    payload = decodeJwt(token);
  } catch {
    call.note({ kind: 'token-checked', summary: 'The access token is not a well-formed JWT.', tokenUse: 'access', outcome: 'invalid', reason: 'malformed' });
    throw invalid();
  }
  const iss = typeof payload.iss === 'string' ? payload.iss : '';
  const pool = [...env.pools.values()].find((p) => issuerOf(env, p.id) === iss);
  const keys = pool && env.keys.get(pool.id);
  const key = keys && typeof header.kid === 'string' ? await keys.byKid(header.kid) : undefined;
  if (!pool || !key || key.kid !== keys!.accessKid || payload.token_use !== 'access') {
    call.note({ kind: 'token-checked', summary: 'The token was not issued as an access token by a pool of this account.', tokenUse: 'access', outcome: 'invalid', reason: 'issuer, key or token_use' });
    throw invalid();
  }
  try {
    await jwtVerify(token, key.publicKey, { issuer: iss, algorithms: ['RS256'], currentDate: new Date(env.clock.now()), clockTolerance: 0 });
  } catch (error) {
    const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
    call.note({ kind: 'token-checked', summary: expired ? 'The access token has expired.' : 'The access token signature does not verify.', tokenUse: 'access', outcome: expired ? 'expired' : 'invalid' });
    throw expired ? new AwsError('NotAuthorizedException', 'Access Token has expired') : invalid();
  }
  const claims = payload as unknown as AccessTokenClaims;
  const family = claims.origin_jti ? pool.tokenFamilies.get(claims.origin_jti) : undefined;
  // Tokens of clients without token revocation carry no origin_jti: a global sign-out covers those issued before it.
  // Client-credentials tokens name no user (no username claim).
  const signedOutAt = typeof claims.username === 'string' ? pool.users.get(claims.username.toLowerCase())?.globalSignOutAt : undefined;
  const beforeSignOut = !claims.origin_jti && signedOutAt !== undefined && claims.iat * 1000 <= signedOutAt;
  if (family?.revoked || beforeSignOut) {
    call.note({ kind: 'token-checked', summary: 'The access token is signed and unexpired, but its sign-in was revoked (global sign-out or token revocation).', tokenUse: 'access', outcome: 'revoked' });
    throw new AwsError('NotAuthorizedException', 'Access Token has been revoked');
  }
  if (options.requireAdminScope !== false && !claims.scope.split(' ').includes(ADMIN_SCOPE)) {
    call.note({ kind: 'token-checked', summary: `The access token lacks the ${ADMIN_SCOPE} scope that self-service operations need.`, tokenUse: 'access', outcome: 'invalid', reason: 'scope' });
    throw new AwsError('NotAuthorizedException', 'Access Token does not have required scopes');
  }
  const user = requireUserByUsername(pool, claims.username);
  if (user.sub !== claims.sub) throw new AwsError('UserNotFoundException', 'User does not exist.');
  if (!user.enabled) throw new AwsError('NotAuthorizedException', 'User is disabled.');
  call.note({ kind: 'token-checked', summary: `The access token is valid: signed by the pool, unexpired, not revoked, for user ${user.username}.`, tokenUse: 'access', outcome: 'valid' });
  return { pool, user, claims };
}
