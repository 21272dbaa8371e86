// The pre token generation trigger, version 1 event (V1_0, the Basic feature plan) [V COGDOC
// user-pool-lambda-pre-token-generation.md]: invoked before Cognito signs the tokens, with the user's attributes and
// group configuration; the response's claimsOverrideDetails changes the ID token:
// - claimsToAddOrOverride: claims to add or replace (strings in V1);
// - claimsToSuppress: claims to leave out ("If a value is both suppressed and replaced, then it will be suppressed");
// - groupOverrideDetails: replaces groupsToOverride / iamRolesToOverride / preferredRole, i.e. cognito:groups,
//   cognito:roles and cognito:preferred_role, in the ID token and cognito:groups in the access token too; "If you
//   provide an empty or null object in the response, then the groups are suppressed".
// "You can't modify the following claims": acr, amr, aud, at_hash, auth_time, azp, cognito:username, exp, iat,
// identities, iss, jti, nbf, nonce, origin_jti, sub, token_use, and developer claims with a dev: prefix [V COGDOC].
// [P] Cognito leaves them as they are and issues the tokens (as cognito-local does, aws-behaviour.md §2.2); the trace
// says which were ignored. [U] Group claims in claimsToAddOrOverride are ignored too: the guide sends them to
// groupOverrideDetails. The V1 event changes nothing else in the access token (V2_0 is not simulated).
import { utf8 } from '../../../lib/encoding';
import type { ServiceContext } from '../../core/router';
import type { UserPoolEnv } from '../env';
import type { User, UserPool } from '../model';
import { eventAttributes, withClientMetadata } from './event-attributes';
import { isObject, runTrigger, triggerFunction, unrecognizable, type Json } from './invoke';

export type TokenGenerationSource =
  | 'TokenGeneration_Authentication'
  | 'TokenGeneration_HostedAuth'
  | 'TokenGeneration_RefreshTokens'
  | 'TokenGeneration_NewPasswordChallenge'
  | 'TokenGeneration_AuthenticateDevice';

export const RESTRICTED_CLAIMS = new Set(['acr', 'amr', 'aud', 'at_hash', 'auth_time', 'azp', 'cognito:username', 'exp', 'iat', 'identities', 'iss', 'jti', 'nbf', 'nonce', 'origin_jti', 'sub', 'token_use']);
const GROUP_CLAIMS = new Set(['cognito:groups', 'cognito:roles', 'cognito:preferred_role']);

const restricted = (claim: string) => RESTRICTED_CLAIMS.has(claim) || claim.startsWith('dev:');

export interface GroupOverride {
  groups: string[];
  roles: string[];
  preferredRole: string | null;
}

export interface ClaimOverrides {
  add: Record<string, string>;
  suppress: string[];
  /** undefined: groups unchanged; null: groups suppressed. */
  groups?: GroupOverride | null;
}

const stringList = (value: unknown): string[] => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw unrecognizable();
  return value as string[];
};

function readOverrides(response: Json): { overrides: ClaimOverrides; changes: string[] } {
  const details = response.claimsOverrideDetails;
  const overrides: ClaimOverrides = { add: {}, suppress: [] };
  if (details === undefined || details === null) return { overrides, changes: ['no claimsOverrideDetails: the tokens are issued as they were'] };
  if (!isObject(details)) throw unrecognizable();
  const changes: string[] = [];
  const ignored: string[] = [];
  const add = details.claimsToAddOrOverride;
  if (add !== undefined && add !== null) {
    if (!isObject(add)) throw unrecognizable();
    for (const [claim, value] of Object.entries(add)) {
      if (typeof value !== 'string') throw unrecognizable();
      if (restricted(claim) || GROUP_CLAIMS.has(claim)) ignored.push(claim);
      else overrides.add[claim] = value;
    }
  }
  for (const claim of stringList(details.claimsToSuppress)) {
    if (restricted(claim)) ignored.push(claim);
    else overrides.suppress.push(claim);
  }
  if ('groupOverrideDetails' in details) {
    const group = details.groupOverrideDetails;
    if (group === null || (isObject(group) && Object.keys(group).length === 0)) overrides.groups = null;
    else if (isObject(group)) {
      const preferred = group.preferredRole;
      if (preferred !== undefined && preferred !== null && typeof preferred !== 'string') throw unrecognizable();
      overrides.groups = { groups: stringList(group.groupsToOverride), roles: stringList(group.iamRolesToOverride), preferredRole: preferred ?? null };
    } else throw unrecognizable();
  }
  for (const [claim, value] of Object.entries(overrides.add)) if (!overrides.suppress.includes(claim)) changes.push(`adds ${claim} = "${value}"`);
  for (const claim of overrides.suppress) changes.push(`suppresses ${claim}`);
  if (overrides.groups === null) changes.push('suppresses the groups');
  else if (overrides.groups) changes.push(`replaces the groups with [${overrides.groups.groups.join(', ')}]`);
  if (ignored.length > 0) changes.push(`ignores ${[...new Set(ignored)].join(', ')}: a trigger cannot change ${ignored.length === 1 ? 'that claim' : 'those claims'}`);
  return { overrides, changes };
}

/** Runs the pool's pre token generation trigger, if it has one; the changes to make to the claims. */
export async function preTokenGeneration(
  env: UserPoolEnv,
  call: ServiceContext,
  pool: UserPool,
  user: User,
  input: { triggerSource: TokenGenerationSource; clientId: string; groupClaims: Record<string, unknown>; clientMetadata?: Record<string, string> | undefined },
): Promise<ClaimOverrides | undefined> {
  if (!triggerFunction(pool, 'preTokenGeneration')) return undefined;
  const groups = input.groupClaims;
  return runTrigger(
    env,
    call,
    pool,
    {
      trigger: 'preTokenGeneration',
      triggerSource: input.triggerSource,
      userName: user.username,
      clientId: input.clientId,
      request: {
        userAttributes: eventAttributes(pool, user),
        groupConfiguration: {
          groupsToOverride: (groups['cognito:groups'] as string[] | undefined) ?? [],
          iamRolesToOverride: (groups['cognito:roles'] as string[] | undefined) ?? [],
          preferredRole: (groups['cognito:preferred_role'] as string | undefined) ?? null,
        },
        ...withClientMetadata(input.clientMetadata),
      },
      response: { claimsOverrideDetails: null },
    },
    (response) => {
      const { overrides, changes } = readOverrides(response);
      return { result: overrides, changes };
    },
  );
}

function setGroups(claims: Record<string, unknown>, groups: GroupOverride | null, idToken: boolean): void {
  for (const claim of idToken ? GROUP_CLAIMS : ['cognito:groups']) delete claims[claim];
  if (!groups) return;
  if (groups.groups.length > 0) claims['cognito:groups'] = [...groups.groups];
  if (!idToken) return;
  if (groups.roles.length > 0) claims['cognito:roles'] = [...groups.roles];
  if (groups.preferredRole !== null) claims['cognito:preferred_role'] = groups.preferredRole;
}

/** The ID token's claims after the trigger: groups replaced, claims added or replaced, then suppressed. */
export function applyToIdClaims(claims: Record<string, unknown>, overrides: ClaimOverrides | undefined): void {
  if (!overrides) return;
  if (overrides.groups !== undefined) setGroups(claims, overrides.groups, true);
  Object.assign(claims, overrides.add);
  for (const claim of overrides.suppress) delete claims[claim];
}

/** The access token's claims after a V1 trigger: only its cognito:groups follows groupOverrideDetails. */
export function applyToAccessClaims(claims: Record<string, unknown>, overrides: ClaimOverrides | undefined): void {
  if (overrides?.groups !== undefined) setGroups(claims, overrides.groups, false);
}

/** Which pre token generation event a token issuance is. */
export function tokenGenerationSource(call: ServiceContext, refresh: boolean): TokenGenerationSource {
  if (refresh) return 'TokenGeneration_RefreshTokens';
  // A temporary password replaced through NEW_PASSWORD_REQUIRED [V COGDOC trigger sources table].
  const target = call.headers.get('x-amz-target') ?? '';
  if (/RespondToAuthChallenge$/.test(target)) {
    try {
      const body = JSON.parse(utf8.decode(call.body)) as { ChallengeName?: unknown };
      if (body.ChallengeName === 'NEW_PASSWORD_REQUIRED') return 'TokenGeneration_NewPasswordChallenge';
    } catch {
      // Not JSON: an ordinary authentication.
    }
  }
  return 'TokenGeneration_Authentication';
}
