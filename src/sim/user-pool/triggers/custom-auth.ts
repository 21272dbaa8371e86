// CUSTOM_AUTH [V COGDOC amazon-cognito-user-pools-authentication-flow.md "Custom authentication flow";
// user-pool-lambda-define-auth-challenge.md, -create-auth-challenge.md, -verify-auth-challenge-response.md]: three
// functions run the sign-in. Define auth challenge reads the rounds so far (`session`) and decides: another challenge
// (challengeName), tokens (issueTokens) or failure (failAuthentication). Create auth challenge makes the challenge:
// publicChallengeParameters go to the app, privateChallengeParameters stay with Cognito for verify auth challenge
// response, which judges the user's ANSWER (answerCorrect). Each answer adds a round to the history and Define runs
// again; every challenge comes with a new Session.
// - failAuthentication → NotAuthorizedException "Incorrect username or password." [P ISS aws-amplify/amplify-js#8145].
// - ChallengeParameters are the public parameters plus USERNAME [P FIX a CLI capture: {"USERNAME": "test@example.com"}].
// - [U] Unknown users: with PreventUserExistenceErrors ENABLED the triggers run with userNotFound: true (and no
//   attributes) and the sign-in can never succeed; with LEGACY, UserNotFoundException at once.
// - [U] Tokens follow as soon as Define says so: the pool's MFA is not asked after a custom challenge here.
// - [U] Starting with CHALLENGE_NAME=SRP_A (password first, then custom challenges) is not simulated.
import { AwsError } from '../../core/errors';
import type { ServiceContext } from '../../core/router';
import type { UserPoolEnv } from '../env';
import { findUser } from '../lookup';
import type { AppClient, AuthSession, User, UserPool } from '../model';
import type { InitiateAuthOutput } from '../password-auth';
import { checkSecretHash } from '../secret-hash';
import { openSession } from '../sessions';
import { signedIn } from '../sign-in-next';
import type { ChallengeResult, CustomAuthState } from './custom-auth-state';
import { challengeClientMetadata, eventAttributes, withClientMetadata } from './event-attributes';
import { isObject, runTrigger, triggerFunction, unrecognizable, type Json } from './invoke';

/** Custom authentication needs all three functions. */
export const customAuthConfigured = (pool: UserPool): boolean =>
  triggerFunction(pool, 'defineAuthChallenge') !== undefined && triggerFunction(pool, 'createAuthChallenge') !== undefined && triggerFunction(pool, 'verifyAuthChallengeResponse') !== undefined;

const incorrect = () => new AwsError('NotAuthorizedException', 'Incorrect username or password.');

/** The sign-in being run: who (or, for an unknown user, which name) and the rounds so far. */
interface Attempt {
  user: User | undefined;
  userName: string;
  history: ChallengeResult[];
  clientMetadata: Record<string, string> | undefined;
}

/** What every challenge trigger's request shares. */
function commonRequest(pool: UserPool, client: AppClient, attempt: Attempt): Json {
  return {
    userAttributes: attempt.user ? eventAttributes(pool, attempt.user) : {},
    ...withClientMetadata(attempt.clientMetadata),
    // [V COGDOC] "A Boolean that is populated when PreventUserExistenceErrors is set to ENABLED for your user pool client."
    ...(client.preventUserExistenceErrors === 'ENABLED' ? { userNotFound: attempt.user === undefined } : {}),
  };
}

const invocation = (client: AppClient, attempt: Attempt) => ({ userName: attempt.user?.username ?? attempt.userName, clientId: client.clientId });

type Decision = { kind: 'fail' } | { kind: 'tokens' } | { kind: 'challenge' };

async function define(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, attempt: Attempt): Promise<Decision> {
  return runTrigger<Decision>(
    env,
    call,
    pool,
    {
      trigger: 'defineAuthChallenge',
      triggerSource: 'DefineAuthChallenge_Authentication',
      ...invocation(client, attempt),
      request: { ...commonRequest(pool, client, attempt), session: attempt.history.map((r) => ({ ...r })) },
      response: { challengeName: null, issueTokens: null, failAuthentication: null },
    },
    (response) => {
      const flag = (name: string) => {
        const value = response[name];
        if (value !== undefined && value !== null && typeof value !== 'boolean') throw unrecognizable();
        return value === true;
      };
      const rounds = attempt.history.length === 0 ? 'no rounds yet' : `${attempt.history.length} round${attempt.history.length === 1 ? '' : 's'} so far (${attempt.history.map((r) => (r.challengeResult ? 'right' : 'wrong')).join(', ')})`;
      if (flag('failAuthentication')) return { result: { kind: 'fail' }, changes: [`failAuthentication after ${rounds}`] };
      if (flag('issueTokens')) return { result: { kind: 'tokens' }, changes: [`issueTokens after ${rounds}`] };
      // [U] Only custom challenges are simulated; any other next step is treated as a response Cognito cannot use.
      if (response.challengeName !== 'CUSTOM_CHALLENGE') throw unrecognizable();
      return { result: { kind: 'challenge' }, changes: [`challengeName CUSTOM_CHALLENGE after ${rounds}`] };
    },
  );
}

interface Created {
  publicParameters: Record<string, string>;
  privateParameters: Record<string, string>;
  metadata: string | null;
}

const stringMap = (value: unknown): Record<string, string> => {
  if (value === undefined || value === null) return {};
  if (!isObject(value) || !Object.values(value).every((v) => typeof v === 'string')) throw unrecognizable();
  return { ...(value as Record<string, string>) };
};

async function create(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, attempt: Attempt): Promise<Created> {
  return runTrigger(
    env,
    call,
    pool,
    {
      trigger: 'createAuthChallenge',
      triggerSource: 'CreateAuthChallenge_Authentication',
      ...invocation(client, attempt),
      request: { ...commonRequest(pool, client, attempt), challengeName: 'CUSTOM_CHALLENGE', session: attempt.history.map((r) => ({ ...r })) },
      response: { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null },
    },
    (response) => {
      const metadata = response.challengeMetadata;
      if (metadata !== undefined && metadata !== null && typeof metadata !== 'string') throw unrecognizable();
      const created = { publicParameters: stringMap(response.publicChallengeParameters), privateParameters: stringMap(response.privateChallengeParameters), metadata: metadata ?? null };
      return {
        result: created,
        changes: [
          `public parameters for the app: ${Object.keys(created.publicParameters).join(', ') || 'none'}`,
          `private parameters kept by Cognito for the verify function: ${Object.keys(created.privateParameters).join(', ') || 'none'}`,
          ...(created.metadata !== null ? [`challengeMetadata ${created.metadata}`] : []),
        ],
      };
    },
  );
}

/** Define decides; on a challenge, Create makes it and a new Session carries the rounds so far. */
async function nextStep(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, attempt: Attempt): Promise<InitiateAuthOutput> {
  const decision = await define(env, call, pool, client, attempt);
  if (decision.kind === 'fail') throw incorrect();
  if (decision.kind === 'tokens') {
    if (!attempt.user) {
      call.note({ kind: 'info', summary: `No user ${attempt.userName} exists, so no tokens can be issued, whatever the define function says; the answer looks like any failed sign-in.` });
      throw incorrect();
    }
    return signedIn(env, call, pool, client, attempt.user);
  }
  const created = await create(env, call, pool, client, attempt);
  const sessionId = openSession(env, call, pool, client, attempt.user?.username ?? attempt.userName, 'CUSTOM_CHALLENGE');
  const state: CustomAuthState = { history: attempt.history, privateChallengeParameters: created.privateParameters, challengeMetadata: created.metadata, userNotFound: attempt.user === undefined };
  pool.sessions.get(sessionId)!.customAuth = state;
  return {
    ChallengeName: 'CUSTOM_CHALLENGE',
    Session: sessionId,
    ChallengeParameters: { ...created.publicParameters, USERNAME: attempt.user?.username ?? attempt.userName },
  };
}

/** The user a custom sign-in is for, with the refusals that come before any trigger runs. */
function signInUser(call: ServiceContext, pool: UserPool, client: AppClient, username: string): User | undefined {
  const user = findUser(pool, username);
  if (!user) {
    if (client.preventUserExistenceErrors !== 'ENABLED') throw new AwsError('UserNotFoundException', 'User does not exist.');
    call.note({ kind: 'info', summary: `No user ${username} exists. PreventUserExistenceErrors is ENABLED, so the custom challenge runs anyway (the functions see userNotFound: true) and the sign-in fails only at the end.` });
    return undefined;
  }
  if (!user.enabled) throw new AwsError('NotAuthorizedException', 'User is disabled.');
  if (user.status === 'UNCONFIRMED') throw new AwsError('UserNotConfirmedException', 'User is not confirmed.');
  return user;
}

/** InitiateAuth / AdminInitiateAuth with CUSTOM_AUTH (the caller has checked the triggers and the client's flows). */
export async function startCustomAuth(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, params: Record<string, string | undefined>): Promise<InitiateAuthOutput> {
  const username = params.USERNAME;
  if (!username) throw new AwsError('InvalidParameterException', 'Missing required parameter USERNAME');
  await checkSecretHash(call, client, username, params.SECRET_HASH);
  if (params.CHALLENGE_NAME === 'SRP_A') {
    throw new AwsError('InvalidParameterException', 'CUSTOM_AUTH with CHALLENGE_NAME SRP_A (the password first, then custom challenges) is not simulated by Cognito Lab yet; start with USERNAME alone');
  }
  const user = signInUser(call, pool, client, username);
  return nextStep(env, call, pool, client, { user, userName: username, history: [], clientMetadata: undefined });
}

/** RespondToAuthChallenge with CUSTOM_CHALLENGE: Verify judges the ANSWER, the round joins the history, Define decides. */
export async function answerCustomChallenge(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, session: AuthSession, answer: string): Promise<InitiateAuthOutput> {
  const state = session.customAuth;
  if (!state) throw new AwsError('NotAuthorizedException', 'Invalid session for the user, session is expired.');
  const user = state.userNotFound ? undefined : pool.users.get(session.username.toLowerCase());
  if (!state.userNotFound && (!user || !user.enabled)) throw new AwsError('NotAuthorizedException', user ? 'User is disabled.' : 'User does not exist.');
  const attempt: Attempt = { user, userName: session.username, history: state.history, clientMetadata: challengeClientMetadata(call) };
  const correct = await runTrigger(
    env,
    call,
    pool,
    {
      trigger: 'verifyAuthChallengeResponse',
      triggerSource: 'VerifyAuthChallengeResponse_Authentication',
      ...invocation(client, attempt),
      request: { ...commonRequest(pool, client, attempt), privateChallengeParameters: { ...state.privateChallengeParameters }, challengeAnswer: answer },
      response: { answerCorrect: null },
    },
    (response) => {
      const value = response.answerCorrect;
      if (value !== undefined && value !== null && typeof value !== 'boolean') throw unrecognizable();
      // [U] A function that leaves answerCorrect unset is taken to say the answer is wrong.
      return { result: value === true, changes: [`answerCorrect: ${value === true}`] };
    },
  );
  attempt.history = [...state.history, { challengeName: 'CUSTOM_CHALLENGE', challengeResult: correct, challengeMetadata: state.challengeMetadata }];
  return nextStep(env, call, pool, client, attempt);
}
