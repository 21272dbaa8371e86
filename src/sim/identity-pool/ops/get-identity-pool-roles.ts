// GetIdentityPoolRoles (signed): the pool's authenticated and unauthenticated roles and its role mappings.
import { defineOperation, identityPoolArn } from '../env';
import { getPool } from '../identities';
import type { RoleMapping } from '../model';
import { IDENTITY_POOL_ID } from './shapes';

interface Output {
  IdentityPoolId: string;
  Roles: Record<string, string>;
  RoleMappings?: Record<string, RoleMapping>;
}

export const getIdentityPoolRoles = defineOperation<{ IdentityPoolId: string }, Output>({
  name: 'GetIdentityPoolRoles',
  auth: 'sigv4',
  shape: { IdentityPoolId: IDENTITY_POOL_ID },
  resource: (env, input) => identityPoolArn(env, input.IdentityPoolId),
  async run(env, input, call) {
    const pool = getPool(env, input.IdentityPoolId);
    const roles = Object.fromEntries(Object.entries(pool.roles).filter(([, arn]) => arn !== undefined)) as Record<string, string>;
    const mappings = Object.keys(pool.roleMappings).length > 0 ? { RoleMappings: structuredClone(pool.roleMappings) } : {};
    call.note({ kind: 'info', summary: `The administrator read the roles of ${pool.name}: ${Object.entries(roles).map(([k, v]) => `${k} → ${v}`).join(', ')}.` });
    return { IdentityPoolId: pool.id, Roles: roles, ...mappings };
  },
});
