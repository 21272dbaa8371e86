// ListIdentityPools (signed): the account's identity pools in this region, MaxResults at a time.
import { AwsError } from '../../core/errors';
import { defineOperation } from '../env';
import { MAX_RESULTS, NEXT_TOKEN } from './shapes';

interface Output {
  IdentityPools: { IdentityPoolId: string; IdentityPoolName: string }[];
  NextToken?: string;
}

export const listIdentityPools = defineOperation<{ MaxResults: number; NextToken?: string }, Output>({
  name: 'ListIdentityPools',
  auth: 'sigv4',
  shape: { MaxResults: MAX_RESULTS, NextToken: NEXT_TOKEN },
  resource: () => '*',
  async run(env, input, call) {
    const pools = [...env.pools.values()];
    // The token is the id of the next pool to list (opaque to callers).
    const start = input.NextToken === undefined ? 0 : pools.findIndex((p) => p.id === input.NextToken);
    // [U] AWS's wording for a token it did not issue.
    if (start < 0) throw new AwsError('InvalidParameterException', 'Invalid pagination token.');
    const page = pools.slice(start, start + input.MaxResults);
    const next = pools[start + input.MaxResults];
    call.note({ kind: 'info', summary: `The administrator listed ${page.length} of the account's ${pools.length} identity pools.` });
    return { IdentityPools: page.map((p) => ({ IdentityPoolId: p.id, IdentityPoolName: p.name })), ...(next ? { NextToken: next.id } : {}) };
  },
});
