// The post confirmation trigger: fired after ConfirmSignUp, AdminConfirmSignUp and ConfirmForgotPassword with the
// user's current attributes; Cognito ignores what it answers, and a failure leaves the confirmation in place.
import { describe, expect, it } from 'vitest';
import { AdminConfirmSignUpCommand, AdminGetUserCommand, ConfirmForgotPasswordCommand, ConfirmSignUpCommand, ForgotPasswordCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { awsError, learnerLab, type LearnerLab } from '../../../testing/user-pool-harness';
import { answerOf, expectCommonFields, invocationOf, triggerNotes, triggerWorld } from './triggers-harness';

const PASSWORD = 'Dana#Passw0rd';
const welcome = () => triggerWorld({ postConfirmation: { handler: 'post-confirmation-welcome', settings: { appName: 'Notes' } } });

async function signUpDana(lab: LearnerLab) {
  await lab.cognito.send(new SignUpCommand({ ClientId: lab.web, Username: 'dana', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'dana@example.com' }, { Name: 'given_name', Value: 'Dana' }] }));
}

const confirm = (lab: LearnerLab) =>
  lab.cognito.send(new ConfirmSignUpCommand({ ClientId: lab.web, Username: 'dana', ConfirmationCode: lab.codeSentTo('dana@example.com'), ClientMetadata: { source: 'mobile' } }));

describe('When a user confirms the sign-up in a pool with a post confirmation trigger', () => {
  it('invokes PostConfirmation_ConfirmSignUp with the confirmed user\'s attributes, after the confirmation', async () => {
    const lab = await learnerLab({ world: welcome() });
    await signUpDana(lab);
    await confirm(lab);
    const { event, exchange } = invocationOf(lab.sim, 'PostConfirmation_ConfirmSignUp');
    expectCommonFields(event, { triggerSource: 'PostConfirmation_ConfirmSignUp', poolId: lab.poolId, userName: 'dana', clientId: lab.web });
    expect(event.request).toEqual({
      userAttributes: {
        sub: lab.user('dana').sub,
        email: 'dana@example.com',
        given_name: 'Dana',
        email_verified: 'true',
        'cognito:user_status': 'CONFIRMED',
        'cognito:email_alias': 'dana@example.com',
      },
      clientMetadata: { source: 'mobile' },
    });
    expect(event.response).toEqual({});
    // The function answered a welcome record; Cognito has nothing to do with it.
    expect(answerOf(exchange).response).toEqual({ welcomeRecord: { userSub: lab.user('dana').sub, message: 'Welcome to Notes, Dana!', reason: 'account confirmed' } });
    const note = triggerNotes(lab.sim)[0]!;
    expect(note).toMatchObject({ trigger: 'Post confirmation', outcome: 'ok', functionName: 'postConfirmation-fn' });
    expect(note.summary).toContain('Cognito ignores it');
    expect((await lab.signIn('dana', PASSWORD)).IdToken).toBeTruthy();
  });

  it('answers AWS\'s error when the function fails, yet the user stays confirmed', async () => {
    const lab = await learnerLab({ world: triggerWorld({ postConfirmation: { handler: 'forgets-to-return' } }) });
    await signUpDana(lab);
    expect(await awsError(confirm(lab))).toEqual({ name: 'InvalidLambdaResponseException', message: 'Invalid lambda function output : Invalid JSON' });
    expect((await lab.cognito.send(new AdminGetUserCommand({ UserPoolId: lab.poolId, Username: 'dana' }))).UserStatus).toBe('CONFIRMED');
    expect((await lab.signIn('dana', PASSWORD)).IdToken).toBeTruthy();
  });

  it('answers UserLambdaValidationException "PostConfirmation failed with error …." when the function throws', async () => {
    // A TOKEN authorizer attached as a trigger by mistake throws "Unauthorized" on an event it does not understand.
    const lab = await learnerLab({ world: triggerWorld({ postConfirmation: { handler: 'token-authorizer' } }) });
    await signUpDana(lab);
    expect(await awsError(confirm(lab))).toEqual({ name: 'UserLambdaValidationException', message: 'PostConfirmation failed with error Unauthorized.' });
    expect(lab.user('dana').status).toBe('CONFIRMED');
  });
});

describe('When an administrator confirms the user', () => {
  it('fires PostConfirmation_ConfirmSignUp too, with no app client', async () => {
    const lab = await learnerLab({ world: welcome() });
    await signUpDana(lab);
    await lab.cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: lab.poolId, Username: 'dana' }));
    const { event } = invocationOf(lab.sim, 'PostConfirmation_ConfirmSignUp');
    expectCommonFields(event, { triggerSource: 'PostConfirmation_ConfirmSignUp', poolId: lab.poolId, userName: 'dana', clientId: 'CLIENT_ID_NOT_APPLICABLE' });
    expect((event.request as { userAttributes: Record<string, string> }).userAttributes['cognito:user_status']).toBe('CONFIRMED');
  });
});

describe('When a user confirms a password reset', () => {
  it('fires PostConfirmation_ConfirmForgotPassword', async () => {
    const lab = await learnerLab({ world: welcome() });
    await lab.cognito.send(new ForgotPasswordCommand({ ClientId: lab.web, Username: 'bob' }));
    await lab.cognito.send(new ConfirmForgotPasswordCommand({ ClientId: lab.web, Username: 'bob', ConfirmationCode: lab.codeSentTo('bob@example.com'), Password: 'Bob#NewPassw0rd' }));
    const { event, exchange } = invocationOf(lab.sim, 'PostConfirmation_ConfirmForgotPassword');
    expectCommonFields(event, { triggerSource: 'PostConfirmation_ConfirmForgotPassword', poolId: lab.poolId, userName: 'bob', clientId: lab.web });
    expect((answerOf(exchange).response as { welcomeRecord: { reason: string } }).welcomeRecord.reason).toBe('password reset confirmed');
    expect((await lab.signIn('bob', 'Bob#NewPassw0rd')).IdToken).toBeTruthy();
  });
});
