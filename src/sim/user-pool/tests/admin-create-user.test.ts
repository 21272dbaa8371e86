import { describe, expect, it } from 'vitest';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { createSimulator } from '../../index';
import { cognitoClient } from '../../../testing/sdk-handler';
import { DAY, START, worldWithTwoPools } from './admin-harness';

async function world() {
  const sim = await createSimulator({ seed: 31, startTime: START });
  const admin = cognitoClient(sim);
  const app = cognitoClient(sim);
  const pool = sim.describe().userPools[0]!;
  return { sim, admin, app, poolId: pool.id, webClientId: pool.clients[0]!.clientId };
}

const DANA = { Username: 'dana', TemporaryPassword: 'Temp#Passw0rd', UserAttributes: [{ Name: 'email', Value: 'dana@example.com' }] };

describe('When an administrator creates a user', () => {
  it('creates them FORCE_CHANGE_PASSWORD and e-mails the username and temporary password', async () => {
    const { sim, admin, poolId } = await world();
    const { User } = await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, ...DANA, DesiredDeliveryMediums: ['EMAIL'] }));
    expect(User).toMatchObject({ Username: 'dana', Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD' });
    expect(User!.Attributes).toEqual([{ Name: 'sub', Value: expect.stringMatching(/^[0-9a-f-]{36}$/) }, { Name: 'email', Value: 'dana@example.com' }]);
    expect(User!.UserCreateDate!.getTime()).toBe(START);
    expect(sim.messages().at(-1)).toEqual({
      channel: 'EMAIL',
      destination: 'dana@example.com',
      subject: 'Your temporary password',
      body: 'Your username is dana and temporary password is Temp#Passw0rd.',
      code: 'Temp#Passw0rd',
      at: START,
    });
    const sent = sim.trace().at(-1)!.notes.find((n) => n.kind === 'code-sent');
    expect(sent).toMatchObject({ purpose: 'temporary-password', channel: 'EMAIL', destination: 'dana@example.com', expiresAt: START + 7 * DAY });
  });

  it('lets the user sign in once with the temporary password, choose a new one and get tokens', async () => {
    const { sim, admin, app, poolId, webClientId } = await world();
    await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, ...DANA, DesiredDeliveryMediums: ['EMAIL'] }));
    const temporary = sim.messages().at(-1)!.code!;
    const challenge = await app.send(new InitiateAuthCommand({ ClientId: webClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'dana', PASSWORD: temporary } }));
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challenge.AuthenticationResult).toBeUndefined();
    expect(JSON.parse(challenge.ChallengeParameters!.userAttributes!)).toEqual({ email: 'dana@example.com' });
    expect(challenge.ChallengeParameters!.requiredAttributes).toBe('[]');

    const done = await app.send(new RespondToAuthChallengeCommand({
      ClientId: webClientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: challenge.Session,
      ChallengeResponses: { USERNAME: 'dana', NEW_PASSWORD: 'Dana#Chosen9' },
    }));
    expect(decodeJwt(done.AuthenticationResult!.IdToken!)).toMatchObject({ 'cognito:username': 'dana', email: 'dana@example.com', token_use: 'id', aud: webClientId });
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'dana' }))).UserStatus).toBe('CONFIRMED');

    await expect(app.send(new InitiateAuthCommand({ ClientId: webClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'dana', PASSWORD: temporary } }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    const again = await app.send(new InitiateAuthCommand({ ClientId: webClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'dana', PASSWORD: 'Dana#Chosen9' } }));
    expect(again.AuthenticationResult!.AccessToken).toEqual(expect.any(String));
  });

  it('lets the temporary password expire after TemporaryPasswordValidityDays on the virtual clock', async () => {
    const { sim, admin, app, poolId, webClientId } = await world();
    await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, ...DANA, MessageAction: 'SUPPRESS' }));
    const signIn = () => app.send(new InitiateAuthCommand({ ClientId: webClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'dana', PASSWORD: 'Temp#Passw0rd' } }));
    sim.clock.advance(7 * DAY - 60_000);
    expect((await signIn()).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    sim.clock.advance(60_000);
    await expect(signIn()).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Temporary password has expired and must be reset by an administrator.' });
  });

  it('generates a temporary password that meets the policy when none is given', async () => {
    const { sim, admin, app, poolId, webClientId } = await world();
    await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'gus', UserAttributes: [{ Name: 'email', Value: 'gus@example.com' }], DesiredDeliveryMediums: ['EMAIL'] }));
    const generated = sim.messages().at(-1)!.code!;
    expect(generated).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z0-9]).{12,}$/);
    expect(sim.messages().at(-1)!.body).toBe(`Your username is gus and temporary password is ${generated}.`);
    const out = await app.send(new InitiateAuthCommand({ ClientId: webClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'gus', PASSWORD: generated } }));
    expect(out.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('sends the invitation by SMS by default, and sends nothing to a user without a phone number', async () => {
    const { sim, admin, poolId } = await world();
    await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'hal', TemporaryPassword: 'Temp#Passw0rd', UserAttributes: [{ Name: 'phone_number', Value: '+15551234567' }] }));
    expect(sim.messages().at(-1)).toMatchObject({ channel: 'SMS', destination: '+15551234567', body: 'Your username is hal and temporary password is Temp#Passw0rd.' });
    expect(sim.messages().at(-1)!.subject).toBeUndefined();
    const before = sim.messages().length;
    await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, ...DANA }));
    expect(sim.messages()).toHaveLength(before);
    expect(sim.trace().at(-1)!.notes.some((n) => n.kind === 'info' && n.summary.includes('defaults to SMS'))).toBe(true);
  });

  it('sends by both media when asked, and refuses a medium the user has no address for', async () => {
    const { sim, admin, poolId } = await world();
    await admin.send(new AdminCreateUserCommand({
      UserPoolId: poolId, Username: 'ivy', TemporaryPassword: 'Temp#Passw0rd', DesiredDeliveryMediums: ['EMAIL', 'SMS'],
      UserAttributes: [{ Name: 'email', Value: 'ivy@example.com' }, { Name: 'phone_number', Value: '+15557654321' }],
    }));
    expect(sim.messages().slice(-2).map((m) => `${m.channel} ${m.destination}`)).toEqual(['EMAIL ivy@example.com', 'SMS +15557654321']);
    await expect(admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'jo', DesiredDeliveryMediums: ['EMAIL'], UserAttributes: [{ Name: 'phone_number', Value: '+15550000000' }] }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'No email provided but desired delivery medium was Email',
    });
    await expect(admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'jo' }))).rejects.toMatchObject({ name: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('sends nothing with MessageAction SUPPRESS', async () => {
    const { sim, admin, poolId } = await world();
    const before = sim.messages().length;
    await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, ...DANA, MessageAction: 'SUPPRESS', DesiredDeliveryMediums: ['EMAIL'] }));
    expect(sim.messages()).toHaveLength(before);
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'dana' }))).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
  });

  it('renews the temporary password with MessageAction RESEND, after the old one expired', async () => {
    const { sim, admin, app, poolId, webClientId } = await world();
    await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, ...DANA, DesiredDeliveryMediums: ['EMAIL'] }));
    sim.clock.advance(8 * DAY);
    const { User } = await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'dana', MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] }));
    expect(User!.UserLastModifiedDate!.getTime()).toBe(START + 8 * DAY);
    const fresh = sim.messages().at(-1)!.code!;
    expect(fresh).not.toBe('Temp#Passw0rd');
    const signIn = (password: string) => app.send(new InitiateAuthCommand({ ClientId: webClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'dana', PASSWORD: password } }));
    expect((await signIn(fresh)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    await expect(signIn('Temp#Passw0rd')).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('refuses RESEND for an unknown user and for one who already chose a password', async () => {
    const { admin, poolId } = await world();
    await expect(admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'nobody', MessageAction: 'RESEND' }))).rejects.toMatchObject({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
    await expect(admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'alice', MessageAction: 'RESEND' }))).rejects.toMatchObject({
      name: 'UnsupportedUserStateException',
      message: 'Resend not possible. alice status is not FORCE_CHANGE_PASSWORD',
    });
  });

  it('refuses an existing username, whatever its case', async () => {
    const { admin, poolId } = await world();
    for (const Username of ['alice', 'ALICE']) {
      await expect(admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username, MessageAction: 'SUPPRESS' }))).rejects.toMatchObject({
        name: 'UsernameExistsException',
        message: 'User account already exists',
      });
    }
  });

  it('refuses a temporary password that breaks the policy, before creating anyone', async () => {
    const { admin, poolId } = await world();
    await expect(admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, ...DANA, TemporaryPassword: 'short1!' }))).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password not long enough',
    });
    await expect(admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, ...DANA, TemporaryPassword: 'alllowercase1!' }))).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password must have uppercase characters',
    });
    await expect(admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'dana' }))).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });

  it('refuses a verified e-mail another user already has, unless ForceAliasCreation moves it', async () => {
    const { admin, poolId } = await world();
    const taken = [{ Name: 'email', Value: 'alice@example.com' }, { Name: 'email_verified', Value: 'true' }];
    await expect(admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'alice2', UserAttributes: taken, MessageAction: 'SUPPRESS' }))).rejects.toMatchObject({
      name: 'AliasExistsException',
      message: 'An account with the given email already exists.',
    });
    await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'alice2', UserAttributes: taken, MessageAction: 'SUPPRESS', ForceAliasCreation: true }));
    const alice = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }));
    expect(alice.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'false' });
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice@example.com' }))).Username).toBe('alice2');
  });

  it('answers AWS errors for an unknown pool, an unknown attribute and a bad MessageAction', async () => {
    const { admin, poolId } = await world();
    await expect(admin.send(new AdminCreateUserCommand({ UserPoolId: 'us-east-1_Nope12345', Username: 'x' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_Nope12345 does not exist.',
    });
    await expect(admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'x', UserAttributes: [{ Name: 'shoe_size', Value: '9' }] }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: shoe_size: Attribute does not exist in the schema.\n',
    });
    await expect(admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'x', MessageAction: 'SHOUT' as never }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value 'SHOUT' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]",
    });
  });

  it('gives a UUID username in a pool whose users sign in with their e-mail, with that pool\'s password validity', async () => {
    const sim = await createSimulator({ seed: 32, startTime: START, world: worldWithTwoPools() });
    const admin = cognitoClient(sim);
    const staff = sim.describe().userPools[1]!.id;
    const { User } = await admin.send(new AdminCreateUserCommand({ UserPoolId: staff, Username: 'sam@staff.example', DesiredDeliveryMediums: ['EMAIL'] }));
    expect(User!.Username).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(User!.Attributes).toContainEqual({ Name: 'email', Value: 'sam@staff.example' });
    expect(sim.messages().at(-1)!.code!.length).toBeGreaterThanOrEqual(12);
    expect(sim.trace().at(-1)!.notes.find((n) => n.kind === 'code-sent')).toMatchObject({ destination: 'sam@staff.example', expiresAt: START + 3 * DAY });
    await expect(admin.send(new AdminCreateUserCommand({ UserPoolId: staff, Username: 'sam@staff.example', MessageAction: 'SUPPRESS' }))).rejects.toMatchObject({
      name: 'UsernameExistsException',
      message: 'An account with the given email already exists.',
    });
    await expect(admin.send(new AdminCreateUserCommand({ UserPoolId: staff, Username: 'sam', MessageAction: 'SUPPRESS' }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Username should be either an email or a phone number.',
    });
  });
});
