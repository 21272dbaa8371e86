// The world a simulator starts from, as plain JSON-able data: what a learner can export, edit and import.
// Ids left out are generated from the simulator's seed, so the same seed gives the same ids.
import type { NamedPolicy, PolicyDocument } from '../iam/types';
import type { HttpApiConfig, LambdaFunctionConfig, RestAuthorizerConfig, RestRouteConfig, ThrottleConfig } from './api-config';

export type UsernameAttribute = 'email' | 'phone_number';
export type AliasAttribute = 'email' | 'phone_number' | 'preferred_username';
export type ExplicitAuthFlow =
  | 'ALLOW_USER_SRP_AUTH'
  | 'ALLOW_USER_PASSWORD_AUTH'
  | 'ALLOW_ADMIN_USER_PASSWORD_AUTH'
  | 'ALLOW_CUSTOM_AUTH'
  | 'ALLOW_REFRESH_TOKEN_AUTH'
  | 'ALLOW_USER_AUTH';
export type TimeUnit = 'seconds' | 'minutes' | 'hours' | 'days';

export interface PasswordPolicy {
  MinimumLength: number;
  RequireUppercase: boolean;
  RequireLowercase: boolean;
  RequireNumbers: boolean;
  RequireSymbols: boolean;
  TemporaryPasswordValidityDays: number;
}

export interface AppClientConfig {
  name: string;
  clientId?: string;
  /** With a secret, every request must carry SECRET_HASH (or the secret at the token endpoint). */
  generateSecret?: boolean;
  clientSecret?: string;
  explicitAuthFlows: ExplicitAuthFlow[];
  preventUserExistenceErrors?: 'ENABLED' | 'LEGACY';
  enableTokenRevocation?: boolean;
  /** In the units of tokenValidityUnits (AWS's defaults: hours, hours, days). */
  idTokenValidity?: number;
  accessTokenValidity?: number;
  refreshTokenValidity?: number;
  tokenValidityUnits?: { IdToken?: TimeUnit; AccessToken?: TimeUnit; RefreshToken?: TimeUnit };
  /** Minutes, 3–15. */
  authSessionValidity?: number;
  allowedOAuthFlows?: ('code' | 'implicit' | 'client_credentials')[];
  allowedOAuthScopes?: string[];
  callbackUrls?: string[];
  logoutUrls?: string[];
  supportedIdentityProviders?: string[];
  readAttributes?: string[];
  writeAttributes?: string[];
}

export interface GroupConfig {
  name: string;
  description?: string;
  precedence?: number;
  /** A role of this world's account by name (becomes arn:aws:iam::{account}:role/{name}). */
  roleName?: string;
}

export interface IdentityProviderConfig {
  name: string;
  type: 'Google' | 'Facebook' | 'SAML' | 'OIDC';
  /** User pool attribute → the provider's attribute or claim (AttributeMapping of CreateIdentityProvider). */
  attributeMapping?: Record<string, string>;
}

/** The pool's LambdaConfig: each trigger names one of the world's functions. */
export interface LambdaTriggersConfig {
  preSignUp?: string;
  postConfirmation?: string;
  preTokenGeneration?: string;
  customMessage?: string;
  defineAuthChallenge?: string;
  createAuthChallenge?: string;
  verifyAuthChallengeResponse?: string;
}

/** An OAuth 2.0 resource server: custom scopes `{identifier}/{scope name}` that app clients may be allowed. */
export interface ResourceServerConfig {
  identifier: string;
  name: string;
  scopes: { name: string; description: string }[];
}

export interface UserConfig {
  username: string;
  password?: string;
  attributes?: Record<string, string>;
  status?: 'CONFIRMED' | 'UNCONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'EXTERNAL_PROVIDER';
  enabled?: boolean;
  groups?: string[];
}

export interface UserPoolConfig {
  name: string;
  userPoolId?: string;
  usernameAttributes?: UsernameAttribute[];
  aliasAttributes?: AliasAttribute[];
  autoVerifiedAttributes?: ('email' | 'phone_number')[];
  /** Standard attributes every sign-up must carry (e.g. email). */
  requiredAttributes?: string[];
  passwordPolicy?: Partial<PasswordPolicy>;
  mfaConfiguration?: 'OFF' | 'OPTIONAL' | 'ON';
  mfaFactors?: ('SMS' | 'TOTP')[];
  /** false = only administrators create users (AllowAdminCreateUserOnly). */
  allowSelfSignUp?: boolean;
  accountRecovery?: 'verified_email' | 'verified_phone_number' | 'admin_only';
  unusedAccountValidityDays?: number;
  domainPrefix?: string;
  groups?: GroupConfig[];
  identityProviders?: IdentityProviderConfig[];
  lambdaTriggers?: LambdaTriggersConfig;
  /** Custom OAuth scopes for the hosted UI's token endpoint (CreateResourceServer). */
  resourceServers?: ResourceServerConfig[];
  clients: AppClientConfig[];
  users?: UserConfig[];
}

export interface IdentityPoolConfig {
  name: string;
  identityPoolId?: string;
  allowUnauthenticatedIdentities: boolean;
  allowClassicFlow: boolean;
  /** User pool app clients by "{poolName}/{clientName}", plus external providers by name. */
  userPoolClients: string[];
  externalProviders: string[];
  authenticatedRoleName: string;
  unauthenticatedRoleName: string;
  /** 'token': every user pool client maps roles from the token (cognito:preferred_role), falling back to the authenticated role. */
  roleMapping?: 'token' | 'none';
  /** Role mappings per provider ("{poolName}/{clientName}" or an external provider's name); they replace `roleMapping` for that provider. */
  roleMappings?: IdentityPoolRoleMappingConfig[];
}

/** A RoleMapping of SetIdentityPoolRoles, with roles named by role name instead of ARN. */
export interface IdentityPoolRoleMappingConfig {
  provider: string;
  type: 'Token' | 'Rules';
  ambiguousRoleResolution: 'AuthenticatedRole' | 'Deny';
  /** For type 'Rules', evaluated in order; the first match wins. */
  rules?: { claim: string; matchType: 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual'; value: string; roleName: string }[];
}

export interface TableConfig {
  name: string;
  partitionKey: { name: string; type: 'S' | 'N' | 'B' };
  sortKey?: { name: string; type: 'S' | 'N' | 'B' };
  items?: Record<string, unknown>[];
}

export interface RestApiConfig {
  name: string;
  restApiId?: string;
  stage: string;
  routes: RestRouteConfig[];
  /** Cognito user pool and Lambda (TOKEN, REQUEST) authorizers the routes name. */
  authorizers?: RestAuthorizerConfig[];
  /** The stage's default method throttling (each method gets its own bucket). */
  throttling?: ThrottleConfig;
}

export interface LoadBalancerConfig {
  name: string;
  /** The HTTPS:443 listener's rules (authenticate-cognito needs HTTPS, as on AWS). */
  rules: LoadBalancerRuleConfig[];
  /** When no rule matches (AWS requires one; default: fixed-response 404 "Not Found"). */
  defaultAction?: LoadBalancerFinalAction;
  /** An HTTP:80 listener whose only action redirects to HTTPS (the usual set-up); absent: no HTTP listener. */
  httpListener?: 'redirect-to-https';
  /** Built-in targets a forward action names (each its own target group of one instance). */
  targets?: LoadBalancerTargetConfig[];
}

export type LoadBalancerActionType = 'authenticate-cognito' | 'forward' | 'fixed-response' | 'redirect';

export interface LoadBalancerRuleConfig {
  /** A path-pattern condition: case-sensitive, `*` any characters, `?` one character; the query is not matched. */
  path: string;
  /** The rule's first action; authenticate-cognito is followed by `forward`, or by `fixedResponse` or `redirect` when given. */
  action: LoadBalancerActionType;
  /** 1–50000, lowest first; default: 10 × the rule's position in the list. */
  priority?: number;
  authenticate?: AuthenticateCognitoConfig;
  /** A target by name (default: the first target). */
  forward?: { target: string };
  fixedResponse?: FixedResponseConfig;
  redirect?: RedirectConfig;
}

export type LoadBalancerFinalAction =
  | { type: 'forward'; target: string }
  | ({ type: 'fixed-response' } & FixedResponseConfig)
  | ({ type: 'redirect' } & RedirectConfig);

/** AuthenticateCognitoActionConfig with the pool and client by name instead of ARN and id. */
export interface AuthenticateCognitoConfig {
  userPool: string;
  userPoolClient: string;
  /** Default: the pool's domain prefix. */
  userPoolDomain?: string;
  /** Default 'openid'. */
  scope?: string;
  /** Default 'AWSELBAuthSessionCookie'. */
  sessionCookieName?: string;
  /** Seconds, default 604800 (7 days). */
  sessionTimeout?: number;
  /** Default 'authenticate'. */
  onUnauthenticatedRequest?: 'authenticate' | 'allow' | 'deny';
  authenticationRequestExtraParams?: Record<string, string>;
}

export interface FixedResponseConfig {
  statusCode: number;
  contentType?: 'text/plain' | 'text/css' | 'text/html' | 'application/javascript' | 'application/json';
  messageBody?: string;
}

/** #{protocol}, #{host}, #{port}, #{path} and #{query} keep the request's own values, as on AWS. */
export interface RedirectConfig {
  statusCode: 'HTTP_301' | 'HTTP_302';
  protocol?: string;
  host?: string;
  port?: string;
  path?: string;
  query?: string;
}

export interface LoadBalancerTargetConfig {
  name: string;
  /**
   * show-oidc-headers: answers with the x-amzn-oidc-* headers it received and its own check of x-amzn-oidc-data;
   * health: answers 200 for health checks; sign-out: expires the ALB session cookies and redirects to Cognito's /logout.
   */
  handler: 'show-oidc-headers' | 'health' | 'sign-out';
  /** sign-out only: the registered sign-out URL's path on this load balancer (default '/signed-out'). */
  logoutPath?: string;
}

/**
 * An IAM role. Strings in its policies may name things whose ids come from the seed:
 * {{accountId}}, {{region}}, {{identityPool:<name>}}, {{userPool:<name>}}, {{restApi:<name>}}.
 */
export interface RoleConfig {
  name: string;
  description?: string;
  trustPolicy: PolicyDocument;
  policies: NamedPolicy[];
  /** Seconds, 3600–43200 (default 3600). */
  maxSessionDuration?: number;
}

export interface WorldConfig {
  region: string;
  accountId: string;
  roles: RoleConfig[];
  userPools: UserPoolConfig[];
  identityPools: IdentityPoolConfig[];
  tables: TableConfig[];
  restApis: RestApiConfig[];
  loadBalancers: LoadBalancerConfig[];
  /** Lambda functions (built-in handlers) that APIs integrate with or use as authorizers. */
  functions?: LambdaFunctionConfig[];
  /** HTTP APIs (API Gateway v2) with JWT authorizers. */
  httpApis?: HttpApiConfig[];
}
