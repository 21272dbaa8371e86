// The Application Load Balancer's state: each load balancer's listener rules resolved against the world
// (user pool ids, the app client's secret, the hosted UI's host), its built-in targets, the sign-ins it has
// sent to the hosted UI and is waiting for (keyed by `state`), and the JWKS it has fetched to check ID tokens.
// Shapes only: the rules live in the modules beside this one.
import type { JWK } from 'jose';
import type { Clock } from '../core/clock';
import type { Random } from '../core/random';
import type { FixedResponseConfig, LoadBalancerTargetConfig, RedirectConfig } from '../world/config';
import type { AlbSigningKey } from './signing-key';

/** An authenticate-cognito action with everything it needs resolved from the world. */
export interface AuthenticateAction {
  type: 'authenticate-cognito';
  userPoolId: string;
  userPoolArn: string;
  /** https://cognito-idp.{region}.amazonaws.com/{poolId}: the ID token's and x-amzn-oidc-data's `iss`. */
  issuer: string;
  /** The hosted UI's host: {prefix}.auth.{region}.amazoncognito.com. */
  domainHost: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  sessionCookieName: string;
  /** Seconds. */
  sessionTimeout: number;
  onUnauthenticatedRequest: 'authenticate' | 'allow' | 'deny';
  extraParams: Record<string, string>;
}

export type FinalAction =
  | { type: 'forward'; target: Target }
  | ({ type: 'fixed-response' } & FixedResponseConfig)
  | ({ type: 'redirect' } & RedirectConfig);

export interface Rule {
  /** The rule's position in the world's list: names the rule in notes and in pending sign-ins. */
  index: number;
  priority: number;
  path: string;
  authenticate?: AuthenticateAction;
  then: FinalAction;
}

export interface Target {
  name: string;
  handler: LoadBalancerTargetConfig['handler'];
  /** The instance's private DNS name (ip-10-0-…): the host the load balancer forwards to. */
  host: string;
  logoutPath: string;
}

export interface LoadBalancer {
  name: string;
  dnsName: string;
  arn: string;
  /** Sorted by priority, lowest first. */
  rules: Rule[];
  defaultAction: FinalAction;
  httpListener?: 'redirect-to-https';
  targets: Target[];
}

/** A sign-in the load balancer started: the hosted UI will send the browser back with this `state`. */
export interface PendingSignIn {
  state: string;
  balancer: string;
  ruleIndex: number;
  /** The URL the browser asked for before it was sent to sign in. */
  originalUrl: string;
  redirectUri: string;
  createdAt: number;
  expiresAt: number;
}

/** What the encrypted session cookie carries (the browser sees only ciphertext). */
export interface SessionPayload {
  v: 1;
  balancer: string;
  clientId: string;
  cookieName: string;
  sub: string;
  accessToken: string;
  /** Epoch ms. */
  accessTokenExpiresAt: number;
  refreshToken?: string;
  /** The userInfo answer, as the IdP gave it. */
  claims: Record<string, unknown>;
  issuedAt: number;
  /** issuedAt + SessionTimeout, epoch ms. */
  expiresAt: number;
}

export interface AlbEnv {
  region: string;
  accountId: string;
  clock: Clock;
  /** The load balancers' own seeded stream, apart from the simulator's (see create.ts). */
  random: Random;
  balancers: LoadBalancer[];
  /** The region's ELB signing key for x-amzn-oidc-data (public half at public-keys.auth.elb…). */
  signingKey: AlbSigningKey;
  /** AES-GCM key that seals session cookies. */
  cookieKey: Promise<CryptoKey>;
  pending: Map<string, PendingSignIn>;
  /** JWKS fetched from each user pool, by pool id. */
  jwks: Map<string, { keys: JWK[] }>;
}
