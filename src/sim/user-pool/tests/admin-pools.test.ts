import { describe, expect, it } from 'vitest';
import {
  AdminCreateUserCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createSimulator, internalsOf, type WorldConfig } from '../../index';
import { cognitoClient } from '../../../testing/sdk-handler';
import { START, worldWithTwoPools } from './admin-harness';

async function world(config?: WorldConfig) {
  const sim = await createSimulator({ seed: 21, startTime: START, ...(config ? { world: config } : {}) });
  const admin = cognitoClient(sim);
  const pool = sim.describe().userPools[0]!;
  return { sim, admin, pool };
}

describe('When an administrator lists the user pools', () => {
  it('returns each pool with its id, name and dates', async () => {
    const { admin, pool } = await world();
    const out = await admin.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    expect(out.UserPools).toHaveLength(1);
    expect(out.UserPools![0]).toMatchObject({ Id: pool.id, Name: 'LearnerPool', LambdaConfig: {} });
    expect(out.UserPools![0]!.CreationDate!.getTime()).toBe(START);
    expect(out.NextToken).toBeUndefined();
  });

  it('pages with NextToken when there are more pools than MaxResults', async () => {
    const { sim, admin } = await world(worldWithTwoPools());
    const first = await admin.send(new ListUserPoolsCommand({ MaxResults: 1 }));
    expect(first.UserPools!.map((p) => p.Name)).toEqual(['LearnerPool']);
    expect(first.NextToken).toEqual(expect.any(String));
    const second = await admin.send(new ListUserPoolsCommand({ MaxResults: 1, NextToken: first.NextToken }));
    expect(second.UserPools!.map((p) => p.Id)).toEqual([sim.describe().userPools[1]!.id]);
    expect(second.NextToken).toBeUndefined();
  });

  it('requires MaxResults between 1 and 60', async () => {
    const { admin } = await world();
    await expect(admin.send(new ListUserPoolsCommand({} as never))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null",
    });
    await expect(admin.send(new ListUserPoolsCommand({ MaxResults: 61 }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
    });
  });

  it('refuses a NextToken from another listing', async () => {
    const { admin, pool } = await world(worldWithTwoPools());
    const clients = await admin.send(new ListUserPoolClientsCommand({ UserPoolId: pool.id, MaxResults: 1 }));
    const error = await admin.send(new ListUserPoolsCommand({ MaxResults: 1, NextToken: clients.NextToken })).catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'InvalidParameterException' });
    expect((error as Error).message).toMatch(new RegExp(`^Paging marker ${clients.NextToken} is invalid for request [0-9a-f-]{36}$`));
  });
});

describe('When an administrator describes a user pool', () => {
  it('returns its policies, sign-in attributes, MFA, recovery, domain and user count', async () => {
    const { admin, pool } = await world();
    const { UserPool: p } = await admin.send(new DescribeUserPoolCommand({ UserPoolId: pool.id }));
    expect(p).toMatchObject({
      Id: pool.id,
      Name: 'LearnerPool',
      Arn: `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${pool.id}`,
      Policies: { PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: 7 } },
      MfaConfiguration: 'OPTIONAL',
      AliasAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Domain: 'learner-lab',
      EstimatedNumberOfUsers: 4,
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Priority: 1, Name: 'verified_email' }] },
      UserPoolTags: {},
    });
    expect(p!.UsernameAttributes).toBeUndefined();
    expect(p!.CreationDate!.getTime()).toBe(START);
    expect(p!.SchemaAttributes!.find((a) => a.Name === 'email')).toEqual({
      Name: 'email', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: true, Required: true, StringAttributeConstraints: { MinLength: '0', MaxLength: '2048' },
    });
    expect(p!.SchemaAttributes!.find((a) => a.Name === 'sub')).toMatchObject({ Mutable: false, Required: true });
  });

  it('counts users the administrator creates', async () => {
    const { admin, pool } = await world();
    await admin.send(new AdminCreateUserCommand({ UserPoolId: pool.id, Username: 'erin', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'erin@example.com' }] }));
    const { UserPool: p } = await admin.send(new DescribeUserPoolCommand({ UserPoolId: pool.id }));
    expect(p!.EstimatedNumberOfUsers).toBe(5);
  });

  it('describes a pool with e-mail as the username, admin-only creation and its own policy', async () => {
    const { sim, admin } = await world(worldWithTwoPools());
    const staff = sim.describe().userPools[1]!;
    const { UserPool: p } = await admin.send(new DescribeUserPoolCommand({ UserPoolId: staff.id }));
    expect(p).toMatchObject({ Name: 'StaffPool', UsernameAttributes: ['email'], MfaConfiguration: 'OFF', AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
    expect(p!.Policies!.PasswordPolicy).toMatchObject({ MinimumLength: 12, RequireSymbols: false, TemporaryPasswordValidityDays: 3 });
    expect(p!.AliasAttributes).toBeUndefined();
    expect(p!.Domain).toBeUndefined();
  });

  it('answers ResourceNotFoundException for an unknown pool and a validation error for a malformed id', async () => {
    const { admin } = await world();
    await expect(admin.send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_Nope12345' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_Nope12345 does not exist.',
    });
    await expect(admin.send(new DescribeUserPoolCommand({ UserPoolId: 'nope' }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value 'nope' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
    });
  });
});

describe('When an administrator lists and describes app clients', () => {
  it('lists the clients of a pool, a page at a time', async () => {
    const { admin, pool } = await world();
    const all = await admin.send(new ListUserPoolClientsCommand({ UserPoolId: pool.id }));
    expect(all.UserPoolClients).toEqual(pool.clients.map((c) => ({ ClientId: c.clientId, UserPoolId: pool.id, ClientName: c.name })));
    const first = await admin.send(new ListUserPoolClientsCommand({ UserPoolId: pool.id, MaxResults: 1 }));
    const second = await admin.send(new ListUserPoolClientsCommand({ UserPoolId: pool.id, MaxResults: 1, NextToken: first.NextToken }));
    const third = await admin.send(new ListUserPoolClientsCommand({ UserPoolId: pool.id, MaxResults: 1, NextToken: second.NextToken }));
    expect([...first.UserPoolClients!, ...second.UserPoolClients!, ...third.UserPoolClients!].map((c) => c.ClientName)).toEqual(['web', 'alb', 'reports-job']);
    expect(third.NextToken).toBeUndefined();
  });

  it('describes a public client without a secret', async () => {
    const { admin, pool } = await world();
    const web = pool.clients[0]!;
    const { UserPoolClient: c } = await admin.send(new DescribeUserPoolClientCommand({ UserPoolId: pool.id, ClientId: web.clientId }));
    expect(c).toMatchObject({
      UserPoolId: pool.id,
      ClientName: 'web',
      ClientId: web.clientId,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
      AccessTokenValidity: 1,
      IdTokenValidity: 1,
      RefreshTokenValidity: 30,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      AuthSessionValidity: 3,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: ['https://app.learner-lab.example/callback'],
      SupportedIdentityProviders: ['COGNITO', 'Google', 'Facebook', 'CorpAD'],
    });
    expect(c!.ClientSecret).toBeUndefined();
  });

  it('reveals the secret of a confidential client to the administrator', async () => {
    const { sim, admin, pool } = await world();
    const alb = pool.clients[1]!;
    const { UserPoolClient: c } = await admin.send(new DescribeUserPoolClientCommand({ UserPoolId: pool.id, ClientId: alb.clientId }));
    expect(c!.ClientSecret).toBe(internalsOf(sim).env.pools.get(pool.id)!.clients.get(alb.clientId)!.clientSecret);
    expect(c!.ClientSecret).toMatch(/^[a-z0-9]{51}$/);
    expect(c!.CallbackURLs).toEqual([`https://${sim.describe().loadBalancers[0]!.dnsName}/oauth2/idpresponse`]);
    expect(c!.LogoutURLs).toEqual([`https://${sim.describe().loadBalancers[0]!.dnsName}/signed-out`]);
  });

  it('answers ResourceNotFoundException for a client of no pool or of another pool', async () => {
    const { sim, admin, pool } = await world(worldWithTwoPools());
    await expect(admin.send(new DescribeUserPoolClientCommand({ UserPoolId: pool.id, ClientId: 'nosuchclient' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool client nosuchclient does not exist.',
    });
    const staffClient = sim.describe().userPools[1]!.clients[0]!.clientId;
    await expect(admin.send(new DescribeUserPoolClientCommand({ UserPoolId: pool.id, ClientId: staffClient }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `User pool client ${staffClient} does not exist.`,
    });
    await expect(admin.send(new ListUserPoolClientsCommand({ UserPoolId: 'us-east-1_Nope12345' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_Nope12345 does not exist.',
    });
  });
});
