import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import type { AuthorizationRequest, NamedPolicy, Statement } from './types';

const NOTES = 'arn:aws:dynamodb:us-east-1:123456789012:table/Notes';
const ALICE = 'us-east-1:aaaaaaaa-0000-4000-8000-000000000001';
const BOB = 'us-east-1:bbbbbbbb-0000-4000-8000-000000000002';

const policy = (name: string, ...statements: Statement[]): NamedPolicy => ({ name, document: { Version: '2012-10-17', Statement: statements } });

const ownItems = policy('NotesOwnerOnly', {
  Sid: 'OwnItemsOnly',
  Effect: 'Allow',
  Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
  Resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/Notes',
  Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${cognito-identity.amazonaws.com:sub}'] } },
});

const request = (action: string, leadingKeys?: string[], extra: AuthorizationRequest['context'] = {}): AuthorizationRequest => ({
  action,
  resource: NOTES,
  context: { 'cognito-identity.amazonaws.com:sub': ALICE, ...(leadingKeys ? { 'dynamodb:LeadingKeys': leadingKeys } : {}), ...extra },
});

describe('When the identity policy allows the request', () => {
  it('allows it and names the statement, with the substituted variable', () => {
    const e = evaluate({ identityPolicies: [ownItems], request: request('dynamodb:PutItem', [ALICE]) });
    expect(e.decision).toBe('Allow');
    expect(e.reason).toBe(`Allowed: statement 1 (OwnItemsOnly) of NotesOwnerOnly allows dynamodb:PutItem on ${NOTES}.`);
    expect(e.decidingStatement).toMatchObject({ sid: 'OwnItemsOnly', index: 0, applies: true });
    expect(e.statements).toHaveLength(1);
    expect(e.statements[0]).toMatchObject({
      policyName: 'NotesOwnerOnly',
      policyType: 'identity',
      actionMatched: true,
      resourceMatched: true,
      substitutions: { '${cognito-identity.amazonaws.com:sub}': ALICE },
      conditions: [{ operator: 'ForAllValues:StringEquals', key: 'dynamodb:LeadingKeys', policyValues: [ALICE], requestValues: [ALICE], matched: true }],
    });
  });
});

describe('When nothing allows the request', () => {
  it("denies another user's partition and points at the failed condition", () => {
    const e = evaluate({ identityPolicies: [ownItems], request: request('dynamodb:GetItem', [BOB]) });
    expect(e.decision).toBe('ImplicitDeny');
    expect(e.missingAllow).toBe('identity');
    expect(e.reason).toContain('Denied implicitly: no identity-based policy statement allows dynamodb:GetItem');
    expect(e.reason).toContain(
      `Statement OwnItemsOnly of NotesOwnerOnly covers the action and resource, but ForAllValues:StringEquals failed: dynamodb:LeadingKeys = ${BOB}, which is not equal to \${cognito-identity.amazonaws.com:sub} = ${ALICE}.`,
    );
  });

  it('denies an action no statement lists', () => {
    const e = evaluate({ identityPolicies: [ownItems], request: request('dynamodb:Scan') });
    expect(e.decision).toBe('ImplicitDeny');
    expect(e.reason).toBe(`Denied implicitly: no identity-based policy statement allows dynamodb:Scan on ${NOTES}. No identity-based policy statement covers dynamodb:Scan.`);
  });

  it('says so when there is no policy at all', () => {
    const e = evaluate({ identityPolicies: [], request: request('dynamodb:Scan') });
    expect(e.reason).toBe('Denied implicitly: there is no identity-based policy to allow dynamodb:Scan, and everything not allowed is denied.');
    expect(e.statements).toEqual([]);
  });

  it('a Query with no leading keys would pass ForAllValues: the empty set satisfies "all"', () => {
    expect(evaluate({ identityPolicies: [ownItems], request: request('dynamodb:Query', []) }).decision).toBe('Allow');
  });
});

describe('When a Deny matches', () => {
  const admin = policy(
    'NotesAdministration',
    { Sid: 'AllNotes', Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' },
    { Sid: 'NoTableDeletion', Effect: 'Deny', Action: 'dynamodb:DeleteTable', Resource: '*' },
  );

  it('denies explicitly whatever allows it', () => {
    const e = evaluate({ identityPolicies: [admin], request: request('dynamodb:DeleteTable') });
    expect(e.decision).toBe('ExplicitDeny');
    expect(e.decidingStatement).toMatchObject({ sid: 'NoTableDeletion', index: 1, effect: 'Deny' });
    expect(e.reason).toBe(`Denied explicitly: statement 2 (NoTableDeletion) of NotesAdministration is a Deny that matches dynamodb:DeleteTable on ${NOTES}; an explicit deny overrides every allow.`);
  });

  it('a Deny in a session policy wins too', () => {
    const session = policy('session policy', { Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'dynamodb:PutItem', Resource: '*' });
    const e = evaluate({ identityPolicies: [ownItems], sessionPolicies: [session], request: request('dynamodb:PutItem', [ALICE]) });
    expect(e.decision).toBe('ExplicitDeny');
    expect(e.decidingStatement).toMatchObject({ policyType: 'session', index: 1 });
  });
});

describe('When the session has session policies', () => {
  const scopeDown = policy('session policy', { Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' });

  it('allows only what both allow', () => {
    expect(evaluate({ identityPolicies: [ownItems], sessionPolicies: [scopeDown], request: request('dynamodb:GetItem', [ALICE]) }).decision).toBe('Allow');
    const e = evaluate({ identityPolicies: [ownItems], sessionPolicies: [scopeDown], request: request('dynamodb:PutItem', [ALICE]) });
    expect(e.decision).toBe('ImplicitDeny');
    expect(e.missingAllow).toBe('session');
    expect(e.reason).toBe('Denied implicitly: statement 1 (OwnItemsOnly) of NotesOwnerOnly allows dynamodb:PutItem, but no session policy allows it; session policies can only narrow what the role allows.');
  });

  it('never grants what the role does not', () => {
    const broad = policy('session policy', { Effect: 'Allow', Action: '*', Resource: '*' });
    const e = evaluate({ identityPolicies: [ownItems], sessionPolicies: [broad], request: request('dynamodb:Scan') });
    expect(e).toMatchObject({ decision: 'ImplicitDeny', missingAllow: 'identity' });
  });

  it('an empty list of session policies is no session policy', () => {
    expect(evaluate({ identityPolicies: [ownItems], sessionPolicies: [], request: request('dynamodb:PutItem', [ALICE]) }).decision).toBe('Allow');
  });
});

describe('A policy edited into something IAM would refuse', () => {
  it('skips what is not a statement instead of failing', () => {
    const broken = { name: 'Broken', document: { Version: '2012-10-17', Statement: [null, 'x', { Effect: 'Allow', Action: '*', Resource: '*' }] } } as unknown as NamedPolicy;
    const e = evaluate({ identityPolicies: [broken, { name: 'Empty', document: {} } as unknown as NamedPolicy], request: request('dynamodb:Scan') });
    expect(e.decision).toBe('Allow');
    expect(e.statements).toHaveLength(1);
  });
});

describe('Policy language versions', () => {
  it('a 2008-10-17 policy reads "${…}" literally', () => {
    const old: NamedPolicy = { name: 'Old', document: { ...ownItems.document, Version: '2008-10-17' } };
    expect(evaluate({ identityPolicies: [old], request: request('dynamodb:PutItem', [ALICE]) }).decision).toBe('ImplicitDeny');
    expect(evaluate({ identityPolicies: [old], request: request('dynamodb:PutItem', ['${cognito-identity.amazonaws.com:sub}']) }).decision).toBe('Allow');
  });

  it('a policy without Version has no variables either', () => {
    const none: NamedPolicy = { name: 'NoVersion', document: { Statement: { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/${aws:username}' } } };
    const e = evaluate({ identityPolicies: [none], request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/alice', context: { 'aws:username': 'alice' } } });
    expect(e.decision).toBe('ImplicitDeny');
  });
});

describe('Trust policies', () => {
  const trust: NamedPolicy = {
    name: 'R trust policy',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } },
        },
      ],
    },
  };
  const assume = (principal: Record<string, string>, amr: string[]): AuthorizationRequest => ({
    action: 'sts:AssumeRoleWithWebIdentity',
    resource: 'arn:aws:iam::123456789012:role/R',
    principal,
    context: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool', 'cognito-identity.amazonaws.com:amr': amr },
  });

  it('allows the identity pool to assume the role for an authenticated identity', () => {
    const e = evaluate({ identityPolicies: [], trustPolicy: trust, request: assume({ Federated: 'cognito-identity.amazonaws.com' }, ['authenticated', 'cognito-idp.us-east-1.amazonaws.com/pool']) });
    expect(e.decision).toBe('Allow');
    expect(e.statements[0]).toMatchObject({ policyType: 'trust', principalMatched: true, resourceMatched: true });
  });

  it('refuses a guest identity, or another principal', () => {
    const guest = evaluate({ identityPolicies: [], trustPolicy: trust, request: assume({ Federated: 'cognito-identity.amazonaws.com' }, ['unauthenticated']) });
    expect(guest).toMatchObject({ decision: 'ImplicitDeny', missingAllow: 'trust' });
    expect(guest.reason).toContain('Denied implicitly: no resource-based policy statement allows sts:AssumeRoleWithWebIdentity');
    const google = evaluate({ identityPolicies: [], trustPolicy: trust, request: assume({ Federated: 'accounts.google.com' }, ['authenticated']) });
    expect(google.statements[0]).toMatchObject({ principalMatched: false, applies: false });
  });
});
