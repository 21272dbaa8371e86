// SMS MFA through the real AWS SDK: a phone number, SMS MFA turned on with SetUserMFAPreference, the SMS_MFA challenge
// with the destination masked, the code read from the phone (the simulator's outbox), wrong and expired codes.
import { describe, expect, it } from 'vitest';
import { GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_PASSWORDS } from '../../index';
import { awsError, MINUTE, wrongCode, worldWith, learnerLab } from '../../../testing/user-pool-harness';
import { mfaCalls, PHONE } from './mfa-harness';

const { alice } = DEMO_PASSWORDS;
const sessionExpired = { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' };

async function aliceWithSms(options: Parameters<typeof learnerLab>[0] = {}) {
  const lab = await learnerLab(options);
  const calls = mfaCalls(lab);
  const tokens = await lab.signIn('alice', alice);
  await calls.setPhone(tokens.AccessToken!);
  await calls.prefer(tokens.AccessToken!, { sms: { Enabled: true, PreferredMfa: true } });
  return { lab, calls, accessToken: tokens.AccessToken! };
}

describe('When alice turns SMS MFA on', () => {
  it('needs a phone number first', async () => {
    const lab = await learnerLab();
    const tokens = await lab.signIn('alice', alice);
    expect(await awsError(mfaCalls(lab).prefer(tokens.AccessToken!, { sms: { Enabled: true, PreferredMfa: true } }))).toEqual({ name: 'InvalidParameterException', message: 'User does not have delivery config set to turn on SMS_MFA' });
  });

  it('shows SMS_MFA in GetUser, with the legacy MFAOptions', async () => {
    const { lab, accessToken } = await aliceWithSms();
    const me = await lab.cognito.send(new GetUserCommand({ AccessToken: accessToken }));
    expect(me.UserMFASettingList).toEqual(['SMS_MFA']);
    expect(me.PreferredMfaSetting).toBe('SMS_MFA');
    expect(me.MFAOptions).toEqual([{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }]);
  });

  it('texts a code at sign-in, masks the number in the challenge, and signs her in with the code from the phone', async () => {
    const { lab, calls, accessToken } = await aliceWithSms();
    const challenge = await calls.startSignIn('alice', alice);
    expect(challenge.ChallengeName).toBe('SMS_MFA');
    expect(challenge.ChallengeParameters).toEqual({ CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0100', USER_ID_FOR_SRP: 'alice' });
    const texts = lab.messagesTo(PHONE);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ channel: 'SMS', code: expect.stringMatching(/^\d{6}$/) });
    expect(texts[0]!.body).toBe(`Your authentication code is ${texts[0]!.code}. `);
    const code = lab.codeSentTo(PHONE);
    expect(await awsError(calls.answer('SMS_MFA', challenge.Session, { USERNAME: 'alice', SMS_MFA_CODE: wrongCode(code) }))).toEqual({ name: 'CodeMismatchException', message: 'Invalid code received for user' });
    const done = await calls.answer('SMS_MFA', challenge.Session, { USERNAME: 'alice', SMS_MFA_CODE: code });
    expect(done.AuthenticationResult?.IdToken).toBeTruthy();
    // A number that received the code is verified.
    const me = await lab.cognito.send(new GetUserCommand({ AccessToken: accessToken }));
    expect(me.UserAttributes).toContainEqual({ Name: 'phone_number_verified', Value: 'true' });
    expect(await awsError(calls.answer('SMS_MFA', challenge.Session, { USERNAME: 'alice', SMS_MFA_CODE: code }))).toEqual(sessionExpired);
  });

  it('lets the code die with the Session after 3 minutes, and a code of an older sign-in does not fit a newer one', async () => {
    const { lab, calls } = await aliceWithSms();
    const first = await calls.startSignIn('alice', alice);
    const oldCode = lab.codeSentTo(PHONE);
    lab.sim.clock.advance(3 * MINUTE);
    expect(await awsError(calls.answer('SMS_MFA', first.Session, { USERNAME: 'alice', SMS_MFA_CODE: oldCode }))).toEqual(sessionExpired);
    const second = await calls.startSignIn('alice', alice);
    const newCode = lab.codeSentTo(PHONE);
    if (newCode !== oldCode) {
      expect((await awsError(calls.answer('SMS_MFA', second.Session, { USERNAME: 'alice', SMS_MFA_CODE: oldCode }))).name).toBe('CodeMismatchException');
    }
    expect((await calls.answer('SMS_MFA', second.Session, { USERNAME: 'alice', SMS_MFA_CODE: newCode })).AuthenticationResult).toBeDefined();
  });

  it('asks for SMS_MFA_CODE when it is missing', async () => {
    const { calls } = await aliceWithSms();
    const challenge = await calls.startSignIn('alice', alice);
    expect(await awsError(calls.answer('SMS_MFA', challenge.Session, { USERNAME: 'alice' }))).toEqual({ name: 'InvalidParameterException', message: 'Missing required parameter SMS_MFA_CODE' });
  });

  it('refuses SMS MFA in a pool that offers only TOTP', async () => {
    const lab = await learnerLab({ world: worldWith((p) => void (p.mfaFactors = ['TOTP'])) });
    const calls = mfaCalls(lab);
    const tokens = await lab.signIn('alice', alice);
    await calls.setPhone(tokens.AccessToken!);
    expect((await awsError(calls.prefer(tokens.AccessToken!, { sms: { Enabled: true } }))).name).toBe('InvalidParameterException');
  });

  it('signs in without a code once SMS MFA is off again, and a disabled factor cannot be preferred', async () => {
    const { calls, accessToken } = await aliceWithSms();
    expect((await awsError(calls.prefer(accessToken, { sms: { Enabled: false, PreferredMfa: true } }))).name).toBe('InvalidParameterException');
    await calls.prefer(accessToken, { sms: { Enabled: false } });
    expect((await calls.startSignIn('alice', alice)).AuthenticationResult).toBeDefined();
  });
});
