// ListUserPools: the account's user pools in this region, a page at a time (MaxResults is required).
import { defineOperation } from '../env';
import { paginate } from '../pagination';
import { toUserPoolDescription } from '../pool-description';
import { MAX_RESULTS, PAGINATION_KEY_TYPE } from './admin-shapes';

interface Input {
  NextToken?: string;
  MaxResults: number;
}

export const listUserPools = defineOperation<Input, { UserPools: ReturnType<typeof toUserPoolDescription>[]; NextToken?: string }>({
  name: 'ListUserPools',
  auth: 'sigv4',
  shape: { NextToken: PAGINATION_KEY_TYPE, MaxResults: { ...MAX_RESULTS, required: true } },
  async run(env, input, call) {
    const pools = [...env.pools.values()];
    const page = paginate(pools, { limit: input.MaxResults, token: input.NextToken, scope: 'ListUserPools', requestId: call.requestId });
    call.note({ kind: 'info', summary: `The account has ${pools.length} user pool${pools.length === 1 ? '' : 's'} in ${env.region}; this page lists ${page.items.length}.` });
    return { UserPools: page.items.map(toUserPoolDescription), ...(page.next ? { NextToken: page.next } : {}) };
  },
});
