// TOTP MFA through the real AWS SDK: associating a software token, verifying it with a code computed by an independent
// authenticator (otpauth) from the SecretCode, turning it on, and the SOFTWARE_TOKEN_MFA challenge at sign-in, on the
// virtual clock: the ±1 window tolerance, one use per code, a Session that survives a wrong code and ends with the
// app client's AuthSessionValidity.
import { describe, expect, it } from 'vitest';
import { GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_PASSWORDS } from '../../index';
import { awsError, MINUTE, worldWith, learnerLab } from '../../../testing/user-pool-harness';
import { aliceWithTotp, authenticatorCode, mfaCalls, STEP } from './mfa-harness';

const { alice } = DEMO_PASSWORDS;
const sessionExpired = { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' };
const mismatch = { name: 'CodeMismatchException', message: 'Invalid code received for user' };

describe('When alice adds an authenticator app', () => {
  it('gets a 52-character base32 secret, proves it with a code, turns TOTP on, and must type a code at the next sign-in', async () => {
    const lab = await learnerLab();
    const calls = mfaCalls(lab);
    const tokens = await lab.signIn('alice', alice);
    const associated = await calls.associate({ AccessToken: tokens.AccessToken! });
    expect(associated.SecretCode).toMatch(/^[A-Z2-7]{52}$/);
    expect(associated.Session).toBeUndefined();
    const note = lab.sim.trace().at(-1)!.notes.find((n) => n.kind === 'mfa');
    expect(note).toMatchObject({ factor: 'TOTP', step: 'associate', outcome: 'ok' });
    expect(JSON.stringify(lab.sim.trace().at(-1)!.notes)).not.toContain(associated.SecretCode);

    const verified = await calls.verify({ AccessToken: tokens.AccessToken!, UserCode: authenticatorCode(associated.SecretCode!, lab.sim.clock.now()), FriendlyDeviceName: 'Pixel' });
    expect(verified.Status).toBe('SUCCESS');
    expect(verified.Session).toBeUndefined();
    // Verified is not on: sign-in still ends after the password.
    const before = await lab.cognito.send(new GetUserCommand({ AccessToken: tokens.AccessToken! }));
    expect(before.UserMFASettingList).toBeUndefined();
    expect(before.PreferredMfaSetting).toBeUndefined();
    expect((await calls.startSignIn('alice', alice)).AuthenticationResult).toBeDefined();

    await calls.prefer(tokens.AccessToken!, { totp: { Enabled: true, PreferredMfa: true } });
    const after = await lab.cognito.send(new GetUserCommand({ AccessToken: tokens.AccessToken! }));
    expect(after.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(after.PreferredMfaSetting).toBe('SOFTWARE_TOKEN_MFA');
    expect(after.MFAOptions).toBeUndefined();

    lab.sim.clock.advance(STEP);
    const challenge = await calls.startSignIn('alice', alice);
    expect(challenge.AuthenticationResult).toBeUndefined();
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(challenge.ChallengeParameters).toEqual({ FRIENDLY_DEVICE_NAME: 'Pixel', USER_ID_FOR_SRP: 'alice' });
    expect(challenge.Session!.length).toBeGreaterThanOrEqual(20);
    const done = await calls.answer('SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(associated.SecretCode!, lab.sim.clock.now()) });
    expect(done.AuthenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600, RefreshToken: expect.any(String) });
    expect(done.ChallengeParameters).toEqual({});
    expect(lab.sim.trace().at(-1)!.notes.filter((n) => n.kind === 'mfa')).toEqual([expect.objectContaining({ factor: 'TOTP', step: 'code-checked', outcome: 'ok' })]);
  });

  it('refuses a wrong first code with EnableSoftwareTokenMFAException, and takes the right one after', async () => {
    const lab = await learnerLab();
    const calls = mfaCalls(lab);
    const tokens = await lab.signIn('alice', alice);
    const { SecretCode } = await calls.associate({ AccessToken: tokens.AccessToken! });
    const right = authenticatorCode(SecretCode!, lab.sim.clock.now());
    const wrong = right === '123456' ? '654321' : '123456';
    expect(await awsError(calls.verify({ AccessToken: tokens.AccessToken!, UserCode: wrong }))).toEqual({ name: 'EnableSoftwareTokenMFAException', message: 'Code mismatch and fail enable Software Token MFA' });
    expect(await awsError(calls.prefer(tokens.AccessToken!, { totp: { Enabled: true } }))).toEqual({ name: 'InvalidParameterException', message: 'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA' });
    expect((await calls.verify({ AccessToken: tokens.AccessToken!, UserCode: right })).Status).toBe('SUCCESS');
  });

  it('checks the model: six digits in UserCode, one of AccessToken and Session, a real access token', async () => {
    const lab = await learnerLab();
    const calls = mfaCalls(lab);
    const tokens = await lab.signIn('alice', alice);
    await calls.associate({ AccessToken: tokens.AccessToken! });
    expect(await awsError(calls.verify({ AccessToken: tokens.AccessToken!, UserCode: '12345' }))).toEqual({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value '12345' at 'userCode' failed to satisfy constraint: Member must have length greater than or equal to 6",
    });
    expect((await awsError(calls.associate({}))).name).toBe('InvalidParameterException');
    expect((await awsError(calls.associate({ AccessToken: tokens.AccessToken!, Session: 'x'.repeat(40) }))).name).toBe('InvalidParameterException');
    expect(await awsError(calls.associate({ AccessToken: 'not.a.token' }))).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Access Token' });
    expect(await awsError(calls.associate({ Session: 'x'.repeat(40) }))).toEqual(sessionExpired);
  });

  it('says a user with no software token has none to verify', async () => {
    const lab = await learnerLab();
    const tokens = await lab.signIn('bob', DEMO_PASSWORDS.bob);
    expect(await awsError(mfaCalls(lab).verify({ AccessToken: tokens.AccessToken!, UserCode: '123456' }))).toEqual({ name: 'SoftwareTokenMFANotFoundException', message: 'Software Token MFA does not exist for the user.' });
  });

  it('refuses to associate a token in a pool that does not offer TOTP, or has MFA off', async () => {
    for (const change of [(p: { mfaFactors?: ('SMS' | 'TOTP')[] }) => void (p.mfaFactors = ['SMS']), (p: { mfaConfiguration?: 'OFF' | 'ON' | 'OPTIONAL' }) => void (p.mfaConfiguration = 'OFF')]) {
      const lab = await learnerLab({ world: worldWith(change) });
      const tokens = await lab.signIn('alice', alice);
      expect(await awsError(mfaCalls(lab).associate({ AccessToken: tokens.AccessToken! }))).toEqual({ name: 'SoftwareTokenMFANotFoundException', message: 'Software Token MFA has not been enabled by the userPool.' });
    }
  });

  it('disassociates the old authenticator when a new secret is asked for: sign-in needs no code until the new one is verified', async () => {
    const lab = await learnerLab();
    const calls = mfaCalls(lab);
    const { accessToken, secret } = await aliceWithTotp(lab);
    const challenge = await calls.startSignIn('alice', alice);
    await calls.answer('SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(secret, lab.sim.clock.now()) });
    const fresh = await calls.associate({ AccessToken: accessToken });
    expect(fresh.SecretCode).toMatch(/^[A-Z2-7]{52}$/);
    expect(fresh.SecretCode).not.toBe(secret);
    const me = await lab.cognito.send(new GetUserCommand({ AccessToken: accessToken }));
    expect(me.UserMFASettingList).toBeUndefined();
    expect((await calls.startSignIn('alice', alice)).AuthenticationResult).toBeDefined();
    // The new secret's first code counts, though a code of the old one was used in this very window.
    expect((await calls.verify({ AccessToken: accessToken, UserCode: authenticatorCode(fresh.SecretCode!, lab.sim.clock.now()) })).Status).toBe('SUCCESS');
  });
});

describe('When alice signs in with TOTP on', () => {
  it('accepts the code of the previous and of the next 30-second window, but not one two windows away', async () => {
    const lab = await learnerLab();
    const calls = mfaCalls(lab);
    const { secret } = await aliceWithTotp(lab);
    const first = await calls.startSignIn('alice', alice);
    const now = lab.sim.clock.now();
    for (const far of [now - 2 * STEP, now + 2 * STEP]) {
      expect(await awsError(calls.answer('SOFTWARE_TOKEN_MFA', first.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(secret, far) }))).toEqual(mismatch);
    }
    const next = await calls.answer('SOFTWARE_TOKEN_MFA', first.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(secret, now + STEP) });
    expect(next.AuthenticationResult?.AccessToken).toBeTruthy();

    lab.sim.clock.advance(3 * STEP);
    const second = await calls.startSignIn('alice', alice);
    const previous = await calls.answer('SOFTWARE_TOKEN_MFA', second.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(secret, lab.sim.clock.now() - STEP) });
    expect(previous.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('takes each code once: the same code again is ExpiredCodeException, and an older window is closed too', async () => {
    const lab = await learnerLab();
    const calls = mfaCalls(lab);
    const { secret } = await aliceWithTotp(lab);
    const code = authenticatorCode(secret, lab.sim.clock.now());
    const first = await calls.startSignIn('alice', alice);
    await calls.answer('SOFTWARE_TOKEN_MFA', first.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: code });
    const second = await calls.startSignIn('alice', alice);
    const reused = { name: 'ExpiredCodeException', message: 'Your software token has already been used once.' };
    expect(await awsError(calls.answer('SOFTWARE_TOKEN_MFA', second.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: code }))).toEqual(reused);
    expect(await awsError(calls.answer('SOFTWARE_TOKEN_MFA', second.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(secret, lab.sim.clock.now() - STEP) }))).toEqual(reused);
    lab.sim.clock.advance(STEP);
    const later = await calls.answer('SOFTWARE_TOKEN_MFA', second.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(secret, lab.sim.clock.now()) });
    expect(later.AuthenticationResult).toBeDefined();
  });

  it('keeps the Session after a wrong code, spends it on the right one', async () => {
    const lab = await learnerLab();
    const calls = mfaCalls(lab);
    const { secret } = await aliceWithTotp(lab);
    const challenge = await calls.startSignIn('alice', alice);
    const right = authenticatorCode(secret, lab.sim.clock.now());
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 3; i++) expect(await awsError(calls.answer('SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: wrong }))).toEqual(mismatch);
    const notes = lab.sim.trace().at(-1)!.notes;
    expect(notes.find((n) => n.kind === 'mfa')).toMatchObject({ step: 'code-checked', outcome: 'refused' });
    expect((await calls.answer('SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: right })).AuthenticationResult).toBeDefined();
    lab.sim.clock.advance(STEP);
    expect(await awsError(calls.answer('SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(secret, lab.sim.clock.now()) }))).toEqual(sessionExpired);
  });

  it('ends the Session after the app client\'s AuthSessionValidity (3 minutes by default, 5 when set)', async () => {
    const lab = await learnerLab();
    const calls = mfaCalls(lab);
    const { secret } = await aliceWithTotp(lab);
    const challenge = await calls.startSignIn('alice', alice);
    lab.sim.clock.advance(3 * MINUTE);
    expect(await awsError(calls.answer('SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(secret, lab.sim.clock.now()) }))).toEqual(sessionExpired);

    const longer = await learnerLab({ world: worldWith((p) => void (p.clients[0]!.authSessionValidity = 5)) });
    const more = mfaCalls(longer);
    const alices = await aliceWithTotp(longer);
    const slow = await more.startSignIn('alice', alice);
    longer.sim.clock.advance(5 * MINUTE - 1000);
    expect((await more.answer('SOFTWARE_TOKEN_MFA', slow.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(alices.secret, longer.sim.clock.now()) })).AuthenticationResult).toBeDefined();
  });

  it('asks for the missing code, and refuses a Session of another challenge or client', async () => {
    const lab = await learnerLab({ world: worldWith((p) => void p.clients[1]!.explicitAuthFlows.push('ALLOW_USER_PASSWORD_AUTH')) });
    const calls = mfaCalls(lab);
    const { secret } = await aliceWithTotp(lab);
    const challenge = await calls.startSignIn('alice', alice);
    expect(await awsError(calls.answer('SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: 'alice' }))).toEqual({ name: 'InvalidParameterException', message: 'Missing required parameter SOFTWARE_TOKEN_MFA_CODE' });
    expect(await awsError(calls.answer('SMS_MFA', challenge.Session, { USERNAME: 'alice', SMS_MFA_CODE: '123456' }))).toEqual(sessionExpired);
    expect(await awsError(calls.answer('SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(secret, lab.sim.clock.now()), SECRET_HASH: await lab.secretHash('alice') }, lab.alb))).toEqual(sessionExpired);
    expect((await calls.answer('SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(secret, lab.sim.clock.now()) })).AuthenticationResult).toBeDefined();
  });

  it('is asked nothing more once TOTP is turned off again', async () => {
    const lab = await learnerLab();
    const calls = mfaCalls(lab);
    const { accessToken } = await aliceWithTotp(lab);
    await calls.prefer(accessToken, { totp: { Enabled: false, PreferredMfa: false } });
    const me = await lab.cognito.send(new GetUserCommand({ AccessToken: accessToken }));
    expect(me.UserMFASettingList).toBeUndefined();
    expect(me.PreferredMfaSetting).toBeUndefined();
    expect((await calls.startSignIn('alice', alice)).AuthenticationResult).toBeDefined();
  });

  it('is asked nothing in a pool whose MFA is OFF, whatever alice turned on before', async () => {
    const lab = await learnerLab();
    await aliceWithTotp(lab);
    lab.state().mfaConfiguration = 'OFF';
    expect((await mfaCalls(lab).startSignIn('alice', alice)).AuthenticationResult).toBeDefined();
  });
});
