// The pre sign-up trigger, driven with the AWS SDK: the event Cognito sends (asserted on the nested Lambda invocation),
// auto-confirmation and auto-verification, a refused sign-up, AdminCreateUser (whose response Cognito ignores), and a
// function that answers nothing.
import { describe, expect, it } from 'vitest';
import { AdminCreateUserCommand, AdminGetUserCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { awsError, learnerLab, type LearnerLab } from '../../../testing/user-pool-harness';
import { expectCommonFields, invocationOf, invocations, triggerNotes, triggerWorld } from './triggers-harness';

const PASSWORD = 'Dana#Passw0rd';

const signUp = (lab: LearnerLab, username: string, email: string, extra: Partial<ConstructorParameters<typeof SignUpCommand>[0]> = {}) =>
  lab.cognito.send(new SignUpCommand({ ClientId: lab.web, Username: username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email }], ...extra }));

const adminGet = (lab: LearnerLab, username: string) => lab.cognito.send(new AdminGetUserCommand({ UserPoolId: lab.poolId, Username: username }));
const attribute = (user: { UserAttributes?: { Name?: string; Value?: string }[] }, name: string) => user.UserAttributes?.find((a) => a.Name === name)?.Value;

const domainPolicy = (settings?: Record<string, string>) => triggerWorld({ preSignUp: { handler: 'pre-sign-up-domain-policy', ...(settings ? { settings } : {}) } });

describe('When a pool has a pre sign-up trigger', () => {
  it('invokes the function with the event AWS documents, as a nested cognito-idp → lambda exchange', async () => {
    const lab = await learnerLab({ world: domainPolicy() });
    await signUp(lab, 'dana', 'dana@example.com', { ValidationData: [{ Name: 'invite', Value: 'spring-2026' }], ClientMetadata: { campaign: 'launch' } });
    const { event } = invocationOf(lab.sim, 'PreSignUp_SignUp');
    expectCommonFields(event, { triggerSource: 'PreSignUp_SignUp', poolId: lab.poolId, userName: 'dana', clientId: lab.web });
    expect(event.request).toEqual({ userAttributes: { email: 'dana@example.com' }, validationData: { invite: 'spring-2026' }, clientMetadata: { campaign: 'launch' } });
    expect(event.response).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
    expect(triggerNotes(lab.sim)).toEqual([expect.objectContaining({ trigger: 'Pre sign-up', triggerSource: 'PreSignUp_SignUp', functionName: 'preSignUp-fn', outcome: 'ok' })]);
  });

  it('sends validationData null when the app sent none, and no clientMetadata', async () => {
    const lab = await learnerLab({ world: domainPolicy() });
    await signUp(lab, 'dana', 'dana@example.com');
    expect(invocationOf(lab.sim, 'PreSignUp_SignUp').event.request).toEqual({ userAttributes: { email: 'dana@example.com' }, validationData: null });
  });

  it('lets a user of a trusted domain in at once: CONFIRMED, e-mail verified, no code sent, signs in straight away', async () => {
    const lab = await learnerLab({ world: domainPolicy() });
    const out = await signUp(lab, 'erin', 'erin@example.edu');
    expect(out.UserConfirmed).toBe(true);
    expect(out.CodeDeliveryDetails).toBeUndefined();
    expect(lab.messagesTo('erin@example.edu')).toHaveLength(0);
    expect(triggerNotes(lab.sim)[0]!.changes).toEqual(['autoConfirmUser: true', 'autoVerifyEmail: true']);
    const user = await adminGet(lab, 'erin');
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(attribute(user, 'email_verified')).toBe('true');
    expect((await lab.signIn('erin@example.edu', PASSWORD)).IdToken).toBeTruthy();
  });

  it('leaves other domains to the usual confirmation by code', async () => {
    const lab = await learnerLab({ world: domainPolicy() });
    const out = await signUp(lab, 'dana', 'dana@example.com');
    expect(out.UserConfirmed).toBe(false);
    expect(out.CodeDeliveryDetails).toEqual({ Destination: 'd***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect((await adminGet(lab, 'dana')).UserStatus).toBe('UNCONFIRMED');
    expect(await awsError(lab.signIn('dana', PASSWORD))).toEqual({ name: 'UserNotConfirmedException', message: 'User is not confirmed.' });
  });

  it('refuses a disposable domain with UserLambdaValidationException carrying the function\'s message, and creates nobody', async () => {
    const lab = await learnerLab({ world: domainPolicy() });
    expect(await awsError(signUp(lab, 'spam', 'spam@mailinator.com'))).toEqual({
      name: 'UserLambdaValidationException',
      message: 'PreSignUp failed with error Sign-ups with disposable e-mail addresses (mailinator.com) are not accepted.',
    });
    const { exchange } = invocationOf(lab.sim, 'PreSignUp_SignUp');
    expect(exchange.response.headers['x-amz-function-error']).toBe('Unhandled');
    expect(triggerNotes(lab.sim)).toEqual([expect.objectContaining({ outcome: 'failed' })]);
    expect(await awsError(adminGet(lab, 'spam'))).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
    expect(lab.messagesTo('spam@mailinator.com')).toHaveLength(0);
  });

  it('moves a verified e-mail alias to the new user when the function auto-verifies it', async () => {
    const lab = await learnerLab({ world: domainPolicy({ autoConfirmDomains: 'example.com' }) });
    await signUp(lab, 'alice2', 'alice@example.com');
    expect(attribute(await adminGet(lab, 'alice'), 'email_verified')).toBe('false');
    expect(attribute(await adminGet(lab, 'alice2'), 'email_verified')).toBe('true');
    expect((await lab.signIn('alice@example.com', PASSWORD)).IdToken).toBeTruthy();
  });

  it('does not fire the post confirmation trigger for a user the pre sign-up trigger confirmed', async () => {
    const world = triggerWorld({ preSignUp: { handler: 'pre-sign-up-domain-policy' }, postConfirmation: { handler: 'post-confirmation-welcome' } });
    const lab = await learnerLab({ world });
    await signUp(lab, 'erin', 'erin@example.edu');
    expect(invocations(lab.sim).map((x) => JSON.parse(x.request.body!).triggerSource)).toEqual(['PreSignUp_SignUp']);
  });

  it('answers InvalidLambdaResponseException when the function returns nothing, and creates nobody', async () => {
    const lab = await learnerLab({ world: triggerWorld({ preSignUp: { handler: 'forgets-to-return' } }) });
    expect(await awsError(signUp(lab, 'dana', 'dana@example.com'))).toEqual({ name: 'InvalidLambdaResponseException', message: 'Invalid lambda function output : Invalid JSON' });
    expect(invocationOf(lab.sim, 'PreSignUp_SignUp').exchange.response.body).toBe('null');
    expect(await awsError(adminGet(lab, 'dana'))).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
  });
});

describe('When an administrator creates a user in a pool with a pre sign-up trigger', () => {
  it('invokes PreSignUp_AdminCreateUser with no app client, and ignores the response', async () => {
    const lab = await learnerLab({ world: domainPolicy() });
    const out = await lab.cognito.send(new AdminCreateUserCommand({ UserPoolId: lab.poolId, Username: 'frank', UserAttributes: [{ Name: 'email', Value: 'frank@example.edu' }], ValidationData: [{ Name: 'ticket', Value: 'T-1' }], MessageAction: 'SUPPRESS' }));
    const { event } = invocationOf(lab.sim, 'PreSignUp_AdminCreateUser');
    expectCommonFields(event, { triggerSource: 'PreSignUp_AdminCreateUser', poolId: lab.poolId, userName: 'frank', clientId: 'CLIENT_ID_NOT_APPLICABLE' });
    expect(event.request).toEqual({ userAttributes: { email: 'frank@example.edu' }, validationData: { ticket: 'T-1' } });
    // The function would auto-confirm example.edu, but only on SignUp; and Cognito ignores it here anyway.
    expect(out.User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(triggerNotes(lab.sim)[0]!.changes).toEqual(['the function let the user be created (Cognito ignores its response for AdminCreateUser)']);
  });

  it('still lets the function refuse the user', async () => {
    const lab = await learnerLab({ world: domainPolicy() });
    const create = lab.cognito.send(new AdminCreateUserCommand({ UserPoolId: lab.poolId, Username: 'spam', UserAttributes: [{ Name: 'email', Value: 'x@guerrillamail.com' }], MessageAction: 'SUPPRESS' }));
    expect(await awsError(create)).toEqual({ name: 'UserLambdaValidationException', message: 'PreSignUp failed with error Sign-ups with disposable e-mail addresses (guerrillamail.com) are not accepted.' });
    expect(await awsError(adminGet(lab, 'spam'))).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
  });
});

describe('When a pool has no triggers', () => {
  it('signs up without calling Lambda', async () => {
    const lab = await learnerLab();
    await signUp(lab, 'dana', 'dana@example.com');
    expect(invocations(lab.sim)).toEqual([]);
    expect(triggerNotes(lab.sim)).toEqual([]);
  });
});
