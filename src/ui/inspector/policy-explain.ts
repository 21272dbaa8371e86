// IAM's explanation in words: the decision as text (never colour alone), which statements decided it,
// and each condition as one line with the policy variables shown beside the values they became.
import type { ConditionExplanation, Decision, Evaluation, StatementExplanation } from '../../sim/iam/types';

export const DECISION_WORDS: Record<Decision, string> = {
  Allow: 'Allowed',
  ExplicitDeny: 'Explicitly denied',
  ImplicitDeny: 'Implicitly denied',
};

export const DECISION_MEANING: Record<Decision, string> = {
  Allow: 'A statement allows the request and none denies it.',
  ExplicitDeny: 'A Deny statement applies, and an explicit deny always wins over any allow.',
  ImplicitDeny: 'No Deny applies, but nothing allows the request either (every policy that must allow it), so IAM denies it by default.',
};

/** For an implicit deny, where the missing Allow should have been. */
export const MISSING_ALLOW_WORDS: Record<NonNullable<Evaluation['missingAllow']>, string> = {
  identity: 'no identity policy of the role allows the request',
  session: 'the role allows it, but no session policy does (session policies only narrow what a role may do)',
  trust: 'no statement of the role’s trust policy allows this principal to assume it',
};

export const POLICY_TYPE_WORDS: Record<StatementExplanation['policyType'], string> = {
  identity: 'identity policy',
  session: 'session policy',
  trust: 'trust policy',
};

/** The statement that decided, by position in `statements`: the evaluator's own pick when it recorded one
 *  (the first applying Deny, or the Allow that granted), else the first applying statement of the deciding
 *  effect. None for an implicit deny. */
export function decidingStatement(evaluation: Evaluation): number | undefined {
  if (evaluation.decision === 'ImplicitDeny') return undefined;
  const picked = evaluation.decidingStatement;
  if (picked) {
    const at = evaluation.statements.findIndex((s) => s === picked || (s.policyName === picked.policyName && s.policyType === picked.policyType && s.index === picked.index));
    if (at >= 0) return at;
  }
  const effect = evaluation.decision === 'ExplicitDeny' ? 'Deny' : 'Allow';
  const first = evaluation.statements.findIndex((s) => s.applies && s.effect === effect);
  return first >= 0 ? first : undefined;
}

/**
 * A policy value with the variables it came from: "${cognito-identity.amazonaws.com:sub} → us-east-1:1f…".
 * Evaluations that do not record the values as written get the variables put back where their values
 * appear (longest values first, so a region inside an identity id is not mistaken for the region variable).
 */
export function withVariables(value: string, substitutions: Record<string, string>): string {
  let original = value;
  const byLength = Object.entries(substitutions)
    .filter(([, v]) => v !== '')
    .sort(([, a], [, b]) => b.length - a.length);
  for (const [variable, replaced] of byLength) original = original.split(replaced).join(variable);
  return original === value ? value : `${original} → ${value}`;
}

/** "[a, b]", or "(absent)" when the request does not carry the key. */
export function formatValues(values: readonly string[] | undefined): string {
  return values === undefined ? '(absent)' : `[${values.join(', ')}]`;
}

/** "ForAllValues:StringEquals dynamodb:LeadingKeys: request [a] vs policy [${…} → us-east-1:…]" (the ✓/✗ is shown beside it). */
export function conditionLine(condition: ConditionExplanation, substitutions: Record<string, string>): string {
  const policy = condition.policyValues.map((value, i) => {
    if (!condition.writtenValues) return withVariables(value, substitutions);
    const written = condition.writtenValues[i];
    return written !== undefined && written !== value ? `${written} → ${value}` : value;
  });
  return `${condition.operator} ${condition.key}: request ${formatValues(condition.requestValues)} vs policy [${policy.join(', ')}]`;
}

/** Every variable substituted in any statement, once: [["${cognito-identity.amazonaws.com:sub}", "us-east-1:…"]]. */
export function allSubstitutions(evaluation: Evaluation): [string, string][] {
  const seen = new Map<string, string>();
  for (const s of evaluation.statements) for (const [k, v] of Object.entries(s.substitutions)) if (!seen.has(k)) seen.set(k, v);
  return [...seen];
}

/** A request context value as text: lists as "[a, b]", an absent key as "(absent)". */
export function contextValue(value: string | string[] | undefined): string {
  return Array.isArray(value) ? formatValues(value) : (value ?? '(absent)');
}
