// Revoking tokens. GlobalSignOut (and the admin form) revokes every sign-in of a user; RevokeToken revokes
// one refresh token's sign-in. Access tokens of a revoked sign-in then fail on Cognito's own APIs with
// "Access Token has been revoked", though, being self-contained JWTs, they still verify offline until exp.
import type { ServiceContext } from '../core/router';
import type { UserPool } from './model';

export function revokeAllForUser(call: ServiceContext, pool: UserPool, username: string): number {
  const user = pool.users.get(username.toLowerCase());
  if (user) user.globalSignOutAt = call.now;
  let count = 0;
  for (const family of pool.tokenFamilies.values()) {
    if (family.username.toLowerCase() === username.toLowerCase() && !family.revoked) {
      family.revoked = true;
      count++;
    }
  }
  call.note({ kind: 'token-revoked', summary: `All of ${username}'s refresh tokens (${count} sign-in${count === 1 ? '' : 's'}) are revoked, and their access tokens no longer work on Cognito's APIs. ID and access tokens still verify offline until they expire.`, scope: 'all-user-tokens', username });
  return count;
}

export function revokeFamily(call: ServiceContext, pool: UserPool, originJti: string): void {
  const family = pool.tokenFamilies.get(originJti);
  if (!family || family.revoked) return;
  family.revoked = true;
  call.note({ kind: 'token-revoked', summary: `The refresh token of one sign-in by ${family.username} is revoked, with the access tokens issued from it.`, scope: 'refresh-token', username: family.username });
}
