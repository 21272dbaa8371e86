// API Gateway's deployed APIs as the gateway uses them: routes split into segments, authorizers resolved to
// user pool issuers, JWKS URLs, app client ids and functions. Built once from the world by ./build.ts.
import type { IntegrationConfig, RestAuthorizationType, ThrottleConfig } from '../world/api-config';

/** A REST API authorizer's identity source: method.request.header.<name> or method.request.querystring.<name>. */
export interface IdentitySource {
  location: 'header' | 'querystring';
  name: string;
  /** As written, e.g. method.request.header.Authorization. */
  expression: string;
}

export interface PoolIssuer {
  poolId: string;
  poolName: string;
  issuer: string;
  jwksUrl: string;
}

export interface CognitoAuthorizer {
  kind: 'cognito';
  name: string;
  pools: PoolIssuer[];
  header: string;
  /** identityValidationExpression: a regular expression the token's audience (aud, or client_id) must match. */
  audiencePattern?: string;
}

export interface LambdaAuthorizer {
  kind: 'lambda';
  type: 'TOKEN' | 'REQUEST';
  name: string;
  functionName: string;
  sources: IdentitySource[];
  validation?: RegExp;
  /** 0: no caching. */
  ttlMs: number;
}

export type RestAuthorizer = CognitoAuthorizer | LambdaAuthorizer;

export interface Route {
  method: string;
  /** The resource path as configured, e.g. /catalog/{sku}. */
  path: string;
  segments: string[];
  integration: IntegrationConfig;
  throttling?: ThrottleConfig;
}

export interface RestRoute extends Route {
  /** The resource's id (six characters, like AWS's), as requestContext.resourceId shows it. */
  resourceId: string;
  authorization: RestAuthorizationType;
  scopes: string[];
  authorizer?: RestAuthorizer;
}

export interface RestApi {
  kind: 'rest';
  id: string;
  name: string;
  stage: string;
  host: string;
  routes: RestRoute[];
  throttling?: ThrottleConfig;
}

export interface JwtAuthorizer {
  name: string;
  pool: PoolIssuer;
  /** App client ids. */
  audience: string[];
  /** Names of the clients, for notes. */
  audienceNames: string[];
  header: string;
}

export interface HttpRoute extends Route {
  authorization: 'JWT' | 'NONE';
  scopes: string[];
  authorizer?: JwtAuthorizer;
}

export interface HttpApi {
  kind: 'http';
  id: string;
  name: string;
  host: string;
  routes: HttpRoute[];
  throttling?: ThrottleConfig;
}

export type DeployedApi = RestApi | HttpApi;

/** The execute-api ARN of a method call, as IAM policies and Lambda authorizers see it. */
export const methodArn = (region: string, accountId: string, apiId: string, stage: string, method: string, path: string): string =>
  `arn:aws:execute-api:${region}:${accountId}:${apiId}/${stage}/${method}/${path.replace(/^\//, '')}`;
