import { describe, expect, it } from 'vitest';
import { ChangePasswordCommand, ConfirmForgotPasswordCommand, ForgotPasswordCommand, GlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_PASSWORDS } from '../../index';
import { HOUR, MINUTE, awsError, learnerLab, worldWith, wrongCode, type LearnerLab } from '../../../testing/user-pool-harness';

const { alice, bob } = DEMO_PASSWORDS;
const NEW = 'Alice#N3wPassword';
const incorrect = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const mismatch = { name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' };
const expired = { name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' };
const limit = { name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' };
const notFound = { name: 'UserNotFoundException', message: 'Username/client id combination not found.' };

const forgot = (lab: LearnerLab, Username = 'alice', extra: { ClientId?: string; SecretHash?: string } = {}) =>
  lab.cognito.send(new ForgotPasswordCommand({ ClientId: lab.web, Username, ...extra }));
const confirmReset = (lab: LearnerLab, ConfirmationCode: string, Password = NEW, Username = 'alice') =>
  lab.cognito.send(new ConfirmForgotPasswordCommand({ ClientId: lab.web, Username, ConfirmationCode, Password }));
const legacy = worldWith((p) => void (p.clients[0]!.preventUserExistenceErrors = 'LEGACY'));

describe('When the learner forgets their password', () => {
  it('e-mails a reset code to the verified address; the old password works until the new one is set', async () => {
    const lab = await learnerLab();
    const out = await forgot(lab);
    expect(out.CodeDeliveryDetails).toEqual({ Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect((await lab.signIn('alice', alice)).AccessToken).toBeTruthy();
    expect(await confirmReset(lab, lab.codeSentTo('alice@example.com'))).toMatchObject({ $metadata: { httpStatusCode: 200 } });
    expect(await awsError(lab.signIn('alice', alice))).toEqual(incorrect);
    expect((await lab.signIn('alice', NEW)).AccessToken).toBeTruthy();
  });

  it('accepts the verified e-mail alias as the username', async () => {
    const lab = await learnerLab();
    await forgot(lab, 'alice@example.com');
    await confirmReset(lab, lab.codeSentTo('alice@example.com'), NEW, 'alice@example.com');
    expect((await lab.signIn('alice', NEW)).AccessToken).toBeTruthy();
  });

  it('refuses a wrong code, a used code, and a confirmation never asked for', async () => {
    const lab = await learnerLab();
    expect(await awsError(confirmReset(lab, '123456'))).toEqual(expired);
    await forgot(lab);
    const code = lab.codeSentTo('alice@example.com');
    expect(await awsError(confirmReset(lab, wrongCode(code)))).toEqual(mismatch);
    await confirmReset(lab, code);
    expect(await awsError(confirmReset(lab, code, 'Alice#Th1rdPassword'))).toEqual(expired);
    expect((await lab.signIn('alice', NEW)).AccessToken).toBeTruthy();
  });

  it('accepts the code for one hour only', async () => {
    const early = await learnerLab();
    await forgot(early);
    early.sim.clock.advance(HOUR - MINUTE);
    await confirmReset(early, early.codeSentTo('alice@example.com'));

    const late = await learnerLab();
    await forgot(late);
    late.sim.clock.advance(HOUR);
    expect(await awsError(confirmReset(late, late.codeSentTo('alice@example.com')))).toEqual(expired);
    expect((await late.signIn('alice', alice)).AccessToken).toBeTruthy();
  });

  it('stops accepting the code after five wrong guesses', async () => {
    const lab = await learnerLab();
    await forgot(lab);
    const code = lab.codeSentTo('alice@example.com');
    for (let i = 0; i < 5; i++) expect(await awsError(confirmReset(lab, wrongCode(code)))).toEqual(mismatch);
    expect(await awsError(confirmReset(lab, code))).toEqual(limit);
  });

  it('refuses a new password that breaks the policy, without using up the code', async () => {
    const lab = await learnerLab();
    await forgot(lab);
    const code = lab.codeSentTo('alice@example.com');
    expect(await awsError(confirmReset(lab, code, 'alice#passw0rd'))).toEqual({ name: 'InvalidPasswordException', message: 'Password does not conform to policy: Password must have uppercase characters' });
    await confirmReset(lab, code);
    expect((await lab.signIn('alice', NEW)).AccessToken).toBeTruthy();
  });

  it('sends at most five reset codes an hour', async () => {
    const lab = await learnerLab();
    for (let i = 0; i < 5; i++) await forgot(lab);
    expect(await awsError(forgot(lab))).toEqual(limit);
    expect(lab.messagesTo('alice@example.com')).toHaveLength(5);
  });

  it('pretends to send a code for an unknown or disabled user when PreventUserExistenceErrors is ENABLED', async () => {
    const lab = await learnerLab();
    const unknown = await forgot(lab, 'nobody@example.com');
    expect(unknown.CodeDeliveryDetails).toEqual({ Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    await lab.disable('bob');
    expect((await forgot(lab, 'bob')).CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    expect(lab.sim.messages()).toHaveLength(0);
    expect(await awsError(confirmReset(lab, '123456', NEW, 'nobody@example.com'))).toEqual(mismatch);
    expect(await awsError(confirmReset(lab, '123456', NEW, 'bob'))).toEqual(mismatch);
  });

  it('says the user does not exist when the client is LEGACY', async () => {
    const lab = await learnerLab({ world: legacy });
    expect(await awsError(forgot(lab, 'nobody'))).toEqual(notFound);
    expect(await awsError(confirmReset(lab, '123456', NEW, 'nobody'))).toEqual(notFound);
    await lab.disable('bob');
    expect(await awsError(forgot(lab, 'bob'))).toEqual({ name: 'NotAuthorizedException', message: 'User is disabled.' });
  });

  it('sends users to an administrator when the pool recovers accounts by administrator only', async () => {
    const lab = await learnerLab({ world: worldWith((p) => void (p.accountRecovery = 'admin_only')) });
    expect(await awsError(forgot(lab))).toEqual({ name: 'NotAuthorizedException', message: 'Contact administrator to reset password.' });
    expect(await awsError(forgot(lab, 'nobody'))).toEqual({ name: 'NotAuthorizedException', message: 'Contact administrator to reset password.' });
  });

  it('refuses when the user has no verified address to send the code to', async () => {
    const lab = await learnerLab();
    lab.user('bob').attributes.set('email_verified', 'false');
    expect(await awsError(forgot(lab, 'bob'))).toEqual({ name: 'InvalidParameterException', message: 'Cannot reset password for the user as there is no registered/verified email or phone_number' });
  });

  it('refuses a user who still has a temporary password', async () => {
    const lab = await learnerLab();
    lab.user('bob').status = 'FORCE_CHANGE_PASSWORD';
    expect(await awsError(forgot(lab, 'bob'))).toEqual({ name: 'NotAuthorizedException', message: 'User password cannot be reset in the current state.' });
  });

  it('makes a user whose reset was required, or who was given a temporary password, CONFIRMED', async () => {
    const lab = await learnerLab();
    await forgot(lab, 'bob');
    lab.user('bob').status = 'RESET_REQUIRED';
    expect(await awsError(lab.signIn('bob', bob))).toEqual({ name: 'PasswordResetRequiredException', message: 'Password reset required for the user' });
    await confirmReset(lab, lab.codeSentTo('bob@example.com'), 'Bob#N3wPassword', 'bob');
    expect((await lab.signIn('bob', 'Bob#N3wPassword')).AccessToken).toBeTruthy();

    await forgot(lab);
    lab.user('alice').status = 'FORCE_CHANGE_PASSWORD';
    await confirmReset(lab, lab.codeSentTo('alice@example.com'));
    expect((await lab.signIn('alice', NEW)).AccessToken).toBeTruthy();
  });

  it('needs SECRET_HASH on the client with a secret', async () => {
    const lab = await learnerLab();
    expect(await awsError(forgot(lab, 'alice', { ClientId: lab.alb }))).toEqual({ name: 'NotAuthorizedException', message: `Client ${lab.alb} is configured with secret but SECRET_HASH was not received` });
    expect(await awsError(forgot(lab, 'alice', { ClientId: lab.alb, SecretHash: await lab.secretHash('bob') }))).toEqual({ name: 'NotAuthorizedException', message: `Unable to verify secret hash for client ${lab.alb}` });
    const out = await forgot(lab, 'alice', { ClientId: lab.alb, SecretHash: await lab.secretHash('alice') });
    expect(out.CodeDeliveryDetails?.Destination).toBe('a***@e***');
    await lab.cognito.send(new ConfirmForgotPasswordCommand({ ClientId: lab.alb, SecretHash: await lab.secretHash('alice'), Username: 'alice', ConfirmationCode: lab.codeSentTo('alice@example.com'), Password: NEW }));
    expect((await lab.signIn('alice', NEW)).AccessToken).toBeTruthy();
  });
});

describe('When the signed-in learner changes their password', () => {
  const change = (lab: LearnerLab, AccessToken: string, PreviousPassword: string, ProposedPassword: string) =>
    lab.cognito.send(new ChangePasswordCommand({ AccessToken, PreviousPassword, ProposedPassword }));

  it('needs the current password; afterwards only the new one signs in and the tokens stay valid', async () => {
    const lab = await learnerLab();
    const { AccessToken } = await lab.signIn('alice', alice);
    expect(await awsError(change(lab, AccessToken!, 'Wrong#Passw0rd', NEW))).toEqual(incorrect);
    await change(lab, AccessToken!, alice, NEW);
    expect(await awsError(lab.signIn('alice', alice))).toEqual(incorrect);
    expect((await lab.signIn('alice', NEW)).AccessToken).toBeTruthy();
    await change(lab, AccessToken!, NEW, 'Alice#Th1rdPassword');
  });

  it('refuses a proposed password that breaks the policy', async () => {
    const lab = await learnerLab();
    const { AccessToken } = await lab.signIn('alice', alice);
    expect(await awsError(change(lab, AccessToken!, alice, 'Alice#Password'))).toEqual({ name: 'InvalidPasswordException', message: 'Password does not conform to policy: Password must have numeric characters' });
    expect((await lab.signIn('alice', alice)).AccessToken).toBeTruthy();
  });

  it('allows five attempts an hour', async () => {
    const lab = await learnerLab();
    const { AccessToken } = await lab.signIn('alice', alice);
    for (let i = 0; i < 5; i++) expect(await awsError(change(lab, AccessToken!, 'Wrong#Passw0rd', NEW))).toEqual(incorrect);
    expect(await awsError(change(lab, AccessToken!, alice, NEW))).toEqual(limit);
    lab.sim.clock.advance(HOUR);
    const fresh = await lab.signIn('alice', alice);
    await change(lab, fresh.AccessToken!, alice, NEW);
    expect((await lab.signIn('alice', NEW)).AccessToken).toBeTruthy();
  });

  it('refuses an access token revoked by a global sign-out', async () => {
    const lab = await learnerLab();
    const { AccessToken } = await lab.signIn('alice', alice);
    await lab.cognito.send(new GlobalSignOutCommand({ AccessToken }));
    expect(await awsError(change(lab, AccessToken!, alice, NEW))).toEqual({ name: 'NotAuthorizedException', message: 'Access Token has been revoked' });
  });
});
