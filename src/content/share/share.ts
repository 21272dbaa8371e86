// Share links: a scenario step or a whole sandbox in the URL's fragment, so nothing is uploaded anywhere.
//
// Addresses (shareAddress): a scenario step is `#/share/<payload>`, a sandbox `#/sandbox/share/<payload>`.
// Payload: base64url( deflate-raw( JSON ) ), where the JSON is
//   scenario: { v: 1, k: 'c', s: scenarioId, n: step, w: view }
//   sandbox:  { v: 1, k: 's', p: worldPatch, a: actions, n: step, w: view, seed?, t? (start time), m?: [missing] }
// The world travels as a patch from the default world (./merge-patch.ts: RFC 7396 over index-keyed arrays), so a
// sandbox that changed a password policy carries that field only. Passwords in actions and client secrets in the
// world are left out unless includeSecrets; the receiving sandbox sees the actions whose password is missing (an
// empty password, listed in `missing`) and asks for each before replaying that action.
// Decoding refuses, with a reason, payloads that are too long, not base64url, truncated, that inflate beyond a cap,
// are not JSON, come from a newer version, or hold a malformed document: never an exception.
//
// The functions take the base (default) world as an argument because content may import only the simulator's types;
// src/store/sandbox.ts binds them to the default world as encodeShare(target, options) and decodeShare(payload).
import type { WorldConfig } from '../../sim/index';
import { deflateRaw, inflateRaw, InflateError } from '../../lib/compress';
import { fromBase64Url, toBase64Url, utf8 } from '../../lib/encoding';
import { hasPassword, SANDBOX_SEED, SANDBOX_START, SANDBOX_VERSION, type SandboxAction, type SandboxDoc } from '../sandbox/actions';
import { decodeDoc, isRecord } from '../sandbox/doc';
import { applyPatch, createPatch, PatchError } from './merge-patch';

export const SHARE_VERSION = 1;
/** A URL fragment longer than this is not one we made (browsers keep far longer URLs, but links get mangled). */
export const MAX_PAYLOAD_CHARS = 32_000;
/** What a payload may inflate to; a typical sandbox is a few kilobytes of JSON. */
export const MAX_INFLATED_BYTES = 512 * 1024;

export interface ShareView {
  layout: 'diagram' | 'sequence';
  tab?: string;
  presenter?: boolean;
}

export type ShareTarget =
  | { kind: 'scenario'; scenario: string; step: number; view: ShareView }
  /** `missing`: indices of actions whose password was left out (they carry an empty password). */
  | { kind: 'sandbox'; doc: SandboxDoc; step: number; view: ShareView; missing?: number[] };

export type DecodedShare = { ok: true; target: ShareTarget } | { ok: false; reason: string };

export interface ShareOptions {
  includeSecrets: boolean;
}

/** The address a payload is opened at (the part after the page's own URL). */
export function shareAddress(target: Pick<ShareTarget, 'kind'>, payload: string): string {
  return target.kind === 'sandbox' ? `#/sandbox/share/${payload}` : `#/share/${payload}`;
}

function compactView(view: ShareView): Record<string, unknown> {
  return { l: view.layout === 'sequence' ? 's' : 'd', ...(view.tab !== undefined ? { t: view.tab } : {}), ...(view.presenter ? { p: 1 } : {}) };
}

function withoutSecrets(world: WorldConfig, base: WorldConfig): WorldConfig {
  const copy = structuredClone(world);
  for (const [i, pool] of copy.userPools.entries()) {
    for (const client of pool.clients) {
      if (client.clientSecret === undefined) continue;
      const same = base.userPools[i]?.clients.find((c) => c.name === client.name)?.clientSecret === client.clientSecret;
      if (!same) {
        delete client.clientSecret;
        client.generateSecret = true;
      }
    }
  }
  return copy;
}

function compactAction(action: SandboxAction, includeSecrets: boolean): Record<string, unknown> {
  if (includeSecrets || !hasPassword(action)) return { ...action };
  const { password: _password, ...rest } = action;
  return rest;
}

export async function encodeShareWith(base: WorldConfig, target: ShareTarget, options: ShareOptions): Promise<string> {
  let json: Record<string, unknown>;
  if (target.kind === 'scenario') {
    json = { v: SHARE_VERSION, k: 'c', s: target.scenario, n: target.step, w: compactView(target.view) };
  } else {
    const doc = target.doc;
    const world = options.includeSecrets ? doc.world : withoutSecrets(doc.world, base);
    json = {
      v: SHARE_VERSION,
      k: 's',
      p: createPatch(base, world),
      a: doc.actions.map((a) => compactAction(a, options.includeSecrets)),
      n: target.step,
      w: compactView(target.view),
      ...(doc.seed !== SANDBOX_SEED ? { seed: doc.seed } : {}),
      ...(doc.startTime !== SANDBOX_START ? { t: doc.startTime } : {}),
    };
  }
  return toBase64Url(await deflateRaw(utf8.encode(JSON.stringify(json))));
}

function readView(value: unknown): ShareView | string {
  if (value === undefined) return { layout: 'diagram' };
  if (!isRecord(value)) return 'its view is not an object';
  if (value.l !== 'd' && value.l !== 's') return 'its view has no layout';
  if (value.t !== undefined && (typeof value.t !== 'string' || value.t.length > 64)) return 'its view names no tab';
  return { layout: value.l === 's' ? 'sequence' : 'diagram', ...(typeof value.t === 'string' ? { tab: value.t } : {}), ...(value.p === 1 ? { presenter: true } : {}) };
}

const refuse = (reason: string): DecodedShare => ({ ok: false, reason });

export async function decodeShareWith(base: WorldConfig, payload: string): Promise<DecodedShare> {
  if (typeof payload !== 'string' || payload.length === 0) return refuse('The link holds no shared state.');
  if (payload.length > MAX_PAYLOAD_CHARS) return refuse(`The link is too long to be a Cognito Lab share link (${payload.length} characters; at most ${MAX_PAYLOAD_CHARS}).`);
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return refuse('The link is damaged: its shared part holds characters a share link never has (it may have been cut or edited).');
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(payload);
  } catch {
    return refuse('The link is incomplete or damaged: its shared part is not valid base64url (was it cut off when copied?).');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await inflateRaw(bytes, MAX_INFLATED_BYTES));
  } catch (error) {
    if (error instanceof InflateError && error.reason === 'too-large') return refuse(`The link was refused: its content unpacks to more than ${MAX_INFLATED_BYTES / 1024} KB, far more than any shared sandbox.`);
    return refuse('The link is incomplete or damaged: its content could not be unpacked (was it cut off when copied?).');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse('The link is damaged: its content is not readable.');
  }
  if (!isRecord(json)) return refuse('The link is damaged: its content is not a shared state.');
  if (json.v !== SHARE_VERSION) {
    if (typeof json.v === 'number' && json.v > SHARE_VERSION) return refuse(`The link was made by a newer version of Cognito Lab (share format ${json.v}); update the app to open it.`);
    return refuse('The link is not a Cognito Lab share link: it names no format version this app knows.');
  }
  const step = json.n ?? 0;
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step > 100_000) return refuse('The link is damaged: its step is not a step number.');
  const view = readView(json.w);
  if (typeof view === 'string') return refuse(`The link is damaged: ${view}.`);

  if (json.k === 'c') {
    if (typeof json.s !== 'string' || !/^[a-z0-9][a-z0-9-]{0,99}$/.test(json.s)) return refuse('The link is damaged: it names no scenario.');
    return { ok: true, target: { kind: 'scenario', scenario: json.s, step, view } };
  }
  if (json.k !== 's') return refuse('The link is damaged: it shares neither a scenario nor a sandbox.');

  let world: WorldConfig;
  try {
    world = applyPatch(base, json.p ?? {});
  } catch (error) {
    if (error instanceof PatchError) return refuse(`The link's world is damaged: ${error.message}.`);
    return refuse("The link's world is damaged.");
  }
  if (!Array.isArray(json.a)) return refuse('The link is damaged: it holds no list of actions.');
  const missing: number[] = [];
  const actions = json.a.map((a: unknown, i: number) => {
    if (!isRecord(a)) return a;
    const kinds = ['sign-up', 'sign-in', 'hosted-ui-sign-in'];
    if (kinds.includes(String(a.kind)) && a.password === undefined) {
      missing.push(i);
      return { ...a, password: '' };
    }
    return a;
  });
  const decoded = decodeDoc({ version: SANDBOX_VERSION, world, seed: json.seed ?? SANDBOX_SEED, startTime: json.t ?? SANDBOX_START, actions });
  if (!decoded.ok) return refuse(`The link's sandbox is damaged: ${decoded.problem}.`);
  return { ok: true, target: { kind: 'sandbox', doc: decoded.doc, step, view, ...(missing.length ? { missing } : {}) } };
}
