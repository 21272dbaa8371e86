// IAM's decision for one request, with its reasons: an explicit Deny in any policy wins; otherwise the
// request is allowed only if an identity policy allows it and, when the session has session policies, one
// of those allows it too (they narrow a role, never widen it); or if a trust policy allows it. Else it is
// implicitly denied. Every statement of every policy is explained, not only the deciding one.
import { evaluateConditions } from './conditions';
import { lookupOf, type ContextLookup } from './context';
import { reasonFor } from './explain';
import { statementActionMatches, statementPrincipalMatches, statementResourceMatches } from './match';
import type { AuthorizationRequest, Evaluation, NamedPolicy, Statement, StatementExplanation } from './types';

export interface EvaluateInput {
  /** The principal's permission policies (a role's, or AdministratorAccess). */
  identityPolicies: readonly NamedPolicy[];
  /** Policies passed when the session was created; absent or empty: no session policy. */
  sessionPolicies?: readonly NamedPolicy[];
  /** A role's trust policy, for role assumption (a resource-based policy with Principal). */
  trustPolicy?: NamedPolicy;
  request: AuthorizationRequest;
}

type PolicyType = StatementExplanation['policyType'];

/** A policy's statements (one or a list; anything that is not an object, from an edited world, is skipped). */
export const statementsOf = (policy: NamedPolicy): Statement[] => {
  const s: unknown = policy.document?.Statement;
  return (Array.isArray(s) ? s : [s]).filter((x): x is Statement => typeof x === 'object' && x !== null);
};

export function explainStatement(statement: Statement, index: number, policy: NamedPolicy, policyType: PolicyType, request: AuthorizationRequest, context: ContextLookup): StatementExplanation {
  const variables = policy.document.Version === '2012-10-17';
  const substitutions: Record<string, string> = {};
  const unresolved: string[] = [];
  const actionMatched = statementActionMatches(statement, request.action);
  const resourceMatched = statementResourceMatches(statement, request.resource, variables, context, substitutions, unresolved, policyType === 'trust');
  const principalMatched = policyType === 'trust' ? statementPrincipalMatches(statement, request.principal) : undefined;
  const conditions = evaluateConditions(statement.Condition, context, variables, substitutions, unresolved);
  return {
    policyName: policy.name,
    policyType,
    index,
    ...(statement.Sid !== undefined ? { sid: statement.Sid } : {}),
    effect: statement.Effect,
    actionMatched,
    resourceMatched,
    ...(principalMatched !== undefined ? { principalMatched } : {}),
    conditions,
    applies: actionMatched && resourceMatched && principalMatched !== false && conditions.every((c) => c.matched),
    substitutions,
    ...(unresolved.length ? { unresolved } : {}),
  };
}

function explainPolicies(policies: readonly NamedPolicy[], policyType: PolicyType, request: AuthorizationRequest, context: ContextLookup): StatementExplanation[] {
  return policies.flatMap((policy) => statementsOf(policy).map((statement, index) => explainStatement(statement, index, policy, policyType, request, context)));
}

const firstApplying = (statements: readonly StatementExplanation[], effect: 'Allow' | 'Deny') => statements.find((s) => s.applies && s.effect === effect);

export function evaluate(input: EvaluateInput): Evaluation {
  const { request } = input;
  const context = lookupOf(request.context);
  const identity = explainPolicies(input.identityPolicies, 'identity', request, context);
  const session = explainPolicies(input.sessionPolicies ?? [], 'session', request, context);
  const trust = input.trustPolicy ? explainPolicies([input.trustPolicy], 'trust', request, context) : [];
  const statements = [...identity, ...session, ...trust];
  const hasSession = (input.sessionPolicies ?? []).length > 0;

  const deny = firstApplying(statements, 'Deny');
  if (deny) return finish('ExplicitDeny', statements, request, deny);
  const trustAllow = firstApplying(trust, 'Allow');
  if (trustAllow) return finish('Allow', statements, request, trustAllow);
  const identityAllow = firstApplying(identity, 'Allow');
  const sessionAllow = firstApplying(session, 'Allow');
  if (identityAllow && (!hasSession || sessionAllow)) return finish('Allow', statements, request, identityAllow);
  const missingAllow = input.trustPolicy && input.identityPolicies.length === 0 ? 'trust' : identityAllow ? 'session' : 'identity';
  return finish('ImplicitDeny', statements, request, undefined, missingAllow);
}

function finish(decision: Evaluation['decision'], statements: StatementExplanation[], request: AuthorizationRequest, decidingStatement?: StatementExplanation, missingAllow?: Evaluation['missingAllow']): Evaluation {
  const evaluation: Evaluation = {
    decision,
    reason: '',
    statements,
    request,
    ...(decidingStatement ? { decidingStatement } : {}),
    ...(missingAllow ? { missingAllow } : {}),
  };
  evaluation.reason = reasonFor(evaluation);
  return evaluation;
}
