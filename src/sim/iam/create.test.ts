import { describe, expect, it } from 'vitest';
import type { CredentialRecord } from '../core/credentials';
import { createRandom } from '../core/random';
import { defaultWorld } from '../world/default-world';
import { createIam } from './create';
import type { PolicyDocument } from './types';

const ACCOUNT = '123456789012';
const POOL = 'us-east-1:11111111-2222-4333-8444-555555555555';
const ALICE = 'us-east-1:aaaaaaaa-0000-4000-8000-000000000001';
const BOB = 'us-east-1:bbbbbbbb-0000-4000-8000-000000000002';
const NOTES = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/Notes`;
const CATALOG = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/Catalog`;
const NOW = Date.UTC(2026, 0, 1, 12);
const ids = { accountId: ACCOUNT, region: 'us-east-1', 'identityPool:LearnerIdentities': POOL, 'restApi:NotesApi': 'a1b2c3d4e5', 'userPool:LearnerPool': 'us-east-1_AbCdEfGhI' };

const iam = createIam({ roles: defaultWorld.roles, ids, accountId: ACCOUNT, random: createRandom(7) });

function sessionOf(roleName: string, sub: string, sessionPolicies: PolicyDocument[] = [], amr = ['authenticated']): CredentialRecord {
  return {
    accessKeyId: 'ASIAEXAMPLE000000001',
    secretAccessKey: 's'.repeat(40),
    sessionToken: 'token',
    expiresAt: NOW + 3600_000,
    principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/CognitoIdentityCredentials`,
    isAdministrator: false,
    session: {
      roleName,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`,
      sessionName: 'CognitoIdentityCredentials',
      sessionPolicies,
      context: { 'cognito-identity.amazonaws.com:sub': sub, 'cognito-identity.amazonaws.com:aud': POOL, 'cognito-identity.amazonaws.com:amr': amr },
    },
  };
}

const alice = sessionOf('Cognito_LearnerAuth_Role', ALICE);
const denied = (principal: string, action: string, resource: string) =>
  `User: ${principal} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;

describe('The roles of the default world', () => {
  it('have ARNs, AROA role ids from the seed, session limits and filled placeholders', () => {
    const role = iam.roles.get('Cognito_LearnerAuth_Role')!;
    expect(role.arn).toBe(`arn:aws:iam::${ACCOUNT}:role/Cognito_LearnerAuth_Role`);
    expect(role.roleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(role.maxSessionDurationSeconds).toBe(3600);
    expect(JSON.stringify(role)).not.toContain('{{');
    expect(JSON.stringify(role.trustPolicy)).toContain(POOL);
    expect(iam.roleByArn(role.arn)).toBe(role);
    expect([...iam.roles.keys()]).toEqual(['Cognito_LearnerAuth_Role', 'Cognito_LearnerUnauth_Role', 'AdminRole', 'NotesApiCatalogRole']);
  });

  it('get the same ids from the same seed', () => {
    const again = createIam({ roles: defaultWorld.roles, ids, accountId: ACCOUNT, random: createRandom(7) });
    expect(again.roles.get('AdminRole')!.roleId).toBe(iam.roles.get('AdminRole')!.roleId);
  });
});

describe('When a signed-in learner writes notes (Cognito_LearnerAuth_Role)', () => {
  it('allows PutItem on her own partition and explains it in the note', () => {
    const result = iam.authorize(alice, { action: 'dynamodb:PutItem', resource: NOTES, context: { 'dynamodb:LeadingKeys': [ALICE] } }, NOW);
    expect(result.allowed).toBe(true);
    expect(result.message).toBeUndefined();
    expect(result.note).toMatchObject({ kind: 'policy', principalArn: alice.principalArn });
    expect(result.note.summary).toBe(
      `IAM allowed dynamodb:PutItem: statement OwnItemsOnly of NotesOwnerOnly matched, with dynamodb:LeadingKeys = ${ALICE} equal to \${cognito-identity.amazonaws.com:sub} = ${ALICE}.`,
    );
    expect(result.evaluation.decidingStatement?.substitutions).toEqual({ '${cognito-identity.amazonaws.com:sub}': ALICE });
  });

  it("refuses another user's partition with AWS's message", () => {
    const result = iam.authorize(alice, { action: 'dynamodb:GetItem', resource: NOTES, context: { 'dynamodb:LeadingKeys': [BOB] } }, NOW);
    expect(result.allowed).toBe(false);
    expect(result.evaluation.decision).toBe('ImplicitDeny');
    expect(result.message).toBe(denied(alice.principalArn, 'dynamodb:GetItem', NOTES));
    expect(result.note.summary).toBe(
      `IAM denied dynamodb:GetItem: no identity-based policy allows it. Statement OwnItemsOnly of NotesOwnerOnly covers the action and resource, but ForAllValues:StringEquals failed: dynamodb:LeadingKeys = ${BOB}, which is not equal to \${cognito-identity.amazonaws.com:sub} = ${ALICE}.`,
    );
  });

  it('refuses Scan on Notes: the row-level policy leaves it out on purpose', () => {
    const result = iam.authorize(alice, { action: 'dynamodb:Scan', resource: NOTES, context: {} }, NOW);
    expect(result.message).toBe(denied(alice.principalArn, 'dynamodb:Scan', NOTES));
  });

  it('lets her read the catalog and call the reports API', () => {
    expect(iam.authorize(alice, { action: 'dynamodb:Scan', resource: CATALOG }, NOW).allowed).toBe(true);
    expect(iam.authorize(alice, { action: 'execute-api:Invoke', resource: 'arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/reports' }, NOW).allowed).toBe(true);
  });

  it('adds the global keys of an assumed-role session, and no aws:username', () => {
    const withName = { ...alice, session: { ...alice.session!, context: { ...alice.session!.context, 'aws:username': 'alice' } } };
    const { context } = iam.authorize(withName, { action: 'dynamodb:GetItem', resource: NOTES, context: { 'dynamodb:LeadingKeys': [ALICE] } }, NOW).evaluation.request;
    const roleId = iam.roles.get('Cognito_LearnerAuth_Role')!.roleId;
    expect(context).toMatchObject({
      'aws:CurrentTime': '2026-01-01T12:00:00Z',
      'aws:EpochTime': String(NOW / 1000),
      'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/Cognito_LearnerAuth_Role`,
      'aws:PrincipalType': 'AssumedRole',
      'aws:userid': `${roleId}:CognitoIdentityCredentials`,
      'cognito-identity.amazonaws.com:sub': ALICE,
      'dynamodb:LeadingKeys': [ALICE],
    });
    expect(context).not.toHaveProperty('aws:username');
  });

  it('does not let the request override the session\'s identity', () => {
    const result = iam.authorize(alice, { action: 'dynamodb:GetItem', resource: NOTES, context: { 'dynamodb:LeadingKeys': [BOB], 'Cognito-Identity.amazonaws.com:SUB': BOB } }, NOW);
    expect(result.allowed).toBe(false);
  });
});

describe('When an admin uses AdminRole', () => {
  const admin = sessionOf('AdminRole', ALICE);

  it('allows every note but refuses DeleteTable with an explicit deny', () => {
    expect(iam.authorize(admin, { action: 'dynamodb:Scan', resource: NOTES }, NOW).allowed).toBe(true);
    const result = iam.authorize(admin, { action: 'dynamodb:DeleteTable', resource: NOTES }, NOW);
    expect(result.evaluation.decision).toBe('ExplicitDeny');
    expect(result.message).toBe(`User: ${admin.principalArn} is not authorized to perform: dynamodb:DeleteTable on resource: ${NOTES} with an explicit deny in an identity-based policy`);
    expect(result.note.summary).toBe('IAM denied dynamodb:DeleteTable explicitly: statement NoTableDeletion of NotesAdministration is a Deny that matched.');
  });
});

describe('When a guest has a scope-down session policy (Cognito_LearnerUnauth_Role)', () => {
  const scopeDown: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: '*' }] };
  const guest = sessionOf('Cognito_LearnerUnauth_Role', 'us-east-1:cccccccc-0000-4000-8000-000000000003', [scopeDown], ['unauthenticated']);

  it('allows what both the role and the session policy allow', () => {
    expect(iam.authorize(guest, { action: 'dynamodb:GetItem', resource: CATALOG }, NOW).allowed).toBe(true);
  });

  it('refuses what only the role allows, naming the session policy', () => {
    const result = iam.authorize(guest, { action: 'dynamodb:Scan', resource: CATALOG }, NOW);
    expect(result.evaluation.missingAllow).toBe('session');
    expect(result.message).toBe(`User: ${guest.principalArn} is not authorized to perform: dynamodb:Scan on resource: ${CATALOG} because no session policy allows the dynamodb:Scan action`);
    expect(result.note.summary).toBe(
      'IAM denied dynamodb:Scan: statement ReadTheCatalog of CatalogReadOnly allows it, but no session policy does, and a session policy can only narrow the role. No session policy statement covers dynamodb:Scan.',
    );
  });

  it('refuses what only the session policy allows, naming the identity policy', () => {
    const result = iam.authorize(guest, { action: 'dynamodb:GetItem', resource: NOTES, context: { 'dynamodb:LeadingKeys': ['x'] } }, NOW);
    expect(result.message).toBe(denied(guest.principalArn, 'dynamodb:GetItem', NOTES));
  });
});

describe('Other callers', () => {
  it('the administrator holds AdministratorAccess', () => {
    const admin: CredentialRecord = { accessKeyId: 'AKIAADMIN', secretAccessKey: 'x', principalArn: `arn:aws:iam::${ACCOUNT}:user/Administrator`, isAdministrator: true };
    const result = iam.authorize(admin, { action: 'cognito-idp:AdminDeleteUser', resource: 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEfGhI' }, NOW);
    expect(result.allowed).toBe(true);
    expect(result.note.summary).toBe('IAM allowed cognito-idp:AdminDeleteUser: statement 1 of AdministratorAccess matched.');
    expect(result.evaluation.request.context).toMatchObject({ 'aws:PrincipalType': 'User', 'aws:username': 'Administrator' });
  });

  it('anyone else has no policy in this account', () => {
    const intern: CredentialRecord = { accessKeyId: 'AKIAINTERN', secretAccessKey: 'x', principalArn: `arn:aws:iam::${ACCOUNT}:user/Intern`, isAdministrator: false };
    const result = iam.authorize(intern, { action: 'cognito-idp:ListUserPools', resource: '*' }, NOW);
    expect(result.message).toBe(denied(intern.principalArn, 'cognito-idp:ListUserPools', '*'));
  });

  it('a session whose role is gone is refused', () => {
    const orphan = sessionOf('DeletedRole', ALICE);
    expect(iam.authorize(orphan, { action: 'dynamodb:GetItem', resource: CATALOG }, NOW).allowed).toBe(false);
  });
});

describe('Trust policies of the default world', () => {
  const role = iam.roles.get('Cognito_LearnerAuth_Role')!;
  const assume = (aud: string, amr: string[], federated = 'cognito-identity.amazonaws.com') =>
    iam.evaluateTrust(role, { action: 'sts:AssumeRoleWithWebIdentity', resource: role.arn, principal: { Federated: federated }, context: { 'cognito-identity.amazonaws.com:aud': aud, 'cognito-identity.amazonaws.com:amr': amr } }, NOW);

  it('lets the identity pool assume the authenticated role for a signed-in identity', () => {
    const e = assume(POOL, ['authenticated', 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI']);
    expect(e.decision).toBe('Allow');
    expect(e.reason).toBe(`Allowed: statement 1 of Cognito_LearnerAuth_Role trust policy allows sts:AssumeRoleWithWebIdentity on ${role.arn}.`);
    expect(e.request.context['aws:CurrentTime']).toBe('2026-01-01T12:00:00Z');
  });

  it('refuses a guest, another pool, another provider', () => {
    expect(assume(POOL, ['unauthenticated']).decision).toBe('ImplicitDeny');
    expect(assume('us-east-1:other', ['authenticated']).decision).toBe('ImplicitDeny');
    expect(assume(POOL, ['authenticated'], 'accounts.google.com').decision).toBe('ImplicitDeny');
  });
});
