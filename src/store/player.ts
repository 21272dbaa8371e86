// The player: the scenario being played (its run: trace, steps, messages), the cursor over its steps,
// playback, and token verification against the issuer's published keys. The UI is a function of
// (run, cursor): stepping back moves the cursor and never undoes anything.
import { create } from 'zustand';
import type { JSONWebKeySet } from 'jose';
import { verifyJwt, type TokenVerification } from './verify-jwt';
import type { Simulator } from '../sim/index';
import { findScenario } from '../content/scenarios/index';
import { runScenario } from '../content/scenarios/run';
import type { ScenarioRun } from '../content/scenarios/types';

export const SPEEDS = [0.5, 1, 2] as const;
export type Speed = (typeof SPEEDS)[number];

export type { TokenVerification } from './verify-jwt';

export interface PlayerState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  scenarioId: string | null;
  run: ScenarioRun | null;
  error: string | null;
  /** Index of the current step (0-based). */
  cursor: number;
  playing: boolean;
  speed: Speed;
  load(scenarioId: string): Promise<void>;
  goTo(step: number): void;
  next(): void;
  previous(): void;
  restart(): void;
  play(): void;
  pause(): void;
  setSpeed(speed: Speed): void;
  /** Verifies a JWT's signature against its issuer's JWKS (fetched from the simulator), at a virtual time. */
  verifyToken(token: string, at: number): Promise<TokenVerification>;
}

let currentSim: Simulator | null = null;
const jwksCache = new Map<string, Promise<JSONWebKeySet>>();

/** The issuer's published keys, fetched once per scenario run as a verifier (aws-jwt-verify, jose) would. */
function issuerKeys(sim: Simulator, issuer: string): Promise<JSONWebKeySet> {
  let keys = jwksCache.get(issuer);
  if (!keys) {
    keys = sim.fetch(new Request(`${issuer}/.well-known/jwks.json`), { from: 'browser' }).then(async (res) => {
      if (!res.ok) throw new Error(`The issuer's JWKS answered ${res.status}.`);
      return (await res.json()) as JSONWebKeySet;
    });
    jwksCache.set(issuer, keys);
    keys.catch(() => jwksCache.delete(issuer));
  }
  return keys;
}
let loadCounter = 0;

const clamp = (n: number, max: number) => Math.max(0, Math.min(n, max));

export const usePlayer = create<PlayerState>()((set, get) => ({
  status: 'idle',
  scenarioId: null,
  run: null,
  error: null,
  cursor: 0,
  playing: false,
  speed: 1,

  async load(scenarioId) {
    if (get().scenarioId === scenarioId && get().status !== 'error') return;
    const scenario = findScenario(scenarioId);
    const ticket = ++loadCounter;
    if (!scenario) {
      set({ status: 'error', scenarioId, run: null, error: `There is no scenario called “${scenarioId}”.`, playing: false });
      return;
    }
    set({ status: 'loading', scenarioId, run: null, error: null, playing: false });
    try {
      // The simulator (and its crypto) loads on first use, in its own chunk, off the player's first paint.
      const { createSimulator, defaultWorld } = await import('../sim/index');
      const { sim, ...run } = await runScenario(scenario, createSimulator, defaultWorld);
      if (ticket !== loadCounter) return;
      currentSim = sim;
      jwksCache.clear();
      set({ status: 'ready', run, cursor: clamp(get().cursor, run.steps.length - 1) });
    } catch (error) {
      if (ticket !== loadCounter) return;
      set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  },
  goTo(step) {
    const run = get().run;
    if (!run) {
      set({ cursor: Math.max(0, step) });
      return;
    }
    const cursor = clamp(step, run.steps.length - 1);
    set({ cursor, ...(cursor === run.steps.length - 1 ? { playing: false } : {}) });
  },
  next() {
    get().goTo(get().cursor + 1);
  },
  previous() {
    get().goTo(get().cursor - 1);
  },
  restart() {
    set({ playing: false });
    get().goTo(0);
  },
  play() {
    const run = get().run;
    if (!run) return;
    if (get().cursor >= run.steps.length - 1) set({ cursor: 0 });
    set({ playing: true });
  },
  pause() {
    set({ playing: false });
  },
  setSpeed(speed) {
    set({ speed });
  },

  verifyToken(token, at) {
    const sim = currentSim;
    return verifyJwt(token, at, sim ? (issuer) => issuerKeys(sim, issuer) : null);
  },
}));

export function resetPlayer(): void {
  currentSim = null;
  jwksCache.clear();
  loadCounter++;
  usePlayer.setState({ status: 'idle', scenarioId: null, run: null, error: null, cursor: 0, playing: false, speed: 1 });
}
