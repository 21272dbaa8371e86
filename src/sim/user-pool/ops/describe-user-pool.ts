// DescribeUserPool: a pool's whole configuration (policies, sign-in attributes, MFA, recovery, domain…).
import { defineOperation } from '../env';
import { getPool } from '../lookup';
import { toUserPoolType } from '../pool-description';
import { USER_POOL_ID } from './shapes';

export const describeUserPool = defineOperation<{ UserPoolId: string }, { UserPool: ReturnType<typeof toUserPoolType> }>({
  name: 'DescribeUserPool',
  auth: 'sigv4',
  shape: { UserPoolId: USER_POOL_ID },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    call.note({ kind: 'info', summary: `The administrator read the configuration of ${pool.name} (${pool.users.size} users).` });
    return { UserPool: toUserPoolType(pool) };
  },
});
