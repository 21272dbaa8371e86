// Where an API Gateway request went: which API (a REST API has its stage as the first path segment, an
// HTTP API serves its $default stage at the root), which route matched, and, when API Gateway answered by
// itself (a gateway response: throttled, unauthorized, no such route…), what that answer means.
import type { Exchange } from '../../sim/index';
import { notesOfKind } from './aws-notes';

const EXECUTE_API = /^([a-z0-9]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/;

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

function header(headers: Record<string, string>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

/** A request to an API (REST or HTTP) served by API Gateway. */
export function isGatewayExchange(x: Exchange): boolean {
  return x.to === 'api-gateway' || EXECUTE_API.test(hostOf(x.request.url) ?? '');
}

/** Whether the inspector has a Gateway view of this exchange: a gateway request, or one whose calls ran an authorizer. */
export function hasGatewayView(exchange: Exchange, nested: readonly Exchange[]): boolean {
  return isGatewayExchange(exchange) || notesOfKind('authorizer', exchange, nested).length > 0;
}

export interface GatewayRoute {
  /** REST API (v1, stages in the path) or HTTP API (v2, the $default stage). */
  api: 'REST' | 'HTTP';
  apiId?: string;
  region?: string;
  stage?: string;
  method: string;
  /** The route (resource path) that matched, e.g. /catalog/{sku}; absent when none did. */
  resource?: string;
  /** The path the client asked for, after the stage. */
  path: string;
}

/** Unknown routes: a REST API says 403 Missing Authentication Token, an HTTP API 404 Not Found. */
const NO_ROUTE_CODES = new Set(['MissingAuthenticationTokenException', 'NotFoundException']);

export function gatewayRoute(x: Exchange): GatewayRoute {
  let pathname = '/';
  try {
    pathname = new URL(x.request.url).pathname;
  } catch {
    // Recorded URLs are absolute; keep '/' for anything else.
  }
  const host = EXECUTE_API.exec(hostOf(x.request.url) ?? '');
  const http = header(x.response.headers, 'apigw-requestid') !== undefined && header(x.response.headers, 'x-amzn-requestid') === undefined;
  const segments = pathname.split('/').filter((s) => s !== '');
  const stage = http ? '$default' : segments[0];
  const path = http ? pathname : `/${segments.slice(1).join('/')}`;
  // API Gateway names the exchange after the route it matched ("GET /catalog/{sku}"). No route matched when
  // it refused with its no-route answer before any authorizer ran.
  const noRoute = x.notes.some((n) => n.kind === 'error' && NO_ROUTE_CODES.has(n.code)) && !x.notes.some((n) => n.kind === 'authorizer');
  const operation = /^[A-Z]+ (\/\S*)$/.exec(x.operation);
  return {
    api: http ? 'HTTP' : 'REST',
    ...(host ? { apiId: host[1], region: host[2] } : {}),
    ...(stage !== undefined ? { stage } : {}),
    method: x.request.method.toUpperCase(),
    ...(!noRoute && operation ? { resource: operation[1] } : {}),
    path,
  };
}

/** The throttling decision API Gateway recorded (a token taken from the method's bucket, or none left). */
export function throttlingOf(x: Exchange): string | undefined {
  return x.notes.find((n) => n.kind === 'info' && n.summary.startsWith('Throttling'))?.summary;
}

export interface GatewayAnswer {
  /** Who wrote the answer: API Gateway itself (a gateway response) or the integration behind it. */
  by: 'gateway' | 'integration';
  status: number;
  /** x-amzn-ErrorType, e.g. TooManyRequestsException. */
  errorType?: string;
  /** The gateway response type, e.g. THROTTLED. */
  responseType?: string;
  /** The answer in a few words, e.g. "Throttled". */
  title: string;
  /** What it means, in one line. */
  text: string;
}

/** [title, meaning] of an error API Gateway wrote itself, by its x-amzn-ErrorType (else by status). */
function explain(status: number, errorType: string | undefined): [string, string] {
  switch (errorType) {
    case 'TooManyRequestsException':
      return ['Throttled', 'the method’s bucket of requests was empty, so API Gateway refused the call before any authorizer or integration ran. Retry after a short back-off.'];
    case 'UnauthorizedException':
      return ['Unauthorized', 'the authorizer found no valid token (missing, malformed, expired, of the wrong type or badly signed), so API Gateway answered without calling the integration.'];
    case 'MissingAuthenticationTokenException':
      return ['Missing Authentication Token', 'a REST API says this for a route or stage that does not exist, and for an AWS_IAM method called without a signature. It is rarely about tokens.'];
    case 'AccessDeniedException':
    case 'ForbiddenException':
      return ['Access denied', 'the caller was identified but may not call this method (a missing scope, or an IAM or authorizer policy that does not allow it).'];
    case 'AuthorizerConfigurationException':
      return ['Authorizer error', 'the Lambda authorizer failed or returned something that is not a policy, so API Gateway answered 500 without calling the integration.'];
    case 'NotFoundException':
      return ['Not Found', 'an HTTP API answers a route it does not have with 404 (a REST API would say 403 Missing Authentication Token).'];
    default:
      if (status === 429) return ['Throttled', 'too many requests for this method’s rate and burst limits; API Gateway refused the call itself.'];
      if (status === 502) return ['Bad gateway', 'the Lambda function failed, or its answer was not a proxy response (statusCode, headers, body).'];
      if (status === 403 && errorType !== undefined) return ['Signature refused', `the SigV4 check failed (${errorType}), so API Gateway refused the request before asking IAM.`];
      return ['Refused by API Gateway', `it answered ${status} itself${errorType ? ` (${errorType})` : ''}, before or instead of the integration.`];
  }
}

/** Why the answer is an error, when it is one: a gateway response explained, or the integration's own status. */
export function gatewayAnswer(x: Exchange): GatewayAnswer | undefined {
  const { status } = x.response;
  if (status < 400) return undefined;
  const note = x.notes.find((n): n is Extract<typeof n, { kind: 'error' }> => n.kind === 'error' && n.status === status);
  if (!note && status !== 429) {
    return { by: 'integration', status, title: 'From the integration', text: `the function (its statusCode) or the back end answered ${status}; API Gateway passed it on unchanged.` };
  }
  const errorType = header(x.response.headers, 'x-amzn-errortype') ?? note?.code;
  const responseType = note ? /gateway response ([A-Z0-9_]+)/.exec(note.summary)?.[1] : undefined;
  const [title, text] = explain(status, errorType);
  return { by: 'gateway', status, ...(errorType ? { errorType } : {}), ...(responseType ? { responseType } : {}), title, text };
}
