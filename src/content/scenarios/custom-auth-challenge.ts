// Lambda triggers 2: CUSTOM_AUTH. Three functions run the sign-in: define auth challenge decides what comes next,
// create auth challenge makes a question (the expected answer stays with Cognito), verify auth challenge response
// judges the answer. A wrong answer earns another round; the right one, tokens.
import type { Scenario } from './types';
import { authTokens, SCENARIO_START } from './helpers';
import { DEMO } from './demo-users';

const QUESTION = 'Security question: what was the name of your first pet?';

export const customAuthChallenge: Scenario = {
  id: 'custom-auth-challenge',
  title: 'A custom authentication challenge (CUSTOM_AUTH)',
  goal: 'Sign in with CUSTOM_AUTH: watch the define, create and verify auth challenge Lambda functions run the rounds, with a wrong answer first.',
  level: 'advanced',
  services: ['User pool'],
  minutes: 8,
  seed: 702,
  startTime: SCENARIO_START,
  world: (base) => {
    const pool = base.userPools[0]!;
    pool.clients.find((c) => c.name === 'web')!.explicitAuthFlows.push('ALLOW_CUSTOM_AUTH');
    pool.lambdaTriggers = { defineAuthChallenge: 'auth-define', createAuthChallenge: 'auth-create', verifyAuthChallengeResponse: 'auth-verify' };
    base.functions = [
      ...(base.functions ?? []),
      { name: 'auth-define', handler: 'define-auth-challenge', description: 'One question; tokens after a right answer, failure after 3 wrong ones', settings: { maxAttempts: '3' } },
      { name: 'auth-create', handler: 'create-auth-challenge', description: 'Asks the security question; keeps the expected answer private', settings: { question: QUESTION, 'answer:alice': 'Biscuit' } },
      { name: 'auth-verify', handler: 'verify-auth-challenge', description: 'Compares the answer with the private one' },
    ];
    return base;
  },
  outcome: 'After a wrong answer and a right one, the define function saw two rounds (wrong, right) and answered issueTokens: the pool issued Alice her tokens without ever asking for a password.',
  check: (last, run) => {
    const defineRounds = run.trace
      .filter((x) => x.parentId === last.id && x.to === 'lambda' && (x.request.body ?? '').includes('"DefineAuthChallenge_Authentication"'))
      .map((x) => ((JSON.parse(x.request.body ?? '{}') as { request?: { session?: unknown[] } }).request?.session ?? []).length);
    return last.operation === 'RespondToAuthChallenge' && last.response.status === 200 && authTokens(last).IdToken !== undefined && defineRounds.includes(2);
  },
  async script(ctx) {
    const pool = ctx.world.userPools[0]!;
    const web = pool.clients.find((c) => c.name === 'web')!;
    const username = DEMO.alice.username;

    const challenge = await ctx.step(
      {
        title: 'Start CUSTOM_AUTH',
        narration: 'Alice\'s app calls InitiateAuth with AuthFlow CUSTOM_AUTH and only her username: no password. The app client must allow ALLOW_CUSTOM_AUTH. The pool invokes the define auth challenge function with an empty history (it answers CUSTOM_CHALLENGE), then the create auth challenge function, which returns the question as public parameters and the expected answer as private ones. The app receives the question and a Session; the answer never leaves Cognito.',
        examTip: 'CUSTOM_AUTH is how you build passwordless or extra-step sign-in (a one-time code, a CAPTCHA, a security question) with three Lambda triggers: define, create and verify auth challenge.',
      },
      () => ctx.idp.call<{ Session: string }>('InitiateAuth', { ClientId: web.clientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: username } }),
    );

    const retry = await ctx.step(
      {
        title: 'A wrong answer',
        narration: 'Alice answers "Rex". The pool hands her answer and the private parameters to the verify function, which says answerCorrect: false. That round joins the history, and the define function, seeing one wrong answer, asks for another CUSTOM_CHALLENGE; the create function asks again (2 attempts left). A new Session comes back: each one is used once.',
      },
      () => ctx.idp.call<{ Session: string }>('RespondToAuthChallenge', { ClientId: web.clientId, ChallengeName: 'CUSTOM_CHALLENGE', Session: challenge.ok ? challenge.output.Session : '', ChallengeResponses: { USERNAME: username, ANSWER: 'Rex' } }),
    );

    await ctx.step(
      {
        title: 'The right answer: tokens',
        narration: 'Alice answers "Biscuit". The verify function says answerCorrect: true; the define function now sees two rounds (wrong, then right) and answers issueTokens: true, so the pool signs and returns the ID, access and refresh tokens. Had she answered wrong three times, define would have said failAuthentication and the pool would have refused with NotAuthorizedException.',
      },
      () => ctx.idp.call('RespondToAuthChallenge', { ClientId: web.clientId, ChallengeName: 'CUSTOM_CHALLENGE', Session: retry.ok ? retry.output.Session : '', ChallengeResponses: { USERNAME: username, ANSWER: 'Biscuit' } }),
    );
  },
};
