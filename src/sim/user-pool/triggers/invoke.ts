// Invoking a user pool Lambda trigger: a real nested exchange cognito-idp → lambda (POST …/functions/{name}/invocations
// with the event as the body, as the service principal cognito-idp.amazonaws.com), then AWS's answer when it goes
// wrong, and a 'trigger' note on the caller's exchange saying what the function decided.
//
// The event [V COGDOC cognito-user-identity-pools-working-with-aws-lambda-triggers.md, "User pool Lambda trigger
// event"]: version, triggerSource, region, userPoolId, userName, callerContext {awsSdkVersion, clientId}, request,
// response. Real events carry "version": "1" and, for calls without an app client (administrator operations),
// clientId "CLIENT_ID_NOT_APPLICABLE" [V FIX captured events quoted in public code].
//
// Errors (every operation that fires a trigger lists these three in its model [V BOTO]):
// - the function throws → UserLambdaValidationException "<Trigger> failed with error <message>." — Cognito appends the
//   period even when the message ends with one [V ISS aws-amplify/amplify-ui-android#314, aws-amplify/amplify-flutter#1051];
// - the function answers something that is not an event object (e.g. a handler that returns nothing) →
//   InvalidLambdaResponseException "Invalid lambda function output : Invalid JSON" [P ISS aws-amplify/amplify-cli#2735,
//   #8682]; a response whose fields are not what the trigger expects → InvalidLambdaResponseException
//   "Unrecognizable lambda output" [P ISS amazon-archives/amazon-cognito-identity-js#167];
// - Lambda refuses or fails the call itself → UnexpectedLambdaException "<Trigger> invocation failed due to error
//   <Lambda's error type>" [P a captured "PostConfirmation invocation failed due to error AccessDeniedException"].
import { utf8 } from '../../../lib/encoding';
import { AwsError } from '../../core/errors';
import type { ServiceContext } from '../../core/router';
import type { LambdaTriggersConfig } from '../../world/config';
import type { UserPoolEnv } from '../env';
import type { UserPool } from '../model';

export type TriggerName = keyof LambdaTriggersConfig;

/** The name AWS uses for each trigger in its error messages, and the one the trace shows. */
export const TRIGGERS: Record<TriggerName, { wire: string; label: string }> = {
  preSignUp: { wire: 'PreSignUp', label: 'Pre sign-up' },
  postConfirmation: { wire: 'PostConfirmation', label: 'Post confirmation' },
  preTokenGeneration: { wire: 'PreTokenGeneration', label: 'Pre token generation' },
  customMessage: { wire: 'CustomMessage', label: 'Custom message' },
  defineAuthChallenge: { wire: 'DefineAuthChallenge', label: 'Define auth challenge' },
  createAuthChallenge: { wire: 'CreateAuthChallenge', label: 'Create auth challenge' },
  verifyAuthChallengeResponse: { wire: 'VerifyAuthChallengeResponse', label: 'Verify auth challenge response' },
};

/** callerContext.clientId when no app client is involved (AdminCreateUser, AdminConfirmSignUp…). */
export const NO_CLIENT = 'CLIENT_ID_NOT_APPLICABLE';

export type Json = Record<string, unknown>;

export interface TriggerInvocation {
  trigger: TriggerName;
  triggerSource: string;
  userName: string;
  /** The app client's id, or NO_CLIENT. */
  clientId: string;
  request: Json;
  /** The response object as Cognito sends it: each field null until the function fills it in. */
  response: Json;
}

/** What the caller made of the function's response: the result it acts on and, for the trace, what changed. */
export interface Interpretation<T> {
  result: T;
  changes: string[];
  /** Overrides the note's default summary. */
  summary?: string;
}

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Thrown by an interpretation when a field of the response is not of the type the trigger defines. */
export const unrecognizable = (): AwsError => new AwsError('InvalidLambdaResponseException', 'Unrecognizable lambda output');

/** The function the pool names for this trigger, if any. */
export const triggerFunction = (pool: UserPool, trigger: TriggerName): string | undefined => pool.lambdaTriggers?.[trigger];

/** The SDK that made the request, as Cognito reports it (e.g. "aws-sdk-js-3.1010.0"); unknown callers as AWS shows them. */
function awsSdkVersion(call: ServiceContext): string {
  const agent = `${call.headers.get('x-amz-user-agent') ?? ''} ${call.headers.get('user-agent') ?? ''}`;
  const js = /aws-sdk-js\/([\w.-]+)/.exec(agent);
  return js ? `aws-sdk-js-${js[1]}` : 'aws-sdk-unknown-unknown';
}

/**
 * Runs the pool's function for `invocation.trigger` and hands its `response` to `interpret`, which returns what the
 * caller acts on (and throws `unrecognizable()` for a malformed response). Throws AWS's error when the call fails.
 */
export async function runTrigger<T>(
  env: Pick<UserPoolEnv, 'region'>,
  call: ServiceContext,
  pool: UserPool,
  invocation: TriggerInvocation,
  interpret: (response: Json) => Interpretation<T>,
): Promise<T> {
  const functionName = triggerFunction(pool, invocation.trigger);
  if (!functionName) throw new Error(`runTrigger: user pool ${pool.name} has no ${invocation.trigger} trigger`);
  const { wire, label } = TRIGGERS[invocation.trigger];
  const base = { kind: 'trigger' as const, trigger: label, triggerSource: invocation.triggerSource, functionName };
  const fail = (error: AwsError, why: string): never => {
    call.note({ ...base, outcome: 'failed', summary: `${label} trigger ${functionName} (${invocation.triggerSource}): ${why} The request fails with ${error.code}.` });
    throw error;
  };

  const event = {
    version: '1',
    triggerSource: invocation.triggerSource,
    region: env.region,
    userPoolId: pool.id,
    userName: invocation.userName,
    callerContext: { awsSdkVersion: awsSdkVersion(call), clientId: invocation.clientId },
    request: invocation.request,
    response: invocation.response,
  };
  const url = `https://lambda.${env.region}.amazonaws.com/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`;
  const answer = await call.fetch(
    new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' }, body: JSON.stringify(event) }),
    { from: 'cognito-idp' },
  );
  const body = utf8.decode(new Uint8Array(await answer.arrayBuffer()));
  if (answer.status !== 200) {
    const errorType = (answer.headers.get('x-amzn-errortype') ?? 'ServiceException').split(':')[0]!;
    return fail(new AwsError('UnexpectedLambdaException', `${wire} invocation failed due to error ${errorType}`), `Lambda refused the invocation (${answer.status} ${errorType}).`);
  }
  let payload: unknown;
  try {
    payload = body === '' ? null : JSON.parse(body);
  } catch {
    payload = undefined;
  }
  if (answer.headers.has('x-amz-function-error')) {
    const message = isObject(payload) && typeof payload.errorMessage === 'string' ? payload.errorMessage : '';
    return fail(new AwsError('UserLambdaValidationException', `${wire} failed with error ${message}.`), `the function threw "${message}".`);
  }
  if (!isObject(payload)) {
    return fail(new AwsError('InvalidLambdaResponseException', 'Invalid lambda function output : Invalid JSON'), `the function answered ${body || 'nothing'} instead of the event with its response.`);
  }
  let outcome: Interpretation<T>;
  try {
    outcome = interpret(isObject(payload.response) ? payload.response : {});
  } catch (error) {
    if (error instanceof AwsError) return fail(error, `the function's response is not what the trigger expects (${JSON.stringify(payload.response ?? null).slice(0, 200)}).`);
    throw error;
  }
  call.note({
    ...base,
    outcome: 'ok',
    summary: outcome.summary ?? `${label} trigger: Cognito invoked ${functionName} (${invocation.triggerSource}) and waited for its answer${outcome.changes.length > 0 ? `: ${outcome.changes.join('; ')}` : '; it changed nothing'}.`,
    ...(outcome.changes.length > 0 ? { changes: outcome.changes } : {}),
  });
  return outcome.result;
}
