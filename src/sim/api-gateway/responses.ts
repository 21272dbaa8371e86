// API Gateway's own answers (gateway responses) when it stops a request before or after the integration:
// the status, the JSON body AWS writes by default and the x-amzn-ErrorType header. REST APIs answer with
// x-amzn-RequestId and x-amz-apigw-id; HTTP APIs with apigw-requestid only.
// Sources: supported-gateway-response-types (statuses) [V LIVE]; bodies per aws-behaviour.md §8 as marked.
import { toBase64 } from '../../lib/encoding';
import type { Random } from '../core/random';
import type { ServiceContext } from '../core/router';

export interface GatewayError {
  status: number;
  /** Written as JSON; AWS writes "message" for most and "Message" for IAM and Lambda-authorizer denials. */
  body: Record<string, unknown>;
  /** x-amzn-ErrorType (REST APIs). */
  errorType: string;
  /** The gateway response type, for the trace. */
  responseType: string;
  headers?: Record<string, string>;
}

/** REST API gateway responses with AWS's default bodies. */
export const REST_ERRORS = {
  /** Unknown resource or method, or an AWS_IAM method called unsigned [V ISS; §8.2]. */
  missingAuthenticationToken: (): GatewayError => ({ status: 403, body: { message: 'Missing Authentication Token' }, errorType: 'MissingAuthenticationTokenException', responseType: 'MISSING_AUTHENTICATION_TOKEN' }),
  /** Cognito or Lambda authorizer: no token, or a token it refused [V ISS aws-amplify/amplify-android#935, serverless-patterns#2254 headers]. */
  unauthorized: (): GatewayError => ({ status: 401, body: { message: 'Unauthorized' }, errorType: 'UnauthorizedException', responseType: 'UNAUTHORIZED' }),
  /** Cognito authorizer: a valid access token without any of the method's scopes. [P §8.1: 403 ACCESS_DENIED; body text U]. */
  scopeDenied: (): GatewayError => ({ status: 403, body: { message: 'Forbidden' }, errorType: 'AccessDeniedException', responseType: 'ACCESS_DENIED' }),
  /** Lambda authorizer: a Deny statement matched [V FIX aws-cdk integ test; localstack's AWS-validated test]. */
  explicitDeny: (): GatewayError => ({ status: 403, body: { Message: 'User is not authorized to access this resource with an explicit deny' }, errorType: 'AccessDeniedException', responseType: 'ACCESS_DENIED' }),
  /** Lambda authorizer: no statement allows this method [P]. */
  implicitDeny: (): GatewayError => ({ status: 403, body: { Message: 'User is not authorized to access this resource' }, errorType: 'AccessDeniedException', responseType: 'ACCESS_DENIED' }),
  /** AWS_IAM: IAM refused execute-api:Invoke (capital "Message") [V ISS aws-amplify/amplify-js#1643]. */
  iamDenied: (message: string): GatewayError => ({ status: 403, body: { Message: message }, errorType: 'AccessDeniedException', responseType: 'ACCESS_DENIED' }),
  /** AWS_IAM: a SigV4 failure, with the message the signature check gives [V ISS §8.2]. */
  signature: (code: string, message: string): GatewayError => ({
    status: 403,
    body: { message },
    errorType: code,
    responseType: code === 'ExpiredTokenException' ? 'EXPIRED_TOKEN' : code === 'MissingAuthenticationTokenException' ? 'MISSING_AUTHENTICATION_TOKEN' : code === 'InvalidSignatureException' ? 'INVALID_SIGNATURE' : 'ACCESS_DENIED',
  }),
  /** Lambda authorizer crashed or answered something that is not a policy: {"message": null} [P]. */
  authorizerConfiguration: (): GatewayError => ({ status: 500, body: { message: null }, errorType: 'AuthorizerConfigurationException', responseType: 'AUTHORIZER_CONFIGURATION_ERROR' }),
  throttled: (): GatewayError => ({ status: 429, body: { message: 'Too Many Requests' }, errorType: 'TooManyRequestsException', responseType: 'THROTTLED' }),
  /** A Lambda proxy integration that failed or answered a malformed proxy response [P]. */
  badIntegrationResponse: (): GatewayError => ({ status: 502, body: { message: 'Internal server error' }, errorType: 'InternalServerErrorException', responseType: 'DEFAULT_5XX' }),
  /** The integration's credentials role cannot be assumed, and the like [P]. */
  configuration: (): GatewayError => ({ status: 500, body: { message: 'Internal server error' }, errorType: 'InternalServerErrorException', responseType: 'API_CONFIGURATION_ERROR' }),
};

/** HTTP API errors: no x-amzn-ErrorType, body as the HTTP API docs show. */
export const HTTP_ERRORS = {
  /** An unknown route: HTTP APIs say 404, where REST APIs say 403 Missing Authentication Token. */
  notFound: (): GatewayError => ({ status: 404, body: { message: 'Not Found' }, errorType: 'NotFoundException', responseType: 'NOT_FOUND' }),
  /** [V LIVE http-api-troubleshooting-jwt: 401 {"message":"Unauthorized"} with www-authenticate]. */
  unauthorized: (wwwAuthenticate?: string): GatewayError => ({
    status: 401,
    body: { message: 'Unauthorized' },
    errorType: 'UnauthorizedException',
    responseType: 'UNAUTHORIZED',
    ...(wwwAuthenticate ? { headers: { 'www-authenticate': wwwAuthenticate } } : {}),
  }),
  /** A valid token without the route's scopes [P §8.3]. */
  forbidden: (): GatewayError => ({ status: 403, body: { message: 'Forbidden' }, errorType: 'ForbiddenException', responseType: 'ACCESS_DENIED' }),
  throttled: (): GatewayError => ({ status: 429, body: { message: 'Too Many Requests' }, errorType: 'TooManyRequestsException', responseType: 'THROTTLED' }),
  /** A failed Lambda integration [P]. */
  internal: (): GatewayError => ({ status: 500, body: { message: 'Internal Server Error' }, errorType: 'InternalServerErrorException', responseType: 'DEFAULT_5XX' }),
};

/** API Gateway's short request ids (x-amz-apigw-id, apigw-requestid): 16 base64 characters, e.g. "Mc7UVioPPHcEKPA=". */
export const apigwId = (random: Random): string => toBase64(random.bytes(11));

export function restHeaders(call: ServiceContext, random: Random): Record<string, string> {
  return { 'x-amzn-requestid': call.requestId, 'x-amz-apigw-id': apigwId(random) };
}

export function gatewayErrorResponse(call: ServiceContext, random: Random, error: GatewayError, api: 'rest' | 'http'): Response {
  const text = JSON.stringify(error.body);
  call.note({ kind: 'error', summary: `API Gateway answered ${error.status} itself (gateway response ${error.responseType}): ${text}`, code: error.errorType, message: text, status: error.status });
  const ids: Record<string, string> = api === 'rest' ? { ...restHeaders(call, random), 'x-amzn-errortype': error.errorType } : { 'apigw-requestid': apigwId(random) };
  return new Response(text, { status: error.status, headers: { 'content-type': 'application/json', ...ids, ...error.headers } });
}
