// Evaluations in plain words: the reason stored on the Evaluation, the summary of the trace's 'policy'
// note, and AWS's AccessDenied message ("… because no identity-based policy allows the … action").
import type { ConditionExplanation, Evaluation, StatementExplanation } from './types';

const POLICY_KIND = { identity: 'identity-based policy', session: 'session policy', trust: 'resource-based policy' } as const;

/** How ./conditions.ts words a value whose variable could not be resolved. */
export const NO_VALUE = 'no value in the request for';

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "statement OwnItemsOnly of NotesOwnerOnly" (its Sid, else its number, counted from 1). */
export const statementName = (s: StatementExplanation): string => `statement ${s.sid ?? s.index + 1} of ${s.policyName}`;
/** "statement 1 (OwnItemsOnly) of NotesOwnerOnly": number, Sid and policy, for the Evaluation's reason. */
export const fullStatementName = (s: StatementExplanation): string => `statement ${s.index + 1}${s.sid !== undefined ? ` (${s.sid})` : ''} of ${s.policyName}`;

const VERBS: [RegExp, string][] = [
  [/notequalsignorecase$/, 'not equal (ignoring case) to'],
  [/equalsignorecase$/, 'equal (ignoring case) to'],
  [/notequals$/, 'not equal to'],
  [/lessthanequals$/, 'at most'],
  [/greaterthanequals$/, 'at least'],
  [/lessthan$/, 'less than'],
  [/greaterthan$/, 'greater than'],
  [/notlike$/, 'not like'],
  [/like$/, 'like'],
  [/notipaddress$/, 'outside'],
  [/ipaddress$/, 'inside'],
  [/^null$/, 'absent:'],
];

function verbOf(operator: string): string {
  const base = (operator.split(':').at(-1) ?? operator).toLowerCase().replace(/ifexists$/, '');
  return VERBS.find(([re]) => re.test(base))?.[1] ?? 'equal to';
}

const listed = (values: readonly string[]): string => (values.length === 1 ? values[0]! : `[${values.join(', ')}]`);

function policySide(c: ConditionExplanation): string {
  const shown = c.policyValues.map((v, i) => {
    const written = c.writtenValues?.[i];
    return written !== undefined && written !== v ? `${written} = ${v}` : v;
  });
  return shown.length === 1 ? shown[0]! : `one of [${shown.join(', ')}]`;
}

/** e.g. "dynamodb:LeadingKeys = us-east-1:… equal to ${cognito-identity.amazonaws.com:sub} = us-east-1:…"; a
 *  failed condition reads "…, which is not equal to …". */
export function conditionPhrase(c: ConditionExplanation): string {
  const request = c.requestValues === undefined ? `${c.key} (absent)` : `${c.key} = ${listed(c.requestValues)}`;
  if (c.note && (c.requestValues === undefined || c.requestValues.length === 0)) return `${request}: ${c.note}`;
  if (c.note && !c.matched && c.note.startsWith(NO_VALUE)) return `${request}, against ${policySide(c)}: ${c.note}`;
  const verb = verbOf(c.operator);
  if (verb === 'absent:') return `${request}, tested with Null = ${listed(c.policyValues)}`;
  const said = c.matched ? verb : verb.startsWith('not ') ? `which is ${verb.slice(4)}` : `which is not ${verb}`;
  return `${request}${c.matched ? '' : ','} ${said} ${policySide(c)}${c.note ? ` (${c.note})` : ''}`;
}

const withConditions = (s: StatementExplanation): string => (s.conditions.length ? `, with ${s.conditions.map(conditionPhrase).join(' and ')}` : '');

/** The Allow statement that came closest: right action (and resource, and principal), a failed condition. */
function nearMiss(evaluation: Evaluation): string {
  const kind = evaluation.missingAllow ?? 'identity';
  const allows = evaluation.statements.filter((s) => s.policyType === kind && s.effect === 'Allow');
  const close = allows.find((s) => s.actionMatched && s.resourceMatched && s.principalMatched !== false);
  if (close) {
    const failed = close.conditions.filter((c) => !c.matched);
    const why = failed.map((c) => `${c.operator} failed: ${conditionPhrase(c)}`).join('; ');
    const covers = kind === 'trust' ? 'the action and principal' : 'the action and resource';
    return ` ${capitalized(statementName(close))} covers ${covers}, but ${why || 'it did not apply'}.`;
  }
  const actionOnly = allows.find((s) => s.actionMatched);
  if (actionOnly) return ` ${capitalized(statementName(actionOnly))} covers ${evaluation.request.action}, but not ${kind === 'trust' ? 'this principal or resource' : evaluation.request.resource}.`;
  return allows.length ? ` No ${POLICY_KIND[kind]} statement covers ${evaluation.request.action}.` : '';
}

export function reasonFor(evaluation: Evaluation): string {
  const { action, resource } = evaluation.request;
  const s = evaluation.decidingStatement;
  if (evaluation.decision === 'ExplicitDeny' && s) {
    return `Denied explicitly: ${fullStatementName(s)} is a Deny that matches ${action} on ${resource}; an explicit deny overrides every allow.`;
  }
  if (evaluation.decision === 'Allow' && s) {
    const session = evaluation.statements.find((x) => x.policyType === 'session' && x.effect === 'Allow' && x.applies);
    return `Allowed: ${fullStatementName(s)} allows ${action} on ${resource}${session ? `, and ${fullStatementName(session)} (a session policy) allows it too` : ''}.`;
  }
  const kind = evaluation.missingAllow ?? 'identity';
  if (kind === 'session') {
    const granted = evaluation.statements.find((x) => x.policyType === 'identity' && x.effect === 'Allow' && x.applies)!;
    return `Denied implicitly: ${fullStatementName(granted)} allows ${action}, but no session policy allows it; session policies can only narrow what the role allows.`;
  }
  const none = !evaluation.statements.some((x) => x.policyType === kind);
  if (none) return `Denied implicitly: there is no ${POLICY_KIND[kind]} to allow ${action}, and everything not allowed is denied.`;
  return `Denied implicitly: no ${POLICY_KIND[kind]} statement allows ${action} on ${resource}.${nearMiss(evaluation)}`;
}

/** The plain-words summary of the trace note. */
export function summarize(evaluation: Evaluation): string {
  const { action } = evaluation.request;
  const s = evaluation.decidingStatement;
  if (evaluation.decision === 'Allow' && s) return `IAM allowed ${action}: ${statementName(s)} matched${withConditions(s)}.`;
  if (evaluation.decision === 'ExplicitDeny' && s) return `IAM denied ${action} explicitly: ${statementName(s)} is a Deny that matched${withConditions(s)}.`;
  const kind = evaluation.missingAllow ?? 'identity';
  if (kind === 'session') {
    const granted = evaluation.statements.find((x) => x.policyType === 'identity' && x.effect === 'Allow' && x.applies)!;
    return `IAM denied ${action}: ${statementName(granted)} allows it, but no session policy does, and a session policy can only narrow the role.${nearMiss(evaluation)}`;
  }
  return `IAM denied ${action}: no ${POLICY_KIND[kind]} allows it.${nearMiss(evaluation)}`;
}

/** AWS's AccessDenied text for a refused request. */
export function accessDeniedMessage(principalArn: string, evaluation: Evaluation): string {
  const { action, resource } = evaluation.request;
  const head = `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource}`;
  if (evaluation.decision === 'ExplicitDeny') {
    const kind = POLICY_KIND[evaluation.decidingStatement?.policyType ?? 'identity'];
    return `${head} with an explicit deny in ${kind === 'identity-based policy' ? 'an' : 'a'} ${kind}`;
  }
  return `${head} because no ${POLICY_KIND[evaluation.missingAllow ?? 'identity']} allows the ${action} action`;
}
