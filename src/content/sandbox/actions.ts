// The sandbox as data: a DOCUMENT (a world, a seed, a start time and the learner's actions) whose trace is always
// the replay of its actions against a fresh simulator, so a saved sandbox or a shared link reproduces the same
// exchanges and failures anywhere. The runner (./run.ts) turns each action into requests through src/client.
import type { DeliveredMessage, Exchange, WorldConfig } from '../../sim/index';

export const SANDBOX_VERSION = 1;

export interface SandboxDoc {
  version: 1;
  world: WorldConfig;
  seed: number;
  startTime: number;
  actions: SandboxAction[];
}

export type SignInFlow = 'USER_PASSWORD_AUTH' | 'USER_SRP_AUTH';
export type HostedUiProvider = 'COGNITO' | 'Google' | 'Facebook' | 'CorpAD';
export type ApiAuth = 'id-token' | 'access-token' | 'sigv4' | 'none';
export type ApiFault = 'tampered-claim' | 'swapped-token' | 'clock-skew';
export type DynamoOperation = 'GetItem' | 'PutItem' | 'Query' | 'DeleteItem';
export type DynamoFault = 'clock-skew' | 'other-owner';

/**
 * What the learner does, as the app (or the browser) would. Faults ("break it"): tampered-claim changes a claim of the
 * token (cognito:groups) and keeps the signature; swapped-token sends the access token where the ID token is expected
 * and vice versa; other-identity presents another user's identity id; clock-skew signs with a clock 20 minutes off;
 * other-owner uses another user's partition key. World-level breaks are world edits, not actions.
 */
export type SandboxAction =
  | { kind: 'sign-up'; username: string; password: string; email: string; phone?: string }
  /** Default code: the latest one sent to the user. */
  | { kind: 'confirm-sign-up'; username: string; code?: string }
  | { kind: 'sign-in'; flow: SignInFlow; username: string; password: string }
  /** The pending challenge's answer. Default: the virtual authenticator's code (TOTP) or the latest SMS or e-mail code. NEW_PASSWORD_REQUIRED: the new password. */
  | { kind: 'answer-challenge'; code?: string }
  /** AssociateSoftwareToken → VerifySoftwareToken (the virtual authenticator's code) → SetUserMFAPreference. */
  | { kind: 'setup-totp' }
  /** The whole browser dance of the authorization code grant with PKCE, ending with tokens. */
  | { kind: 'hosted-ui-sign-in'; provider: HostedUiProvider; username: string; password: string }
  /** GlobalSignOut. */
  | { kind: 'sign-out' }
  /** GetId + GetCredentialsForIdentity. */
  | { kind: 'get-credentials'; as: 'signed-in' | 'guest'; fault?: 'other-identity' }
  /** A call to the world's REST API (`api`: its name; default the first one). */
  | { kind: 'call-api'; method: 'GET' | 'POST'; path: string; auth: ApiAuth; fault?: ApiFault; api?: string }
  /** Values are strings (attribute type S). A missing partition key value is the caller's own identity id. */
  | { kind: 'dynamodb'; operation: DynamoOperation; table: string; key?: Record<string, string>; item?: Record<string, string>; fault?: DynamoFault }
  | { kind: 'advance-clock'; ms: number };

export type SandboxActionKind = SandboxAction['kind'];

export const ACTION_KINDS: readonly SandboxActionKind[] = [
  'sign-up',
  'confirm-sign-up',
  'sign-in',
  'answer-challenge',
  'setup-totp',
  'hosted-ui-sign-in',
  'sign-out',
  'get-credentials',
  'call-api',
  'dynamodb',
  'advance-clock',
];

/** The actions that carry a password (left out of shared links unless secrets are included). */
export const hasPassword = (action: SandboxAction): action is Extract<SandboxAction, { password: string }> =>
  action.kind === 'sign-up' || action.kind === 'sign-in' || action.kind === 'hosted-ui-sign-in';

/** A request the runner made, with its plain-words account. */
export interface SandboxStep {
  exchangeId: string;
  actionIndex: number;
  title: string;
  narration: string;
}

export interface SandboxProblem {
  actionIndex: number;
  message: string;
}

export interface SessionTokens {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
}

/** What the learner's app holds after the actions so far (plain data, safe to show). */
export interface SandboxSessionView {
  username?: string;
  tokens?: SessionTokens;
  challenge?: { name: string; session: string };
  identityId?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: string };
  /** Another user's identity id, used by the other-identity and other-owner faults. */
  otherIdentityId?: string;
  /** The virtual authenticator of the signed-in (or challenged) user, once setup-totp gave it a secret. */
  authenticator?: { username: string; secret: string };
  /** The virtual clock after the last action. */
  now: number;
}

export interface SandboxRun {
  trace: readonly Exchange[];
  steps: SandboxStep[];
  messages: DeliveredMessage[];
  session: SandboxSessionView;
  problems: SandboxProblem[];
}

/** The default seed and start time of a new sandbox (a fixed, readable moment, as scenarios use). */
export const SANDBOX_SEED = 7;
export const SANDBOX_START = Date.UTC(2026, 2, 2, 9, 0, 0);

export function newSandboxDoc(world: WorldConfig): SandboxDoc {
  return { version: SANDBOX_VERSION, world: structuredClone(world), seed: SANDBOX_SEED, startTime: SANDBOX_START, actions: [] };
}
