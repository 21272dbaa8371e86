// The world's roles as IAM holds them: {{…}} ids filled in, an ARN, a role id (AROA…, which shows up in
// aws:userid as "{roleId}:{sessionName}") drawn from the seeded random source, and a session limit.
import { UPPER_ALPHANUMERIC, type Random } from '../core/random';
import type { RoleConfig } from '../world/config';
import { fillPlaceholders, type Placeholders } from '../world/placeholders';
import type { Role } from './types';

export const DEFAULT_MAX_SESSION_SECONDS = 3600;

export const roleArnOf = (accountId: string, roleName: string): string => `arn:aws:iam::${accountId}:role/${roleName}`;

export function buildRole(config: RoleConfig, ids: Placeholders, accountId: string, random: Random): Role {
  return {
    roleName: config.name,
    arn: roleArnOf(accountId, config.name),
    roleId: 'AROA' + random.string(UPPER_ALPHANUMERIC, 17),
    trustPolicy: fillPlaceholders(config.trustPolicy, ids),
    policies: fillPlaceholders(config.policies, ids),
    maxSessionDurationSeconds: config.maxSessionDuration ?? DEFAULT_MAX_SESSION_SECONDS,
  };
}

/** Roles by name, in the world's order. */
export function buildRoles(configs: readonly RoleConfig[], ids: Placeholders, accountId: string, random: Random): Map<string, Role> {
  return new Map(configs.map((config) => [config.name, buildRole(config, ids, accountId, random)]));
}
