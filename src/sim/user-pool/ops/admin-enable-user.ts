// AdminEnableUser: a disabled user may sign in again (tokens revoked while disabled stay revoked).
import { defineOperation } from '../env';
import { getPool } from '../lookup';
import { requireAdminUser } from '../user-type';
import { USERNAME, USER_POOL_ID } from './shapes';

export const adminEnableUser = defineOperation<{ UserPoolId: string; Username: string }, Record<string, never>>({
  name: 'AdminEnableUser',
  auth: 'sigv4',
  shape: { UserPoolId: USER_POOL_ID, Username: USERNAME },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    const user = requireAdminUser(pool, input.Username);
    user.enabled = true;
    user.lastModified = env.clock.now();
    call.note({ kind: 'user-changed', summary: `${user.username} is enabled and may sign in again.`, username: user.username, change: 'enabled' });
    return {};
  },
});
