// A scenario is typed data plus a script. The script runs against a fresh simulator from a fixed seed and
// start time; each step it takes is exactly one top-level exchange in the trace, narrated in plain words.
// Its stated outcome is checked against the last step, by the player and by the replay test.
import type { DeliveredMessage, Exchange, WorldConfig, WorldSummary } from '../../sim/index';
import type { AwsResult, Credentials, JsonServiceClient, SimFetch } from '../../client/aws-client';
import type { AssumedRole } from '../../client/sts-client';
import type { Browser } from '../../client/browser';

export type Level = 'basic' | 'intermediate' | 'advanced';

export type ServiceTag = 'User pool' | 'Identity pool' | 'STS' | 'IAM' | 'API Gateway' | 'ALB' | 'DynamoDB' | 'Hosted UI' | 'Federation';

export interface StepMeta {
  /** A short label for the timeline, e.g. "Sign up". */
  title: string;
  /** What happens and why, in plain words. */
  narration: string;
  /** Where the SAA exam cares. */
  examTip?: string;
}

export interface ScenarioStep extends StepMeta {
  exchangeId: string;
}

export interface ScenarioContext {
  world: WorldSummary;
  /** The learner's app talking to the user pool (no credentials). */
  idp: JsonServiceClient;
  /** The app talking to the identity pool (GetId, GetCredentialsForIdentity and GetOpenIdToken are unsigned). */
  identity: JsonServiceClient;
  /** The app talking to DynamoDB: every call signed with the credentials it is given. */
  dynamodb: JsonServiceClient;
  /** The learner's browser: keeps cookies per origin; `request` and `follow` take one hop (one step) each. */
  browser: Browser;
  /** STS AssumeRoleWithWebIdentity, for the basic (classic) flow. */
  assumeRoleWithWebIdentity: (input: { RoleArn: string; RoleSessionName: string; WebIdentityToken: string }) => Promise<AwsResult<AssumedRole>>;
  adminCredentials: Credentials;
  fetch: SimFetch;
  now(): number;
  /** Moves the virtual clock; say so in the next step's narration. */
  advance(ms: number): void;
  inbox(): DeliveredMessage[];
  /** The code in the latest message to this address or number. */
  lastCode(destination: string): string;
  /** Runs one action that makes exactly one top-level request, and narrates it. */
  step<T>(meta: StepMeta, action: () => Promise<T>): Promise<T>;
}

export interface ScenarioRun {
  trace: readonly Exchange[];
  steps: ScenarioStep[];
  messages: DeliveredMessage[];
  /** The outcome check's verdict for the last step. */
  outcomeMet: boolean;
}

export interface Scenario {
  id: string;
  title: string;
  goal: string;
  level: Level;
  services: ServiceTag[];
  minutes: number;
  seed: number;
  startTime: number;
  /** A world other than the default one (e.g. with Lambda triggers), made from the default world. */
  world?: (base: WorldConfig) => WorldConfig;
  /** Shown when the learner reaches the last step. */
  outcome: string;
  /** Checks that the last step really shows the outcome. */
  check(last: Exchange, run: Omit<ScenarioRun, 'outcomeMet'>): boolean;
  script(ctx: ScenarioContext): Promise<void>;
}
