// AdminDeleteUser: the user, their group memberships and open sign-in sessions are gone; their refresh
// tokens stop working at once, and their access tokens fail on Cognito's APIs (the user no longer exists).
import { defineOperation } from '../env';
import { getPool, userKey } from '../lookup';
import { revokeAllForUser } from '../revocation';
import { requireAdminUser } from '../user-type';
import { USERNAME, USER_POOL_ID } from './shapes';

export const adminDeleteUser = defineOperation<{ UserPoolId: string; Username: string }, Record<string, never>>({
  name: 'AdminDeleteUser',
  auth: 'sigv4',
  shape: { UserPoolId: USER_POOL_ID, Username: USERNAME },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    const user = requireAdminUser(pool, input.Username);
    const key = userKey(user.username);
    revokeAllForUser(call, pool, user.username);
    pool.users.delete(key);
    pool.memberships.delete(key);
    for (const [id, session] of pool.sessions) if (userKey(session.username) === key) pool.sessions.delete(id);
    call.note({ kind: 'user-changed', summary: `The administrator deleted ${user.username} (sub ${user.sub}); the username is free again, but a new user with it gets a new sub.`, username: user.username, change: 'deleted' });
    return {};
  },
});
