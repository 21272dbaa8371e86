// Test fixtures: builds a trace and its steps from a compact description, numbering exchanges x1, x2…
// in the order the simulator records them (a parent before the calls it makes).
import type { ActorId, Exchange } from '../../sim/index';
import type { ScenarioStep } from '../../content/scenarios/types';

export interface ExchangeSpec {
  from: ActorId;
  to: ActorId;
  operation: string;
  status?: number;
  /** Response body; objects are sent as JSON. */
  body?: unknown;
  responseHeaders?: Record<string, string>;
  requestHeaders?: Record<string, string>;
  requestBody?: string;
  url?: string;
  /** Sign the request with SigV4 (an Authorization header). */
  signed?: boolean;
  /** Calls this exchange makes while it is handled, recorded nested under it. */
  calls?: ExchangeSpec[];
  title?: string;
}

/** An AWS JSON error body, as the wire layer writes it. */
export const awsError = (type: string, message = `${type} message`) => ({ __type: type, message });

/** Builds the exchanges; every top-level spec is one step. */
export function buildRun(specs: readonly ExchangeSpec[], start = Date.UTC(2025, 0, 6, 9)): { trace: Exchange[]; steps: ScenarioStep[] } {
  const trace: Exchange[] = [];
  const steps: ScenarioStep[] = [];
  let counter = 0;
  const add = (spec: ExchangeSpec, parentId?: string): string => {
    const id = `x${++counter}`;
    const body = spec.body === undefined ? undefined : typeof spec.body === 'string' ? spec.body : JSON.stringify(spec.body);
    trace.push({
      id,
      ...(parentId ? { parentId } : {}),
      from: spec.from,
      to: spec.to,
      operation: spec.operation,
      request: {
        method: 'POST',
        url: spec.url ?? `https://${spec.to}.us-east-1.amazonaws.com/`,
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          ...(spec.signed ? { authorization: 'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20250106/us-east-1/svc/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc' } : {}),
          ...spec.requestHeaders,
        },
        ...(spec.requestBody !== undefined ? { body: spec.requestBody } : {}),
      },
      response: {
        status: spec.status ?? 200,
        headers: { 'content-type': 'application/x-amz-json-1.1', ...spec.responseHeaders },
        ...(body !== undefined ? { body } : {}),
      },
      at: start + counter * 1000,
      notes: [],
    });
    for (const call of spec.calls ?? []) add(call, id);
    return id;
  };
  for (const spec of specs) {
    const exchangeId = add(spec);
    steps.push({ exchangeId, title: spec.title ?? spec.operation, narration: `The ${spec.operation} step.` });
  }
  return { trace, steps };
}

/** Scenario 1 in miniature: sign up, a failed sign-in, confirm, sign in. */
export const signUpRun = () =>
  buildRun([
    { from: 'app', to: 'cognito-idp', operation: 'SignUp', body: { UserConfirmed: false, CodeDeliveryDetails: { DeliveryMedium: 'EMAIL' } } },
    { from: 'app', to: 'cognito-idp', operation: 'InitiateAuth', status: 400, body: awsError('UserNotConfirmedException', 'User is not confirmed.') },
    { from: 'app', to: 'cognito-idp', operation: 'ConfirmSignUp', body: {} },
    { from: 'app', to: 'cognito-idp', operation: 'InitiateAuth', body: { AuthenticationResult: { IdToken: 'a.b.c' } } },
  ]);

/** A call with nested calls: the app asks API Gateway, which asks Lambda, which reads DynamoDB. */
export const apiRun = () =>
  buildRun([
    { from: 'app', to: 'cognito-identity', operation: 'GetCredentialsForIdentity', body: { Credentials: { AccessKeyId: 'ASIA' } } },
    {
      from: 'app',
      to: 'api-gateway',
      operation: 'GET /reports',
      signed: true,
      calls: [{ from: 'api-gateway', to: 'lambda', operation: 'Invoke', calls: [{ from: 'lambda', to: 'dynamodb', operation: 'Query', signed: true, body: { Items: [] } }] }],
    },
    { from: 'admin', to: 'cognito-idp', operation: 'AdminCreateUser', signed: true, status: 400, body: awsError('UsernameExistsException', 'User account already exists') },
  ]);
