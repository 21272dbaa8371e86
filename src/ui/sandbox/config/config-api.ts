// What the Configure half of the sandbox needs from the sandbox store, as one small interface: the page
// hands it the store's (useSandbox), tests a hand-made one. Only types of the simulator come in here.
import { createContext, useContext } from 'react';
import type { Exchange } from '../../../sim/index';
import type { Evaluation } from '../../../sim/iam/types';
import type { WorldConfig } from '../../../sim/world/config';

/** A refused value, as validateWorld reports it: where ("userPools[0].passwordPolicy.MinimumLength") and why. */
export interface WorldIssue {
  path: string;
  message: string;
}

export interface WouldAllowInput {
  roleName: string;
  action: string;
  resource: string;
  context?: Record<string, string | string[]>;
}

export type WouldAllowResult = Evaluation | { error: string };

export type ImportOutcome = { ok: true } | { ok: false; reason: string };

export interface ConfigApi {
  /** The applied world. */
  world: WorldConfig;
  /** Applies a world: refused (nothing changes) when it has issues, which it returns; [] when applied. */
  setWorld(world: WorldConfig): readonly WorldIssue[];
  /** What setWorld would refuse, without applying anything (validateWorld): the forms check drafts with it as you type. */
  validate(world: WorldConfig): readonly WorldIssue[];
  /** IAM's decision over the applied world's roles. */
  wouldAllow(input: WouldAllowInput): WouldAllowResult;
  /** Back to the default world, with no actions. */
  resetWorld(): void;
  exportJson(): string;
  importJson(text: string): ImportOutcome;
  /** The exchanges of the current run (for the items DynamoDB actions touched). */
  trace: readonly Exchange[];
  /** How many actions the run replays (for the "applied" message). */
  actionCount: number;
}

export const ConfigApiContext = createContext<ConfigApi | null>(null);

export function useConfigApi(): ConfigApi {
  const api = useContext(ConfigApiContext);
  if (!api) throw new Error('The Configure panel needs a ConfigApiContext provider');
  return api;
}
