import { describe, expect, it } from 'vitest';
import { DescribeIdentityPoolCommand, GetIdentityPoolRolesCommand, ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { cognitoIdentityClient } from '../../../testing/sdk-handler';
import { awsError, HOUR, identityLab } from '../../../testing/identity-pool-harness';

describe('When an administrator reads identity pools (signed operations)', () => {
  it('lists the pools and describes LearnerIdentities with its providers', async () => {
    const lab = await identityLab();
    const list = await lab.identity.send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
    expect(list.IdentityPools).toEqual([{ IdentityPoolId: lab.identityPoolId, IdentityPoolName: 'LearnerIdentities' }]);
    expect(list.NextToken).toBeUndefined();
    const pool = await lab.identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: lab.identityPoolId }));
    expect(pool).toMatchObject({
      IdentityPoolId: lab.identityPoolId,
      IdentityPoolName: 'LearnerIdentities',
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: true,
      CognitoIdentityProviders: [{ ProviderName: lab.providerKey, ClientId: lab.web, ServerSideTokenCheck: false }],
      SamlProviderARNs: ['arn:aws:iam::123456789012:saml-provider/CorpAD'],
    });
    expect(Object.keys(pool.SupportedLoginProviders!)).toEqual(['accounts.google.com', 'graph.facebook.com']);
    const sigv4 = lab.lastExchange('DescribeIdentityPool').notes.find((n) => n.kind === 'sigv4');
    expect(sigv4).toMatchObject({ outcome: 'valid', accessKeyId: lab.sim.adminCredentials.accessKeyId });
    expect(lab.lastExchange('DescribeIdentityPool').notes.find((n) => n.kind === 'policy')).toMatchObject({ evaluation: { decision: 'Allow' } });
  });

  it('reads the roles and the token-based role mapping', async () => {
    const lab = await identityLab();
    const roles = await lab.identity.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: lab.identityPoolId }));
    expect(roles.Roles).toEqual({ authenticated: lab.roleArn('Cognito_LearnerAuth_Role'), unauthenticated: lab.roleArn('Cognito_LearnerUnauth_Role') });
    expect(roles.RoleMappings).toEqual({ [`${lab.providerKey}:${lab.web}`]: { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' } });
  });

  it('does not find a pool that does not exist, and validates MaxResults', async () => {
    const lab = await identityLab();
    const missing = 'us-east-1:00000000-0000-4000-8000-000000000000';
    expect(await awsError(lab.identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: missing })))).toEqual({ name: 'ResourceNotFoundException', message: `IdentityPool '${missing}' not found.`, status: 400 });
    expect(await awsError(lab.identity.send(new ListIdentityPoolsCommand({ MaxResults: 0 })))).toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
  });

  it('refuses an unsigned request', async () => {
    const lab = await identityLab();
    const response = await lab.sim.fetch(
      new Request('https://cognito-identity.us-east-1.amazonaws.com/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityService.DescribeIdentityPool' },
        body: JSON.stringify({ IdentityPoolId: lab.identityPoolId }),
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Request is missing Authentication Token' });
  });
});

describe('When identity pool credentials call a signed operation', () => {
  it('is denied by IAM while the session lasts, and refused as expired after an hour of virtual time', async () => {
    const lab = await identityLab();
    const { result } = await lab.enhancedFlow('alice');
    const c = result.Credentials!;
    const asAlice = cognitoIdentityClient(lab.sim, { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretKey!, sessionToken: c.SessionToken! });
    const denied = await awsError(asAlice.send(new DescribeIdentityPoolCommand({ IdentityPoolId: lab.identityPoolId })));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toContain('User: arn:aws:sts::123456789012:assumed-role/AdminRole/CognitoIdentityCredentials is not authorized to perform: cognito-identity:DescribeIdentityPool');
    lab.sim.clock.advance(HOUR + 1000);
    expect(await awsError(asAlice.send(new DescribeIdentityPoolCommand({ IdentityPoolId: lab.identityPoolId })))).toEqual({
      name: 'ExpiredTokenException',
      message: 'The security token included in the request is expired',
      status: 400,
    });
  });
});
