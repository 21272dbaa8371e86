// AdminRemoveUserFromGroup: the user leaves the group; the next tokens no longer list it.
import { defineOperation } from '../env';
import { getPool, userKey } from '../lookup';
import { requireAdminUser, requireGroup } from '../user-type';
import { GROUP_NAME, USERNAME, USER_POOL_ID } from './shapes';

export const adminRemoveUserFromGroup = defineOperation<{ UserPoolId: string; Username: string; GroupName: string }, Record<string, never>>({
  name: 'AdminRemoveUserFromGroup',
  auth: 'sigv4',
  shape: { UserPoolId: USER_POOL_ID, Username: USERNAME, GroupName: GROUP_NAME },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    const group = requireGroup(pool, input.GroupName);
    const user = requireAdminUser(pool, input.Username);
    const memberships = pool.memberships.get(userKey(user.username));
    // [U] Removing a user who is not a member succeeds without change, as the other idempotent Admin* calls do.
    const wasMember = memberships?.delete(group.groupName) ?? false;
    call.note({
      kind: 'user-changed',
      summary: wasMember ? `${user.username} left ${group.groupName}; tokens issued from now on no longer list it.` : `${user.username} was not in ${group.groupName}; nothing changed.`,
      username: user.username,
      change: `removed from group ${group.groupName}`,
    });
    return {};
  },
});
