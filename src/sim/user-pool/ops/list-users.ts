// ListUsers: the pool's users, optionally narrowed by one Filter on a searchable attribute
// (list-users-filter.ts), with only the AttributesToGet, 60 at most per page.
import { defineOperation } from '../env';
import { describeFilter, parseUserFilter, selectUsers } from '../list-users-filter';
import { getPool } from '../lookup';
import { paginate } from '../pagination';
import { toUserType, type UserType } from '../user-type';
import { ATTRIBUTE_NAME, pageSize } from './admin-shapes';
import { LIMIT, PAGINATION_TOKEN, USER_POOL_ID } from './shapes';

interface Input {
  UserPoolId: string;
  AttributesToGet?: string[];
  Limit?: number;
  PaginationToken?: string;
  Filter?: string;
}

export const listUsers = defineOperation<Input, { Users: UserType[]; PaginationToken?: string }>({
  name: 'ListUsers',
  auth: 'sigv4',
  shape: {
    UserPoolId: USER_POOL_ID,
    AttributesToGet: { type: 'list', of: ATTRIBUTE_NAME },
    Limit: LIMIT(60),
    PaginationToken: PAGINATION_TOKEN,
    Filter: { type: 'string', max: 256 },
  },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    const filter = parseUserFilter(input.Filter);
    const users = selectUsers(pool.users.values(), filter);
    const scope = `ListUsers ${pool.id} ${filter ? `${filter.attribute}${filter.operator}${filter.value}` : ''}`;
    const page = paginate(users, { limit: pageSize(input.Limit), token: input.PaginationToken, scope, requestId: call.requestId });
    call.note({
      kind: 'info',
      summary: filter
        ? `${users.length} of ${pool.users.size} users match: ${describeFilter(filter)}; sorted by ${filter.attribute}.`
        : `No filter: all ${pool.users.size} users of ${pool.name}.`,
    });
    return {
      Users: page.items.map((u) => toUserType(u, input.AttributesToGet)),
      ...(page.next ? { PaginationToken: page.next } : {}),
    };
  },
});
