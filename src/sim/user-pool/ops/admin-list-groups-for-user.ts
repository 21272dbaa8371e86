// AdminListGroupsForUser: the groups a user belongs to, a page at a time.
import { defineOperation } from '../env';
import { getPool } from '../lookup';
import { paginate } from '../pagination';
import { groupsOf, requireAdminUser, toGroupType, type GroupType } from '../user-type';
import { PAGINATION_KEY, pageSize } from './admin-shapes';
import { LIMIT, USERNAME, USER_POOL_ID } from './shapes';

interface Input {
  Username: string;
  UserPoolId: string;
  Limit?: number;
  NextToken?: string;
}

export const adminListGroupsForUser = defineOperation<Input, { Groups: GroupType[]; NextToken?: string }>({
  name: 'AdminListGroupsForUser',
  auth: 'sigv4',
  shape: { Username: USERNAME, UserPoolId: USER_POOL_ID, Limit: LIMIT(60), NextToken: PAGINATION_KEY },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    const user = requireAdminUser(pool, input.Username);
    const groups = groupsOf(pool, user);
    const page = paginate(groups, { limit: pageSize(input.Limit), token: input.NextToken, scope: `AdminListGroupsForUser ${pool.id} ${user.sub}`, requestId: call.requestId });
    call.note({ kind: 'info', summary: `${user.username} is in ${groups.length === 0 ? 'no group' : groups.map((g) => g.groupName).join(', ')}.` });
    return { Groups: page.items.map((g) => toGroupType(pool, g)), ...(page.next ? { NextToken: page.next } : {}) };
  },
});
