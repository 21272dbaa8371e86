// An API Gateway authorizer note in words: which kind of authorizer ran (and the method authorization type
// that selects it), what its outcome means for the request, and where the decision came from (a Lambda
// authorizer may answer from its cache for the authorizer's TTL without invoking the function).
import type { Note } from '../../sim/index';

export type AuthorizerNote = Extract<Note, { kind: 'authorizer' }>;
export type AuthorizerType = AuthorizerNote['authorizer'];
export type AuthorizerOutcome = AuthorizerNote['outcome'];

export const AUTHORIZER_NAMES: Record<AuthorizerType, string> = {
  COGNITO_USER_POOLS: 'Cognito user pool authorizer',
  AWS_IAM: 'IAM authorization (SigV4)',
  TOKEN: 'Lambda authorizer (TOKEN)',
  REQUEST: 'Lambda authorizer (REQUEST)',
  JWT: 'JWT authorizer',
  NONE: 'No authorizer',
};

/** The method's authorization type as the console and CloudFormation write it. */
export const AUTHORIZATION_TYPES: Record<AuthorizerType, string> = {
  COGNITO_USER_POOLS: 'COGNITO_USER_POOLS',
  AWS_IAM: 'AWS_IAM',
  TOKEN: 'CUSTOM (a Lambda authorizer of type TOKEN)',
  REQUEST: 'CUSTOM (a Lambda authorizer of type REQUEST)',
  JWT: 'JWT (HTTP API)',
  NONE: 'NONE (open)',
};

/** What each kind looks at, for a learner who has not met it yet. */
export const AUTHORIZER_HOW: Record<AuthorizerType, string> = {
  COGNITO_USER_POOLS: 'API Gateway checks the user pool token itself (signature, issuer, expiry, token type and scopes); no code of yours runs.',
  AWS_IAM: 'The caller signs the request with SigV4 for execute-api; API Gateway checks the signature, then asks IAM whether the caller may execute-api:Invoke this method.',
  TOKEN: 'API Gateway hands one header to your Lambda function, which answers with an IAM policy; API Gateway evaluates that policy for this method.',
  REQUEST: 'API Gateway hands the request’s headers, query string and context to your Lambda function, which answers with an IAM policy.',
  JWT: 'The HTTP API checks the JWT itself: signature, issuer, expiry, audience (aud or client_id) and the route’s scopes.',
  NONE: 'The method is open: every request goes through to the integration.',
};

export const OUTCOME_WORDS: Record<AuthorizerOutcome, { label: string; meaning: string; icon: string }> = {
  allowed: { label: 'Allowed', meaning: 'the request went on to the integration.', icon: '✔' },
  unauthorized: { label: 'Refused: 401 Unauthorized', meaning: 'no valid identity; the integration was not called.', icon: '✖' },
  forbidden: { label: 'Refused: 403 Forbidden', meaning: 'the caller is known but may not call this method; the integration was not called.', icon: '⊘' },
  error: { label: 'Failed: 500', meaning: 'the authorizer gave no usable answer; the integration was not called.', icon: '⚠' },
};

/** Where the decision came from: the authorizer's cache, a fresh decision, or nothing to say (no cache for this kind). */
export function decisionSource(note: AuthorizerNote): string | undefined {
  if (note.cached === true) return 'From the authorizer cache: the function was not invoked for this request; the cached policy was evaluated for this method.';
  if (note.cached === false) return note.authorizer === 'TOKEN' || note.authorizer === 'REQUEST' ? 'Decided for this request: the function was invoked (and its answer cached for the TTL).' : 'Decided for this request.';
  return undefined;
}

export type AuthorizerCheck = AuthorizerNote['checks'][number];

/** A check's mark, word and tone: a cache lookup is a hit or a miss (a miss is no failure), others pass or fail. */
export function checkWords(check: AuthorizerCheck): { icon: '✓' | '✗'; word: string; tone: 'ok' | 'no' | 'neutral' } {
  if (check.check === 'authorizer cache') return check.passed ? { icon: '✓', word: 'hit', tone: 'ok' } : { icon: '✗', word: 'miss', tone: 'neutral' };
  return check.passed ? { icon: '✓', word: 'passed', tone: 'ok' } : { icon: '✗', word: 'failed', tone: 'no' };
}

/** The check that refused the request: the last one, when it failed and the authorizer did not allow. */
export function decidingCheck(note: AuthorizerNote): number | undefined {
  const last = note.checks.length - 1;
  return note.outcome !== 'allowed' && last >= 0 && note.checks[last]?.passed === false ? last : undefined;
}

/** "All 7 checks passed.", "Refused at the 8th of 8 checks: OAuth scope." */
export function checksSummary(note: AuthorizerNote): string {
  const { checks } = note;
  if (checks.length === 0) return note.outcome === 'allowed' ? 'No checks: an open method lets every request through.' : 'No checks were recorded.';
  const deciding = decidingCheck(note);
  if (deciding !== undefined) return `Refused at check ${deciding + 1} of ${checks.length}: ${checks[deciding]!.check}.`;
  const failed = checks.filter((c) => !c.passed && c.check !== 'authorizer cache').length;
  const noun = checks.length === 1 ? 'check' : 'checks';
  return failed === 0 ? `${checks.length} ${noun}, none failed.` : `${checks.length} ${noun}, ${failed} failed.`;
}
