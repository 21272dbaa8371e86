// The events API Gateway sends a Lambda function, built as AWS builds them: the REST API's proxy event
// (payload format 1.0: resource, path, httpMethod, headers, multiValueHeaders, queryStringParameters,
// requestContext with identity and authorizer, body, isBase64Encoded) and the HTTP API's (payload format 2.0:
// routeKey, rawPath, lowercase headers, requestContext.http, requestContext.authorizer.jwt), after the input
// formats in docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html and
// http-api-develop-integrations-lambda.html [V LIVE for the fields; P for the headers API Gateway adds
// (Host, X-Forwarded-*, X-Amzn-Trace-Id) and for resourceId's six characters].
import { toHex, utf8 } from '../../lib/encoding';
import type { ServiceContext } from '../core/router';
import type { CallerIdentity, GatewayEnv } from './env';
import type { HttpApi, HttpRoute, RestApi, RestRoute } from './model';

/** The simulated learner's public address (TEST-NET-3): the simulator has no network to take it from. */
export const SIMULATED_SOURCE_IP = '203.0.113.10';

export interface RequestInfo<A, R> {
  api: A;
  route: R;
  /** The path after the stage (REST) or the whole path (HTTP API $default stage). */
  path: string;
  pathParameters: Record<string, string>;
  /** apigw id of this request (extendedRequestId / apigw-requestid). */
  apigwId: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** $context.requestTime: "01/Jan/2026:09:00:00 +0000". */
export function requestTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

function addedHeaders(env: GatewayEnv, call: ServiceContext): Record<string, string> {
  const root = `1-${Math.floor(call.now / 1000).toString(16).padStart(8, '0')}-${toHex(env.random.bytes(12))}`;
  return { Host: call.url.host, 'X-Amzn-Trace-Id': `Root=${root}`, 'X-Forwarded-For': SIMULATED_SOURCE_IP, 'X-Forwarded-Port': '443', 'X-Forwarded-Proto': 'https' };
}

function requestHeaders(call: ServiceContext): Record<string, string> {
  const headers: Record<string, string> = {};
  call.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
}

const nullIfEmpty = <T extends object>(value: T): T | null => (Object.keys(value).length === 0 ? null : value);
const bodyOf = (call: ServiceContext): string | null => (call.body.length === 0 ? null : utf8.decode(call.body));

const NO_IDENTITY: Omit<CallerIdentity, never> = {
  cognitoIdentityPoolId: null,
  accountId: null,
  cognitoIdentityId: null,
  caller: null,
  accessKey: null,
  cognitoAuthenticationType: null,
  cognitoAuthenticationProvider: null,
  userArn: null,
  user: null,
};

/** The REST API's proxy event (payload 1.0), for a Lambda proxy integration. */
export function restProxyEvent(env: GatewayEnv, call: ServiceContext, info: RequestInfo<RestApi, RestRoute>, auth: { authorizer?: Record<string, unknown>; identity?: CallerIdentity }) {
  const { api, route } = info;
  const headers = { ...requestHeaders(call), ...addedHeaders(env, call) };
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  call.url.searchParams.forEach((value, key) => {
    query[key] = value;
    (multiQuery[key] ??= []).push(value);
  });
  return {
    resource: route.path,
    path: info.path,
    httpMethod: call.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: nullIfEmpty(query),
    multiValueQueryStringParameters: nullIfEmpty(multiQuery),
    pathParameters: nullIfEmpty(info.pathParameters),
    stageVariables: null,
    requestContext: {
      resourceId: route.resourceId,
      resourcePath: route.path,
      httpMethod: call.method,
      extendedRequestId: info.apigwId,
      requestTime: requestTime(call.now),
      path: `/${api.stage}${info.path}`,
      accountId: env.accountId,
      protocol: 'HTTP/1.1',
      stage: api.stage,
      domainPrefix: api.id,
      requestTimeEpoch: call.now,
      requestId: call.requestId,
      identity: { ...NO_IDENTITY, ...auth.identity, sourceIp: SIMULATED_SOURCE_IP, principalOrgId: null, userAgent: call.headers.get('user-agent') },
      domainName: api.host,
      apiId: api.id,
      ...(auth.authorizer ? { authorizer: auth.authorizer } : {}),
    },
    body: bodyOf(call),
    isBase64Encoded: false,
  };
}

export type RestProxyEvent = ReturnType<typeof restProxyEvent>;

/** A REQUEST authorizer's event: the proxy event's request parts, with type and methodArn, without body. */
export function requestAuthorizerEvent(event: RestProxyEvent, methodArn: string) {
  const { body: _body, isBase64Encoded: _b64, requestContext, ...request } = event;
  const { authorizer: _authorizer, ...context } = requestContext as RestProxyEvent['requestContext'] & { authorizer?: unknown };
  return { type: 'REQUEST', methodArn, ...request, requestContext: context };
}

/** The HTTP API's event (payload 2.0). */
export function httpApiEvent(env: GatewayEnv, call: ServiceContext, info: RequestInfo<HttpApi, HttpRoute>, jwt?: { claims: Record<string, string>; scopes: string[] | null }) {
  const { api, route } = info;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...requestHeaders(call), ...addedHeaders(env, call) })) headers[name.toLowerCase()] = value;
  const cookies = (headers.cookie ?? '').split(';').map((c) => c.trim()).filter((c) => c !== '');
  delete headers.cookie;
  const query: Record<string, string> = {};
  call.url.searchParams.forEach((value, key) => {
    query[key] = query[key] === undefined ? value : `${query[key]},${value}`;
  });
  const routeKey = `${route.method} ${route.path}`;
  const body = bodyOf(call);
  return {
    version: '2.0',
    routeKey,
    rawPath: info.path,
    rawQueryString: call.url.search.replace(/^\?/, ''),
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: env.accountId,
      apiId: api.id,
      ...(jwt ? { authorizer: { jwt } } : {}),
      domainName: api.host,
      domainPrefix: api.id,
      http: { method: call.method, path: info.path, protocol: 'HTTP/1.1', sourceIp: SIMULATED_SOURCE_IP, userAgent: call.headers.get('user-agent') ?? '' },
      requestId: info.apigwId,
      routeKey,
      stage: '$default',
      time: requestTime(call.now),
      timeEpoch: call.now,
    },
    ...(Object.keys(info.pathParameters).length > 0 ? { pathParameters: info.pathParameters } : {}),
    ...(body !== null ? { body } : {}),
    isBase64Encoded: false,
  };
}
