// SELECT_MFA_TYPE: alice has SMS and TOTP both on and neither preferred, so she picks one at each sign-in; a preference
// ends the question.
import { describe, expect, it } from 'vitest';
import { GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_PASSWORDS } from '../../index';
import { awsError, learnerLab } from '../../../testing/user-pool-harness';
import { aliceWithTotp, authenticatorCode, mfaCalls, PHONE } from './mfa-harness';

const { alice } = DEMO_PASSWORDS;

async function aliceWithBoth() {
  const lab = await learnerLab();
  const calls = mfaCalls(lab);
  const { secret, accessToken } = await aliceWithTotp(lab, { preferred: false });
  await calls.setPhone(accessToken);
  await calls.prefer(accessToken, { sms: { Enabled: true, PreferredMfa: false } });
  return { lab, calls, secret, accessToken };
}

describe('When alice has two factors and no preference', () => {
  it('lists both in GetUser with no preferred one, and SELECT_MFA_TYPE offers them as a JSON-encoded list', async () => {
    const { lab, calls, accessToken } = await aliceWithBoth();
    const me = await lab.cognito.send(new GetUserCommand({ AccessToken: accessToken }));
    expect(me.UserMFASettingList).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
    expect(me.PreferredMfaSetting).toBeUndefined();
    const challenge = await calls.startSignIn('alice', alice);
    expect(challenge.ChallengeName).toBe('SELECT_MFA_TYPE');
    expect(challenge.ChallengeParameters).toEqual({ MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]', USER_ID_FOR_SRP: 'alice' });
    expect(lab.messagesTo(PHONE)).toHaveLength(0);
  });

  it('goes on to SOFTWARE_TOKEN_MFA with a new Session when she picks TOTP', async () => {
    const { lab, calls, secret } = await aliceWithBoth();
    const select = await calls.startSignIn('alice', alice);
    const totp = await calls.answer('SELECT_MFA_TYPE', select.Session, { USERNAME: 'alice', ANSWER: 'SOFTWARE_TOKEN_MFA' });
    expect(totp.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(totp.ChallengeParameters).toEqual({ FRIENDLY_DEVICE_NAME: "Alice's phone", USER_ID_FOR_SRP: 'alice' });
    expect(totp.Session).not.toBe(select.Session);
    expect((await awsError(calls.answer('SELECT_MFA_TYPE', select.Session, { USERNAME: 'alice', ANSWER: 'SMS_MFA' }))).name).toBe('NotAuthorizedException');
    const done = await calls.answer('SOFTWARE_TOKEN_MFA', totp.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(secret, lab.sim.clock.now()) });
    expect(done.AuthenticationResult).toBeDefined();
  });

  it('texts a code when she picks SMS', async () => {
    const { lab, calls } = await aliceWithBoth();
    const select = await calls.startSignIn('alice', alice);
    const sms = await calls.answer('SELECT_MFA_TYPE', select.Session, { USERNAME: 'alice', ANSWER: 'SMS_MFA' });
    expect(sms.ChallengeName).toBe('SMS_MFA');
    expect(sms.ChallengeParameters?.CODE_DELIVERY_DESTINATION).toBe('+*******0100');
    const done = await calls.answer('SMS_MFA', sms.Session, { USERNAME: 'alice', SMS_MFA_CODE: lab.codeSentTo(PHONE) });
    expect(done.AuthenticationResult).toBeDefined();
  });

  it('refuses an answer that is not one of the choices, or none, and keeps the Session for a right one', async () => {
    const { calls } = await aliceWithBoth();
    const select = await calls.startSignIn('alice', alice);
    expect((await awsError(calls.answer('SELECT_MFA_TYPE', select.Session, { USERNAME: 'alice', ANSWER: 'EMAIL_OTP' }))).name).toBe('InvalidParameterException');
    expect(await awsError(calls.answer('SELECT_MFA_TYPE', select.Session, { USERNAME: 'alice' }))).toEqual({ name: 'InvalidParameterException', message: 'Missing required parameter ANSWER' });
    expect((await calls.answer('SELECT_MFA_TYPE', select.Session, { USERNAME: 'alice', ANSWER: 'SMS_MFA' })).ChallengeName).toBe('SMS_MFA');
  });

  it('asks no more once one factor is preferred', async () => {
    const { calls, accessToken } = await aliceWithBoth();
    await calls.prefer(accessToken, { totp: { Enabled: true, PreferredMfa: true } });
    expect((await calls.startSignIn('alice', alice)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    await calls.prefer(accessToken, { sms: { Enabled: true, PreferredMfa: true } });
    expect((await calls.startSignIn('alice', alice)).ChallengeName).toBe('SMS_MFA');
    expect((await awsError(calls.prefer(accessToken, { sms: { PreferredMfa: true }, totp: { PreferredMfa: true } }))).name).toBe('InvalidParameterException');
  });
});
