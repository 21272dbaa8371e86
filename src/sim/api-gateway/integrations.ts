// What a method hands the request to once it is authorized: a Lambda function (proxy integration: the event
// in, the function's HTTP response out), a mock (API Gateway answers by itself) or DynamoDB (an AWS service
// integration: a mapping template makes the DynamoDB request, signed with the integration role's session and
// sent through the router, so it appears nested and DynamoDB checks SigV4 and IAM as for any caller).
// With only a default integration response, every DynamoDB answer — errors too — reaches the client as 200
// with DynamoDB's body [P: the default response has no selection pattern]; the trace says so.
import { fromBase64, utf8 } from '../../lib/encoding';
import { signSigV4 } from '../../lib/sigv4/sign';
import type { ServiceContext } from '../core/router';
import { invokeFunction, type InvokeOutcome } from '../lambda/invoke';
import type { IntegrationConfig } from '../world/api-config';
import type { CallerIdentity, GatewayEnv } from './env';
import { httpApiEvent, restProxyEvent, SIMULATED_SOURCE_IP, type RequestInfo } from './events';
import { integrationSession, isGatewayError } from './integration-role';
import { renderTemplate } from './mapping-template';
import type { HttpApi, HttpRoute, RestApi, RestRoute } from './model';
import { HTTP_ERRORS, REST_ERRORS, type GatewayError } from './responses';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A proxy integration's answer ({statusCode, headers, multiValueHeaders, body, isBase64Encoded}), or why it is malformed. */
function proxyAnswer(payload: unknown): Answer | string {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return 'the function did not return an object';
  const p = payload as { statusCode?: unknown; headers?: unknown; multiValueHeaders?: unknown; body?: unknown; isBase64Encoded?: unknown };
  const status = Number(p.statusCode);
  if (!Number.isInteger(status) || status < 100 || status > 599) return 'statusCode is missing or not an HTTP status';
  if (p.body !== undefined && p.body !== null && typeof p.body !== 'string') return 'body is not a string';
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries((p.multiValueHeaders ?? {}) as Record<string, unknown>)) if (Array.isArray(values)) headers[name.toLowerCase()] = values.map(String).join(',');
  for (const [name, value] of Object.entries((p.headers ?? {}) as Record<string, unknown>)) headers[name.toLowerCase()] = String(value);
  const raw = typeof p.body === 'string' ? p.body : '';
  const body = p.isBase64Encoded === true ? utf8.decode(fromBase64(raw)) : raw;
  return { status, headers: { 'content-type': 'application/json', ...headers }, body };
}

function answerFromLambda(call: ServiceContext, outcome: InvokeOutcome, functionName: string, version: '1.0' | '2.0', failure: () => GatewayError): Answer | GatewayError {
  if (outcome.kind !== 'result') {
    const why = outcome.kind === 'function-error' ? `${functionName} failed (${outcome.errorType}: ${outcome.errorMessage})` : `Invoke failed with ${outcome.status}`;
    call.note({ kind: 'info', summary: `Lambda integration error: ${why}. API Gateway does not pass the error on; it answers ${failure().status}.` });
    return failure();
  }
  const payload = outcome.payload;
  const hasStatus = typeof payload === 'object' && payload !== null && 'statusCode' in payload;
  if (version === '2.0' && !hasStatus) {
    // Payload 2.0: an answer without statusCode is taken as the body of a 200 JSON response.
    call.note({ kind: 'info', summary: `${functionName} returned no statusCode: with payload format 2.0, API Gateway answers 200 with the result as a JSON body.` });
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) };
  }
  const answer = proxyAnswer(payload);
  if (typeof answer === 'string') {
    call.note({ kind: 'info', summary: `Malformed Lambda proxy response: ${answer}. API Gateway answers ${failure().status}.` });
    return failure();
  }
  return answer;
}

export async function restIntegration(
  env: GatewayEnv,
  call: ServiceContext,
  info: RequestInfo<RestApi, RestRoute>,
  auth: { authorizer?: Record<string, unknown>; identity?: CallerIdentity },
): Promise<Answer | GatewayError> {
  const integration = info.route.integration;
  switch (integration.type) {
    case 'lambda': {
      const event = restProxyEvent(env, call, info, auth);
      call.note({ kind: 'info', summary: `Lambda proxy integration: API Gateway sends ${integration.functionName} the REST proxy event (payload format 1.0)${auth.authorizer ? ', with requestContext.authorizer' : ''}${auth.identity ? ', with the caller in requestContext.identity' : ''}.` });
      const outcome = await invokeFunction(call, env.region, integration.functionName, event);
      return answerFromLambda(call, outcome, integration.functionName, '1.0', REST_ERRORS.badIntegrationResponse);
    }
    case 'mock':
      return mock(call, integration);
    case 'dynamodb':
      return dynamodb(env, call, info, auth, integration);
  }
}

export async function httpIntegration(env: GatewayEnv, call: ServiceContext, info: RequestInfo<HttpApi, HttpRoute>, jwt?: { claims: Record<string, string>; scopes: string[] | null }): Promise<Answer | GatewayError> {
  const integration = info.route.integration;
  if (integration.type === 'mock') return mock(call, integration);
  if (integration.type !== 'lambda') {
    call.note({ kind: 'info', summary: 'This simulated HTTP API integrates with Lambda functions and mocks only.' });
    return HTTP_ERRORS.internal();
  }
  const event = httpApiEvent(env, call, info, jwt);
  call.note({ kind: 'info', summary: `Lambda integration: API Gateway sends ${integration.functionName} the HTTP API event (payload format 2.0)${jwt ? ', with the token\'s claims in requestContext.authorizer.jwt' : ''}.` });
  const outcome = await invokeFunction(call, env.region, integration.functionName, event);
  return answerFromLambda(call, outcome, integration.functionName, '2.0', HTTP_ERRORS.internal);
}

function mock(call: ServiceContext, integration: Extract<IntegrationConfig, { type: 'mock' }>): Answer {
  call.note({ kind: 'info', summary: 'Mock integration: API Gateway answers by itself; no back end is called.' });
  return { status: integration.statusCode ?? 200, headers: { 'content-type': integration.contentType ?? 'application/json' }, body: integration.body };
}

async function dynamodb(
  env: GatewayEnv,
  call: ServiceContext,
  info: RequestInfo<RestApi, RestRoute>,
  auth: { authorizer?: Record<string, unknown>; identity?: CallerIdentity },
  integration: Extract<IntegrationConfig, { type: 'dynamodb' }>,
): Promise<Answer | GatewayError> {
  const session = integrationSession(env, call, integration.roleName);
  if (isGatewayError(session)) return session;
  const context = {
    requestId: call.requestId,
    stage: info.api.stage,
    resourcePath: info.route.path,
    httpMethod: call.method,
    identity: { sourceIp: SIMULATED_SOURCE_IP, ...auth.identity },
    ...(auth.authorizer ? { authorizer: auth.authorizer } : {}),
  };
  const body = renderTemplate(integration.requestTemplate, { pathParameters: info.pathParameters, query: call.url.searchParams, headers: call.headers, context });
  const url = `https://dynamodb.${env.region}.amazonaws.com/`;
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${integration.action}` };
  const signed = await signSigV4({ method: 'POST', url, headers, body: utf8.encode(body) }, session, { service: 'dynamodb', region: env.region, now: env.clock.now() });
  call.note({ kind: 'info', summary: `DynamoDB integration: the mapping template made a ${integration.action} request, signed with the integration role's session (${session.accessKeyId}).` });
  const response = await call.fetch(new Request(url, { method: 'POST', headers: { ...headers, ...signed }, body }));
  const text = await response.text();
  if (response.status !== 200) {
    call.note({ kind: 'info', summary: `DynamoDB answered ${response.status}, yet the client gets 200: the method has only a default integration response, which every status matches.` });
  }
  return { status: 200, headers: { 'content-type': 'application/json' }, body: text };
}
