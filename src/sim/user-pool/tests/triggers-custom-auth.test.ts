// CUSTOM_AUTH with the define, create and verify auth challenge triggers, driven with the AWS SDK: full rounds with a
// wrong then a right answer, the history each round carries, failAuthentication after three wrong answers, the client
// flow and pool checks, the administrator API, unknown users, and responses Cognito cannot use.
import { describe, expect, it } from 'vitest';
import { AdminInitiateAuthCommand, AdminRespondToAuthChallengeCommand, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { UserPoolConfig } from '../../world/config';
import { awsError, learnerLab, type LearnerLab } from '../../../testing/user-pool-harness';
import { answerOf, eventOf, expectCommonFields, invocations, triggerNotes, triggerWorld, verifiedClaims, type TriggerSpec } from './triggers-harness';

const QUESTION = 'What was the name of your first pet?';

function customAuthWorld(options: { change?: (pool: UserPoolConfig) => void; define?: TriggerSpec; preToken?: boolean } = {}) {
  return triggerWorld(
    {
      defineAuthChallenge: options.define ?? { handler: 'define-auth-challenge' },
      createAuthChallenge: { handler: 'create-auth-challenge', settings: { question: QUESTION, 'answer:alice': 'Biscuit' } },
      verifyAuthChallengeResponse: { handler: 'verify-auth-challenge' },
      ...(options.preToken ? { preTokenGeneration: { handler: 'pre-token-claims' } as TriggerSpec } : {}),
    },
    (pool) => {
      pool.clients[0]!.explicitAuthFlows.push('ALLOW_CUSTOM_AUTH');
      options.change?.(pool);
    },
  );
}

const start = (lab: LearnerLab, username = 'alice') => lab.cognito.send(new InitiateAuthCommand({ ClientId: lab.web, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: username } }));
const answer = (lab: LearnerLab, session: string | undefined, value: string | undefined, username = 'alice', metadata?: Record<string, string>) =>
  lab.cognito.send(new RespondToAuthChallengeCommand({ ClientId: lab.web, ChallengeName: 'CUSTOM_CHALLENGE', Session: session, ChallengeResponses: { USERNAME: username, ...(value !== undefined ? { ANSWER: value } : {}) }, ...(metadata ? { ClientMetadata: metadata } : {}) }));

/** The events of the invocations under the last top-level exchange, by trigger source. */
const events = (lab: LearnerLab) => invocations(lab.sim).map((x) => eventOf(x));

describe('When alice signs in with CUSTOM_AUTH', () => {
  it('runs define → create, and the app gets the public challenge parameters plus USERNAME, never the private ones', async () => {
    const lab = await learnerLab({ world: customAuthWorld() });
    const out = await start(lab);
    expect(out.ChallengeName).toBe('CUSTOM_CHALLENGE');
    expect(out.ChallengeParameters).toEqual({ question: QUESTION, attemptsLeft: '3', USERNAME: 'alice' });
    expect(out.Session!.length).toBeGreaterThanOrEqual(20);
    expect(out.AuthenticationResult).toBeUndefined();

    const [define, create] = events(lab);
    expectCommonFields(define!, { triggerSource: 'DefineAuthChallenge_Authentication', poolId: lab.poolId, userName: 'alice', clientId: lab.web });
    const attributes = { sub: lab.user('alice').sub, email: 'alice@example.com', email_verified: 'true', name: 'Alice Liddell', 'cognito:user_status': 'CONFIRMED', 'cognito:email_alias': 'alice@example.com' };
    // The web client hides user existence (ENABLED), so the events say whether the user was found.
    expect(define!.request).toEqual({ userAttributes: attributes, userNotFound: false, session: [] });
    expect(define!.response).toEqual({ challengeName: null, issueTokens: null, failAuthentication: null });
    expectCommonFields(create!, { triggerSource: 'CreateAuthChallenge_Authentication', poolId: lab.poolId, userName: 'alice', clientId: lab.web });
    expect(create!.request).toEqual({ userAttributes: attributes, userNotFound: false, challengeName: 'CUSTOM_CHALLENGE', session: [] });
    expect(create!.response).toEqual({ publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null });
    expect(JSON.stringify(lab.sim.trace().filter((x) => x.parentId === undefined).at(-1)!.response.body)).not.toContain('Biscuit');
    expect(triggerNotes(lab.sim).map((n) => [n.trigger, n.outcome])).toEqual([['Define auth challenge', 'ok'], ['Create auth challenge', 'ok']]);
  });

  it('verifies a wrong answer, asks again with the round in the history, then issues genuine tokens for the right one', async () => {
    const lab = await learnerLab({ world: customAuthWorld({ preToken: true }) });
    const first = await start(lab);

    const second = await answer(lab, first.Session, 'Rex', 'alice', { device: 'laptop' });
    expect(second.ChallengeName).toBe('CUSTOM_CHALLENGE');
    expect(second.ChallengeParameters).toEqual({ question: QUESTION, attemptsLeft: '2', USERNAME: 'alice' });
    expect(second.Session).not.toBe(first.Session);
    const [verify, define, create] = events(lab);
    expectCommonFields(verify!, { triggerSource: 'VerifyAuthChallengeResponse_Authentication', poolId: lab.poolId, userName: 'alice', clientId: lab.web });
    expect(verify!.request).toMatchObject({ privateChallengeParameters: { answer: 'Biscuit' }, challengeAnswer: 'Rex', clientMetadata: { device: 'laptop' }, userNotFound: false });
    expect(verify!.response).toEqual({ answerCorrect: null });
    expect(answerOf(invocations(lab.sim)[0]!).response).toEqual({ answerCorrect: false });
    const wrongRound = { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'QUESTION' };
    expect((define!.request as { session: unknown }).session).toEqual([wrongRound]);
    expect((create!.request as { session: unknown }).session).toEqual([wrongRound]);

    const done = await answer(lab, second.Session, '  biscuit ');
    expect(done.ChallengeName).toBeUndefined();
    const sources = events(lab).map((e) => [e.triggerSource, (e.request as { session?: unknown }).session]);
    expect(sources).toEqual([
      ['VerifyAuthChallengeResponse_Authentication', undefined],
      ['DefineAuthChallenge_Authentication', [wrongRound, { challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'QUESTION' }]],
      ['TokenGeneration_Authentication', undefined],
    ]);
    const tokens = await verifiedClaims(lab.sim, lab.poolId, lab.web, done.AuthenticationResult!);
    expect(tokens.id).toMatchObject({ 'cognito:username': 'alice', tier: 'gold' });
    expect(done.AuthenticationResult!.RefreshToken).toBeTruthy();

    // Each Session is used once.
    expect(await awsError(answer(lab, second.Session, 'Biscuit'))).toEqual({ name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
  });

  it('fails the sign-in after three wrong answers, when the define function says failAuthentication', async () => {
    const lab = await learnerLab({ world: customAuthWorld() });
    let session = (await start(lab)).Session;
    for (let i = 0; i < 2; i++) session = (await answer(lab, session, 'Rex')).Session;
    expect(await awsError(answer(lab, session, 'Fido'))).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(triggerNotes(lab.sim).at(-1)).toMatchObject({ trigger: 'Define auth challenge', outcome: 'ok', changes: ['failAuthentication after 3 rounds so far (wrong, wrong, wrong)'] });
    expect(events(lab).map((e) => e.triggerSource)).toEqual(['VerifyAuthChallengeResponse_Authentication', 'DefineAuthChallenge_Authentication']);
  });

  it('asks for the ANSWER without using up the Session', async () => {
    const lab = await learnerLab({ world: customAuthWorld() });
    const first = await start(lab);
    expect(await awsError(answer(lab, first.Session, undefined))).toEqual({ name: 'InvalidParameterException', message: 'Missing required parameter ANSWER' });
    expect((await answer(lab, first.Session, 'Biscuit')).AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('works the same from a back end with AdminInitiateAuth and AdminRespondToAuthChallenge', async () => {
    const lab = await learnerLab({ world: customAuthWorld() });
    const first = await lab.cognito.send(new AdminInitiateAuthCommand({ UserPoolId: lab.poolId, ClientId: lab.web, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: 'alice' } }));
    expect(first.ChallengeParameters).toMatchObject({ question: QUESTION, USERNAME: 'alice' });
    const done = await lab.cognito.send(new AdminRespondToAuthChallengeCommand({ UserPoolId: lab.poolId, ClientId: lab.web, ChallengeName: 'CUSTOM_CHALLENGE', Session: first.Session, ChallengeResponses: { USERNAME: 'alice', ANSWER: 'Biscuit' } }));
    expect((await verifiedClaims(lab.sim, lab.poolId, lab.web, done.AuthenticationResult!)).id['cognito:username']).toBe('alice');
  });
});

describe('When the sign-in cannot use CUSTOM_AUTH', () => {
  it('refuses a client without ALLOW_CUSTOM_AUTH before any function runs', async () => {
    const lab = await learnerLab({ world: customAuthWorld({ change: (pool) => pool.clients[0]!.explicitAuthFlows.pop() }) });
    expect(await awsError(start(lab))).toEqual({ name: 'InvalidParameterException', message: 'CUSTOM_AUTH flow not enabled for this client' });
    expect(invocations(lab.sim)).toEqual([]);
  });

  it('keeps AWS\'s answer for a pool without the triggers', async () => {
    const lab = await learnerLab();
    expect(await awsError(start(lab))).toEqual({ name: 'InvalidParameterException', message: 'Custom auth lambda trigger is not configured for the user pool.' });
    const partial = await learnerLab({ world: triggerWorld({ defineAuthChallenge: { handler: 'define-auth-challenge' } }, (pool) => pool.clients[0]!.explicitAuthFlows.push('ALLOW_CUSTOM_AUTH')) });
    expect(await awsError(start(partial))).toEqual({ name: 'InvalidParameterException', message: 'Custom auth lambda trigger is not configured for the user pool.' });
  });

  it('answers UserNotFoundException for an unknown user when the client is LEGACY', async () => {
    const lab = await learnerLab({ world: customAuthWorld({ change: (pool) => (pool.clients[0]!.preventUserExistenceErrors = 'LEGACY') }) });
    expect(await awsError(start(lab, 'nobody'))).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
    expect(invocations(lab.sim)).toEqual([]);
  });

  it('runs the challenge for an unknown user when existence errors are hidden, and fails only at the end', async () => {
    const lab = await learnerLab({ world: customAuthWorld() });
    const first = await start(lab, 'nobody');
    expect(first.ChallengeParameters).toMatchObject({ USERNAME: 'nobody', question: QUESTION });
    expect(events(lab)[0]!.request).toEqual({ userAttributes: {}, userNotFound: true, session: [] });
    // The create function's default answer for users it has no answer for is "42".
    expect(await awsError(answer(lab, first.Session, '42', 'nobody'))).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('answers InvalidLambdaResponseException when the define function\'s response is not a decision', async () => {
    // An API Gateway proxy handler attached by mistake answers {statusCode, headers, body}: no response at all.
    const lab = await learnerLab({ world: customAuthWorld({ define: { handler: 'echo-claims' } }) });
    expect(await awsError(start(lab))).toEqual({ name: 'InvalidLambdaResponseException', message: 'Unrecognizable lambda output' });
    expect(triggerNotes(lab.sim)).toEqual([expect.objectContaining({ trigger: 'Define auth challenge', outcome: 'failed' })]);
  });

  it('refuses an unconfirmed user', async () => {
    const lab = await learnerLab({ world: customAuthWorld() });
    lab.user('alice').status = 'UNCONFIRMED';
    expect(await awsError(start(lab))).toEqual({ name: 'UserNotConfirmedException', message: 'User is not confirmed.' });
  });
});
