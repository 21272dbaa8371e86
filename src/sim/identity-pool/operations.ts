// The registry of cognito-identity operations: public ones (no SigV4) and signed administrator ones.
import type { Operation } from './env';
import { describeIdentityPool } from './ops/describe-identity-pool';
import { getCredentialsForIdentity } from './ops/get-credentials-for-identity';
import { getId } from './ops/get-id';
import { getIdentityPoolRoles } from './ops/get-identity-pool-roles';
import { getOpenIdToken } from './ops/get-open-id-token';
import { listIdentityPools } from './ops/list-identity-pools';

export const identityPoolOperations: ReadonlyMap<string, Operation<never>> = new Map(
  ([getId, getCredentialsForIdentity, getOpenIdToken, listIdentityPools, describeIdentityPool, getIdentityPoolRoles] as Operation<never>[]).map((op) => [op.name, op]),
);
