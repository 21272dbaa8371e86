// The world's API Gateway APIs and the Lambda functions behind them, as plain JSON-able data. User pools,
// app clients, functions and roles are named, not given by id: ids come from the seed.

/** A built-in Lambda handler (pure TypeScript in src/sim/lambda): a world chooses functions by handler name. */
export type LambdaHandlerName =
  | 'echo-claims'
  | 'list-notes'
  | 'token-authorizer'
  | 'request-authorizer'
  // [TRIGGERS] user pool Lambda triggers (src/sim/lambda/trigger-handlers.ts)
  | 'pre-sign-up-domain-policy'
  | 'post-confirmation-welcome'
  | 'pre-token-claims'
  | 'custom-message-branded'
  | 'define-auth-challenge'
  | 'create-auth-challenge'
  | 'verify-auth-challenge'
  | 'forgets-to-return';

export interface LambdaFunctionConfig {
  name: string;
  handler: LambdaHandlerName;
  description?: string;
  /**
   * The function's configuration, as its environment variables would be on AWS: plain strings its handler reads
   * (e.g. the e-mail domain a pre sign-up function confirms automatically). Each handler documents its own.
   */
  settings?: Record<string, string>;
}

/** Rate (requests per second, the bucket's refill) and burst (the bucket's size), as a stage or method setting. */
export interface ThrottleConfig {
  rateLimit: number;
  burstLimit: number;
}

/** What a method hands the request to. */
export type IntegrationConfig =
  /** Lambda proxy integration (AWS_PROXY): the function gets the proxy event and answers with the HTTP response. */
  | { type: 'lambda'; functionName: string }
  /** MOCK: API Gateway answers by itself. */
  | { type: 'mock'; statusCode?: number; body: string; contentType?: string }
  /**
   * An AWS service integration with DynamoDB: the request template (a JSON body in which $input.params('x')
   * and $context.<path> are filled in) is sent as `action`, signed with the role's credentials.
   */
  | { type: 'dynamodb'; action: 'GetItem' | 'Query' | 'Scan'; roleName: string; requestTemplate: string };

/** An authorizer of a REST API (CreateAuthorizer), with its user pools and function by name. */
export interface RestAuthorizerConfig {
  name: string;
  type: 'COGNITO_USER_POOLS' | 'TOKEN' | 'REQUEST';
  /** COGNITO_USER_POOLS: the user pools (by name) whose tokens it accepts. */
  userPools?: string[];
  /** TOKEN and REQUEST: the Lambda function (by name) that decides. */
  functionName?: string;
  /**
   * As AWS writes it: 'method.request.header.Authorization' (COGNITO_USER_POOLS, TOKEN: one header);
   * REQUEST: a comma-separated list that may also name method.request.querystring.<name>.
   */
  identitySource: string;
  /**
   * TOKEN: a regular expression the token must match, or 401 without calling the function.
   * COGNITO_USER_POOLS: a regular expression the token's audience (the app client id) must match [V BOTO].
   */
  identityValidationExpression?: string;
  /** Seconds the decision is cached, 0–3600 (AWS's default: 300). */
  resultTtlInSeconds?: number;
}

export type RestAuthorizationType = 'COGNITO_USER_POOLS' | 'AWS_IAM' | 'NONE' | 'CUSTOM';

export interface RestRouteConfig {
  method: string;
  /** A resource path; `{name}` matches one path segment. */
  path: string;
  authorization: RestAuthorizationType;
  /** COGNITO_USER_POOLS: the method's OAuth scopes (then an access token with one of them is required). */
  scopes?: string[];
  /** The authorizer by name (COGNITO_USER_POOLS: default the API's first Cognito authorizer; CUSTOM: required). */
  authorizer?: string;
  /** Default: a mock answering {"message":"…"}. */
  integration?: IntegrationConfig;
  /** Method throttling, overriding the stage's. */
  throttling?: ThrottleConfig;
}

/** A JWT authorizer of an HTTP API, for a user pool (the issuer) and its app clients (the audience). */
export interface HttpAuthorizerConfig {
  name: string;
  type: 'JWT';
  userPool: string;
  /** App clients as "{poolName}/{clientName}": a token's aud (or, without aud, its client_id) must be one of them. */
  audience: string[];
  /** Default '$request.header.Authorization'. */
  identitySource?: string;
}

export interface HttpRouteConfig {
  method: string;
  path: string;
  authorization: 'JWT' | 'NONE';
  authorizer?: string;
  /** The route's authorization scopes: the token's scope (or scp) claim must hold one. */
  scopes?: string[];
  /** Lambda integrations use payload format version 2.0, the HTTP API default. */
  integration: IntegrationConfig;
  throttling?: ThrottleConfig;
}

/** An HTTP API (API Gateway v2) with its $default stage, served at https://{apiId}.execute-api.{region}.amazonaws.com/. */
export interface HttpApiConfig {
  name: string;
  apiId?: string;
  authorizers?: HttpAuthorizerConfig[];
  routes: HttpRouteConfig[];
  throttling?: ThrottleConfig;
}
