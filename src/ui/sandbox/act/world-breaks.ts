// "Break it" at the level of the world: small edits of the sandbox's WorldConfig that the store's setWorld
// validates and replays (remove one statement from the signed-in users' role, turn guest access off, a stricter
// password policy). Pure functions over plain data: each returns a new world and leaves the given one alone.
import type { WorldConfig } from '../../../sim/world/config';
import type { Statement } from '../../../sim/iam/types';

/** The password policy the "stricter" break sets: long, with every character class [V AWS: MinimumLength 6–99]. */
export const STRICT_PASSWORD_POLICY = {
  MinimumLength: 16,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
} as const;

export interface StatementRef {
  roleName: string;
  policyName: string;
  /** Index within the policy's statements. */
  index: number;
  /** A short description for a list: the Sid (or its position), effect and actions. */
  label: string;
}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The identity pool's role for signed-in users (the first identity pool's), if the world has one. */
export function authenticatedRoleName(world: WorldConfig): string | undefined {
  return world.identityPools[0]?.authenticatedRoleName;
}

function describeStatement(statement: Statement, index: number): string {
  const actions = asArray(statement.Action);
  const shown = actions.length > 3 ? `${actions.slice(0, 3).join(', ')}, …` : actions.join(', ');
  return `${statement.Sid ?? `Statement ${index + 1}`}: ${statement.Effect} ${shown || '(NotAction)'}`;
}

/** Every statement of the signed-in users' role, policy by policy, for the learner to pick one to remove. */
export function authenticatedRoleStatements(world: WorldConfig): StatementRef[] {
  const roleName = authenticatedRoleName(world);
  const role = world.roles.find((r) => r.name === roleName);
  if (!role || !roleName) return [];
  return role.policies.flatMap((policy) =>
    asArray(policy.document.Statement).map((statement, index) => ({
      roleName,
      policyName: policy.name,
      index,
      label: `${policy.name} › ${describeStatement(statement, index)}`,
    })),
  );
}

/** The world without one statement of a role's policy; a policy left with none is removed (IAM wants at least one). */
export function withoutStatement(world: WorldConfig, ref: Pick<StatementRef, 'roleName' | 'policyName' | 'index'>): WorldConfig {
  return {
    ...world,
    roles: world.roles.map((role) => {
      if (role.name !== ref.roleName) return role;
      const policies = role.policies.flatMap((policy) => {
        if (policy.name !== ref.policyName) return [policy];
        const statements = asArray(policy.document.Statement).filter((_, i) => i !== ref.index);
        return statements.length === 0 ? [] : [{ ...policy, document: { ...policy.document, Statement: statements } }];
      });
      return { ...role, policies };
    }),
  };
}

/** Whether the first identity pool lets guests (unauthenticated identities) in. */
export function guestAccessOn(world: WorldConfig): boolean {
  return world.identityPools[0]?.allowUnauthenticatedIdentities ?? false;
}

/** The world with the first identity pool's guest access set as given. */
export function withGuestAccess(world: WorldConfig, allow: boolean): WorldConfig {
  return { ...world, identityPools: world.identityPools.map((pool, i) => (i === 0 ? { ...pool, allowUnauthenticatedIdentities: allow } : pool)) };
}

/** Whether the first user pool's password policy is already at least as strict as STRICT_PASSWORD_POLICY. */
export function hasStrictPasswordPolicy(world: WorldConfig): boolean {
  const policy = world.userPools[0]?.passwordPolicy;
  if (!policy) return false;
  return (
    (policy.MinimumLength ?? 8) >= STRICT_PASSWORD_POLICY.MinimumLength &&
    policy.RequireUppercase !== false &&
    policy.RequireLowercase !== false &&
    policy.RequireNumbers !== false &&
    policy.RequireSymbols !== false
  );
}

/** The world with the first user pool's password policy made stricter (16 characters, every class). */
export function withStricterPasswordPolicy(world: WorldConfig): WorldConfig {
  return {
    ...world,
    userPools: world.userPools.map((pool, i) => (i === 0 ? { ...pool, passwordPolicy: { ...pool.passwordPolicy, ...STRICT_PASSWORD_POLICY } } : pool)),
  };
}
