import { describe, expect, it } from 'vitest';
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  ConfirmForgotPasswordCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createSimulator, DEMO_PASSWORDS, internalsOf } from '../../index';
import { cognitoClient } from '../../../testing/sdk-handler';
import { DAY, START } from './admin-harness';

async function world() {
  const sim = await createSimulator({ seed: 51, startTime: START });
  const admin = cognitoClient(sim);
  const app = cognitoClient(sim);
  const pool = sim.describe().userPools[0]!;
  const signIn = (USERNAME: string, PASSWORD: string) =>
    app.send(new InitiateAuthCommand({ ClientId: pool.clients[0]!.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } }));
  const status = async (Username: string) => (await admin.send(new AdminGetUserCommand({ UserPoolId: pool.id, Username }))).UserStatus;
  return { sim, admin, app, poolId: pool.id, webClientId: pool.clients[0]!.clientId, signIn, status };
}

const WRONG = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };

describe('When an administrator sets a password', () => {
  it('makes a permanent password the only one that works, and the user CONFIRMED', async () => {
    const { admin, poolId, signIn, status } = await world();
    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'alice', Password: 'Brand#New1pass', Permanent: true }));
    expect(await status('alice')).toBe('CONFIRMED');
    expect((await signIn('alice', 'Brand#New1pass')).AuthenticationResult).toBeDefined();
    await expect(signIn('alice', DEMO_PASSWORDS.alice)).rejects.toMatchObject(WRONG);
  });

  it('confirms a FORCE_CHANGE_PASSWORD user with a permanent password, skipping the challenge', async () => {
    const { admin, poolId, signIn, status } = await world();
    await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'dana', MessageAction: 'SUPPRESS' }));
    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'dana', Password: 'Dana#Perm4nent', Permanent: true }));
    expect(await status('dana')).toBe('CONFIRMED');
    expect((await signIn('dana', 'Dana#Perm4nent')).ChallengeName).toBeUndefined();
  });

  it('makes a temporary password lead to NEW_PASSWORD_REQUIRED until it expires', async () => {
    const { sim, admin, poolId, signIn, status } = await world();
    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'bob', Password: 'Temp#Reset99', Permanent: false }));
    expect(await status('bob')).toBe('FORCE_CHANGE_PASSWORD');
    expect((await signIn('bob', 'Temp#Reset99')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    sim.clock.advance(7 * DAY);
    await expect(signIn('bob', 'Temp#Reset99')).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Temporary password has expired and must be reset by an administrator.' });
  });

  it('refuses a password that breaks the policy or the model, and changes nothing', async () => {
    const { admin, poolId, signIn } = await world();
    await expect(admin.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'alice', Password: 'nouppercase1!', Permanent: true }))).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password must have uppercase characters',
    });
    await expect(admin.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'alice', Password: 'Has Space1!', Permanent: true }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+",
    });
    await expect(admin.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'zed', Password: 'Fine#Passw0rd', Permanent: true }))).rejects.toMatchObject({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
    expect((await signIn('alice', DEMO_PASSWORDS.alice)).AuthenticationResult).toBeDefined();
  });
});

describe('When an administrator resets a password', () => {
  it('sends a reset code to the verified e-mail and makes sign-in answer PasswordResetRequiredException', async () => {
    const { sim, admin, poolId, signIn, status } = await world();
    await admin.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'alice' }));
    expect(await status('alice')).toBe('RESET_REQUIRED');
    const message = sim.messages().at(-1)!;
    expect(message).toMatchObject({ channel: 'EMAIL', destination: 'alice@example.com', subject: 'Your verification code', body: `Your password reset code is ${message.code}. ` });
    const stored = internalsOf(sim).env.pools.get(poolId)!.users.get('alice')!.codes['forgot-password'];
    expect(stored).toMatchObject({ code: message.code, expiresAt: START + 3_600_000 });
    const reset = sim.trace().find((x) => x.operation === 'AdminResetUserPassword')!;
    expect(reset.notes.find((n) => n.kind === 'code-sent')).toMatchObject({ purpose: 'forgot-password', destination: 'alice@example.com' });
    await expect(signIn('alice', DEMO_PASSWORDS.alice)).rejects.toMatchObject({ name: 'PasswordResetRequiredException', message: 'Password reset required for the user' });
    await expect(signIn('alice', 'Wrong#Passw0rd')).rejects.toMatchObject(WRONG);
  });

  it('lets the user finish the reset with the code and ConfirmForgotPassword', async () => {
    const { sim, admin, app, poolId, webClientId, signIn, status } = await world();
    await admin.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'bob' }));
    const code = sim.messages().at(-1)!.code!;
    await app.send(new ConfirmForgotPasswordCommand({ ClientId: webClientId, Username: 'bob', ConfirmationCode: code, Password: 'Bob#Chosen2026' }));
    expect(await status('bob')).toBe('CONFIRMED');
    expect((await signIn('bob', 'Bob#Chosen2026')).AuthenticationResult).toBeDefined();
    await expect(signIn('bob', DEMO_PASSWORDS.bob)).rejects.toMatchObject(WRONG);
  });

  it('refuses a user without a verified address, one with a temporary password, a disabled one and an unknown one', async () => {
    const { admin, poolId, status } = await world();
    await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'ned', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'ned@example.com' }] }));
    await expect(admin.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'ned' }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'User password cannot be reset in the current state.',
    });
    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'ned', Password: 'Ned#Passw0rd1', Permanent: true }));
    await expect(admin.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'ned' }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
    });
    expect(await status('ned')).toBe('CONFIRMED');
    await admin.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'bob' }));
    await expect(admin.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'bob' }))).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'User is disabled.' });
    await expect(admin.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'zed' }))).rejects.toMatchObject({ name: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('lets a permanent password set by the administrator end the reset', async () => {
    const { admin, poolId, signIn, status } = await world();
    await admin.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'bob' }));
    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'bob', Password: 'Bob#Again2026', Permanent: true }));
    expect(await status('bob')).toBe('CONFIRMED');
    expect((await signIn('bob', 'Bob#Again2026')).AuthenticationResult).toBeDefined();
  });
});
