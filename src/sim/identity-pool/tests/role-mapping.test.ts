import { describe, expect, it } from 'vitest';
import { ruleMatches } from '../role-choice';
import { awsError, identityLab, roleNamed, worldWith } from '../../../testing/identity-pool-harness';

const roleOf = (lab: Awaited<ReturnType<typeof identityLab>>, accessKeyId: string) => lab.credentialRecord(accessKeyId)!.session!.roleName;

describe('When the token chooses the role (token-based mapping)', () => {
  it('grants a CustomRoleArn that the token\'s cognito:roles lists', async () => {
    const lab = await identityLab();
    const { result } = await lab.enhancedFlow('alice', lab.roleArn('AdminRole'));
    expect(roleOf(lab, result.Credentials!.AccessKeyId!)).toBe('AdminRole');
    expect(lab.lastExchange('GetCredentialsForIdentity').notes.find((n) => n.kind === 'role-chosen')).toMatchObject({ how: 'token-custom-role' });
  });

  it('denies a CustomRoleArn that the token does not list', async () => {
    const lab = await identityLab();
    const arn = lab.roleArn('Cognito_LearnerAuth_Role');
    expect(await awsError(lab.enhancedFlow('alice', arn))).toEqual({ name: 'NotAuthorizedException', message: `The CustomRoleArn ${arn} is not one of the roles this login may assume.`, status: 400 });
  });

  it('denies a user without a role in the token when the ambiguous-role resolution is Deny', async () => {
    const world = worldWith((pool) => (pool.roleMappings = [{ provider: 'LearnerPool/web', type: 'Token', ambiguousRoleResolution: 'Deny' }]));
    const lab = await identityLab({ world });
    expect(await awsError(lab.enhancedFlow('bob'))).toEqual({
      name: 'NotAuthorizedException',
      message: `The ambiguous role mapping rules for: ${lab.providerKey}:${lab.web} denied this request.`,
      status: 400,
    });
    const { result } = await lab.enhancedFlow('alice');
    expect(roleOf(lab, result.Credentials!.AccessKeyId!)).toBe('AdminRole');
  });

  it('gives everyone the authenticated role when the pool has no role mapping', async () => {
    const lab = await identityLab({ world: worldWith((pool) => (pool.roleMapping = 'none')) });
    const { result } = await lab.enhancedFlow('alice');
    expect(roleOf(lab, result.Credentials!.AccessKeyId!)).toBe('Cognito_LearnerAuth_Role');
  });
});

describe('When rules choose the role (rules-based mapping)', () => {
  const rulesWorld = (resolution: 'AuthenticatedRole' | 'Deny') =>
    worldWith((pool) => {
      pool.roleMappings = [
        {
          provider: 'LearnerPool/web',
          type: 'Rules',
          ambiguousRoleResolution: resolution,
          rules: [
            { claim: 'email', matchType: 'StartsWith', value: 'bob@', roleName: 'AdminRole' },
            { claim: 'cognito:groups', matchType: 'Contains', value: 'read', roleName: 'Cognito_LearnerAuth_Role' },
          ],
        },
      ];
    });

  it('takes the role of the first rule that matches', async () => {
    const lab = await identityLab({ world: rulesWorld('Deny') });
    const { result } = await lab.enhancedFlow('bob');
    expect(roleOf(lab, result.Credentials!.AccessKeyId!)).toBe('AdminRole');
    expect(lab.lastExchange('GetCredentialsForIdentity').notes.find((n) => n.kind === 'role-chosen')).toMatchObject({ how: 'rules', roleArn: lab.roleArn('AdminRole') });
  });

  it('lets CustomRoleArn pick another matching rule\'s role, but no role that no rule matched', async () => {
    const lab = await identityLab({ world: rulesWorld('Deny') });
    const { result } = await lab.enhancedFlow('bob', lab.roleArn('Cognito_LearnerAuth_Role'));
    expect(roleOf(lab, result.Credentials!.AccessKeyId!)).toBe('Cognito_LearnerAuth_Role');
    const arn = lab.roleArn('Cognito_LearnerUnauth_Role');
    expect(await awsError(lab.enhancedFlow('bob', arn))).toMatchObject({ name: 'NotAuthorizedException', message: `The CustomRoleArn ${arn} is not one of the roles this login may assume.` });
  });

  it('falls back to the ambiguous-role resolution when no rule matches', async () => {
    const deny = await identityLab({ world: rulesWorld('Deny') });
    expect(await awsError(deny.enhancedFlow('alice'))).toMatchObject({ name: 'NotAuthorizedException', message: `The ambiguous role mapping rules for: ${deny.providerKey}:${deny.web} denied this request.` });
    const fallback = await identityLab({ world: rulesWorld('AuthenticatedRole') });
    const { result } = await fallback.enhancedFlow('alice');
    expect(roleOf(fallback, result.Credentials!.AccessKeyId!)).toBe('Cognito_LearnerAuth_Role');
  });

  it('matches claims with Equals, Contains, StartsWith and NotEqual, over arrays too, skipping NotEqual on a missing claim', () => {
    const claims = { email: 'bob@example.com', 'cognito:groups': ['readers', 'writers'], email_verified: true };
    const rule = (Claim: string, MatchType: 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual', Value: string) => ({ Claim, MatchType, Value, RoleARN: 'arn:aws:iam::123456789012:role/R' });
    expect(ruleMatches(rule('email', 'Equals', 'bob@example.com'), claims)).toBe(true);
    expect(ruleMatches(rule('email', 'Equals', 'bob'), claims)).toBe(false);
    expect(ruleMatches(rule('email', 'Contains', '@example'), claims)).toBe(true);
    expect(ruleMatches(rule('email', 'StartsWith', 'alice'), claims)).toBe(false);
    expect(ruleMatches(rule('cognito:groups', 'Equals', 'writers'), claims)).toBe(true);
    expect(ruleMatches(rule('cognito:groups', 'NotEqual', 'readers'), claims)).toBe(false);
    expect(ruleMatches(rule('cognito:groups', 'NotEqual', 'admins'), claims)).toBe(true);
    expect(ruleMatches(rule('email_verified', 'Equals', 'true'), claims)).toBe(true);
    expect(ruleMatches(rule('custom:dept', 'NotEqual', 'Sales'), claims)).toBe(false);
  });
});

describe('When the chosen role does not trust the identity pool', () => {
  it('answers InvalidIdentityPoolConfigurationException and shows the trust policy that refused', async () => {
    const world = worldWith((_pool, w) => {
      const trust = roleNamed(w, 'Cognito_LearnerAuth_Role').trustPolicy;
      const statement = Array.isArray(trust.Statement) ? trust.Statement[0]! : trust.Statement;
      statement.Condition!.StringEquals!['cognito-identity.amazonaws.com:aud'] = 'us-east-1:11111111-2222-4333-8444-555555555555';
    });
    const lab = await identityLab({ world });
    expect(await awsError(lab.enhancedFlow('bob'))).toEqual({
      name: 'InvalidIdentityPoolConfigurationException',
      message: 'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
      status: 400,
    });
    const policy = lab.lastExchange('GetCredentialsForIdentity').notes.find((n) => n.kind === 'policy');
    expect(policy).toMatchObject({ principalArn: 'cognito-identity.amazonaws.com', evaluation: { decision: 'ImplicitDeny' } });
    // alice's AdminRole still trusts the pool.
    expect((await lab.enhancedFlow('alice')).result.Credentials!.AccessKeyId).toMatch(/^ASIA/);
  });

  it('answers the same when the pool names a role that does not exist', async () => {
    const lab = await identityLab({ world: worldWith((pool) => (pool.unauthenticatedRoleName = 'NoSuchRole')) });
    expect(await awsError(lab.credentialsFor(await lab.getId()))).toMatchObject({ name: 'InvalidIdentityPoolConfigurationException' });
  });

  it('refuses a guest whose unauthenticated role only trusts signed-in users', async () => {
    const world = worldWith((pool) => (pool.unauthenticatedRoleName = 'Cognito_LearnerAuth_Role'));
    const lab = await identityLab({ world });
    expect(await awsError(lab.credentialsFor(await lab.getId()))).toMatchObject({ name: 'InvalidIdentityPoolConfigurationException' });
  });
});
