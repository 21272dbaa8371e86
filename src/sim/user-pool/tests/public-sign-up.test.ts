import { describe, expect, it } from 'vitest';
import { ConfirmSignUpCommand, ResendConfirmationCodeCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_PASSWORDS } from '../../index';
import { HOUR, MINUTE, awsError, learnerLab, worldWith, wrongCode, type LearnerLab } from '../../../testing/user-pool-harness';

const PASSWORD = 'Carol#Passw0rd';

async function signUpCarol(lab: LearnerLab, overrides: Partial<ConstructorParameters<typeof SignUpCommand>[0]> = {}) {
  return lab.cognito.send(new SignUpCommand({
    ClientId: lab.web,
    Username: 'carol',
    Password: PASSWORD,
    UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }],
    ...overrides,
  }));
}

const confirm = (lab: LearnerLab, code: string, username = 'carol', clientId = lab.web) =>
  lab.cognito.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: username, ConfirmationCode: code }));

const resend = (lab: LearnerLab, username = 'carol', clientId = lab.web) =>
  lab.cognito.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: username }));

describe('When a learner signs up', () => {
  it('creates an unconfirmed user and e-mails a code to the masked address it names', async () => {
    const lab = await learnerLab();
    const out = await signUpCarol(lab);
    expect(out.UserConfirmed).toBe(false);
    expect(out.UserSub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(out.CodeDeliveryDetails).toEqual({ Destination: 'c***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect(lab.codeSentTo('carol@example.com')).toMatch(/^\d{6}$/);
    expect(await awsError(lab.signIn('carol', PASSWORD))).toEqual({ name: 'UserNotConfirmedException', message: 'User is not confirmed.' });
  });

  it('refuses a username that is taken, whatever its case', async () => {
    const lab = await learnerLab();
    for (const Username of ['alice', 'ALICE']) {
      expect(await awsError(signUpCarol(lab, { Username }))).toEqual({ name: 'UsernameExistsException', message: 'User already exists' });
    }
  });

  it('refuses a password that breaks each rule of the policy, one reason at a time', async () => {
    const lab = await learnerLab();
    const cases: [string, string][] = [
      ['Ab1!xyz', 'Password not long enough'],
      ['abcdefg1!', 'Password must have uppercase characters'],
      ['ABCDEFG1!', 'Password must have lowercase characters'],
      ['Abcdefgh!', 'Password must have numeric characters'],
      ['Abcdefgh1', 'Password must have symbol characters'],
    ];
    for (const [Password, reason] of cases) {
      expect(await awsError(signUpCarol(lab, { Password }))).toEqual({ name: 'InvalidPasswordException', message: `Password does not conform to policy: ${reason}` });
    }
    expect(await awsError(signUpCarol(lab, { Password: 'Ab1!' }))).toEqual({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 6",
    });
    expect(lab.messagesTo('carol@example.com')).toHaveLength(0);
  });

  it('requires the e-mail address the pool marks as required', async () => {
    const lab = await learnerLab();
    expect(await awsError(signUpCarol(lab, { UserAttributes: [{ Name: 'name', Value: 'Carol' }] }))).toEqual({
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: email: The attribute email is required',
    });
  });

  it('confirms with the code, after which the user signs in by username and by the now verified e-mail', async () => {
    const lab = await learnerLab();
    await signUpCarol(lab);
    expect(await confirm(lab, lab.codeSentTo('carol@example.com'))).toMatchObject({ $metadata: { httpStatusCode: 200 } });
    expect((await lab.signIn('carol', PASSWORD)).AccessToken).toBeTruthy();
    expect((await lab.signIn('carol@example.com', PASSWORD)).AccessToken).toBeTruthy();
  });

  it('refuses a wrong code and leaves the user unconfirmed', async () => {
    const lab = await learnerLab();
    await signUpCarol(lab);
    const code = lab.codeSentTo('carol@example.com');
    expect(await awsError(confirm(lab, wrongCode(code)))).toEqual({ name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' });
    expect((await awsError(lab.signIn('carol', PASSWORD))).name).toBe('UserNotConfirmedException');
    await confirm(lab, code);
  });

  it('accepts the code for 24 hours and not a moment longer', async () => {
    const early = await learnerLab();
    await signUpCarol(early);
    early.sim.clock.advance(24 * HOUR - MINUTE);
    await confirm(early, early.codeSentTo('carol@example.com'));

    const late = await learnerLab();
    await signUpCarol(late);
    late.sim.clock.advance(24 * HOUR);
    expect(await awsError(confirm(late, late.codeSentTo('carol@example.com')))).toEqual({ name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' });
  });

  it('refuses the same code a second time, since the user is already confirmed', async () => {
    const lab = await learnerLab();
    await signUpCarol(lab);
    const code = lab.codeSentTo('carol@example.com');
    await confirm(lab, code);
    expect(await awsError(confirm(lab, code))).toEqual({ name: 'NotAuthorizedException', message: 'User cannot be confirmed. Current status is CONFIRMED' });
  });

  it('stops accepting even the right code after it was guessed wrong five times', async () => {
    const lab = await learnerLab();
    await signUpCarol(lab);
    const code = lab.codeSentTo('carol@example.com');
    for (let i = 0; i < 5; i++) expect((await awsError(confirm(lab, wrongCode(code)))).name).toBe('CodeMismatchException');
    expect(await awsError(confirm(lab, code))).toEqual({ name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' });
  });

  it('refuses a sign-up through the client with a secret unless SECRET_HASH proves the secret', async () => {
    const lab = await learnerLab();
    expect(await awsError(signUpCarol(lab, { ClientId: lab.alb }))).toEqual({ name: 'NotAuthorizedException', message: `Client ${lab.alb} is configured with secret but SECRET_HASH was not received` });
    expect(await awsError(signUpCarol(lab, { ClientId: lab.alb, SecretHash: 'd3Jvbmc=' }))).toEqual({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${lab.alb}`,
    });
    expect((await signUpCarol(lab, { ClientId: lab.alb, SecretHash: await lab.secretHash('carol') })).UserConfirmed).toBe(false);
  });

  it('moves the e-mail alias from another account only when ForceAliasCreation says so', async () => {
    const lab = await learnerLab();
    await signUpCarol(lab, { UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }] });
    const code = lab.codeSentTo('alice@example.com');
    expect(await awsError(confirm(lab, code))).toEqual({ name: 'AliasExistsException', message: 'An account with the given email already exists.' });
    await lab.cognito.send(new ConfirmSignUpCommand({ ClientId: lab.web, Username: 'carol', ConfirmationCode: code, ForceAliasCreation: true }));
    expect((await lab.signIn('alice@example.com', PASSWORD)).IdToken).toBeTruthy();
    expect((await awsError(lab.signIn('alice@example.com', DEMO_PASSWORDS.alice))).message).toBe('Incorrect username or password.');
  });
});

describe('When the learner asks for the sign-up code again', () => {
  it('sends a new code that replaces the old one', async () => {
    const lab = await learnerLab();
    await signUpCarol(lab);
    const first = lab.codeSentTo('carol@example.com');
    const out = await resend(lab);
    expect(out.CodeDeliveryDetails).toEqual({ Destination: 'c***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const second = lab.codeSentTo('carol@example.com');
    expect(lab.messagesTo('carol@example.com')).toHaveLength(2);
    expect(second).not.toBe(first);
    expect((await awsError(confirm(lab, first))).name).toBe('CodeMismatchException');
    await confirm(lab, second);
  });

  it('sends at most five in an hour, then again once the hour has passed', async () => {
    const lab = await learnerLab();
    await signUpCarol(lab);
    for (let i = 0; i < 5; i++) await resend(lab);
    expect(await awsError(resend(lab))).toEqual({ name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' });
    expect(lab.messagesTo('carol@example.com')).toHaveLength(6);
    lab.sim.clock.advance(HOUR);
    expect((await resend(lab)).CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
  });

  it('refuses for a user who is already confirmed', async () => {
    const lab = await learnerLab();
    expect(await awsError(resend(lab, 'alice'))).toEqual({ name: 'InvalidParameterException', message: 'User is already confirmed.' });
  });

  it('pretends to send a code to an unknown user when PreventUserExistenceErrors is ENABLED', async () => {
    const lab = await learnerLab();
    const out = await resend(lab, 'nobody');
    const again = await resend(lab, 'nobody');
    expect(out.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email', Destination: expect.stringMatching(/^[a-z]\*\*\*@[a-z]\*\*\*$/) });
    expect(again.CodeDeliveryDetails).toEqual(out.CodeDeliveryDetails);
    expect(lab.sim.messages()).toHaveLength(0);
    expect(await awsError(confirm(lab, '123456', 'nobody'))).toEqual({ name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' });
  });

  it('says the user does not exist when the client is LEGACY', async () => {
    const lab = await learnerLab({ world: worldWith((p) => void (p.clients[0]!.preventUserExistenceErrors = 'LEGACY')) });
    const notFound = { name: 'UserNotFoundException', message: 'Username/client id combination not found.' };
    expect(await awsError(resend(lab, 'nobody'))).toEqual(notFound);
    expect(await awsError(confirm(lab, '123456', 'nobody'))).toEqual(notFound);
  });
});
