import { describe, expect, it } from 'vitest';
import {
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_PASSWORDS } from '../../index';
import { HOUR, MINUTE, awsError, learnerLab, wrongCode, type LearnerLab } from '../../../testing/user-pool-harness';

const { alice, bob } = DEMO_PASSWORDS;
const incorrect = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const NEW_EMAIL = 'alice@new.example';

async function signedIn(username: 'alice' | 'bob' = 'alice') {
  const lab = await learnerLab();
  const { AccessToken } = await lab.signIn(username, DEMO_PASSWORDS[username]);
  return { lab, token: AccessToken! };
}
const update = (lab: LearnerLab, AccessToken: string, UserAttributes: AttributeType[]) =>
  lab.cognito.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes }));
const verify = (lab: LearnerLab, AccessToken: string, Code: string, AttributeName = 'email') =>
  lab.cognito.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName, Code }));
const askCode = (lab: LearnerLab, AccessToken: string, AttributeName = 'email') =>
  lab.cognito.send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName }));
async function attributes(lab: LearnerLab, AccessToken: string): Promise<Record<string, string>> {
  const me = await lab.cognito.send(new GetUserCommand({ AccessToken }));
  return Object.fromEntries(me.UserAttributes!.map((a) => [a.Name!, a.Value!]));
}

describe('When the learner edits their profile', () => {
  it('changes an ordinary attribute at once, with no code to send', async () => {
    const { lab, token } = await signedIn();
    const out = await update(lab, token, [{ Name: 'name', Value: 'Alice Pleasance Liddell' }, { Name: 'custom:team', Value: 'wonderland' }]);
    expect(out.CodeDeliveryDetailsList).toBeUndefined();
    expect(await attributes(lab, token)).toMatchObject({ name: 'Alice Pleasance Liddell', 'custom:team': 'wonderland', email: 'alice@example.com', email_verified: 'true' });
    expect(lab.sim.messages()).toHaveLength(0);
  });

  it('refuses to let the user mark their own e-mail verified, change sub, or set an attribute outside the schema', async () => {
    const { lab, token } = await signedIn();
    expect(await awsError(update(lab, token, [{ Name: 'email_verified', Value: 'true' }]))).toEqual({ name: 'NotAuthorizedException', message: 'A client attempted to write unauthorized attribute' });
    expect(await awsError(update(lab, token, [{ Name: 'sub', Value: 'mine' }]))).toEqual({ name: 'InvalidParameterException', message: 'Cannot modify the non-mutable attribute sub' });
    expect(await awsError(update(lab, token, [{ Name: 'favourite_colour', Value: 'blue' }]))).toEqual({
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: favourite_colour: Attribute does not exist in the schema.\n',
    });
    expect(await awsError(update(lab, token, [{ Name: 'email', Value: '' }]))).toEqual({ name: 'InvalidParameterException', message: 'Invalid email address format.' });
  });
});

describe('When the learner changes their e-mail address', () => {
  it('replaces it at once, unverified, and sends a code to the new address', async () => {
    const { lab, token } = await signedIn();
    const out = await update(lab, token, [{ Name: 'email', Value: NEW_EMAIL }]);
    expect(out.CodeDeliveryDetailsList).toEqual([{ Destination: 'a***@n***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }]);
    expect(await attributes(lab, token)).toMatchObject({ email: NEW_EMAIL, email_verified: 'false' });
    expect(lab.codeSentTo(NEW_EMAIL)).toMatch(/^\d{6}$/);
    expect(lab.messagesTo('alice@example.com')).toHaveLength(0);
  });

  it('lets neither address sign in as an alias until the new one is verified; the username still works', async () => {
    const { lab, token } = await signedIn();
    await update(lab, token, [{ Name: 'email', Value: NEW_EMAIL }]);
    expect(await awsError(lab.signIn(NEW_EMAIL, alice))).toEqual(incorrect);
    expect(await awsError(lab.signIn('alice@example.com', alice))).toEqual(incorrect);
    expect((await lab.signIn('alice', alice)).AccessToken).toBeTruthy();

    const code = lab.codeSentTo(NEW_EMAIL);
    expect(await awsError(verify(lab, token, wrongCode(code)))).toEqual({ name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' });
    expect(await verify(lab, token, code)).toMatchObject({ $metadata: { httpStatusCode: 200 } });
    expect((await attributes(lab, token)).email_verified).toBe('true');
    expect((await lab.signIn(NEW_EMAIL, alice)).AccessToken).toBeTruthy();
    expect(await awsError(verify(lab, token, code))).toEqual({ name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' });
  });

  it('cannot verify an address that already signs in another user', async () => {
    const { lab, token } = await signedIn('bob');
    await update(lab, token, [{ Name: 'email', Value: 'alice@example.com' }]);
    expect(await awsError(verify(lab, token, lab.codeSentTo('alice@example.com')))).toEqual({ name: 'AliasExistsException', message: 'An account with the given email already exists.' });
    expect((await attributes(lab, token)).email_verified).toBe('false');
    expect((await lab.signIn('alice@example.com', alice)).AccessToken).toBeTruthy();
    expect(await awsError(lab.signIn('alice@example.com', bob))).toEqual(incorrect);
  });

  it('sends nothing when the address given is the current one', async () => {
    const { lab, token } = await signedIn();
    expect((await update(lab, token, [{ Name: 'email', Value: 'alice@example.com' }])).CodeDeliveryDetailsList).toBeUndefined();
    expect((await attributes(lab, token)).email_verified).toBe('true');
  });
});

describe('When the learner asks for a code to verify an attribute', () => {
  it('sends one to the address, valid for 24 hours', async () => {
    const { lab, token } = await signedIn();
    await update(lab, token, [{ Name: 'email', Value: NEW_EMAIL }]);
    const out = await askCode(lab, token);
    expect(out.CodeDeliveryDetails).toEqual({ Destination: 'a***@n***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect(lab.messagesTo(NEW_EMAIL)).toHaveLength(2);
    lab.sim.clock.advance(24 * HOUR - MINUTE);
    const fresh = await lab.signIn('alice', alice);
    await verify(lab, fresh.AccessToken!, lab.codeSentTo(NEW_EMAIL));
    expect((await attributes(lab, fresh.AccessToken!)).email_verified).toBe('true');
  });

  it('refuses the code after 24 hours', async () => {
    const { lab, token } = await signedIn();
    await askCode(lab, token);
    lab.sim.clock.advance(24 * HOUR);
    const fresh = await lab.signIn('alice', alice);
    expect(await awsError(verify(lab, fresh.AccessToken!, lab.codeSentTo('alice@example.com')))).toEqual({ name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' });
  });

  it('verifies only e-mail and phone numbers, and only one the user has', async () => {
    const { lab, token } = await signedIn();
    const onlyTwo = { name: 'InvalidParameterException', message: 'invalid attribute name. Only phone_number and email can be verified' };
    expect(await awsError(askCode(lab, token, 'name'))).toEqual(onlyTwo);
    expect(await awsError(verify(lab, token, '123456', 'name'))).toEqual(onlyTwo);
    expect(await awsError(askCode(lab, token, 'phone_number'))).toEqual({ name: 'InvalidParameterException', message: 'User has no attribute phone_number to verify.' });
  });

  it('sends a text message for a phone number', async () => {
    const { lab, token } = await signedIn();
    await update(lab, token, [{ Name: 'phone_number', Value: '+15555550123' }]);
    expect((await attributes(lab, token)).phone_number_verified).toBe('false');
    const out = await askCode(lab, token, 'phone_number');
    expect(out.CodeDeliveryDetails).toEqual({ Destination: '+*******0123', DeliveryMedium: 'SMS', AttributeName: 'phone_number' });
    expect(lab.sim.messages().at(-1)).toMatchObject({ channel: 'SMS', destination: '+15555550123' });
    await verify(lab, token, lab.codeSentTo('+15555550123'), 'phone_number');
    expect((await attributes(lab, token)).phone_number_verified).toBe('true');
  });

  it('sends at most five codes an hour', async () => {
    const { lab, token } = await signedIn();
    for (let i = 0; i < 5; i++) await askCode(lab, token);
    expect(await awsError(askCode(lab, token))).toEqual({ name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' });
    expect(lab.messagesTo('alice@example.com')).toHaveLength(5);
  });
});
