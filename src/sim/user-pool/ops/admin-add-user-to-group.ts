// AdminAddUserToGroup: membership shows in the user's next tokens (cognito:groups, and the group's role
// in cognito:roles / cognito:preferred_role); tokens already issued keep their old claims.
import { defineOperation } from '../env';
import { getPool, userKey } from '../lookup';
import { requireAdminUser, requireGroup } from '../user-type';
import { GROUP_NAME, USERNAME, USER_POOL_ID } from './shapes';

export const adminAddUserToGroup = defineOperation<{ UserPoolId: string; Username: string; GroupName: string }, Record<string, never>>({
  name: 'AdminAddUserToGroup',
  auth: 'sigv4',
  shape: { UserPoolId: USER_POOL_ID, Username: USERNAME, GroupName: GROUP_NAME },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    // [U] Which check AWS makes first when both the group and the user are missing.
    const group = requireGroup(pool, input.GroupName);
    const user = requireAdminUser(pool, input.Username);
    const key = userKey(user.username);
    const memberships = pool.memberships.get(key) ?? new Set<string>();
    memberships.add(group.groupName);
    pool.memberships.set(key, memberships);
    call.note({ kind: 'user-changed', summary: `${user.username} joined ${group.groupName}; tokens issued from now on list it in cognito:groups${group.roleArn ? ` and carry its role ${group.roleArn}` : ''}. Tokens already issued do not change.`, username: user.username, change: `added to group ${group.groupName}` });
    return {};
  },
});
