// AdminDisableUser: the user can no longer sign in or refresh, and all their access tokens are revoked;
// they still appear in ListUsers ("status" Disabled).
import { defineOperation } from '../env';
import { getPool } from '../lookup';
import { revokeAllForUser } from '../revocation';
import { requireAdminUser } from '../user-type';
import { USERNAME, USER_POOL_ID } from './shapes';

export const adminDisableUser = defineOperation<{ UserPoolId: string; Username: string }, Record<string, never>>({
  name: 'AdminDisableUser',
  auth: 'sigv4',
  shape: { UserPoolId: USER_POOL_ID, Username: USERNAME },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    const user = requireAdminUser(pool, input.Username);
    user.enabled = false;
    user.lastModified = env.clock.now();
    call.note({ kind: 'user-changed', summary: `${user.username} is disabled: sign-in now fails with "User is disabled."`, username: user.username, change: 'disabled' });
    revokeAllForUser(call, pool, user.username);
    return {};
  },
});
