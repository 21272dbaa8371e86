import { describe, expect, it } from 'vitest';
import { evaluateCondition, evaluateConditions, parseOperator } from './conditions';
import { lookupOf, type RequestContext } from './context';
import type { ConditionValue } from './types';

function check(operator: string, key: string, value: ConditionValue, context: RequestContext, variables = true) {
  return evaluateCondition(operator, key, value, lookupOf(context), variables, {}, []);
}

type Case = [operator: string, policy: ConditionValue, request: string | string[] | undefined, expected: boolean];

// One key, "k:v"; `undefined` = the key is not in the request.
const cases: Case[] = [
  // String operators; several policy values OR; negated: none may match.
  ['StringEquals', 'abc', 'abc', true],
  ['StringEquals', 'abc', 'ABC', false],
  ['StringEquals', ['x', 'abc'], 'abc', true],
  ['StringEquals', 'a*', 'abc', false],
  ['StringEquals', 'a*', 'a*', true],
  ['StringEquals', 'abc', undefined, false],
  ['StringNotEquals', 'abc', 'xyz', true],
  ['StringNotEquals', ['x', 'abc'], 'abc', false],
  ['StringNotEquals', 'abc', undefined, true],
  ['StringEqualsIgnoreCase', 'abc', 'ABC', true],
  ['StringNotEqualsIgnoreCase', 'abc', 'ABC', false],
  ['StringNotEqualsIgnoreCase', 'abc', undefined, true],
  ['StringLike', 'a*c', 'abbbc', true],
  ['StringLike', 'a?c', 'abc', true],
  ['StringLike', 'a?c', 'abbc', false],
  ['StringLike', 'A*', 'abc', false],
  ['StringLike', 'a*', undefined, false],
  ['StringNotLike', 'a*', 'xyz', true],
  ['StringNotLike', ['x*', 'a*'], 'abc', false],
  ['StringNotLike', 'a*', undefined, true],
  // IfExists: a missing key passes, a present key is tested as usual.
  ['StringEqualsIfExists', 'abc', undefined, true],
  ['StringEqualsIfExists', 'abc', 'xyz', false],
  ['StringLikeIfExists', 'a*', 'abc', true],
  ['NumericLessThanIfExists', '5', undefined, true],
  // Numeric.
  ['NumericEquals', '10', '10.0', true],
  ['NumericEquals', 10, '10', true],
  ['NumericNotEquals', '10', '11', true],
  ['NumericNotEquals', '10', undefined, true],
  ['NumericLessThan', '10', '9', true],
  ['NumericLessThan', '10', '10', false],
  ['NumericLessThanEquals', '10', '10', true],
  ['NumericGreaterThan', '10', '11', true],
  ['NumericGreaterThanEquals', '10', '9', false],
  ['NumericEquals', '10', 'ten', false],
  ['NumericNotEquals', '10', 'ten', false],
  ['NumericGreaterThan', '10', undefined, false],
  // Dates: ISO-8601 or epoch seconds, compared as instants.
  ['DateLessThan', '2026-01-01T00:00:00Z', '2025-12-31T23:59:59Z', true],
  ['DateGreaterThan', '2026-01-01T00:00:00Z', '1767225601', true],
  ['DateEquals', '1767225600', '2026-01-01T00:00:00Z', true],
  ['DateEquals', '2026-01-01', '2026-01-01T00:00:00Z', true],
  ['DateNotEquals', '2026-01-01T00:00:00Z', '2026-01-01T01:00:00+01:00', false],
  ['DateLessThanEquals', '2026-01-01T00:00:00Z', 'yesterday', false],
  ['DateGreaterThanEquals', '2026-01-01T00:00:00Z', undefined, false],
  // Bool, Binary, IP.
  ['Bool', 'true', 'true', true],
  ['Bool', true, 'TRUE', true],
  ['Bool', 'false', 'true', false],
  ['Bool', 'true', 'yes', false],
  ['Bool', 'true', undefined, false],
  ['BoolIfExists', 'false', undefined, true],
  ['BinaryEquals', 'QmluYXJ5', 'QmluYXJ5', true],
  ['BinaryEquals', 'QmluYXJ5', 'QmluYXJ6', false],
  ['IpAddress', '203.0.113.0/24', '203.0.113.7', true],
  ['IpAddress', '203.0.113.0/24', '203.0.114.7', false],
  ['IpAddress', '203.0.113.7', '203.0.113.7', true],
  ['IpAddress', '2001:db8::/32', '2001:db8:1::1', true],
  ['IpAddress', '2001:db8::/32', '203.0.113.7', false],
  ['NotIpAddress', '203.0.113.0/24', '198.51.100.1', true],
  ['NotIpAddress', '203.0.113.0/24', '203.0.113.1', false],
  ['NotIpAddress', '203.0.113.0/24', undefined, true],
  // ARN operators: six colon-separated parts, each with wildcards.
  ['ArnEquals', 'arn:aws:iam::123456789012:role/Admin', 'arn:aws:iam::123456789012:role/Admin', true],
  ['ArnLike', 'arn:aws:iam::*:role/*', 'arn:aws:iam::123456789012:role/Admin', true],
  ['ArnLike', 'arn:aws:iam::*:role/*', 'arn:aws:iam::123456789012:user/Admin', false],
  ['ArnLike', 'arn:aws:iam::123456789012:role/a?c', 'arn:aws:iam::123456789012:role/abc', true],
  ['ArnLike', 'arn:aws:*', 'arn:aws:iam::123456789012:role/x', false],
  ['ArnLike', 'arn:aws:iam::*:role/*', 'not-an-arn', false],
  ['ArnNotLike', 'arn:aws:iam::*:role/*', 'arn:aws:iam::123456789012:user/Bob', true],
  ['ArnNotEquals', 'arn:aws:iam::*:role/*', undefined, true],
  // Null: "true" means the key is absent.
  ['Null', 'true', undefined, true],
  ['Null', 'true', 'x', false],
  ['Null', 'false', 'x', true],
  ['Null', 'false', undefined, false],
  // Set operators: ForAllValues is true on a missing or empty key; ForAnyValue is false.
  ['ForAllValues:StringEquals', ['a', 'b'], ['a', 'b'], true],
  ['ForAllValues:StringEquals', ['a', 'b'], ['a', 'c'], false],
  ['ForAllValues:StringEquals', ['a', 'b'], [], true],
  ['ForAllValues:StringEquals', ['a', 'b'], undefined, true],
  ['ForAllValues:StringEquals', ['a'], 'a', true],
  ['ForAllValues:StringEquals', ['a'], '', true],
  ['ForAllValues:StringNotEquals', ['a', 'b'], ['c', 'd'], true],
  ['ForAllValues:StringNotEquals', ['a', 'b'], ['c', 'a'], false],
  ['ForAnyValue:StringEquals', ['a', 'b'], ['x', 'b'], true],
  ['ForAnyValue:StringEquals', ['a', 'b'], ['x', 'y'], false],
  ['ForAnyValue:StringEquals', ['a', 'b'], [], false],
  ['ForAnyValue:StringEquals', ['a', 'b'], undefined, false],
  ['ForAnyValue:StringLike', 'auth*', ['unauthenticated', 'authenticated'], true],
  ['ForAnyValue:StringNotEquals', ['a'], ['a', 'b'], true],
  ['ForAnyValue:StringEqualsIfExists', ['a'], undefined, true],
  ['ForAnyValue:StringEqualsIfExists', ['a'], [], false],
  ['ForAllValues:NumericLessThan', '10', ['1', '2'], true],
  // A single-valued operator never matches a multivalued key, even a negated one.
  ['StringEquals', 'a', ['a'], false],
  ['StringNotEquals', 'a', ['b'], false],
  ['StringEqualsIfExists', 'a', ['a'], false],
  // Operators are case-insensitive; unknown ones never match.
  ['stringequals', 'abc', 'abc', true],
  ['StringEqualz', 'abc', 'abc', false],
  ['NullIfExists', 'true', undefined, false],
];

describe('Condition operators', () => {
  it.each(cases)('%s %j against %j is %s', (operator, policy, request, expected) => {
    const context = request === undefined ? {} : { 'k:v': request };
    expect(check(operator, 'k:v', policy, context).matched).toBe(expected);
  });

  it('reads condition keys case-insensitively', () => {
    expect(check('StringEquals', 'AWS:UserName', 'alice', { 'aws:username': 'alice' }).matched).toBe(true);
  });

  it('explains the request values, the substituted policy values and what was written', () => {
    const c = check('ForAllValues:StringEquals', 'dynamodb:LeadingKeys', ['${cognito-identity.amazonaws.com:sub}'], {
      'dynamodb:LeadingKeys': ['us-east-1:alice'],
      'cognito-identity.amazonaws.com:sub': 'us-east-1:alice',
    });
    expect(c).toEqual({
      operator: 'ForAllValues:StringEquals',
      key: 'dynamodb:LeadingKeys',
      policyValues: ['us-east-1:alice'],
      writtenValues: ['${cognito-identity.amazonaws.com:sub}'],
      requestValues: ['us-east-1:alice'],
      matched: true,
    });
  });

  it('says why a missing key passed under IfExists', () => {
    expect(check('StringEqualsIfExists', 'dynamodb:Select', 'SPECIFIC_ATTRIBUTES', {}).note).toBe('dynamodb:Select is not in the request, so …IfExists is true');
  });

  it('ANDs operators and keys: every (operator, key) pair is explained', () => {
    const substitutions: Record<string, string> = {};
    const out = evaluateConditions(
      { StringEquals: { 'a:x': '1', 'a:y': '2' }, Bool: { 'a:z': 'true' } },
      lookupOf({ 'a:x': '1', 'a:y': '3', 'a:z': 'true' }),
      true,
      substitutions,
      [],
    );
    expect(out.map((c) => [c.operator, c.key, c.matched])).toEqual([
      ['StringEquals', 'a:x', true],
      ['StringEquals', 'a:y', false],
      ['Bool', 'a:z', true],
    ]);
  });

  it('splits set operator, base operator and IfExists', () => {
    expect(parseOperator('ForAnyValue:StringLikeIfExists')).toMatchObject({ set: 'ForAnyValue', ifExists: true, base: { name: 'StringLike' } });
    expect(parseOperator('Null')).toEqual({ base: 'Null', ifExists: false });
    expect(parseOperator('NullIfExists')).toBeUndefined();
  });
});

describe('Policy variables in conditions', () => {
  const context = { 'aws:username': 'alice', 'aws:PrincipalTag/team': 'blue', 'k:v': 'alice', 'k:star': 'a*', 'k:multi': ['x'] };

  it('substitutes in string operators and records the substitution', () => {
    const substitutions: Record<string, string> = {};
    const c = evaluateCondition('StringEquals', 'k:v', '${aws:username}', lookupOf(context), true, substitutions, []);
    expect(c.matched).toBe(true);
    expect(substitutions).toEqual({ '${aws:username}': 'alice' });
  });

  it('keeps "${…}" literal in a 2008-10-17 policy', () => {
    expect(check('StringEquals', 'k:v', '${aws:username}', context, false).matched).toBe(false);
    expect(check('StringEquals', 'k:v', '${aws:username}', { 'k:v': '${aws:username}' }, false).matched).toBe(true);
  });

  it('uses the default when the key is absent', () => {
    expect(check('StringEquals', 'k:v', "${aws:PrincipalTag/owner, 'alice'}", context).matched).toBe(true);
    expect(check('StringEquals', 'k:v', "${aws:PrincipalTag/team, 'alice'}", context).matched).toBe(false);
  });

  it('treats a substituted value as literal text, even in StringLike', () => {
    expect(check('StringLike', 'k:v', '${k:star}', { ...context, 'k:v': 'abc' }).matched).toBe(false);
    expect(check('StringLike', 'k:v', '${k:star}', { ...context, 'k:v': 'a*' }).matched).toBe(true);
  });

  it('turns ${*}, ${?} and ${$} into the literal characters', () => {
    expect(check('StringLike', 'k:v', 'a${*}${?}${$}', { 'k:v': 'a*?$' }).matched).toBe(true);
    expect(check('StringLike', 'k:v', 'a${*}', { 'k:v': 'abc' }).matched).toBe(false);
  });

  it('makes a value whose variable has no value match nothing, for negated operators too', () => {
    const unresolved: string[] = [];
    const c = evaluateCondition('StringNotEquals', 'k:v', '${aws:PrincipalTag/owner}', lookupOf(context), true, {}, unresolved);
    expect(c.matched).toBe(false);
    expect(unresolved).toEqual(['${aws:PrincipalTag/owner}']);
    expect(check('StringEquals', 'k:v', ['${aws:PrincipalTag/owner}', 'alice'], context).matched).toBe(true);
    expect(check('StringEquals', 'k:v', '${k:multi}', { ...context, 'k:v': 'x' }).matched).toBe(false);
  });

  it('does not substitute in numeric, date, Bool or IP operators', () => {
    expect(check('NumericEquals', 'k:n', '${k:m}', { 'k:n': '5', 'k:m': '5' }).matched).toBe(false);
    expect(check('Bool', 'k:b', '${k:c}', { 'k:b': 'true', 'k:c': 'true' }).matched).toBe(false);
  });
});
