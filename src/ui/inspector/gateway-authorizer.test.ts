import { describe, expect, it } from 'vitest';
import { checksSummary, checkWords, decidingCheck, decisionSource, type AuthorizerNote } from './gateway-authorizer';

function note(over: Partial<AuthorizerNote>): AuthorizerNote {
  return { kind: 'authorizer', summary: '', authorizer: 'TOKEN', name: 'PartnerTokenAuthorizer', outcome: 'allowed', checks: [], ...over };
}

const present = { check: 'identity source present', passed: true, detail: 'method.request.header.Authorization' };
const miss = { check: 'authorizer cache', passed: false, detail: 'no cached decision for this identity source: the function is invoked' };
const hit = { check: 'authorizer cache', passed: true };
const policy = (passed: boolean) => ({ check: 'policy allows execute-api:Invoke on this method', passed, detail: passed ? 'Allow' : 'ExplicitDeny' });

describe('An authorizer’s checks in words', () => {
  it('calls a cache lookup a hit or a miss, every other check passed or failed', () => {
    expect(checkWords(hit)).toEqual({ icon: '✓', word: 'hit', tone: 'ok' });
    expect(checkWords(miss)).toEqual({ icon: '✗', word: 'miss', tone: 'neutral' });
    expect(checkWords(present)).toEqual({ icon: '✓', word: 'passed', tone: 'ok' });
    expect(checkWords(policy(false))).toEqual({ icon: '✗', word: 'failed', tone: 'no' });
  });

  it('names the check that refused: the last, when it failed and the request was refused', () => {
    expect(decidingCheck(note({ outcome: 'forbidden', checks: [present, miss, policy(false)] }))).toBe(2);
    expect(decidingCheck(note({ outcome: 'allowed', checks: [present, miss, policy(true)] }))).toBeUndefined();
    expect(decidingCheck(note({ outcome: 'unauthorized', checks: [] }))).toBeUndefined();
  });

  it('sums them up without counting a cache miss as a failure', () => {
    expect(checksSummary(note({ checks: [present, miss, policy(true)] }))).toBe('3 checks, none failed.');
    expect(checksSummary(note({ outcome: 'forbidden', checks: [present, miss, policy(false)] }))).toBe('Refused at check 3 of 3: policy allows execute-api:Invoke on this method.');
    expect(checksSummary(note({ authorizer: 'NONE', checks: [] }))).toBe('No checks: an open method lets every request through.');
    expect(checksSummary(note({ outcome: 'error', checks: [] }))).toBe('No checks were recorded.');
  });
});

describe('decisionSource', () => {
  it('says a cached decision did not invoke the function, a fresh one did, and nothing when there is no cache', () => {
    expect(decisionSource(note({ cached: true }))).toMatch(/^From the authorizer cache: the function was not invoked/);
    expect(decisionSource(note({ cached: false }))).toMatch(/^Decided for this request: the function was invoked/);
    expect(decisionSource(note({ authorizer: 'COGNITO_USER_POOLS' }))).toBeUndefined();
  });
});
