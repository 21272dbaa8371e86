import { describe, expect, it } from 'vitest';
import { AdminCreateUserCommand, AdminInitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { createSimulator, DEMO_PASSWORDS, internalsOf } from '../../index';
import { cognitoClient } from '../../../testing/sdk-handler';
import { computeSecretHash } from '../secret-hash';
import { START, worldWithBackend } from './admin-harness';

async function world() {
  const sim = await createSimulator({ seed: 81, startTime: START, world: worldWithBackend() });
  const admin = cognitoClient(sim);
  const pool = sim.describe().userPools[0]!;
  const backend = pool.clients.find((c) => c.name === 'backend')!.clientId;
  const secret = internalsOf(sim).env.pools.get(pool.id)!.clients.get(backend)!.clientSecret!;
  const hash = (username: string) => computeSecretHash(secret, username, backend);
  const signIn = async (USERNAME: string, PASSWORD: string, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH' | 'ADMIN_NO_SRP_AUTH' = 'ADMIN_USER_PASSWORD_AUTH') =>
    admin.send(new AdminInitiateAuthCommand({ UserPoolId: pool.id, ClientId: backend, AuthFlow, AuthParameters: { USERNAME, PASSWORD, SECRET_HASH: await hash(USERNAME) } }));
  return { sim, admin, poolId: pool.id, webClientId: pool.clients[0]!.clientId, backend, hash, signIn };
}

describe('When a back end signs a user in with AdminInitiateAuth', () => {
  it('returns tokens for the client, from a SigV4-signed request', async () => {
    const { sim, signIn, backend } = await world();
    const out = await signIn('alice', DEMO_PASSWORDS.alice);
    expect(out.ChallengeParameters).toEqual({});
    expect(out.AuthenticationResult).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer', RefreshToken: expect.any(String) });
    expect(decodeJwt(out.AuthenticationResult!.IdToken!)).toMatchObject({ aud: backend, 'cognito:username': 'alice', token_use: 'id', 'cognito:groups': ['admins'] });
    expect(decodeJwt(out.AuthenticationResult!.AccessToken!)).toMatchObject({ client_id: backend, username: 'alice', scope: 'aws.cognito.signin.user.admin' });
    const notes = sim.trace().at(-1)!.notes.map((n) => n.kind);
    expect(notes).toEqual(expect.arrayContaining(['sigv4', 'secret-hash', 'password-checked', 'token-issued']));
  });

  it('accepts the legacy ADMIN_NO_SRP_AUTH name and a verified alias', async () => {
    const { signIn } = await world();
    const out = await signIn('alice@example.com', DEMO_PASSWORDS.alice, 'ADMIN_NO_SRP_AUTH');
    expect(decodeJwt(out.AuthenticationResult!.IdToken!)['cognito:username']).toBe('alice');
  });

  it('refreshes with REFRESH_TOKEN_AUTH, keeping the sign-in and issuing no new refresh token', async () => {
    const { sim, admin, poolId, backend, signIn, hash } = await world();
    const first = await signIn('bob', DEMO_PASSWORDS.bob);
    sim.clock.advance(600_000);
    const out = await admin.send(new AdminInitiateAuthCommand({
      UserPoolId: poolId, ClientId: backend, AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: first.AuthenticationResult!.RefreshToken!, SECRET_HASH: await hash('bob') },
    }));
    expect(out.AuthenticationResult!.RefreshToken).toBeUndefined();
    const before = decodeJwt(first.AuthenticationResult!.AccessToken!);
    const after = decodeJwt(out.AuthenticationResult!.AccessToken!);
    expect(after.origin_jti).toBe(before.origin_jti);
    expect(after.auth_time).toBe(before.auth_time);
    expect(after.iat).toBe(before.iat! + 600);
  });

  it('answers NEW_PASSWORD_REQUIRED for a user with a temporary password, which RespondToAuthChallenge completes', async () => {
    const { admin, poolId, backend, signIn, hash } = await world();
    await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'dana', TemporaryPassword: 'Temp#Passw0rd', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'dana@example.com' }] }));
    const challenge = await signIn('dana', 'Temp#Passw0rd');
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challenge.ChallengeParameters!.USER_ID_FOR_SRP).toBe('dana');
    const done = await admin.send(new RespondToAuthChallengeCommand({
      ClientId: backend, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: challenge.Session,
      ChallengeResponses: { USERNAME: 'dana', NEW_PASSWORD: 'Dana#Chosen9', SECRET_HASH: await hash('dana') },
    }));
    expect(done.AuthenticationResult!.IdToken).toEqual(expect.any(String));
  });

  it('refuses a client that does not allow ALLOW_ADMIN_USER_PASSWORD_AUTH', async () => {
    const { admin, poolId, webClientId } = await world();
    await expect(admin.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: webClientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: DEMO_PASSWORDS.alice } }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Auth flow not enabled for this client',
    });
    await expect(admin.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: webClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: DEMO_PASSWORDS.alice } }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Initiate Auth method not supported.',
    });
  });

  it('requires the SECRET_HASH of a client with a secret', async () => {
    const { admin, poolId, backend } = await world();
    await expect(admin.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: backend, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: DEMO_PASSWORDS.alice } }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: `Client ${backend} is configured with secret but SECRET_HASH was not received`,
    });
    await expect(admin.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: backend, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: DEMO_PASSWORDS.alice, SECRET_HASH: 'AAAA' } }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${backend}`,
    });
  });

  it('answers a wrong password, and (PreventUserExistenceErrors LEGACY) an unknown user, as AWS does', async () => {
    const { signIn } = await world();
    await expect(signIn('alice', 'Wrong#Passw0rd')).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    await expect(signIn('zed', 'Any#Passw0rd1')).rejects.toMatchObject({ name: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('answers ResourceNotFoundException for a client or pool that does not exist', async () => {
    const { admin, poolId } = await world();
    await expect(admin.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: 'nosuchclient', AuthFlow: 'ADMIN_USER_PASSWORD_AUTH' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool client nosuchclient does not exist.',
    });
    await expect(admin.send(new AdminInitiateAuthCommand({ UserPoolId: 'us-east-1_Nope12345', ClientId: 'nosuchclient', AuthFlow: 'ADMIN_USER_PASSWORD_AUTH' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_Nope12345 does not exist.',
    });
  });
});
