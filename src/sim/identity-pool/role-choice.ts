// Which role an identity's credentials are for (COGDOC role-based-access-control.md): guests get the
// unauthenticated role; signed-in users get the authenticated role unless their provider has a role mapping.
// Token mapping: CustomRoleArn if it is in cognito:roles (else deny), then cognito:preferred_role, then the
// AmbiguousRoleResolution. Rules mapping: the first rule whose claim matches (NotEqual skips a missing claim),
// CustomRoleArn overriding the order among matching rules, then the AmbiguousRoleResolution.
import type { Note } from '../core/trace-types';
import { identityPoolErrors as errors } from './errors';
import type { IdentityPool, RoleMapping, RoleMappingRule } from './model';
import type { VerifiedLogin } from './providers/registry';

export interface RoleChoice {
  roleArn: string;
  how: Extract<Note, { kind: 'role-chosen' }>['how'];
  summary: string;
}

function claimValues(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  // cognito:roles and cognito:groups are arrays in ID tokens (comma-separated strings elsewhere).
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

export function ruleMatches(rule: RoleMappingRule, claims: Record<string, unknown>): boolean {
  const values = claimValues(claims[rule.Claim]);
  if (values === undefined) return false;
  switch (rule.MatchType) {
    case 'Equals':
      return values.includes(rule.Value);
    case 'Contains':
      return values.some((v) => v.includes(rule.Value));
    case 'StartsWith':
      return values.some((v) => v.startsWith(rule.Value));
    case 'NotEqual':
      return values.every((v) => v !== rule.Value);
  }
}

function ambiguous(pool: IdentityPool, mapping: RoleMapping, provider: string, why: string): RoleChoice {
  if (mapping.AmbiguousRoleResolution === 'Deny') throw errors.ambiguousDenied(provider);
  if (!pool.roles.authenticated) throw errors.invalidConfiguration();
  return { roleArn: pool.roles.authenticated, how: 'authenticated-role', summary: `${why}, so the role resolution setting (AuthenticatedRole) gives the pool's authenticated role.` };
}

export function chooseRole(pool: IdentityPool, logins: VerifiedLogin[], customRoleArn?: string): RoleChoice {
  if (logins.length === 0) {
    if (!pool.roles.unauthenticated) throw errors.invalidConfiguration();
    return { roleArn: pool.roles.unauthenticated, how: 'unauthenticated-role', summary: 'A guest (no logins) gets the identity pool\'s unauthenticated role.' };
  }
  // [U] With several logins, the first one whose provider has a role mapping decides.
  const login = logins.find((l) => pool.roleMappings[l.roleMappingKey]) ?? logins[0]!;
  const mapping = pool.roleMappings[login.roleMappingKey];
  if (!mapping) {
    // [U] Without a role mapping AWS documents no use of CustomRoleArn; only the default role is accepted here.
    if (customRoleArn !== undefined && customRoleArn !== pool.roles.authenticated) throw errors.customRoleDenied(customRoleArn);
    if (!pool.roles.authenticated) throw errors.invalidConfiguration();
    return { roleArn: pool.roles.authenticated, how: 'authenticated-role', summary: `${login.provider} has no role mapping, so a signed-in user gets the pool's authenticated role.` };
  }
  if (mapping.Type === 'Token') {
    const roles = claimValues(login.claims['cognito:roles']) ?? [];
    const preferred = login.claims['cognito:preferred_role'];
    if (customRoleArn !== undefined) {
      if (!roles.includes(customRoleArn)) throw errors.customRoleDenied(customRoleArn);
      return { roleArn: customRoleArn, how: 'token-custom-role', summary: `The app asked for ${customRoleArn} (CustomRoleArn), and the token's cognito:roles includes it.` };
    }
    if (typeof preferred === 'string') {
      return { roleArn: preferred, how: 'token-preferred-role', summary: `Role from the token: cognito:preferred_role is ${preferred} (the role of the user's group with the lowest precedence).` };
    }
    return ambiguous(pool, mapping, login.roleMappingKey, roles.length > 0 ? 'The token lists several roles but no preferred one' : 'The token carries no role (the user is in no group with a role)');
  }
  const rules = mapping.RulesConfiguration?.Rules ?? [];
  const matching = rules.filter((rule) => ruleMatches(rule, login.claims));
  if (customRoleArn !== undefined) {
    if (!matching.some((r) => r.RoleARN === customRoleArn)) throw errors.customRoleDenied(customRoleArn);
    return { roleArn: customRoleArn, how: 'rules', summary: `The app asked for ${customRoleArn} (CustomRoleArn), the role of a rule that matches the token.` };
  }
  const first = matching[0];
  if (first) {
    const index = rules.indexOf(first) + 1;
    return { roleArn: first.RoleARN, how: 'rules', summary: `Rule ${index} matches (${first.Claim} ${first.MatchType} "${first.Value}"), the first that does, so its role ${first.RoleARN} is chosen.` };
  }
  return ambiguous(pool, mapping, login.roleMappingKey, 'No rule matches the token\'s claims');
}
