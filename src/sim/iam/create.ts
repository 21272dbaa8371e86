// The account's IAM: roles built from the world, and the authorizer every signed request goes through.
// The administrator holds AdministratorAccess; a role session holds its role's permission policies,
// narrowed by the session's own policies, with the global condition keys AWS adds to every request.
import type { CredentialRecord } from '../core/credentials';
import type { Random } from '../core/random';
import type { RoleConfig } from '../world/config';
import type { Placeholders } from '../world/placeholders';
import { mergeContexts, type RequestContext } from './context';
import { evaluate } from './evaluate';
import { accessDeniedMessage, summarize } from './explain';
import type { AuthorizeResult, Iam } from './iam';
import { buildRoles } from './roles';
import type { Evaluation, NamedPolicy, Role } from './types';

/** The AWS managed policy arn:aws:iam::aws:policy/AdministratorAccess. */
export const ADMINISTRATOR_ACCESS: NamedPolicy = {
  name: 'AdministratorAccess',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};

export interface IamConfig {
  roles: RoleConfig[];
  /** Ids for the {{…}} placeholders in the roles' policies. */
  ids: Placeholders;
  accountId: string;
  random: Random;
}

/** aws:CurrentTime (ISO-8601, whole seconds) and aws:EpochTime (seconds) at virtual time `now`. */
export function timeKeys(now: number): RequestContext {
  return { 'aws:CurrentTime': new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'), 'aws:EpochTime': String(Math.floor(now / 1000)) };
}

const sessionPolicyNames = (count: number, i: number) => (count === 1 ? 'session policy' : `session policy ${i + 1}`);

/** What the caller brings: its identity policies, session policies and the principal's global keys. */
function callerPolicies(caller: CredentialRecord, roleByArn: (arn: string) => Role | undefined): { identity: NamedPolicy[]; session: NamedPolicy[]; keys: RequestContext } {
  if (caller.isAdministrator) {
    const username = /:user\/(?:.*\/)?([^/]+)$/.exec(caller.principalArn)?.[1];
    return { identity: [ADMINISTRATOR_ACCESS], session: [], keys: { 'aws:PrincipalArn': caller.principalArn, 'aws:PrincipalType': 'User', ...(username ? { 'aws:username': username } : {}) } };
  }
  const session = caller.session;
  if (session) {
    const role = roleByArn(session.roleArn);
    const policies = session.sessionPolicies.map((document, i, all) => ({ name: sessionPolicyNames(all.length, i), document }));
    return {
      identity: role?.policies ?? [],
      session: policies,
      // aws:username is not present for assumed-role sessions (IAM's principal key table).
      keys: { ...session.context, 'aws:PrincipalArn': session.roleArn, 'aws:PrincipalType': 'AssumedRole', 'aws:userid': `${role?.roleId ?? session.roleName}:${session.sessionName}`, 'aws:username': undefined },
    };
  }
  return { identity: [], session: [], keys: { 'aws:PrincipalArn': caller.principalArn } };
}

export function createIam(config: IamConfig): Iam {
  const roles = buildRoles(config.roles, config.ids, config.accountId, config.random);
  const byArn = new Map([...roles.values()].map((role) => [role.arn, role]));
  const roleByArn = (arn: string) => byArn.get(arn);

  return {
    roles,
    roleByArn,
    authorize(caller, request, now): AuthorizeResult {
      const { identity, session, keys } = callerPolicies(caller, roleByArn);
      const context = mergeContexts(request.context, keys, timeKeys(now));
      const evaluation = evaluate({ identityPolicies: identity, sessionPolicies: session, request: { action: request.action, resource: request.resource, context } });
      const allowed = evaluation.decision === 'Allow';
      return {
        allowed,
        evaluation,
        ...(allowed ? {} : { message: accessDeniedMessage(caller.principalArn, evaluation) }),
        note: { kind: 'policy', summary: summarize(evaluation), evaluation, principalArn: caller.principalArn },
      };
    },
    evaluateTrust(role, request, now): Evaluation {
      const context = mergeContexts(request.context, timeKeys(now));
      return evaluate({ identityPolicies: [], trustPolicy: { name: `${role.roleName} trust policy`, document: role.trustPolicy }, request: { ...request, context } });
    },
  };
}
