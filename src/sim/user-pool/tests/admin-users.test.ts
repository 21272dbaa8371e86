import { describe, expect, it } from 'vitest';
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminUserGlobalSignOutCommand,
  GetUserCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createSimulator, DEMO_PASSWORDS } from '../../index';
import { cognitoClient } from '../../../testing/sdk-handler';
import { START } from './admin-harness';

async function world() {
  const sim = await createSimulator({ seed: 41, startTime: START });
  const admin = cognitoClient(sim);
  const app = cognitoClient(sim);
  const pool = sim.describe().userPools[0]!;
  const webClientId = pool.clients[0]!.clientId;
  const signIn = (USERNAME: string, PASSWORD: string) => app.send(new InitiateAuthCommand({ ClientId: webClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } }));
  const refresh = (REFRESH_TOKEN: string) => app.send(new InitiateAuthCommand({ ClientId: webClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN } }));
  return { sim, admin, app, poolId: pool.id, webClientId, signIn, refresh };
}

const NO_USER = { name: 'UserNotFoundException', message: 'User does not exist.' };

describe('When an administrator looks a user up', () => {
  it('returns the attributes, status and dates, by username, verified alias or sub', async () => {
    const { admin, poolId } = await world();
    const alice = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }));
    expect(alice).toMatchObject({ Username: 'alice', Enabled: true, UserStatus: 'CONFIRMED' });
    expect(alice.UserAttributes).toEqual([
      { Name: 'sub', Value: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      { Name: 'email', Value: 'alice@example.com' },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'name', Value: 'Alice Liddell' },
    ]);
    expect(alice.UserCreateDate!.getTime()).toBe(START);
    expect(alice.UserLastModifiedDate!.getTime()).toBe(START);
    const sub = alice.UserAttributes![0]!.Value!;
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice@example.com' }))).Username).toBe('alice');
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: sub }))).Username).toBe('alice');
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'Google_104857600000000000001' }))).UserStatus).toBe('EXTERNAL_PROVIDER');
  });

  it('answers UserNotFoundException for an unknown user and ResourceNotFoundException for an unknown pool', async () => {
    const { admin, poolId } = await world();
    await expect(admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'zed' }))).rejects.toMatchObject(NO_USER);
    await expect(admin.send(new AdminGetUserCommand({ UserPoolId: 'us-east-1_Nope12345', Username: 'alice' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_Nope12345 does not exist.',
    });
  });
});

describe('When an administrator confirms a sign-up', () => {
  it('makes an UNCONFIRMED user CONFIRMED without a code, leaving the e-mail unverified', async () => {
    const { admin, app, poolId, webClientId, signIn } = await world();
    await app.send(new SignUpCommand({ ClientId: webClientId, Username: 'carol', Password: 'Carol#Passw0rd', UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }] }));
    await expect(signIn('carol', 'Carol#Passw0rd')).rejects.toMatchObject({ name: 'UserNotConfirmedException', message: 'User is not confirmed.' });
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'carol' }));
    const carol = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'carol' }));
    expect(carol.UserStatus).toBe('CONFIRMED');
    expect(carol.UserAttributes!.find((a) => a.Name === 'email_verified')).toBeUndefined();
    expect((await signIn('carol', 'Carol#Passw0rd')).AuthenticationResult).toBeDefined();
  });

  it('refuses a user who is not UNCONFIRMED, and an unknown one', async () => {
    const { admin, poolId } = await world();
    await expect(admin.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'alice' }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
    });
    await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'dana', MessageAction: 'SUPPRESS' }));
    await expect(admin.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'dana' }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is FORCE_CHANGE_PASSWORD',
    });
    await expect(admin.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'zed' }))).rejects.toMatchObject(NO_USER);
  });
});

describe('When an administrator disables and enables a user', () => {
  it('stops sign-in, revokes the tokens already issued, and lets the user back in once enabled', async () => {
    const { admin, app, poolId, signIn, refresh } = await world();
    const before = await signIn('alice', DEMO_PASSWORDS.alice);
    await admin.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'alice' }));
    await expect(signIn('alice', DEMO_PASSWORDS.alice)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'User is disabled.' });
    await expect(app.send(new GetUserCommand({ AccessToken: before.AuthenticationResult!.AccessToken }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }))).Enabled).toBe(false);

    await admin.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: 'alice' }));
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }))).Enabled).toBe(true);
    await expect(refresh(before.AuthenticationResult!.RefreshToken!)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
    expect((await signIn('alice', DEMO_PASSWORDS.alice)).AuthenticationResult!.IdToken).toEqual(expect.any(String));
  });

  it('answers UserNotFoundException for unknown users', async () => {
    const { admin, poolId } = await world();
    await expect(admin.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'zed' }))).rejects.toMatchObject(NO_USER);
    await expect(admin.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: 'zed' }))).rejects.toMatchObject(NO_USER);
  });
});

describe('When an administrator deletes a user', () => {
  it('removes the user and their sign-ins, and frees the username for a new user with a new sub', async () => {
    const { admin, poolId, signIn, refresh } = await world();
    const tokens = (await signIn('bob', DEMO_PASSWORDS.bob)).AuthenticationResult!;
    const oldSub = (await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'bob' }))).UserAttributes![0]!.Value;
    await admin.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'bob' }));
    await expect(admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'bob' }))).rejects.toMatchObject(NO_USER);
    await expect(signIn('bob', DEMO_PASSWORDS.bob)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });

    const { User } = await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'bob', MessageAction: 'SUPPRESS' }));
    expect(User!.Attributes![0]!.Value).not.toBe(oldSub);
    await expect(refresh(tokens.RefreshToken!)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
    await expect(admin.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'nobody' }))).rejects.toMatchObject(NO_USER);
  });
});

describe('When an administrator signs a user out everywhere', () => {
  it('revokes every refresh token and makes Cognito refuse the access tokens, but a new sign-in works', async () => {
    const { sim, admin, app, poolId, signIn, refresh } = await world();
    const first = (await signIn('alice', DEMO_PASSWORDS.alice)).AuthenticationResult!;
    const second = (await signIn('alice@example.com', DEMO_PASSWORDS.alice)).AuthenticationResult!;
    await admin.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 'alice' }));
    expect(sim.trace().at(-1)!.notes.find((n) => n.kind === 'token-revoked')).toMatchObject({ scope: 'all-user-tokens', username: 'alice' });
    for (const tokens of [first, second]) {
      await expect(refresh(tokens.RefreshToken!)).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
      await expect(app.send(new GetUserCommand({ AccessToken: tokens.AccessToken }))).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    }
    const fresh = (await signIn('alice', DEMO_PASSWORDS.alice)).AuthenticationResult!;
    expect((await app.send(new GetUserCommand({ AccessToken: fresh.AccessToken }))).Username).toBe('alice');
    await expect(admin.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 'zed' }))).rejects.toMatchObject(NO_USER);
  });
});
