// The sandbox's store: the document (world, seed, start time, the learner's actions), its run (the trace the replay
// of the actions produced, the steps, the session the app holds), the cursor over the steps, and persistence in
// localStorage under 'cognito-lab:sandbox' (versioned; unreadable data is set aside, as the quiz progress does).
// The UI is a function of (run, cursor): stepping back moves the cursor and never undoes anything. The simulator
// loads on first use, in its own chunk, as the player's does.
import { create } from 'zustand';
import type { Simulator, WorldConfig } from '../sim/index';
import { defaultWorld, DEMO_PASSWORDS } from '../sim/world/default-world';
import { validateWorld, type WorldIssue } from '../sim/world/validate';
import { fillPlaceholders, type Placeholders } from '../sim/world/placeholders';
import { evaluate } from '../sim/iam/evaluate';
import type { Evaluation } from '../sim/iam/types';
import { GOOGLE_ACCOUNTS, FACEBOOK_ACCOUNTS } from '../sim/federation/accounts';
import { CORP_AD_EMPLOYEES } from '../sim/federation/saml/corp-ad-directory';
import { hasPassword, newSandboxDoc, SANDBOX_VERSION, type SandboxAction, type SandboxDoc, type SandboxRun } from '../content/sandbox/actions';
import { decodeDoc } from '../content/sandbox/doc';
import { replay, runNext, snapshot, type SandboxSession, type SimulatorFactory } from '../content/sandbox/run';
import { decodeShareWith, encodeShareWith, type DecodedShare, type ShareOptions, type ShareTarget } from '../content/share/share';
import { findScenario } from '../content/scenarios/index';
import type { KeyValueStorage } from './settings';
import { verifyJwt, type TokenVerification } from './verify-jwt';
import type { JSONWebKeySet } from 'jose';

export type { WorldIssue } from '../sim/world/validate';
export type { SandboxAction, SandboxDoc, SandboxRun, SandboxStep, SandboxSessionView, SandboxProblem } from '../content/sandbox/actions';
// The UI may import only types from content and sim: what it needs at run time is re-exported here.
export { ACTION_KINDS, hasPassword, SANDBOX_SEED, SANDBOX_START } from '../content/sandbox/actions';
export { CLOCK_SKEW_MS, MAX_ADVANCE_MS, describeDuration, tamperToken } from '../content/sandbox/run';
export { validateWorld } from '../sim/world/validate';
export { shareAddress, type ShareTarget, type ShareView, type DecodedShare } from '../content/share/share';

/** The URL fragment's payload for a scenario step or a sandbox (see src/content/share/share.ts for the format). */
export function encodeShare(target: ShareTarget, options: ShareOptions): Promise<string> {
  return encodeShareWith(defaultWorld, target, options);
}

/** Reads a payload; refuses, with a reason, anything damaged, hostile, from a newer version, or naming what is not there. */
export async function decodeShare(payload: string): Promise<DecodedShare> {
  const decoded = await decodeShareWith(defaultWorld, payload);
  if (!decoded.ok) return decoded;
  const target = decoded.target;
  if (target.kind === 'scenario' && !findScenario(target.scenario)) return { ok: false, reason: `The link names a scenario this version of Cognito Lab does not have (“${target.scenario}”).` };
  if (target.kind === 'sandbox') {
    const issues = validateWorld(target.doc.world);
    if (issues.length > 0) return { ok: false, reason: `The link's world is not valid (${issues[0]!.path}: ${issues[0]!.message}).` };
  }
  return decoded;
}

export const SANDBOX_KEY = 'cognito-lab:sandbox';
/** Unreadable saved sandboxes are set aside under this prefix followed by the time they were found (epoch ms). */
export const SANDBOX_RECOVERED_PREFIX = 'cognito-lab:sandbox:recovered-';
export const SANDBOX_EXPORT_APP = 'cognito-lab';
export const SANDBOX_EXPORT_KIND = 'sandbox';

/** The demo accounts a learner signs in as, with their published passwords (the UI shows them; actions carry them). */
export const DEMO_ACCOUNTS = {
  userPool: Object.entries(DEMO_PASSWORDS).map(([username, password]) => ({ username, password })),
  Google: GOOGLE_ACCOUNTS.map((a) => ({ username: a.email, password: a.password, name: a.name })),
  Facebook: FACEBOOK_ACCOUNTS.map((a) => ({ username: a.email, password: a.password, name: a.name })),
  CorpAD: CORP_AD_EMPLOYEES.map((e) => ({ username: e.username, password: e.password, name: e.name })),
} as const;

export type ImportOutcome = { ok: true } | { ok: false; reason: string };

export interface WouldAllowInput {
  roleName: string;
  action: string;
  resource: string;
  context?: Record<string, string | string[]>;
}

export interface SandboxState {
  doc: SandboxDoc;
  run: SandboxRun | null;
  status: 'idle' | 'running' | 'error';
  /** Index into run.steps. */
  cursor: number;
  /** A message for the learner (saved state recovered, an import refused, the replay failed…). */
  notice: string | null;
  /** Why the last setWorld was refused (empty when it was accepted). */
  issues: WorldIssue[];
  /** Replays the document if it has not run yet (the UI calls it when the sandbox opens). */
  start(): Promise<void>;
  /** Refuses (returns the issues, changes nothing) when invalid; else saves and replays. */
  setWorld(world: WorldConfig): WorldIssue[];
  /** Appends, runs incrementally, moves the cursor to the first new step. */
  act(action: SandboxAction): Promise<void>;
  undoLast(): Promise<void>;
  clearActions(): Promise<void>;
  /** The default world, no actions. */
  resetWorld(): Promise<void>;
  goTo(index: number): void;
  next(): void;
  previous(): void;
  advanceClock(ms: number): Promise<void>;
  exportJson(): string;
  importJson(text: string): ImportOutcome;
  /** The sim's IAM evaluator over the doc's current world: may the role do this? */
  wouldAllow(input: WouldAllowInput): Evaluation | { error: string };
  /** Checks a JWT of this sandbox against its user pool's published keys, read without a request so replays stay deterministic. */
  verifyToken(token: string, at: number): Promise<TokenVerification>;
  dismissNotice(): void;
  /** Opens a shared sandbox (a decoded share link's document) in place of the current one. */
  loadShared(target: Extract<ShareTarget, { kind: 'sandbox' }>): Promise<void>;
  /** Indices of actions whose password was left out of a shared link (they make no request until given one). */
  missingPasswords(): number[];
  /** Gives a password left out of a shared link and replays. */
  providePassword(actionIndex: number, password: string): Promise<void>;
  /** Settles once every queued change has run (for tests and the UI's busy state). */
  idle(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// Persistence

export function defaultDoc(): SandboxDoc {
  return newSandboxDoc(defaultWorld);
}

function recoveredNotice(key: string, newer: boolean): string {
  const why = newer ? 'was saved by a newer version of Cognito Lab and cannot be read here' : 'could not be read (it is damaged)';
  return `Your saved sandbox ${why}, so the sandbox starts afresh with the default world. Nothing was lost: the old data was kept in this browser's storage under "${key}".`;
}

function setAside(storage: KeyValueStorage, raw: string, now: number): string | null {
  try {
    let key = `${SANDBOX_RECOVERED_PREFIX}${Math.trunc(now)}`;
    for (let n = 2; storage.getItem(key) !== null; n++) key = `${SANDBOX_RECOVERED_PREFIX}${Math.trunc(now)}-${n}`;
    storage.setItem(key, raw);
    return key;
  } catch {
    return null;
  }
}

/** Saves the document; returns null, or a notice when the browser refused (the document stays in memory). */
export function writeSandbox(storage: KeyValueStorage | undefined, doc: SandboxDoc): string | null {
  if (!storage) return null;
  try {
    storage.setItem(SANDBOX_KEY, JSON.stringify(doc));
    return null;
  } catch {
    return 'Your sandbox could not be saved: the browser refused to store it. It is kept while this page stays open; export it to keep a copy.';
  }
}

/**
 * Loads the saved document. Missing: the default one. Damaged JSON, a wrong shape, an invalid world or an unknown
 * version: the default one, the unreadable text set aside under SANDBOX_RECOVERED_PREFIX + `now`, and a notice.
 */
export function readSandbox(storage: KeyValueStorage | undefined, now: number): { doc: SandboxDoc; notice: string | null } {
  if (!storage) return { doc: defaultDoc(), notice: null };
  let raw: string | null;
  try {
    raw = storage.getItem(SANDBOX_KEY);
  } catch {
    return { doc: defaultDoc(), notice: 'This browser did not let Cognito Lab read its saved sandbox, so changes will last only for this visit.' };
  }
  if (raw === null) return { doc: defaultDoc(), notice: null };
  let decoded: ReturnType<typeof decodeDoc>;
  try {
    decoded = decodeDoc(JSON.parse(raw));
  } catch {
    decoded = { ok: false, problem: 'it is not JSON', newer: false };
  }
  if (decoded.ok) {
    const issues = validateWorld(decoded.doc.world);
    if (issues.length === 0) return { doc: decoded.doc, notice: null };
    decoded = { ok: false, problem: `${issues[0]!.path}: ${issues[0]!.message}`, newer: false };
  }
  const doc = defaultDoc();
  const key = setAside(storage, raw, now);
  if (key === null) {
    return { doc, notice: `Your saved sandbox could not be read (${decoded.problem}), so the sandbox starts afresh. There was no room to keep a copy of it.` };
  }
  writeSandbox(storage, doc);
  return { doc, notice: recoveredNotice(key, decoded.newer) };
}

/** The document as a pretty JSON file with an `app` and `kind` header. */
export function exportSandbox(doc: SandboxDoc): string {
  return `${JSON.stringify({ app: SANDBOX_EXPORT_APP, kind: SANDBOX_EXPORT_KIND, ...doc }, null, 2)}\n`;
}

/** Reads an exported file; refuses, with a reason for the learner, anything that is not a valid sandbox. */
export function importSandbox(text: string): { ok: true; doc: SandboxDoc } | { ok: false; reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'This file is not a Cognito Lab sandbox export: it is not JSON.' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, reason: 'This file is not a Cognito Lab sandbox export: it holds no JSON object.' };
  const { app, kind, ...rest } = parsed as Record<string, unknown>;
  if (app !== SANDBOX_EXPORT_APP) return { ok: false, reason: 'This file was not exported by Cognito Lab (it has no "app": "cognito-lab" header), so it was not imported.' };
  if (kind !== SANDBOX_EXPORT_KIND) {
    return { ok: false, reason: `This Cognito Lab file holds ${typeof kind === 'string' ? `"${kind}"` : 'something else'}, not a sandbox, so it was not imported.` };
  }
  const decoded = decodeDoc(rest);
  if (!decoded.ok) {
    return { ok: false, reason: decoded.newer ? `This file ${decoded.problem}: update the app to import it.` : `This sandbox file is damaged (${decoded.problem}), so it was not imported.` };
  }
  const issues = validateWorld(decoded.doc.world);
  if (issues.length > 0) {
    const first = issues[0]!;
    return { ok: false, reason: `This sandbox's world is not valid (${first.path}: ${first.message}${issues.length > 1 ? `, and ${issues.length - 1} more` : ''}), so it was not imported.` };
  }
  return { ok: true, doc: decoded.doc };
}

// ---------------------------------------------------------------------------------------------------------------
// The store

export interface SandboxStoreOptions {
  /** Where the document is saved; the browser's localStorage when not given, none when given as undefined. */
  storage?: KeyValueStorage | undefined;
  /** The simulator factory (default: the simulator, loaded on first use). */
  createSimulator?: SimulatorFactory;
  /** The wall clock, for the recovered key's name only. */
  now?: () => number;
}

function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/**
 * A user pool's JWKS, read from the simulator's key store rather than fetched: a fetch would be recorded in the trace
 * and draw from the seeded random source, so the live run would no longer equal a replay of the document.
 * Other issuers (Google, the identity pool's OpenID tokens) are not checked here.
 */
async function userPoolKeys(sim: Simulator, issuer: string): Promise<JSONWebKeySet> {
  const poolId = /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/([\w-]+_[0-9A-Za-z]+)$/.exec(issuer)?.[1];
  const { internalsOf } = await import('../sim/index');
  const keys = poolId ? internalsOf(sim).env.keys.get(poolId) : undefined;
  if (!keys) throw new Error(`The sandbox checks the signatures of its user pools' tokens only, not of tokens from ${issuer}.`);
  return (await keys.jwks()) as JSONWebKeySet;
}

const lazySimulator: SimulatorFactory = async (options) => {
  const { createSimulator } = await import('../sim/index');
  return createSimulator(options);
};

/** The ids the simulator generated, for the {{…}} placeholders of the world's policies. */
function placeholdersOf(sim: Simulator, world: WorldConfig): Placeholders {
  const summary = sim.describe();
  return {
    accountId: world.accountId,
    region: world.region,
    ...Object.fromEntries(summary.userPools.map((p) => [`userPool:${p.name}`, p.id])),
    ...Object.fromEntries(summary.identityPools.map((p) => [`identityPool:${p.name}`, p.id])),
    ...Object.fromEntries(summary.restApis.map((a) => [`restApi:${a.name}`, a.id])),
  };
}

export function createSandboxStore(options: SandboxStoreOptions = {}) {
  const storage = 'storage' in options ? options.storage : browserStorage();
  const createSimulator = options.createSimulator ?? lazySimulator;
  const now = options.now ?? (() => Date.now());
  const initial = readSandbox(storage, now());

  let live: SandboxSession | null = null;
  /** Changes run one after another, in the order asked. */
  let queue: Promise<void> = Promise.resolve();

  return create<SandboxState>()((set, get) => {
    const enqueue = (work: () => Promise<void>): Promise<void> => {
      const next = queue.then(work, work);
      queue = next.catch(() => {});
      return next;
    };

    const save = (doc: SandboxDoc): void => {
      const failed = writeSandbox(storage, doc);
      set(failed ? { doc, notice: failed } : { doc });
    };

    const clampCursor = (cursor: number, run: SandboxRun | null) => Math.max(0, Math.min(cursor, (run?.steps.length ?? 1) - 1));

    /** Replays the current document from scratch; the cursor stays where it was, within bounds. */
    const replayAll = async (cursor?: number): Promise<void> => {
      const doc = get().doc;
      set({ status: 'running' });
      try {
        live = await replay(doc, createSimulator);
        if (get().doc !== doc) return;
        const run = snapshot(live);
        set({ run, status: 'idle', cursor: clampCursor(cursor ?? get().cursor, run) });
      } catch (error) {
        live = null;
        set({ status: 'error', notice: `The sandbox could not replay its actions: ${error instanceof Error ? error.message : String(error)}` });
      }
    };

    const changeDoc = (doc: SandboxDoc, cursor?: number): Promise<void> => {
      save(doc);
      return enqueue(() => replayAll(cursor));
    };

    return {
      doc: initial.doc,
      run: null,
      status: 'idle',
      cursor: 0,
      notice: initial.notice,
      issues: [],

      start() {
        return enqueue(async () => {
          if (!live || !get().run) await replayAll();
        });
      },

      setWorld(world) {
        const issues = validateWorld(world);
        set({ issues });
        if (issues.length > 0) return issues;
        void changeDoc({ ...get().doc, world: structuredClone(world) });
        return [];
      },

      act(action) {
        return enqueue(async () => {
          if (!live || get().status === 'error') await replayAll();
          if (!live) return;
          const doc = { ...get().doc, actions: [...get().doc.actions, action] };
          save(doc);
          const before = live.steps.length;
          set({ status: 'running' });
          try {
            const run = await runNext(live, action);
            set({ run, status: 'idle', ...(run.steps.length > before ? { cursor: before } : {}) });
          } catch (error) {
            set({ status: 'error', notice: `The sandbox could not run the action: ${error instanceof Error ? error.message : String(error)}` });
          }
        });
      },

      undoLast() {
        const doc = get().doc;
        if (doc.actions.length === 0) return Promise.resolve();
        const keptActions = doc.actions.slice(0, -1);
        const lastKeptStep = (get().run?.steps ?? []).filter((s) => s.actionIndex < keptActions.length).length - 1;
        return changeDoc({ ...doc, actions: keptActions }, Math.max(0, lastKeptStep));
      },

      clearActions() {
        return changeDoc({ ...get().doc, actions: [] }, 0);
      },

      resetWorld() {
        set({ issues: [] });
        return changeDoc({ ...defaultDoc(), seed: get().doc.seed, startTime: get().doc.startTime }, 0);
      },

      goTo(index) {
        set({ cursor: clampCursor(index, get().run) });
      },
      next() {
        get().goTo(get().cursor + 1);
      },
      previous() {
        get().goTo(get().cursor - 1);
      },

      advanceClock(ms) {
        return get().act({ kind: 'advance-clock', ms });
      },

      exportJson() {
        return exportSandbox(get().doc);
      },

      importJson(text) {
        const result = importSandbox(text);
        if (!result.ok) return result;
        set({ issues: [], notice: null });
        void changeDoc(result.doc, 0);
        return { ok: true };
      },

      verifyToken(token, at) {
        const sim = live?.sim;
        return verifyJwt(token, at, sim ? (issuer) => userPoolKeys(sim, issuer) : null);
      },

      wouldAllow(input) {
        const world = get().doc.world;
        const role = world.roles.find((r) => r.name === input.roleName);
        if (!role) return { error: `This world has no role called ${input.roleName}.` };
        if (!live) return { error: 'The sandbox has not started yet: its ids (account, pools, APIs) come from the simulator.' };
        let policies: typeof role.policies;
        try {
          policies = fillPlaceholders(role.policies, placeholdersOf(live.sim, world));
        } catch (error) {
          return { error: error instanceof Error ? error.message : String(error) };
        }
        try {
          return evaluate({ identityPolicies: policies, request: { action: input.action, resource: input.resource, context: { ...(input.context ?? {}) } } });
        } catch (error) {
          return { error: `IAM could not evaluate the request: ${error instanceof Error ? error.message : String(error)}` };
        }
      },

      dismissNotice() {
        set({ notice: null });
      },

      loadShared(target) {
        const issues = validateWorld(target.doc.world);
        if (issues.length > 0) {
          set({ notice: `The shared sandbox's world is not valid (${issues[0]!.path}: ${issues[0]!.message}), so it was not opened.` });
          return Promise.resolve();
        }
        set({ issues: [] });
        return changeDoc(structuredClone(target.doc), target.step);
      },

      missingPasswords() {
        return get()
          .doc.actions.map((a, i) => (hasPassword(a) && a.password === '' ? i : -1))
          .filter((i) => i >= 0);
      },

      providePassword(actionIndex, password) {
        const doc = get().doc;
        const action = doc.actions[actionIndex];
        if (!action || !hasPassword(action)) return Promise.resolve();
        const actions = doc.actions.map((a, i) => (i === actionIndex ? { ...action, password } : a));
        return changeDoc({ ...doc, actions });
      },

      idle() {
        return queue;
      },
    };
  });
}

export const useSandbox = createSandboxStore();

/** The format version of saved and exported sandboxes. */
export { SANDBOX_VERSION };
