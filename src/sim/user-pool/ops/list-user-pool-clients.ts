// ListUserPoolClients: the app clients of a pool (id and name only; DescribeUserPoolClient has the rest).
import { defineOperation } from '../env';
import { getPool } from '../lookup';
import { paginate } from '../pagination';
import { toClientDescription } from '../pool-description';
import { MAX_RESULTS, PAGINATION_KEY, pageSize } from './admin-shapes';
import { USER_POOL_ID } from './shapes';

interface Input {
  UserPoolId: string;
  MaxResults?: number;
  NextToken?: string;
}

export const listUserPoolClients = defineOperation<Input, { UserPoolClients: ReturnType<typeof toClientDescription>[]; NextToken?: string }>({
  name: 'ListUserPoolClients',
  auth: 'sigv4',
  shape: { UserPoolId: USER_POOL_ID, MaxResults: MAX_RESULTS, NextToken: PAGINATION_KEY },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    const clients = [...pool.clients.values()];
    const page = paginate(clients, { limit: pageSize(input.MaxResults), token: input.NextToken, scope: `ListUserPoolClients ${pool.id}`, requestId: call.requestId });
    call.note({ kind: 'info', summary: `${pool.name} has ${clients.length} app client${clients.length === 1 ? '' : 's'}.` });
    return { UserPoolClients: page.items.map((c) => toClientDescription(pool, c)), ...(page.next ? { NextToken: page.next } : {}) };
  },
});
