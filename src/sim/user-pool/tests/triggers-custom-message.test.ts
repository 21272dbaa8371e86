// The custom message trigger: the function writes the text with the {####} placeholder and Cognito delivers it with
// the real code (or, for invitations, the username and temporary password); each triggerSource; the default message
// when the function writes none; and a function that throws.
import { describe, expect, it } from 'vitest';
import {
  AdminCreateUserCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  GetUserAttributeVerificationCodeCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_PASSWORDS } from '../../index';
import { awsError, learnerLab, type LearnerLab } from '../../../testing/user-pool-harness';
import { expectCommonFields, invocationOf, triggerNotes, triggerWorld } from './triggers-harness';

const branded = () => triggerWorld({ customMessage: { handler: 'custom-message-branded', settings: { appName: 'Notes' } } });
const lastMessageTo = (lab: LearnerLab, to: string) => lab.messagesTo(to).at(-1)!;

const signUpDana = (lab: LearnerLab) =>
  lab.cognito.send(new SignUpCommand({ ClientId: lab.web, Username: 'dana', Password: 'Dana#Passw0rd', UserAttributes: [{ Name: 'email', Value: 'dana@example.com' }, { Name: 'given_name', Value: 'Dana' }], ClientMetadata: { locale: 'en' } }));

describe('When a pool has a custom message trigger', () => {
  it('sends CustomMessage_SignUp with the code placeholder, and delivers the function\'s text with the real code in it', async () => {
    const lab = await learnerLab({ world: branded() });
    await signUpDana(lab);
    const { event } = invocationOf(lab.sim, 'CustomMessage_SignUp');
    expectCommonFields(event, { triggerSource: 'CustomMessage_SignUp', poolId: lab.poolId, userName: 'dana', clientId: lab.web });
    expect(event.request).toEqual({
      userAttributes: { sub: lab.user('dana').sub, email: 'dana@example.com', given_name: 'Dana', 'cognito:user_status': 'UNCONFIRMED' },
      codeParameter: '{####}',
      linkParameter: '{##Click Here##}',
      usernameParameter: null,
      clientMetadata: { locale: 'en' },
    });
    expect(event.response).toEqual({ smsMessage: null, emailMessage: null, emailSubject: null });
    const message = lastMessageTo(lab, 'dana@example.com');
    expect(message.code).toMatch(/^\d{6}$/);
    expect(message.subject).toBe('Welcome to Notes');
    expect(message.body).toBe(`<p>Hi Dana, thanks for joining Notes! Your confirmation code is ${message.code}.</p>`);
    expect(triggerNotes(lab.sim)[0]).toMatchObject({ trigger: 'Custom message', outcome: 'ok', changes: ['e-mail text and subject from the function', 'SMS text from the function'] });
    // The code in the custom text is the code the pool checks.
    await lab.cognito.send(new ConfirmSignUpCommand({ ClientId: lab.web, Username: 'dana', ConfirmationCode: message.code! }));
    expect(lab.user('dana').status).toBe('CONFIRMED');
  });

  it('words the other code messages too: ResendCode, ForgotPassword, UpdateUserAttribute, VerifyUserAttribute', async () => {
    const lab = await learnerLab({ world: branded() });
    await signUpDana(lab);
    await lab.cognito.send(new ResendConfirmationCodeCommand({ ClientId: lab.web, Username: 'dana' }));
    invocationOf(lab.sim, 'CustomMessage_ResendCode');
    expect(lastMessageTo(lab, 'dana@example.com').subject).toBe('Your new Notes code');

    await lab.cognito.send(new ForgotPasswordCommand({ ClientId: lab.web, Username: 'bob' }));
    invocationOf(lab.sim, 'CustomMessage_ForgotPassword');
    const reset = lastMessageTo(lab, 'bob@example.com');
    expect(reset.body).toBe(`<p>Hi Bob Builder, use ${reset.code} to choose a new Notes password. If you did not ask, ignore this message.</p>`);

    const { AccessToken } = await lab.signIn('alice', DEMO_PASSWORDS.alice);
    await lab.cognito.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'email', Value: 'alice@new.example' }] }));
    const update = invocationOf(lab.sim, 'CustomMessage_UpdateUserAttribute').event;
    expect((update.callerContext as { clientId: string }).clientId).toBe(lab.web);
    expect(lastMessageTo(lab, 'alice@new.example').subject).toBe('Confirm your new Notes address');

    await lab.cognito.send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'email' }));
    invocationOf(lab.sim, 'CustomMessage_VerifyUserAttribute');
    const verify = lastMessageTo(lab, 'alice@new.example');
    expect(verify.body).toBe(`<p>Hi Alice Liddell, your Notes verification code is ${verify.code}.</p>`);
  });

  it('writes the invitation of AdminCreateUser with the username and temporary password where the function put {username} and {####}', async () => {
    const lab = await learnerLab({ world: branded() });
    await lab.cognito.send(new AdminCreateUserCommand({ UserPoolId: lab.poolId, Username: 'tess', TemporaryPassword: 'Temp#Passw0rd', DesiredDeliveryMediums: ['EMAIL'], UserAttributes: [{ Name: 'email', Value: 'tess@example.com' }] }));
    const { event } = invocationOf(lab.sim, 'CustomMessage_AdminCreateUser');
    expectCommonFields(event, { triggerSource: 'CustomMessage_AdminCreateUser', poolId: lab.poolId, userName: 'tess', clientId: 'CLIENT_ID_NOT_APPLICABLE' });
    expect(event.request).toMatchObject({ codeParameter: '{####}', usernameParameter: '{username}' });
    expect(lastMessageTo(lab, 'tess@example.com')).toMatchObject({
      subject: 'Your Notes account',
      body: '<p>Hi tess, an administrator created your Notes account. Sign in as tess with the temporary password Temp#Passw0rd.</p>',
      code: 'Temp#Passw0rd',
    });
  });

  it('sends Cognito\'s default message when the function writes no text', async () => {
    // A post confirmation function attached as the custom message trigger answers a response with no message fields.
    const lab = await learnerLab({ world: triggerWorld({ customMessage: { handler: 'post-confirmation-welcome' } }) });
    await signUpDana(lab);
    const message = lastMessageTo(lab, 'dana@example.com');
    expect(message).toMatchObject({ subject: 'Your verification code', body: `Your verification code is ${message.code}. ` });
    expect(triggerNotes(lab.sim)[0]!.changes).toEqual(['no text in the response: the default message is sent']);
  });

  it('fails the operation with UserLambdaValidationException when the function throws, and sends nothing', async () => {
    const lab = await learnerLab({ world: triggerWorld({ customMessage: { handler: 'token-authorizer' } }) });
    expect(await awsError(signUpDana(lab))).toEqual({ name: 'UserLambdaValidationException', message: 'CustomMessage failed with error Unauthorized.' });
    expect(lab.messagesTo('dana@example.com')).toEqual([]);
  });
});
