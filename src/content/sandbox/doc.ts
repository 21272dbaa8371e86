// Reading a sandbox document from untrusted JSON (saved state, an imported file, a shared link): its shape, action by
// action, with where and what is wrong. The world's rules (ranges, references) are validateWorld's job; here only
// what the runner and the simulator need to start at all.
import type { WorldConfig } from '../../sim/index';
import { ACTION_KINDS, SANDBOX_VERSION, type SandboxAction, type SandboxDoc } from './actions';

type Problem = string | null;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isOptionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';
const isStringMap = (v: unknown): boolean => v === undefined || (isRecord(v) && Object.values(v).every(isString));
/** Long enough for any real value, short enough that a hostile document cannot bloat the trace. */
const MAX_FIELD = 2048;
const oneOf = <T extends string>(v: unknown, values: readonly T[]): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);

/** Where an action is malformed, or null. */
export function actionProblem(value: unknown, path: string): Problem {
  if (!isRecord(value)) return `${path} is not an object`;
  const kind = value.kind;
  if (!oneOf(kind, ACTION_KINDS)) return `${path}.kind is not one of ${ACTION_KINDS.join(', ')}`;
  for (const [field, v] of Object.entries(value)) {
    if (typeof v === 'string' && v.length > MAX_FIELD) return `${path}.${field} is longer than ${MAX_FIELD} characters`;
  }
  const need = (...fields: string[]) => fields.find((f) => !isString(value[f]));
  switch (kind) {
    case 'sign-up': {
      const missing = need('username', 'password', 'email');
      if (missing) return `${path}.${missing} is not a string`;
      if (!isOptionalString(value.phone)) return `${path}.phone is not a string`;
      return null;
    }
    case 'confirm-sign-up':
      if (!isString(value.username)) return `${path}.username is not a string`;
      return isOptionalString(value.code) ? null : `${path}.code is not a string`;
    case 'sign-in': {
      if (!oneOf(value.flow, ['USER_PASSWORD_AUTH', 'USER_SRP_AUTH'] as const)) return `${path}.flow is not USER_PASSWORD_AUTH or USER_SRP_AUTH`;
      const missing = need('username', 'password');
      return missing ? `${path}.${missing} is not a string` : null;
    }
    case 'answer-challenge':
      return isOptionalString(value.code) ? null : `${path}.code is not a string`;
    case 'setup-totp':
    case 'sign-out':
      return null;
    case 'hosted-ui-sign-in': {
      if (!oneOf(value.provider, ['COGNITO', 'Google', 'Facebook', 'CorpAD'] as const)) return `${path}.provider is not COGNITO, Google, Facebook or CorpAD`;
      const missing = need('username', 'password');
      return missing ? `${path}.${missing} is not a string` : null;
    }
    case 'get-credentials':
      if (!oneOf(value.as, ['signed-in', 'guest'] as const)) return `${path}.as is not signed-in or guest`;
      return value.fault === undefined || value.fault === 'other-identity' ? null : `${path}.fault is not other-identity`;
    case 'call-api':
      if (!oneOf(value.method, ['GET', 'POST'] as const)) return `${path}.method is not GET or POST`;
      if (!isString(value.path)) return `${path}.path is not a string`;
      if (!oneOf(value.auth, ['id-token', 'access-token', 'sigv4', 'none'] as const)) return `${path}.auth is not id-token, access-token, sigv4 or none`;
      if (value.fault !== undefined && !oneOf(value.fault, ['tampered-claim', 'swapped-token', 'clock-skew'] as const)) return `${path}.fault is not tampered-claim, swapped-token or clock-skew`;
      return isOptionalString(value.api) ? null : `${path}.api is not a string`;
    case 'dynamodb':
      if (!oneOf(value.operation, ['GetItem', 'PutItem', 'Query', 'DeleteItem'] as const)) return `${path}.operation is not GetItem, PutItem, Query or DeleteItem`;
      if (!isString(value.table)) return `${path}.table is not a string`;
      if (!isStringMap(value.key)) return `${path}.key is not a map of strings`;
      if (!isStringMap(value.item)) return `${path}.item is not a map of strings`;
      if (value.fault !== undefined && !oneOf(value.fault, ['clock-skew', 'other-owner'] as const)) return `${path}.fault is not clock-skew or other-owner`;
      return null;
    case 'advance-clock':
      return typeof value.ms === 'number' && Number.isFinite(value.ms) ? null : `${path}.ms is not a number`;
  }
}

const WORLD_LISTS = ['roles', 'userPools', 'identityPools', 'tables', 'restApis', 'loadBalancers'] as const;

/** The world's outline: what the simulator needs to start (its rules are validateWorld's). */
export function worldShapeProblem(world: unknown, path = 'world'): Problem {
  if (!isRecord(world)) return `${path} is not an object`;
  if (!isString(world.region) || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(world.region)) return `${path}.region is not an AWS Region such as us-east-1`;
  if (!isString(world.accountId) || !/^\d{12}$/.test(world.accountId)) return `${path}.accountId is not a 12-digit AWS account id`;
  for (const list of WORLD_LISTS) {
    if (!Array.isArray(world[list])) return `${path}.${list} is not a list`;
    for (const [i, entry] of (world[list] as unknown[]).entries()) {
      if (!isRecord(entry) || !isString(entry.name)) return `${path}.${list}[${i}] has no name`;
    }
  }
  for (const list of ['functions', 'httpApis'] as const) {
    if (world[list] !== undefined && !Array.isArray(world[list])) return `${path}.${list} is not a list`;
  }
  for (const [i, pool] of (world.userPools as Record<string, unknown>[]).entries()) {
    if (!Array.isArray(pool.clients)) return `${path}.userPools[${i}].clients is not a list`;
    for (const [j, client] of (pool.clients as unknown[]).entries()) {
      if (!isRecord(client) || !isString(client.name)) return `${path}.userPools[${i}].clients[${j}] has no name`;
      if (!Array.isArray(client.explicitAuthFlows)) return `${path}.userPools[${i}].clients[${j}].explicitAuthFlows is not a list`;
    }
  }
  return null;
}

export type DecodedDoc = { ok: true; doc: SandboxDoc } | { ok: false; problem: string; newer: boolean };

/** A sandbox document from parsed JSON: its version, seed, start time, world outline and every action. */
export function decodeDoc(value: unknown): DecodedDoc {
  if (!isRecord(value)) return { ok: false, problem: 'it is not an object', newer: false };
  if (value.version !== SANDBOX_VERSION) {
    if (typeof value.version === 'number' && value.version > SANDBOX_VERSION) return { ok: false, problem: `it was saved by a newer version of Cognito Lab (sandbox format ${value.version})`, newer: true };
    return { ok: false, problem: `it has no known sandbox format version (found ${JSON.stringify(value.version) ?? 'none'}, expected ${SANDBOX_VERSION})`, newer: false };
  }
  if (typeof value.seed !== 'number' || !Number.isSafeInteger(value.seed) || value.seed < 0) return { ok: false, problem: 'seed is not a whole number', newer: false };
  if (typeof value.startTime !== 'number' || !Number.isFinite(value.startTime) || value.startTime < 0 || value.startTime > 8.64e15) return { ok: false, problem: 'startTime is not a time', newer: false };
  const world = worldShapeProblem(value.world);
  if (world) return { ok: false, problem: world, newer: false };
  if (!Array.isArray(value.actions)) return { ok: false, problem: 'actions is not a list', newer: false };
  if (value.actions.length > MAX_ACTIONS) return { ok: false, problem: `it has ${value.actions.length} actions; a sandbox holds at most ${MAX_ACTIONS}`, newer: false };
  for (const [i, action] of value.actions.entries()) {
    const problem = actionProblem(action, `actions[${i}]`);
    if (problem) return { ok: false, problem, newer: false };
  }
  return {
    ok: true,
    doc: { version: SANDBOX_VERSION, world: value.world as unknown as WorldConfig, seed: value.seed, startTime: value.startTime, actions: value.actions as SandboxAction[] },
  };
}

/** More would make a replay slow; a learner's session is far shorter. */
export const MAX_ACTIONS = 500;
