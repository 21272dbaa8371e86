// DescribeUserPoolClient: an app client's settings, including its secret, which only this signed
// administrator call reveals.
import { defineOperation } from '../env';
import { getClientOfPool, getPool } from '../lookup';
import { toUserPoolClientType } from '../pool-description';
import { CLIENT_ID, USER_POOL_ID } from './shapes';

export const describeUserPoolClient = defineOperation<{ UserPoolId: string; ClientId: string }, { UserPoolClient: ReturnType<typeof toUserPoolClientType> }>({
  name: 'DescribeUserPoolClient',
  auth: 'sigv4',
  shape: { UserPoolId: USER_POOL_ID, ClientId: CLIENT_ID },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    const client = getClientOfPool(pool, input.ClientId);
    call.note({
      kind: 'info',
      summary: `App client ${client.clientName} ${client.clientSecret ? 'has a client secret (returned here, to the administrator only)' : 'is public: it has no secret'}; allowed flows: ${client.explicitAuthFlows.join(', ') || 'none'}.`,
    });
    return { UserPoolClient: toUserPoolClientType(pool, client) };
  },
});
