// What the gateway's request handling is given: the account, the clock and seeded randomness, the
// credentials and IAM (for AWS_IAM methods and integration roles), and the state it keeps between requests:
// JWKS keys, throttle buckets, Lambda-authorizer decisions and integration-role sessions.
import type { Clock } from '../core/clock';
import type { CredentialStore } from '../core/credentials';
import type { Random } from '../core/random';
import type { Iam } from '../iam/iam';
import type { JwksCache } from './jwt-check';
import type { GatewayError } from './responses';
import type { Throttle } from './throttle';

export interface IssuedSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: number;
}

/** A Lambda authorizer's decision, kept for its TTL under the identity source's values. */
export interface CachedDecision {
  principalId: string;
  policyDocument: unknown;
  context: Record<string, string>;
  storedAt: number;
  expiresAt: number;
}

export interface GatewayEnv {
  region: string;
  accountId: string;
  clock: Clock;
  random: Random;
  credentials: CredentialStore;
  iam: Iam;
  jwks: JwksCache;
  throttle: Throttle;
  decisions: Map<string, CachedDecision>;
  /** Integration credentials by role name. */
  sessions: Map<string, IssuedSession>;
}

/** requestContext.identity of a REST proxy event (the fields API Gateway fills for an AWS_IAM caller). */
export interface CallerIdentity {
  cognitoIdentityPoolId: string | null;
  accountId: string | null;
  cognitoIdentityId: string | null;
  caller: string | null;
  accessKey: string | null;
  cognitoAuthenticationType: string | null;
  cognitoAuthenticationProvider: string | null;
  userArn: string | null;
  user: string | null;
}

export type Authorization =
  | {
      ok: true;
      /** requestContext.authorizer for the integration (absent for NONE and AWS_IAM). */
      authorizer?: Record<string, unknown>;
      identity?: CallerIdentity;
    }
  | { ok: false; error: GatewayError };
