// DescribeIdentityPool (signed): a pool's configuration: guests, classic flow, and its login providers.
import { defineOperation, identityPoolArn } from '../env';
import { getPool } from '../identities';
import type { IdentityPool } from '../model';
import { IDENTITY_POOL_ID } from './shapes';

export function toIdentityPoolType(pool: IdentityPool) {
  return {
    IdentityPoolId: pool.id,
    IdentityPoolName: pool.name,
    AllowUnauthenticatedIdentities: pool.allowUnauthenticated,
    AllowClassicFlow: pool.allowClassicFlow,
    ...(Object.keys(pool.supportedLoginProviders).length > 0 ? { SupportedLoginProviders: { ...pool.supportedLoginProviders } } : {}),
    ...(pool.cognitoProviders.length > 0 ? { CognitoIdentityProviders: pool.cognitoProviders.map((p) => ({ ...p })) } : {}),
    ...(pool.openIdConnectProviderArns.length > 0 ? { OpenIdConnectProviderARNs: [...pool.openIdConnectProviderArns] } : {}),
    ...(pool.samlProviderArns.length > 0 ? { SamlProviderARNs: [...pool.samlProviderArns] } : {}),
    IdentityPoolTags: {},
  };
}

export const describeIdentityPool = defineOperation<{ IdentityPoolId: string }, ReturnType<typeof toIdentityPoolType>>({
  name: 'DescribeIdentityPool',
  auth: 'sigv4',
  shape: { IdentityPoolId: IDENTITY_POOL_ID },
  resource: (env, input) => identityPoolArn(env, input.IdentityPoolId),
  async run(env, input, call) {
    const pool = getPool(env, input.IdentityPoolId);
    call.note({ kind: 'info', summary: `The administrator read the configuration of ${pool.name} (${pool.identities.size} identities).` });
    return toIdentityPoolType(pool);
  },
});
