// REFRESH_TOKEN_AUTH: a refresh token the pool issued, for this client, unexpired and unrevoked, buys a
// new ID and access token from the same sign-in (same origin_jti and auth_time); no new refresh token.
import { AwsError } from '../core/errors';
import type { ServiceContext } from '../core/router';
import type { UserPoolEnv } from './env';
import type { AppClient, UserPool } from './model';
import { checkSecretHash } from './secret-hash';
import { issueTokens } from './tokens';
import type { InitiateAuthOutput } from './password-auth';

export async function refreshSignIn(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, params: Record<string, string | undefined>): Promise<InitiateAuthOutput> {
  const token = params.REFRESH_TOKEN;
  if (!token) throw new AwsError('InvalidParameterException', 'Missing required parameter REFRESH_TOKEN');
  const record = pool.refreshTokens.get(token);
  const reject = (outcome: 'invalid' | 'expired' | 'revoked', message: string, summary: string): never => {
    call.note({ kind: 'token-checked', summary, tokenUse: 'refresh', outcome });
    throw new AwsError('NotAuthorizedException', message);
  };
  if (!record || record.clientId !== client.clientId) {
    return reject('invalid', 'Invalid Refresh Token', 'The pool has no record of this refresh token for this app client.');
  }
  const user = pool.users.get(record.username.toLowerCase());
  await checkSecretHash(call, client, user?.username ?? record.username, params.SECRET_HASH);
  if (env.clock.now() >= record.expiresAt) return reject('expired', 'Refresh Token has expired', 'The refresh token has passed its validity period.');
  const family = pool.tokenFamilies.get(record.originJti);
  if (!family || family.revoked) return reject('revoked', 'Refresh Token has been revoked', 'The refresh token was revoked (global sign-out or RevokeToken).');
  if (!user) throw new AwsError('NotAuthorizedException', 'User does not exist.');
  if (!user.enabled) throw new AwsError('NotAuthorizedException', 'User is disabled.');
  call.note({ kind: 'token-checked', summary: 'The refresh token is known, unexpired and not revoked: new ID and access tokens are issued for the same sign-in.', tokenUse: 'refresh', outcome: 'valid' });
  const result = await issueTokens(env, call, pool, client, user, { authTime: family.authTime, originJti: family.originJti, withRefreshToken: false });
  return { AuthenticationResult: result, ChallengeParameters: {} };
}
