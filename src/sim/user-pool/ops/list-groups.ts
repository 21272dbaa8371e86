// ListGroups: a pool's groups with their roles and precedence, a page at a time.
import { defineOperation } from '../env';
import { getPool } from '../lookup';
import { paginate } from '../pagination';
import { toGroupType, type GroupType } from '../user-type';
import { PAGINATION_KEY, pageSize } from './admin-shapes';
import { LIMIT, USER_POOL_ID } from './shapes';

export const listGroups = defineOperation<{ UserPoolId: string; Limit?: number; NextToken?: string }, { Groups: GroupType[]; NextToken?: string }>({
  name: 'ListGroups',
  auth: 'sigv4',
  shape: { UserPoolId: USER_POOL_ID, Limit: LIMIT(60), NextToken: PAGINATION_KEY },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    const groups = [...pool.groups.values()];
    const page = paginate(groups, { limit: pageSize(input.Limit), token: input.NextToken, scope: `ListGroups ${pool.id}`, requestId: call.requestId });
    call.note({ kind: 'info', summary: `${pool.name} has ${groups.length} group${groups.length === 1 ? '' : 's'}.` });
    return { Groups: page.items.map((g) => toGroupType(pool, g)), ...(page.next ? { NextToken: page.next } : {}) };
  },
});
