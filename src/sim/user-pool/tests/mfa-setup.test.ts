// A pool that requires MFA (MfaConfiguration ON): a user with no factor meets MFA_SETUP and sets up an authenticator
// app inside the sign-in (AssociateSoftwareToken and VerifySoftwareToken with the Session, then MFA_SETUP), a user with
// a phone number gets SMS_MFA at once, and a temporary password's NEW_PASSWORD_REQUIRED leads to the same.
import { describe, expect, it } from 'vitest';
import { AdminCreateUserCommand, GetUserCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_PASSWORDS } from '../../index';
import { awsError, worldWith, learnerLab } from '../../../testing/user-pool-harness';
import type { UserPoolConfig } from '../../world/config';
import { authenticatorCode, mfaCalls, PHONE, STEP } from './mfa-harness';

const { alice } = DEMO_PASSWORDS;
const required = (change: (p: UserPoolConfig) => void = () => {}) => worldWith((p) => {
  p.mfaConfiguration = 'ON';
  change(p);
});
const invalidSession = { name: 'NotAuthorizedException', message: 'Invalid session for the user.' };

describe('When the pool requires MFA and alice has no factor', () => {
  it('answers MFA_SETUP listing the factors the pool offers, not tokens', async () => {
    const lab = await learnerLab({ world: required() });
    const challenge = await mfaCalls(lab).startSignIn('alice', alice);
    expect(challenge.AuthenticationResult).toBeUndefined();
    expect(challenge.ChallengeName).toBe('MFA_SETUP');
    expect(challenge.ChallengeParameters).toEqual({ MFAS_CAN_SETUP: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]', USER_ID_FOR_SRP: 'alice' });
    const only = await learnerLab({ world: required((p) => void (p.mfaFactors = ['TOTP'])) });
    expect((await mfaCalls(only).startSignIn('alice', alice)).ChallengeParameters?.MFAS_CAN_SETUP).toBe('["SOFTWARE_TOKEN_MFA"]');
  });

  it('sets up TOTP with the Session: Associate → Verify → MFA_SETUP, each step a new Session, then TOTP is on and preferred', async () => {
    const lab = await learnerLab({ world: required() });
    const calls = mfaCalls(lab);
    const challenge = await calls.startSignIn('alice', alice);
    const associated = await calls.associate({ Session: challenge.Session! });
    expect(associated.SecretCode).toMatch(/^[A-Z2-7]{52}$/);
    expect(associated.Session).toBeTruthy();
    expect(associated.Session).not.toBe(challenge.Session);
    // The challenge's Session was used up by AssociateSoftwareToken.
    expect((await awsError(calls.associate({ Session: challenge.Session! }))).name).toBe('NotAuthorizedException');
    // VerifySoftwareToken wants AssociateSoftwareToken's Session; a wrong code keeps it.
    const code = authenticatorCode(associated.SecretCode!, lab.sim.clock.now());
    expect(await awsError(calls.verify({ Session: associated.Session!, UserCode: code === '000000' ? '111111' : '000000' }))).toEqual({ name: 'EnableSoftwareTokenMFAException', message: 'Code mismatch and fail enable Software Token MFA' });
    const verified = await calls.verify({ Session: associated.Session!, UserCode: code, FriendlyDeviceName: 'Work phone' });
    expect(verified).toMatchObject({ Status: 'SUCCESS', Session: expect.any(String) });
    const done = await calls.answer('MFA_SETUP', verified.Session, { USERNAME: 'alice' });
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
    const me = await lab.cognito.send(new GetUserCommand({ AccessToken: done.AuthenticationResult!.AccessToken! }));
    expect(me.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(me.PreferredMfaSetting).toBe('SOFTWARE_TOKEN_MFA');

    lab.sim.clock.advance(STEP);
    const next = await calls.startSignIn('alice', alice);
    expect(next.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(next.ChallengeParameters?.FRIENDLY_DEVICE_NAME).toBe('Work phone');
    expect((await calls.answer('SOFTWARE_TOKEN_MFA', next.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(associated.SecretCode!, lab.sim.clock.now()) })).AuthenticationResult).toBeDefined();
  });

  it('refuses to skip a step: MFA_SETUP with the first Session, Verify with the challenge\'s Session', async () => {
    const lab = await learnerLab({ world: required() });
    const calls = mfaCalls(lab);
    const challenge = await calls.startSignIn('alice', alice);
    expect(await awsError(calls.answer('MFA_SETUP', challenge.Session, { USERNAME: 'alice' }))).toEqual(invalidSession);
    expect(await awsError(calls.verify({ Session: challenge.Session!, UserCode: '123456' }))).toEqual(invalidSession);
    const associated = await calls.associate({ Session: challenge.Session! });
    expect(await awsError(calls.answer('MFA_SETUP', associated.Session, { USERNAME: 'alice' }))).toEqual(invalidSession);
  });

  it('ends the setup Sessions after AuthSessionValidity too', async () => {
    const lab = await learnerLab({ world: required() });
    const calls = mfaCalls(lab);
    const challenge = await calls.startSignIn('alice', alice);
    const associated = await calls.associate({ Session: challenge.Session! });
    lab.sim.clock.advance(3 * 60_000);
    expect(await awsError(calls.verify({ Session: associated.Session!, UserCode: authenticatorCode(associated.SecretCode!, lab.sim.clock.now()) }))).toEqual({ name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
  });

  it('sends an SMS code at once to a user with a phone number, and turns SMS MFA on when it comes back', async () => {
    const lab = await learnerLab({ world: required((p) => void (p.users![0]!.attributes!.phone_number = PHONE)) });
    const calls = mfaCalls(lab);
    const challenge = await calls.startSignIn('alice', alice);
    expect(challenge.ChallengeName).toBe('SMS_MFA');
    expect(challenge.ChallengeParameters?.CODE_DELIVERY_DESTINATION).toBe('+*******0100');
    const done = await calls.answer('SMS_MFA', challenge.Session, { USERNAME: 'alice', SMS_MFA_CODE: lab.codeSentTo(PHONE) });
    const me = await lab.cognito.send(new GetUserCommand({ AccessToken: done.AuthenticationResult!.AccessToken! }));
    expect(me.UserMFASettingList).toEqual(['SMS_MFA']);
    expect(me.UserAttributes).toContainEqual({ Name: 'phone_number_verified', Value: 'true' });
  });

  it('follows NEW_PASSWORD_REQUIRED with MFA_SETUP for a user an administrator created', async () => {
    const lab = await learnerLab({ world: required() });
    await lab.cognito.send(new AdminCreateUserCommand({ UserPoolId: lab.poolId, Username: 'tess', TemporaryPassword: 'Temp#Passw0rd', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'tess@example.com' }] }));
    const calls = mfaCalls(lab);
    const first = await calls.startSignIn('tess', 'Temp#Passw0rd');
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const next = await lab.cognito.send(new RespondToAuthChallengeCommand({
      ClientId: lab.web, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: first.Session!, ChallengeResponses: { USERNAME: 'tess', NEW_PASSWORD: 'Tess#Passw0rd1' },
    }));
    expect(next.ChallengeName).toBe('MFA_SETUP');
    expect(next.AuthenticationResult).toBeUndefined();
  });

  it('lets her turn MFA off even though the pool requires it; with her phone number still there, the next sign-in texts a code again', async () => {
    const lab = await learnerLab({ world: required((p) => void (p.users![0]!.attributes!.phone_number = PHONE)) });
    const calls = mfaCalls(lab);
    const challenge = await calls.startSignIn('alice', alice);
    const done = await calls.answer('SMS_MFA', challenge.Session, { USERNAME: 'alice', SMS_MFA_CODE: lab.codeSentTo(PHONE) });
    await calls.prefer(done.AuthenticationResult!.AccessToken!, { sms: { Enabled: false }, totp: { Enabled: false } });
    // The phone number is still there, so the pool texts a code again.
    expect((await calls.startSignIn('alice', alice)).ChallengeName).toBe('SMS_MFA');
  });
});
