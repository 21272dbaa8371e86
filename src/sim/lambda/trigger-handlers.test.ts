// The built-in trigger handlers on their own (pure functions of event and context, configured by settings), the
// Lambda endpoint letting a user pool in as the service principal cognito-idp.amazonaws.com, and the world's check
// that every trigger names an existing function.
import { describe, expect, it } from 'vitest';
import { createSimulator, defaultWorld } from '../index';
import type { LambdaContext } from './handlers';
import { BUILT_IN_HANDLERS } from './handlers';

const START = Date.UTC(2026, 0, 1);
const context = (settings: Record<string, string> = {}): LambdaContext => ({ functionName: 'fn', invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn', awsRequestId: 'req-1', now: START, settings });
const responseOf = (result: unknown) => (result as { response: Record<string, unknown> }).response;

describe('The pre sign-up handler', () => {
  const event = (email: string, triggerSource = 'PreSignUp_SignUp') => ({ triggerSource, userName: 'u', request: { userAttributes: { email } }, response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false } });
  const handler = BUILT_IN_HANDLERS['pre-sign-up-domain-policy'];

  it('confirms and verifies users of the trusted domain on SignUp only, and returns the event', () => {
    expect(responseOf(handler(event('a@example.edu'), context()))).toEqual({ autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: false });
    expect(responseOf(handler(event('a@example.com'), context()))).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
    expect(responseOf(handler(event('a@example.edu', 'PreSignUp_AdminCreateUser'), context()))).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
    expect(handler(event('a@example.edu'), context())).toMatchObject({ triggerSource: 'PreSignUp_SignUp', userName: 'u' });
  });

  it('takes its domains from the settings, and throws for a blocked one', () => {
    expect(responseOf(handler(event('a@school.test'), context({ autoConfirmDomains: 'school.test, other.test' }))).autoConfirmUser).toBe(true);
    expect(() => handler(event('x@Mailinator.com'), context())).toThrow('Sign-ups with disposable e-mail addresses (mailinator.com) are not accepted');
    expect(() => handler(event('x@spam.test'), context({ blockedDomains: 'spam.test' }))).toThrow('(spam.test)');
  });
});

describe('The custom auth handlers', () => {
  const define = BUILT_IN_HANDLERS['define-auth-challenge'];
  const round = (challengeResult: boolean) => ({ challengeName: 'CUSTOM_CHALLENGE', challengeResult, challengeMetadata: 'QUESTION' });
  const defineEvent = (session: unknown[]) => ({ request: { session }, response: { challengeName: null, issueTokens: null, failAuthentication: null } });

  it('define: a challenge first, tokens after a right answer, failure after the last wrong one', () => {
    expect(responseOf(define(defineEvent([]), context()))).toEqual({ challengeName: 'CUSTOM_CHALLENGE', issueTokens: false, failAuthentication: false });
    expect(responseOf(define(defineEvent([round(false), round(true)]), context()))).toEqual({ issueTokens: true, failAuthentication: false });
    expect(responseOf(define(defineEvent([round(false), round(false)]), context()))).toMatchObject({ challengeName: 'CUSTOM_CHALLENGE' });
    expect(responseOf(define(defineEvent([round(false), round(false), round(false)]), context()))).toEqual({ issueTokens: false, failAuthentication: true });
    expect(responseOf(define(defineEvent([round(false)]), context({ maxAttempts: '1' })))).toEqual({ issueTokens: false, failAuthentication: true });
    // A round that is not a custom challenge (e.g. SRP) is not something this function accepts.
    expect(responseOf(define(defineEvent([{ challengeName: 'SRP_A', challengeResult: true }]), context()))).toEqual({ issueTokens: false, failAuthentication: true });
  });

  it('create: the question in public, the answer for this user in private', () => {
    const create = BUILT_IN_HANDLERS['create-auth-challenge'];
    const settings = { question: 'Q?', answer: 'default', 'answer:alice': 'Biscuit' };
    expect(responseOf(create({ userName: 'alice', request: { session: [round(false)] } }, context(settings)))).toEqual({
      publicChallengeParameters: { question: 'Q?', attemptsLeft: '2' },
      privateChallengeParameters: { answer: 'Biscuit' },
      challengeMetadata: 'QUESTION',
    });
    expect(responseOf(create({ userName: 'bob', request: { session: [] } }, context(settings))).privateChallengeParameters).toEqual({ answer: 'default' });
  });

  it('verify: ignores case and surrounding spaces, and never accepts an empty expected answer', () => {
    const verify = BUILT_IN_HANDLERS['verify-auth-challenge'];
    const check = (answer: string, expected: string) => responseOf(verify({ request: { privateChallengeParameters: { answer: expected }, challengeAnswer: answer } }, context())).answerCorrect;
    expect(check(' biscuit ', 'Biscuit')).toBe(true);
    expect(check('Rex', 'Biscuit')).toBe(false);
    expect(check('', '')).toBe(false);
  });
});

describe('The pre token generation and custom message handlers', () => {
  it('pre token: tier by group, department, extra claims and suppressions from the settings', () => {
    const handler = BUILT_IN_HANDLERS['pre-token-claims'];
    const event = { request: { userAttributes: { 'custom:department': 'finance' }, groupConfiguration: { groupsToOverride: ['staff'] } }, response: { claimsOverrideDetails: null } };
    expect(responseOf(handler(event, context({ goldGroup: 'staff', 'claim.plan': 'pro', suppress: 'email, phone_number' })))).toEqual({
      claimsOverrideDetails: { claimsToAddOrOverride: { tier: 'gold', department: 'finance', plan: 'pro' }, claimsToSuppress: ['email', 'phone_number'] },
    });
  });

  it('custom message: keeps the placeholders for Cognito to fill, and leaves sources it does not know alone', () => {
    const handler = BUILT_IN_HANDLERS['custom-message-branded'];
    const event = (triggerSource: string) => ({ triggerSource, userName: 'tess', request: { userAttributes: { name: 'Tess' }, codeParameter: '{####}', usernameParameter: '{username}' }, response: { smsMessage: null, emailMessage: null, emailSubject: null } });
    expect(responseOf(handler(event('CustomMessage_AdminCreateUser'), context()))).toEqual({
      smsMessage: 'Hi Tess, an administrator created your Cognito Lab account. Sign in as {username} with the temporary password {####}.',
      emailMessage: '<p>Hi Tess, an administrator created your Cognito Lab account. Sign in as {username} with the temporary password {####}.</p>',
      emailSubject: 'Your Cognito Lab account',
    });
    expect(responseOf(handler(event('CustomMessage_Authentication'), context()))).toEqual({ smsMessage: null, emailMessage: null, emailSubject: null });
  });

  it('forgets-to-return returns nothing, as the buggy handler it stands for', () => {
    expect(BUILT_IN_HANDLERS['forgets-to-return']({ response: {} }, context())).toBeUndefined();
  });
});

describe('The Lambda endpoint and the user pool', () => {
  it('lets the user pool in as the service principal cognito-idp.amazonaws.com, and says so', async () => {
    const world = structuredClone(defaultWorld);
    world.functions!.push({ name: 'verify', handler: 'verify-auth-challenge' });
    const sim = await createSimulator({ world, seed: 3, startTime: START });
    const request = () => new Request('https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/verify/invocations', { method: 'POST', body: JSON.stringify({ request: { privateChallengeParameters: { answer: '42' }, challengeAnswer: '42' } }) });
    expect((await sim.fetch(request(), { from: 'app' })).status).toBe(403);
    const allowed = await sim.fetch(request(), { from: 'cognito-idp' });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ response: { answerCorrect: true } });
    expect(sim.trace().at(-1)!.notes[0]!.summary).toContain('cognito-idp.amazonaws.com');
  });

  it('refuses a world whose trigger names a function it does not have, or a trigger that does not exist', async () => {
    const missing = structuredClone(defaultWorld);
    missing.userPools[0]!.lambdaTriggers = { preSignUp: 'ghost' };
    await expect(createSimulator({ world: missing, seed: 3, startTime: START })).rejects.toThrow('world: user pool LearnerPool: the preSignUp trigger names an unknown function ghost');
    const unknown = structuredClone(defaultWorld);
    unknown.userPools[0]!.lambdaTriggers = { preAuthentication: 'notes-list' } as never;
    await expect(createSimulator({ world: unknown, seed: 3, startTime: START })).rejects.toThrow('world: user pool LearnerPool has an unknown Lambda trigger preAuthentication');
  });
});
