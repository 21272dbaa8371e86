// What DynamoDB does with values once stored: equality (sets ignore order), ordering of S, N and B
// (strings by UTF-8 bytes, numbers numerically, binary by bytes), and sizes as AWS counts them for the
// 400 KB item limit and for capacity units.
import { fromBase64 } from '../../lib/encoding';
import { compareDecimals, parseDecimal } from './numbers';
import { getOwn } from './own';
import { typeOf, type AttributeValue, type Item } from './types';

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Orders strings by their UTF-8 bytes, which is code-point order (JavaScript compares UTF-16 units). */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (U+D800–DFFF, code points above U+FFFF) sorts after every BMP unit above it.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

const numberOf = (text: string) => parseDecimal(text)!;

/** Compares two scalars of the same type (S, N or B); undefined when they cannot be ordered. */
export function compareScalars(a: AttributeValue, b: AttributeValue): number | undefined {
  if ('S' in a && 'S' in b) return compareUtf8(a.S, b.S);
  if ('N' in a && 'N' in b) return compareDecimals(numberOf(a.N), numberOf(b.N));
  if ('B' in a && 'B' in b) return compareBytes(fromBase64(a.B), fromBase64(b.B));
  return undefined;
}

function sameMembers(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((x) => set.has(x));
}

/** Deep equality; values were normalised on the way in, so numbers and binary compare as text. */
export function valuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  const type = typeOf(a);
  if (type !== typeOf(b)) return false;
  switch (type) {
    case 'S': case 'N': case 'B': case 'BOOL': case 'NULL':
      return (a as Record<string, unknown>)[type] === (b as Record<string, unknown>)[type];
    case 'SS': case 'NS': case 'BS':
      return sameMembers((a as Record<string, string[]>)[type]!, (b as Record<string, string[]>)[type]!);
    case 'L': {
      const x = (a as { L: AttributeValue[] }).L;
      const y = (b as { L: AttributeValue[] }).L;
      return x.length === y.length && x.every((v, i) => valuesEqual(v, y[i]!));
    }
    case 'M': {
      const x = (a as { M: Item }).M;
      const y = (b as { M: Item }).M;
      const keys = Object.keys(x);
      return keys.length === Object.keys(y).length && keys.every((k) => {
        const other = getOwn(y, k);
        return other !== undefined && valuesEqual(x[k]!, other);
      });
    }
  }
}

const numberSize = (text: string) => {
  const d = numberOf(text);
  return d.digits === '' ? 1 : Math.ceil(d.digits.length / 2) + 1;
};

/**
 * A value's size in bytes as AWS's documentation counts it: strings in UTF-8, numbers about one byte per
 * two significant digits plus one, binary by length, null and booleans one byte, lists and maps three bytes
 * plus one per element (plus the keys of a map). [P] AWS's exact internal sizes differ a little.
 */
export function valueSize(value: AttributeValue): number {
  if ('S' in value) return utf8Length(value.S);
  if ('N' in value) return numberSize(value.N);
  if ('B' in value) return fromBase64(value.B).length;
  if ('SS' in value) return value.SS.reduce((n, s) => n + utf8Length(s), 0);
  if ('NS' in value) return value.NS.reduce((n, s) => n + numberSize(s), 0);
  if ('BS' in value) return value.BS.reduce((n, s) => n + fromBase64(s).length, 0);
  if ('L' in value) return value.L.reduce((n, v) => n + 1 + valueSize(v), 3);
  if ('M' in value) return Object.entries(value.M).reduce((n, [k, v]) => n + 1 + utf8Length(k) + valueSize(v), 3);
  return 1;
}

/** An item's size: each attribute's name and value. */
export function itemSize(item: Item): number {
  let size = 0;
  for (const name in item) size += utf8Length(name) + valueSize(item[name]!);
  return size;
}

/** 400 KB, names and values together. */
export const MAX_ITEM_BYTES = 400 * 1024;

export function cloneItem<T extends Item | AttributeValue>(value: T): T {
  return structuredClone(value);
}
