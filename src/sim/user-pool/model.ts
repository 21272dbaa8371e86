// The user pool's state: pools, app clients, users, groups, codes, refresh tokens and auth sessions.
// Rules live in the operations and in small rule modules beside this one; this file holds shapes only.
import type { CodePurpose } from '../core/trace-types';
import type { AliasAttribute, ExplicitAuthFlow, PasswordPolicy, TimeUnit, UsernameAttribute } from '../world/config';
import type { MfaFactorName, MfaSessionState, UserMfa } from './mfa/model';
import type { LambdaTriggersConfig } from '../world/config';
import type { CustomAuthState } from './triggers/custom-auth-state';

export type UserStatus =
  | 'UNCONFIRMED'
  | 'CONFIRMED'
  | 'ARCHIVED'
  | 'COMPROMISED'
  | 'UNKNOWN'
  | 'RESET_REQUIRED'
  | 'FORCE_CHANGE_PASSWORD'
  | 'EXTERNAL_PROVIDER';

export interface AppClient {
  clientId: string;
  clientName: string;
  clientSecret?: string;
  explicitAuthFlows: ExplicitAuthFlow[];
  preventUserExistenceErrors: 'ENABLED' | 'LEGACY';
  enableTokenRevocation: boolean;
  idTokenValidity: number;
  accessTokenValidity: number;
  refreshTokenValidity: number;
  tokenValidityUnits: { IdToken: TimeUnit; AccessToken: TimeUnit; RefreshToken: TimeUnit };
  authSessionValidity: number;
  allowedOAuthFlows: string[];
  allowedOAuthScopes: string[];
  callbackUrls: string[];
  logoutUrls: string[];
  supportedIdentityProviders: string[];
  readAttributes?: string[];
  writeAttributes?: string[];
  createdAt: number;
  lastModified: number;
}

export interface Group {
  groupName: string;
  description?: string;
  precedence?: number;
  roleArn?: string;
  createdAt: number;
  lastModified: number;
}

export interface IssuedCode {
  code: string;
  expiresAt: number;
  failedAttempts: number;
}

/**
 * The password is never stored: only what SRP needs, a salt and the verifier v = g^x mod N, where
 * x = H(salt ‖ H(poolName ‖ username ‖ ":" ‖ password)) (aws-behaviour.md §3.8; passwords.ts).
 */
export interface StoredPassword {
  /** Hex, sent to the app as SALT. */
  salt: string;
  /** Hex (padHex) of v. */
  verifier: string;
  /** For temporary passwords set by an administrator. */
  expiresAt?: number;
}

/**
 * A PASSWORD_VERIFIER challenge in flight (USER_SRP_AUTH), kept by the pool between InitiateAuth and the answer
 * and keyed by the SECRET_BLOCK it handed out; used once. `b` is the pool's secret ephemeral value.
 */
export interface SrpChallenge {
  secretBlock: string;
  /** USER_ID_FOR_SRP: the username, or for a user who does not exist the made-up UUID the challenge named. */
  userIdForSrp: string;
  clientId: string;
  /** Hex of the app's A, the pool's B and secret b. */
  srpA: string;
  srpB: string;
  b: string;
  issuedAt: number;
  expiresAt: number;
  /** PreventUserExistenceErrors: a made-up challenge for a name no user has; its answer always fails. */
  simulated: boolean;
}

export interface User {
  username: string;
  sub: string;
  attributes: Map<string, string>;
  status: UserStatus;
  enabled: boolean;
  createdAt: number;
  lastModified: number;
  password?: StoredPassword;
  codes: Partial<Record<Exclude<CodePurpose, 'attribute-verification' | 'temporary-password'>, IssuedCode>>;
  attributeCodes: Map<string, IssuedCode>;
  /** Consecutive failed sign-ins, for the lockout. */
  failedSignIns: number;
  lastFailedSignInAt?: number;
  lockedUntil?: number;
  /** Per-operation timestamps of recent calls, for AWS's per-user hourly limits. */
  recentCalls: Map<string, number[]>;
  /** The last global sign-out (epoch ms): revokes tokens of clients without token revocation (no origin_jti). */
  globalSignOutAt?: number;
  /** MFA factors and preference (absent until the user or an administrator sets one up). */
  mfa?: UserMfa;
}

export interface AuthSession {
  id: string;
  username: string;
  clientId: string;
  challengeName: string;
  expiresAt: number;
  /** What an MFA step of the sign-in remembers (the texted code, how far a TOTP setup has come). */
  mfa?: MfaSessionState;
  /** CUSTOM_AUTH: the rounds so far and the open challenge's private parameters, carried from Session to Session. */
  customAuth?: CustomAuthState;
}

/** One sign-in's family of tokens: refresh and access tokens share its origin_jti and are revoked together. */
export interface TokenFamily {
  originJti: string;
  username: string;
  clientId: string;
  authTime: number;
  revoked: boolean;
}

export interface RefreshTokenRecord {
  originJti: string;
  username: string;
  clientId: string;
  expiresAt: number;
}

/** One external identity provider of a pool, as DescribeIdentityProvider shows it. */
export interface PoolIdentityProvider {
  name: string;
  type: 'Google' | 'Facebook' | 'SAML' | 'OIDC';
  /** User pool attribute → the provider's attribute or claim (AttributeMapping). */
  attributeMapping?: Record<string, string>;
  /** ProviderDetails: client_id, client_secret, authorize_scopes… for social providers (set where their app is registered). */
  providerDetails?: Record<string, string>;
}

export interface UserPool {
  id: string;
  name: string;
  arn: string;
  region: string;
  createdAt: number;
  lastModified: number;
  usernameAttributes: UsernameAttribute[];
  aliasAttributes: AliasAttribute[];
  autoVerifiedAttributes: ('email' | 'phone_number')[];
  requiredAttributes: string[];
  passwordPolicy: PasswordPolicy;
  mfaConfiguration: 'OFF' | 'OPTIONAL' | 'ON';
  /** The second factors the pool offers (none when MFA is OFF). */
  mfaFactors: MfaFactorName[];
  allowSelfSignUp: boolean;
  accountRecovery: 'verified_email' | 'verified_phone_number' | 'admin_only';
  unusedAccountValidityDays: number;
  /** LambdaConfig: the world's function each trigger invokes, by name (absent: no triggers). */
  lambdaTriggers?: LambdaTriggersConfig;
  domain?: string;
  /** External identity providers (CreateIdentityProvider): Google, Facebook, SAML, OIDC. */
  identityProviders: PoolIdentityProvider[];
  clients: Map<string, AppClient>;
  /** Keyed by the lower-cased username (usernames are case-insensitive in new pools). */
  users: Map<string, User>;
  groups: Map<string, Group>;
  /** username (lower-cased) → group names */
  memberships: Map<string, Set<string>>;
  sessions: Map<string, AuthSession>;
  tokenFamilies: Map<string, TokenFamily>;
  refreshTokens: Map<string, RefreshTokenRecord>;
  /** Open SRP challenges by SECRET_BLOCK. */
  srpChallenges: Map<string, SrpChallenge>;
}
