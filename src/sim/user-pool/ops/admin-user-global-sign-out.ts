// AdminUserGlobalSignOut: every refresh token of the user is revoked, and their access tokens are
// refused by Cognito's APIs; the JWTs themselves still verify offline until they expire.
import { defineOperation } from '../env';
import { getPool } from '../lookup';
import { revokeAllForUser } from '../revocation';
import { requireAdminUser } from '../user-type';
import { USERNAME, USER_POOL_ID } from './shapes';

export const adminUserGlobalSignOut = defineOperation<{ UserPoolId: string; Username: string }, Record<string, never>>({
  name: 'AdminUserGlobalSignOut',
  auth: 'sigv4',
  shape: { UserPoolId: USER_POOL_ID, Username: USERNAME },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    const user = requireAdminUser(pool, input.Username);
    revokeAllForUser(call, pool, user.username);
    return {};
  },
});
