// The user pool's state: pools, app clients, users, groups, codes, refresh tokens and auth sessions.
// Rules live in the operations and in small rule modules beside this one; this file holds shapes only.
import type { CodePurpose } from '../core/trace-types';
import type { AliasAttribute, ExplicitAuthFlow, PasswordPolicy, TimeUnit, UsernameAttribute } from '../world/config';

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

/** The password is never stored: only a salt and SHA-256(salt ‖ password). */
export interface StoredPassword {
  salt: string;
  hash: string;
  /** For temporary passwords set by an administrator. */
  expiresAt?: number;
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
}

export interface AuthSession {
  id: string;
  username: string;
  clientId: string;
  challengeName: string;
  expiresAt: number;
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
  allowSelfSignUp: boolean;
  accountRecovery: 'verified_email' | 'verified_phone_number' | 'admin_only';
  unusedAccountValidityDays: number;
  domain?: string;
  identityProviders: { name: string; type: string }[];
  clients: Map<string, AppClient>;
  /** Keyed by the lower-cased username (usernames are case-insensitive in new pools). */
  users: Map<string, User>;
  groups: Map<string, Group>;
  /** username (lower-cased) → group names */
  memberships: Map<string, Set<string>>;
  sessions: Map<string, AuthSession>;
  tokenFamilies: Map<string, TokenFamily>;
  refreshTokens: Map<string, RefreshTokenRecord>;
}
