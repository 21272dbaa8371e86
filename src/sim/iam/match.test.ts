import { describe, expect, it } from 'vitest';
import { lookupOf } from './context';
import { actionMatches, resourceMatches, statementActionMatches, statementPrincipalMatches, statementResourceMatches } from './match';
import type { Statement } from './types';

const NOTES = 'arn:aws:dynamodb:us-east-1:123456789012:table/Notes';

describe('Action and NotAction', () => {
  it.each([
    ['*', 'dynamodb:GetItem', true],
    ['dynamodb:*', 'dynamodb:GetItem', true],
    ['dynamodb:GetItem', 'dynamodb:getitem', true],
    ['DynamoDB:GETITEM', 'dynamodb:GetItem', true],
    ['dynamodb:Get*', 'dynamodb:GetItem', true],
    ['dynamodb:Get*', 'dynamodb:BatchGetItem', false],
    ['dynamodb:?etItem', 'dynamodb:GetItem', true],
    ['dynamodb:?etItem', 'dynamodb:PutItem', false],
    ['dynamodb:GetItem', 'dynamodb:GetItems', false],
    ['s3:*', 'dynamodb:GetItem', false],
    ['dynamo*:GetItem', 'dynamodb:GetItem', false],
    ['GetItem', 'dynamodb:GetItem', false],
  ])('%s matches %s: %s', (pattern, action, expected) => {
    expect(actionMatches(pattern, action)).toBe(expected);
  });

  it('NotAction matches every action except those listed', () => {
    const statement: Statement = { Effect: 'Allow', NotAction: ['dynamodb:Scan', 'dynamodb:Delete*'], Resource: '*' };
    expect(statementActionMatches(statement, 'dynamodb:GetItem')).toBe(true);
    expect(statementActionMatches(statement, 'dynamodb:Scan')).toBe(false);
    expect(statementActionMatches(statement, 'dynamodb:DeleteItem')).toBe(false);
    expect(statementActionMatches(statement, 's3:GetObject')).toBe(true);
  });

  it('a statement with neither Action nor NotAction matches nothing', () => {
    expect(statementActionMatches({ Effect: 'Allow', Resource: '*' }, 'dynamodb:GetItem')).toBe(false);
  });
});

describe('Resource and NotResource', () => {
  const match = (pattern: string, resource: string, context = {}) => resourceMatches(pattern, resource, true, lookupOf(context), {}, []);

  it.each([
    ['*', NOTES, 'match'],
    [NOTES, NOTES, 'match'],
    ['arn:aws:dynamodb:us-east-1:123456789012:table/notes', NOTES, 'no-match'],
    ['arn:aws:dynamodb:*:*:table/Notes', NOTES, 'match'],
    ['arn:aws:dynamodb:us-east-?:123456789012:table/Notes', NOTES, 'match'],
    ['arn:aws:dynamodb:us-*-1:123456789012:table/Notes', NOTES, 'match'],
    ['arn:aws:dynamodb:*:*:table/*', NOTES, 'match'],
    ['arn:aws:dynamodb:*:*:table/*', `${NOTES}/index/ByDate`, 'match'],
    ['arn:aws:dynamodb:*:*:table/Notes', `${NOTES}/index/ByDate`, 'no-match'],
    ['arn:aws:dynamodb:*', NOTES, 'match'],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a:b/c', 'match'],
    // A * that ends a segment may run past colons; one inside a segment may not.
    ['arn:aws:dynamodb:*:table/Notes', NOTES, 'match'],
    ['arn:aws:dynamodb:us-*:table/Notes', NOTES, 'match'],
    ['arn:aws:dynamodb:u*1:table/Notes', NOTES, 'no-match'],
    ['arn:aws:dynamodb:us-east-1:123456789012:table/Catalog', NOTES, 'no-match'],
  ])('%s against %s: %s', (pattern, resource, expected) => {
    expect(match(pattern, resource)).toBe(expected);
  });

  it('substitutes variables in the resource part, values taken literally, colons and all', () => {
    const substitutions: Record<string, string> = {};
    const context = lookupOf({ 'cognito-identity.amazonaws.com:sub': 'us-east-1:1234', 'k:star': '*' });
    expect(resourceMatches('arn:aws:s3:::bucket/${cognito-identity.amazonaws.com:sub}/*', 'arn:aws:s3:::bucket/us-east-1:1234/a', true, context, substitutions, [])).toBe('match');
    expect(substitutions).toEqual({ '${cognito-identity.amazonaws.com:sub}': 'us-east-1:1234' });
    expect(resourceMatches('arn:aws:s3:::bucket/${k:star}', 'arn:aws:s3:::bucket/a', true, context, {}, [])).toBe('no-match');
    expect(resourceMatches('arn:aws:s3:::bucket/${k:star}', 'arn:aws:s3:::bucket/*', true, context, {}, [])).toBe('match');
  });

  it('keeps "${…}" literal in a 2008-10-17 policy', () => {
    const context = lookupOf({ 'aws:username': 'alice' });
    expect(resourceMatches('arn:aws:s3:::bucket/${aws:username}', 'arn:aws:s3:::bucket/alice', false, context, {}, [])).toBe('no-match');
    expect(resourceMatches('arn:aws:s3:::bucket/${aws:username}', 'arn:aws:s3:::bucket/${aws:username}', false, context, {}, [])).toBe('match');
  });

  it('an unresolvable variable matches nothing, and spoils a NotResource', () => {
    const unresolved: string[] = [];
    const context = lookupOf({});
    const resource: Statement = { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/${aws:username}' };
    const notResource: Statement = { Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::bucket/${aws:username}' };
    expect(statementResourceMatches(resource, 'arn:aws:s3:::bucket/x', true, context, {}, unresolved, false)).toBe(false);
    expect(statementResourceMatches(notResource, 'arn:aws:s3:::bucket/x', true, context, {}, unresolved, false)).toBe(false);
    expect(unresolved).toEqual(['${aws:username}']);
    // Even for a resource no value could put inside the pattern: the statement cannot be used.
    expect(statementResourceMatches(notResource, 'arn:aws:dynamodb:us-east-1:123456789012:table/Notes', true, context, {}, [], false)).toBe(false);
  });

  it('NotResource matches every resource except those listed', () => {
    const statement: Statement = { Effect: 'Deny', Action: '*', NotResource: ['arn:aws:dynamodb:*:*:table/Catalog', 'arn:aws:dynamodb:*:*:table/Catalog/*'] };
    const context = lookupOf({});
    expect(statementResourceMatches(statement, NOTES, true, context, {}, [], false)).toBe(true);
    expect(statementResourceMatches(statement, 'arn:aws:dynamodb:us-east-1:123456789012:table/Catalog', true, context, {}, [], false)).toBe(false);
  });

  it('a trust policy may leave Resource out; an identity policy may not', () => {
    const statement: Statement = { Effect: 'Allow', Action: 'sts:AssumeRole' };
    expect(statementResourceMatches(statement, 'arn:aws:iam::123456789012:role/R', true, lookupOf({}), {}, [], true)).toBe(true);
    expect(statementResourceMatches(statement, 'arn:aws:iam::123456789012:role/R', true, lookupOf({}), {}, [], false)).toBe(false);
  });
});

describe('Principal and NotPrincipal (trust policies)', () => {
  const federated: Statement = { Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' };

  it.each([
    [federated, { Federated: 'cognito-identity.amazonaws.com' }, true],
    [federated, { Federated: 'accounts.google.com' }, false],
    [federated, { AWS: 'arn:aws:iam::123456789012:user/Bob' }, false],
    [{ ...federated, Principal: '*' as const }, { Federated: 'accounts.google.com' }, true],
    [{ ...federated, Principal: { AWS: '123456789012' } }, { AWS: 'arn:aws:iam::123456789012:user/Bob' }, true],
    [{ ...federated, Principal: { AWS: 'arn:aws:iam::123456789012:root' } }, { AWS: 'arn:aws:iam::123456789012:user/Bob' }, true],
    [{ ...federated, Principal: { AWS: 'arn:aws:iam::123456789012:root' } }, { AWS: 'arn:aws:iam::999999999999:user/Bob' }, false],
    [{ ...federated, Principal: { Service: ['lambda.amazonaws.com', 'ec2.amazonaws.com'] } }, { Service: 'ec2.amazonaws.com' }, true],
    [{ Effect: 'Deny' as const, NotPrincipal: { AWS: '123456789012' }, Action: '*' }, { AWS: 'arn:aws:iam::999999999999:user/Eve' }, true],
    [{ Effect: 'Deny' as const, NotPrincipal: { AWS: '123456789012' }, Action: '*' }, { AWS: 'arn:aws:iam::123456789012:user/Bob' }, false],
  ])('%j lets %j in: %s', (statement, requester, expected) => {
    expect(statementPrincipalMatches(statement, requester)).toBe(expected);
  });

  it('no requester, or no Principal element, never matches', () => {
    expect(statementPrincipalMatches(federated, undefined)).toBe(false);
    expect(statementPrincipalMatches({ Effect: 'Allow', Action: '*' }, { AWS: '*' })).toBe(false);
  });
});
