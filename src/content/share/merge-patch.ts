// A compact difference between two JSON values: a JSON merge patch (RFC 7396) computed over the values with every
// array written as an object keyed by index plus its length under "[]". Plain RFC 7396 replaces an array wholesale,
// so changing one field of the world's first user pool would carry the whole pool; indexed, it carries that field.
// Applying is RFC 7396's MergePatch over the same indexed form, then arrays are rebuilt. Hostile input (prototype
// keys, absurd lengths, missing elements) is refused with a reason, never an exception of another kind.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export const LENGTH_KEY = '[]';
/** No list of a world comes near this; a patch that claims more is refused. */
export const MAX_ARRAY_LENGTH = 10_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class PatchError extends Error {
  override readonly name = 'PatchError';
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A fresh object without a prototype, so no key can reach Object.prototype. */
const bare = (): JsonObject => Object.create(null) as JsonObject;

function toIndexed(value: unknown): Json {
  if (Array.isArray(value)) {
    const out = bare();
    out[LENGTH_KEY] = value.length;
    value.forEach((v, i) => (out[String(i)] = toIndexed(v)));
    return out;
  }
  if (isObject(value)) {
    const out = bare();
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toIndexed(v);
    return out;
  }
  return value as Json;
}

function fromIndexed(value: Json, path: string): Json {
  if (!isObject(value)) return value;
  if (LENGTH_KEY in value) {
    const length = value[LENGTH_KEY];
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || length > MAX_ARRAY_LENGTH) throw new PatchError(`${path || 'the value'} claims a list of ${JSON.stringify(length)} entries`);
    const keys = Object.keys(value).filter((k) => k !== LENGTH_KEY);
    for (const k of keys) if (!/^(0|[1-9]\d*)$/.test(k) || Number(k) >= length) throw new PatchError(`${path || 'the value'}: "${k}" is not an index of a list of ${length}`);
    const out: Json[] = [];
    for (let i = 0; i < length; i++) {
      if (!(String(i) in value)) throw new PatchError(`${path}[${i}] is missing`);
      out.push(fromIndexed(value[String(i)]!, `${path}[${i}]`));
    }
    return out;
  }
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(k)) throw new PatchError(`${path ? `${path}.` : ''}${k} is not a key a world may hold`);
    out[k] = fromIndexed(v, path ? `${path}.${k}` : k);
  }
  return out;
}

function equal(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => k in b && equal(a[k]!, b[k]!));
}

/** RFC 7396 §2's inverse: the patch that turns `base` into `target` (both indexed). */
function diff(base: Json, target: Json): Json {
  if (!isObject(base) || !isObject(target)) return target;
  const patch = bare();
  for (const k of Object.keys(base)) if (!(k in target)) patch[k] = null;
  for (const [k, v] of Object.entries(target)) {
    if (!(k in base)) patch[k] = v;
    else if (!equal(base[k]!, v)) patch[k] = isObject(base[k]) && isObject(v) ? diff(base[k]!, v) : v;
  }
  return patch;
}

/** RFC 7396 §2 MergePatch(Target, Patch). */
function apply(target: Json, patch: Json, depth: number): Json {
  if (depth > 64) throw new PatchError('the patch is nested too deeply');
  if (!isObject(patch)) return patch;
  const out = isObject(target) ? Object.assign(bare(), target) : bare();
  for (const [k, v] of Object.entries(patch)) {
    if (FORBIDDEN_KEYS.has(k)) throw new PatchError(`${k} is not a key a world may hold`);
    if (v === null) delete out[k];
    else out[k] = apply(out[k] ?? null, v, depth + 1);
  }
  return out;
}

/** The patch turning `base` into `target`; an empty object when they are equal. */
export function createPatch(base: unknown, target: unknown): Json {
  const patch = diff(toIndexed(base), toIndexed(target));
  return JSON.parse(JSON.stringify(patch)) as Json;
}

/** `base` with the patch applied. Throws PatchError on a hostile or malformed patch. */
export function applyPatch<T>(base: T, patch: unknown): T {
  return fromIndexed(apply(toIndexed(base), toIndexed(patch), 0), '') as T;
}
