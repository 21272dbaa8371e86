// The Lambda endpoint, lambda.{region}.amazonaws.com: Invoke (POST /2015-03-31/functions/{name}/invocations,
// REST-JSON) runs one of the world's functions. API Gateway calls it as the service principal
// apigateway.amazonaws.com, and a user pool calls its Lambda triggers as cognito-idp.amazonaws.com; the function's
// resource-based policy allows both (modelled: a call whose caller is the 'api-gateway' or 'cognito-idp' actor).
// Anyone else signs with SigV4 and needs lambda:InvokeFunction from IAM.
// A function that throws still answers 200, with X-Amz-Function-Error: Unhandled and the error as the payload.
import { utf8 } from '../../lib/encoding';
import type { CredentialStore } from '../core/credentials';
import { isAwsError } from '../core/errors';
import type { Service, ServiceContext } from '../core/router';
import type { Iam } from '../iam/iam';
import { checkSignature } from '../sigv4/check';
import type { LambdaFunctionConfig } from '../world/api-config';
import { BUILT_IN_HANDLERS, type LambdaHandler } from './handlers';

export interface LambdaFunction {
  name: string;
  arn: string;
  handlerName: string;
  handler: LambdaHandler;
  settings: Readonly<Record<string, string>>;
}

export interface LambdaDeps {
  region: string;
  accountId: string;
  credentials: Pick<CredentialStore, 'get'>;
  iam: Pick<Iam, 'authorize'>;
}

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

export const functionArn = (region: string, accountId: string, name: string) => `arn:aws:lambda:${region}:${accountId}:function:${name}`;

export function buildFunctions(configs: readonly LambdaFunctionConfig[], region: string, accountId: string): Map<string, LambdaFunction> {
  return new Map(
    configs.map((c) => {
      const handler = BUILT_IN_HANDLERS[c.handler];
      if (!handler) throw new Error(`world: function ${c.name} names an unknown handler ${c.handler}`);
      return [c.name, { name: c.name, arn: functionArn(region, accountId, c.name), handlerName: c.handler, handler, settings: { ...(c.settings ?? {}) } }];
    }),
  );
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** Lambda's REST-JSON errors: the code in x-amzn-ErrorType, {"Type": "User", "Message": …} in the body [P: as the SDK's error parser reads them]. */
function lambdaError(call: ServiceContext, status: number, code: string, message: string, messageKey = 'Message'): Response {
  call.note({ kind: 'error', summary: `${code}: ${message}`, code, message, status });
  return json(status, { Type: 'User', [messageKey]: message }, { 'x-amzn-requestid': call.requestId, 'x-amzn-errortype': code });
}

/** The function's name from the path: a plain name or a function ARN (URL-encoded). */
function functionNameOf(segment: string): string {
  const name = decodeURIComponent(segment);
  return /^arn:aws:lambda:[^:]+:\d{12}:function:([^:]+)/.exec(name)?.[1] ?? name;
}

/** Lets the call through, or answers the refusal AWS would give. */
async function authorize(deps: LambdaDeps, call: ServiceContext, fn: LambdaFunction): Promise<Response | undefined> {
  if (call.from === 'api-gateway') {
    call.note({ kind: 'info', summary: `API Gateway invokes ${fn.name} as the service principal apigateway.amazonaws.com, which the function's resource-based policy allows (lambda:AddPermission); no SigV4 from the caller is involved.` });
    return undefined;
  }
  if (call.from === 'cognito-idp') {
    // [V COGDOC cognito-user-identity-pools-working-with-aws-lambda-triggers.md] "you must add permissions to the Lambda
    // function ... Principal: {Service: cognito-idp.amazonaws.com}", conditioned on aws:SourceArn = the user pool.
    call.note({ kind: 'info', summary: `The user pool invokes ${fn.name} as the service principal cognito-idp.amazonaws.com, which the function's resource-based policy allows for this user pool (aws:SourceArn); no SigV4 from the caller is involved. Cognito waits for the answer: triggers run synchronously, within 5 seconds.` });
    return undefined;
  }
  try {
    const caller = await checkSignature(call, deps.credentials, { service: 'lambda', region: deps.region, now: call.now });
    const result = deps.iam.authorize(caller, { action: 'lambda:InvokeFunction', resource: fn.arn }, call.now);
    call.note(result.note);
    if (!result.allowed) return lambdaError(call, 403, 'AccessDeniedException', result.message ?? 'Access denied', 'Message');
    return undefined;
  } catch (error) {
    if (!isAwsError(error)) throw error;
    return lambdaError(call, 403, error.code, error.message, 'message');
  }
}

export function createLambdaService(deps: LambdaDeps, functions: ReadonlyMap<string, LambdaFunction>): Service {
  const host = `lambda.${deps.region}.amazonaws.com`;
  return {
    actor: 'lambda',
    handles: (h) => h === host,
    async handle(call) {
      const match = INVOKE_PATH.exec(call.url.pathname);
      if (!match || call.method !== 'POST') {
        return lambdaError(call, 404, 'UnknownOperationException', 'Unknown operation: the simulated Lambda endpoint answers Invoke only');
      }
      call.setOperation('Invoke');
      const name = functionNameOf(match[1]!);
      const fn = functions.get(name);
      if (!fn) return lambdaError(call, 404, 'ResourceNotFoundException', `Function not found: ${functionArn(deps.region, deps.accountId, name)}`);
      const refusal = await authorize(deps, call, fn);
      if (refusal) return refusal;

      let event: unknown = {};
      if (call.body.length > 0) {
        try {
          event = JSON.parse(utf8.decode(call.body));
        } catch (error) {
          return lambdaError(call, 400, 'InvalidRequestContentException', `Could not parse request body into json: ${(error as Error).message}`, 'message');
        }
      }
      const headers = { 'x-amzn-requestid': call.requestId, 'x-amz-executed-version': '$LATEST' };
      try {
        const result = fn.handler(event, { functionName: fn.name, invokedFunctionArn: fn.arn, awsRequestId: call.requestId, now: call.now, settings: fn.settings });
        call.note({ kind: 'info', summary: `${fn.name} (built-in handler ${fn.handlerName}) ran and returned its result.` });
        return json(200, result ?? null, headers);
      } catch (error) {
        const { name: errorType, message: errorMessage } = error instanceof Error ? error : new Error(String(error));
        call.note({ kind: 'info', summary: `${fn.name} threw ${errorType}: "${errorMessage}". Invoke still answers 200; X-Amz-Function-Error: Unhandled tells the caller the function failed.` });
        return json(200, { errorType, errorMessage, trace: [`${errorType}: ${errorMessage}`] }, { ...headers, 'x-amz-function-error': 'Unhandled' });
      }
    },
  };
}
