import { describe, expect, it } from 'vitest';
import { AdminDeleteUserCommand, AdminGetUserCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createSimulator, internalsOf } from '../../index';
import { cognitoClient } from '../../../testing/sdk-handler';
import { START } from './admin-harness';

async function world() {
  const sim = await createSimulator({ seed: 11, startTime: START });
  const admin = cognitoClient(sim);
  const poolId = sim.describe().userPools[0]!.id;
  return { sim, admin, poolId };
}

const lastExchange = (sim: Awaited<ReturnType<typeof world>>['sim']) => sim.trace().at(-1)!;

describe('When an administrator operation is called', () => {
  it('verifies the SigV4 signature of the administrator and says so in the trace', async () => {
    const { sim, admin, poolId } = await world();
    const out = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }));
    expect(out.Username).toBe('alice');
    const sigv4 = lastExchange(sim).notes.find((n) => n.kind === 'sigv4');
    expect(sigv4).toMatchObject({ outcome: 'valid', accessKeyId: sim.adminCredentials.accessKeyId });
    expect(lastExchange(sim).operation).toBe('AdminGetUser');
  });

  it('refuses a request signed with the wrong secret key, and changes nothing', async () => {
    const { sim, admin, poolId } = await world();
    const forger = cognitoClient(sim, { accessKeyId: sim.adminCredentials.accessKeyId, secretAccessKey: 'x'.repeat(40) });
    const error = await forger.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'alice' })).catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'InvalidSignatureException' });
    expect((error as Error).message.split('\n')[0]).toBe(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
    expect(lastExchange(sim).notes.find((n) => n.kind === 'sigv4')).toMatchObject({ outcome: 'invalid', code: 'InvalidSignatureException' });
    const still = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }));
    expect(still.UserStatus).toBe('CONFIRMED');
  });

  it('refuses an access key the account never issued', async () => {
    const { sim } = await world();
    const stranger = cognitoClient(sim, { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
    await expect(stranger.send(new ListUserPoolsCommand({ MaxResults: 10 }))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
  });

  it('refuses an unsigned request with MissingAuthenticationTokenException', async () => {
    const { sim, poolId } = await world();
    const response = await sim.fetch(
      new Request('https://cognito-idp.us-east-1.amazonaws.com/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.AdminGetUser' },
        body: JSON.stringify({ UserPoolId: poolId, Username: 'alice' }),
      }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException:');
    expect(await response.json()).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Request is missing Authentication Token' });
  });

  it('refuses a signed caller who is not an administrator with AccessDeniedException', async () => {
    const { sim, poolId } = await world();
    internalsOf(sim).credentials.add({
      accessKeyId: 'AKIAREADONLY00000001',
      secretAccessKey: 'r'.repeat(40),
      principalArn: 'arn:aws:iam::123456789012:user/Intern',
      isAdministrator: false,
    });
    const intern = cognitoClient(sim, { accessKeyId: 'AKIAREADONLY00000001', secretAccessKey: 'r'.repeat(40) });
    await expect(intern.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'alice' }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: `User: arn:aws:iam::123456789012:user/Intern is not authorized to perform: cognito-idp:AdminDeleteUser on resource: arn:aws:cognito-idp:us-east-1:123456789012:userpool/${poolId} because no identity-based policy allows the cognito-idp:AdminDeleteUser action`,
    });
    expect(internalsOf(sim).env.pools.get(poolId)!.users.has('alice')).toBe(true);
  });

  it('checks the signature before the input, so a forged request learns nothing about validation', async () => {
    const { sim } = await world();
    const forger = cognitoClient(sim, { accessKeyId: sim.adminCredentials.accessKeyId, secretAccessKey: 'y'.repeat(40) });
    await expect(forger.send(new ListUserPoolsCommand({ MaxResults: 0 }))).rejects.toMatchObject({ name: 'InvalidSignatureException' });
  });
});
