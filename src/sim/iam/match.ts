// A statement's Action/NotAction, Resource/NotResource and Principal/NotPrincipal against a request.
// Actions are "service:Action", case-insensitive, with * and ? in the action name ("*" alone: every
// action). Resources are ARNs, case-sensitive, with wildcards per ARN segment and policy variables in
// 2012-10-17 policies. Principals (trust policies only) are matched exactly, or by "*".
import type { ContextLookup } from './context';
import type { Statement } from './types';
import { parsePolicyString, resolveTokens } from './variables';
import { arnResourceMatch, globMatch, splitSegments } from './wildcard';

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export function actionMatches(pattern: string, action: string): boolean {
  if (pattern === '*') return true;
  const colon = pattern.indexOf(':');
  const actionColon = action.indexOf(':');
  if (colon <= 0 || actionColon <= 0) return false;
  if (pattern.slice(0, colon).toLowerCase() !== action.slice(0, actionColon).toLowerCase()) return false;
  return globMatch(parsePolicyString(pattern.slice(colon + 1), false).map((t) => (t.kind === 'star' ? 0 : t.kind === 'one' ? 1 : t.kind === 'text' ? t.text : t.raw)), action.slice(actionColon + 1), true);
}

/** Action ∨ … (or, for NotAction, none of them). False when the statement has neither. */
export function statementActionMatches(statement: Statement, action: string): boolean {
  if (statement.Action !== undefined) return list(statement.Action).some((p) => actionMatches(p, action));
  if (statement.NotAction !== undefined) return !list(statement.NotAction).some((p) => actionMatches(p, action));
  return false;
}

/** 'unresolved': the pattern holds a variable the request has no single value for. */
type ResourceMatch = 'match' | 'no-match' | 'unresolved';

export function resourceMatches(pattern: string, resource: string, variables: boolean, context: ContextLookup, substitutions: Record<string, string>, unresolved: string[]): ResourceMatch {
  if (pattern === '*') return 'match';
  const resolution = resolveTokens(parsePolicyString(pattern, variables), context, substitutions);
  if (!resolution.ok) {
    if (!unresolved.includes(resolution.unresolved)) unresolved.push(resolution.unresolved);
    return 'unresolved';
  }
  const matched = pattern.startsWith('arn:') ? arnResourceMatch(splitSegments(resolution.pieces, 6), resource) : globMatch(resolution.pieces, resource);
  return matched ? 'match' : 'no-match';
}

/**
 * Resource: any pattern matches (one whose variable has no value matches nothing). NotResource: no pattern
 * matches, and none is left in doubt by a variable without a value ("any attempt to match it fails and
 * causes the statement to be invalid", IAM's Variables page). Trust policies may leave both out: the
 * resource is the role itself.
 */
export function statementResourceMatches(statement: Statement, resource: string, variables: boolean, context: ContextLookup, substitutions: Record<string, string>, unresolved: string[], optional: boolean): boolean {
  const test = (p: string) => resourceMatches(p, resource, variables, context, substitutions, unresolved);
  if (statement.Resource !== undefined) return list(statement.Resource).map(test).includes('match');
  if (statement.NotResource !== undefined) return list(statement.NotResource).map(test).every((m) => m === 'no-match');
  return optional;
}

const ACCOUNT_ROOT = /^arn:aws:iam::(\d{12}):root$/;

/** One Principal entry (e.g. AWS: "123456789012") against the requester's value of that kind. */
function principalValueMatches(kind: string, pattern: string, value: string): boolean {
  if (pattern === '*' || pattern === value) return true;
  if (kind !== 'AWS') return false;
  const account = /^\d{12}$/.test(pattern) ? pattern : ACCOUNT_ROOT.exec(pattern)?.[1];
  return account !== undefined && (value === account || value.split(':')[4] === account);
}

function principalBlockMatches(block: '*' | Record<string, string | string[]>, requester: Record<string, string>): boolean {
  if (block === '*') return true;
  return Object.entries(block).some(([kind, values]) => {
    const value = Object.entries(requester).find(([k]) => k.toLowerCase() === kind.toLowerCase())?.[1];
    return value !== undefined && list(values).some((p) => principalValueMatches(kind, p, value));
  });
}

/** Principal (or NotPrincipal) of a trust policy statement against who is asking; no principal given never matches. */
export function statementPrincipalMatches(statement: Statement, requester: Record<string, string> | undefined): boolean {
  if (!requester) return false;
  if (statement.Principal !== undefined) return principalBlockMatches(statement.Principal, requester);
  if (statement.NotPrincipal !== undefined) return !principalBlockMatches(statement.NotPrincipal, requester);
  return false;
}
