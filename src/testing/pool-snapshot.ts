// A comparable picture of every user pool's state (and of the delivered messages), for tests that must
// show a request changed nothing: take one before, one after, and compare them with toEqual.
//
// The pool is walked generically (Maps become key-sorted objects, Sets sorted arrays), so state added to
// the model later is covered without touching this file. What AWS itself changes on a *refused* request
// is kept apart, under `counters`, and left out unless asked for:
//   - failed sign-ins and the lockout (failedSignIns, lastFailedSignInAt, lockedUntil; aws-behaviour.md §3.5),
//   - per-user hourly call counts (recentCalls; §3.6),
//   - wrong guesses on a code (failedAttempts of codes and attributeCodes; §3.3 LimitExceededException).
import { internalsOf, type Simulator } from '../sim/index';

/** User fields that count attempts: a refused request may legitimately move them. */
const USER_COUNTERS = new Set(['failedSignIns', 'lastFailedSignInAt', 'lockedUntil', 'recentCalls']);
/** Fields of an issued code that count attempts. */
const CODE_COUNTERS = new Set(['failedAttempts']);

export interface PoolSnapshot {
  /** Per pool id: the pool's whole state, counters left out. */
  pools: Record<string, unknown>;
  /** Per pool id and user key: the attempt counters (only with `withCounters`). */
  counters?: Record<string, Record<string, unknown>>;
  messages: unknown[];
}

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A JSON-like copy with a stable order: Maps → objects (keys sorted), Sets → sorted arrays. */
export function toPlain(value: unknown, omit: (path: readonly string[]) => boolean = () => false, path: string[] = []): Plain {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return `${value}n`;
    case 'function':
    case 'symbol':
      return `<${typeof value}>`;
    default:
      break;
  }
  if (value instanceof Map) {
    const out: Record<string, Plain> = {};
    for (const key of [...value.keys()].map(String).sort(compareKeys)) {
      if (omit([...path, key])) continue;
      out[key] = toPlain(value.get(key), omit, [...path, key]);
    }
    return out;
  }
  if (value instanceof Set) {
    return [...value].map((v, i) => toPlain(v, omit, [...path, String(i)])).sort((a, b) => compareKeys(JSON.stringify(a), JSON.stringify(b)));
  }
  if (Array.isArray(value)) return value.map((v, i) => toPlain(v, omit, [...path, String(i)]));
  if (value instanceof Uint8Array) return `bytes:${[...value].join(',')}`;
  if (typeof CryptoKey !== 'undefined' && value instanceof CryptoKey) return `<CryptoKey ${value.type}>`;
  const out: Record<string, Plain> = {};
  for (const key of Object.keys(value).sort(compareKeys)) {
    const child = (value as Record<string, unknown>)[key];
    if (child === undefined || omit([...path, key])) continue;
    out[key] = toPlain(child, omit, [...path, key]);
  }
  return out;
}

/** Paths below a pool: ['users', key, field, …] and ['users', key, 'codes'|'attributeCodes', purpose, field]. */
function isCounter(path: readonly string[]): boolean {
  if (path[0] !== 'users' || path.length < 3) return false;
  if (path.length === 3) return USER_COUNTERS.has(path[2]!);
  if (path.length === 5 && (path[2] === 'codes' || path[2] === 'attributeCodes')) return CODE_COUNTERS.has(path[4]!);
  return false;
}

function countersOf(user: unknown): Plain {
  const u = user as Record<string, unknown> & { codes?: Record<string, { failedAttempts?: number } | undefined>; attributeCodes?: Map<string, { failedAttempts?: number }> };
  const out: Record<string, unknown> = {};
  for (const name of USER_COUNTERS) if (u[name] !== undefined) out[name] = u[name];
  out.codeFailures = Object.fromEntries(Object.entries(u.codes ?? {}).map(([purpose, code]) => [purpose, code?.failedAttempts ?? 0]));
  out.attributeCodeFailures = Object.fromEntries([...(u.attributeCodes ?? new Map<string, { failedAttempts?: number }>())].map(([name, code]) => [name, code.failedAttempts ?? 0]));
  return toPlain(out);
}

/**
 * Every user pool of the simulator (users with attributes, status, password hash and codes; groups,
 * memberships, clients, sessions, refresh tokens, token families, …) and sim.messages(), as plain data.
 * Attempt counters are left out unless `withCounters` (see the file's header for why).
 */
export function snapshotPools(sim: Simulator, options: { withCounters?: boolean } = {}): PoolSnapshot {
  const { env } = internalsOf(sim);
  const pools: Record<string, unknown> = {};
  const counters: Record<string, Record<string, unknown>> = {};
  for (const [id, pool] of [...env.pools].sort(([a], [b]) => compareKeys(a, b))) {
    pools[id] = toPlain(pool, (path) => isCounter(path));
    if (options.withCounters) {
      counters[id] = Object.fromEntries([...pool.users].map(([key, user]) => [key, countersOf(user)]));
    }
  }
  return { pools, ...(options.withCounters ? { counters } : {}), messages: toPlain(sim.messages()) as unknown[] };
}
