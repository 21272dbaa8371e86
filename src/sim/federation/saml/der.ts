// Just enough DER (ITU-T X.690) to write a self-signed X.509 certificate and to read the public key and validity
// back out of one: definite lengths, universal tags, context-specific [n] wrappers. Reading never throws past
// `readTlv`: a malformed certificate is reported as undefined by the callers.

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function lengthBytes(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = concat(content);
  return concat([Uint8Array.of(tag), lengthBytes(body.length), body]);
}

export const sequence = (...items: Uint8Array[]): Uint8Array => tlv(TAG.SEQUENCE, ...items);
export const set = (...items: Uint8Array[]): Uint8Array => tlv(TAG.SET, ...items);
/** [n] EXPLICIT, constructed. */
export const explicit = (n: number, inner: Uint8Array): Uint8Array => tlv(0xa0 | n, inner);
export const nullValue = (): Uint8Array => Uint8Array.of(TAG.NULL, 0);
export const boolean = (value: boolean): Uint8Array => Uint8Array.of(TAG.BOOLEAN, 1, value ? 0xff : 0);
export const octetString = (bytes: Uint8Array): Uint8Array => tlv(TAG.OCTET_STRING, bytes);
/** A BIT STRING of whole bytes (no unused bits). */
export const bitString = (bytes: Uint8Array): Uint8Array => tlv(TAG.BIT_STRING, Uint8Array.of(0), bytes);
export const utf8String = (text: string): Uint8Array => tlv(TAG.UTF8_STRING, new TextEncoder().encode(text));

/** A non-negative INTEGER from big-endian bytes (a leading 0x00 is added when the top bit is set). */
export function unsignedInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  return tlv(TAG.INTEGER, (trimmed[0] ?? 0) & 0x80 ? concat([Uint8Array.of(0), trimmed]) : trimmed);
}

export function smallInteger(value: number): Uint8Array {
  return unsignedInteger(Uint8Array.of(value));
}

export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const bytes: number[] = [arcs[0]! * 40 + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const chunk: number[] = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift(0x80 | (n & 0x7f));
    bytes.push(...chunk);
  }
  return tlv(TAG.OID, Uint8Array.from(bytes));
}

/** RFC 5280 §4.1.2.5: UTCTime for years 1950–2049, GeneralizedTime from 2050 on; always in seconds, in UTC. */
export function time(epochMs: number): Uint8Array {
  const iso = new Date(epochMs).toISOString(); // 2026-01-01T12:00:00.000Z
  const digits = iso.slice(0, 19).replace(/[-T:]/g, ''); // 20260101120000
  const year = Number(iso.slice(0, 4));
  return year >= 1950 && year < 2050
    ? tlv(TAG.UTC_TIME, new TextEncoder().encode(`${digits.slice(2)}Z`))
    : tlv(TAG.GENERALIZED_TIME, new TextEncoder().encode(`${digits}Z`));
}

export interface Tlv {
  tag: number;
  /** The content octets. */
  content: Uint8Array;
  /** The whole element, header included. */
  whole: Uint8Array;
}

/** One element at `offset`, or undefined when the bytes are not DER. */
export function readTlv(bytes: Uint8Array, offset = 0): Tlv | undefined {
  const tag = bytes[offset];
  let lengthByte = bytes[offset + 1];
  if (tag === undefined || lengthByte === undefined || (tag & 0x1f) === 0x1f) return undefined;
  let at = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) {
      lengthByte = bytes[at++];
      if (lengthByte === undefined) return undefined;
      length = length * 256 + lengthByte;
    }
  }
  if (at + length > bytes.length) return undefined;
  return { tag, content: bytes.subarray(at, at + length), whole: bytes.subarray(offset, at + length) };
}

/** The elements inside a constructed element's content, or undefined when they do not parse end to end. */
export function children(content: Uint8Array): Tlv[] | undefined {
  const out: Tlv[] = [];
  for (let at = 0; at < content.length; ) {
    const item = readTlv(content, at);
    if (!item) return undefined;
    out.push(item);
    at += item.whole.length;
  }
  return out;
}

/** UTCTime or GeneralizedTime content as epoch milliseconds. */
export function readTime(item: Tlv): number | undefined {
  const text = new TextDecoder().decode(item.content);
  const match = item.tag === TAG.UTC_TIME ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text) : item.tag === TAG.GENERALIZED_TIME ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text) : null;
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const year = item.tag === TAG.UTC_TIME ? (y >= 50 ? 1900 + y : 2000 + y) : y;
  return Date.UTC(year, mo - 1, d, h, mi, s);
}
