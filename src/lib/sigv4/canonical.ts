// SigV4 canonical form: canonical request, string to sign, signing key, dates. Shared by the simulator (which verifies) and the simulated client (which signs).

import { toHex, utf8 } from '../encoding';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const TERMINATOR = 'aws4_request';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** Headers @smithy/signature-v4 never signs (plus any proxy-* and sec-* header). */
const UNSIGNABLE = new Set([
  'authorization',
  'cache-control',
  'connection',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);

export function isSignableHeader(name: string): boolean {
  return !UNSIGNABLE.has(name) && !/^(proxy|sec)-/.test(name);
}

/** Copies bytes into a fresh ArrayBuffer-backed array, the shape WebCrypto's typings ask for. */
function bytes(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(data);
}

export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const input = typeof data === 'string' ? utf8.encode(data) : data;
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes(input))));
}

export async function hmac(key: Uint8Array, data: string): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey('raw', bytes(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, bytes(utf8.encode(data))));
}

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4"+secret, date), region), service), "aws4_request"). */
export async function signingKey(secret: string, shortDate: string, region: string, service: string): Promise<Uint8Array> {
  const kDate = await hmac(utf8.encode(`AWS4${secret}`), shortDate);
  const kRegion = await hmac(kDate, region);
  const kService = await hmac(kRegion, service);
  return hmac(kService, TERMINATOR);
}

/** The four HMAC steps from the secret to the signing key, for learners to follow (hex of each key). */
export async function signingKeySteps(secret: string, shortDate: string, region: string, service: string): Promise<{ step: string; hex: string }[]> {
  const kDate = await hmac(utf8.encode(`AWS4${secret}`), shortDate);
  const kRegion = await hmac(kDate, region);
  const kService = await hmac(kRegion, service);
  const kSigning = await hmac(kService, TERMINATOR);
  return [
    { step: `kDate = HMAC("AWS4" + secret, "${shortDate}")`, hex: toHex(kDate) },
    { step: `kRegion = HMAC(kDate, "${region}")`, hex: toHex(kRegion) },
    { step: `kService = HMAC(kRegion, "${service}")`, hex: toHex(kService) },
    { step: `kSigning = HMAC(kService, "${TERMINATOR}")`, hex: toHex(kSigning) },
  ];
}

export async function computeSignature(
  secret: string,
  shortDate: string,
  region: string,
  service: string,
  stringToSign: string,
): Promise<string> {
  return toHex(await hmac(await signingKey(secret, shortDate, region, service), stringToSign));
}

/** Compares two strings without an early exit on the first differing character. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** RFC 3986 encoding: everything but A-Z a-z 0-9 - _ . ~ is percent-encoded (as smithy's escapeUri). */
export function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Canonical URI for non-S3 services: the wire path (already percent-encoded once) with empty, '.' and
 * '..' segments normalised away, then encoded again, keeping '/' (as @smithy/signature-v4 does).
 */
export function canonicalUri(pathname: string): string {
  const segments: string[] = [];
  for (const segment of pathname.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const leading = pathname.startsWith('/') ? '/' : '';
  const trailing = segments.length > 0 && pathname.endsWith('/') ? '/' : '';
  const normalised = `${leading}${segments.join('/')}${trailing}`;
  return escapeUri(normalised).replace(/%2F/g, '/');
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Decoded query pairs in wire order; '+' stays a literal plus, as SigV4 clients never send it for a space. */
export function parseQuery(search: string): [string, string][] {
  const raw = search.startsWith('?') ? search.slice(1) : search;
  if (raw === '') return [];
  return raw
    .split('&')
    .filter((part) => part !== '')
    .map((part): [string, string] => {
      const eq = part.indexOf('=');
      const [key, value]: [string, string] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
      return [decodeComponent(key), decodeComponent(value)];
    });
}

/** Canonical query: RFC 3986 encoded names and values, sorted by name then value. */
export function canonicalQuery(pairs: [string, string][], omit?: string): string {
  return pairs
    .filter(([key]) => omit === undefined || key !== omit)
    .map(([key, value]) => [escapeUri(key), escapeUri(value)] as const)
    .sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

/** Header value as canonicalised: line breaks become spaces, runs of spaces/tabs collapse, ends trimmed. */
export function canonicalHeaderValue(value: string): string {
  return value
    .replace(/[\r\n]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/g, '');
}

/** Lower-cased header map; repeated names (differing only in case) are joined with ','. */
export function headerMap(headers: Headers | Record<string, string>): Map<string, string> {
  const map = new Map<string, string>();
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    const previous = map.get(key);
    map.set(key, previous === undefined ? value : `${previous},${value}`);
  }
  return map;
}

export interface CanonicalInput {
  method: string;
  url: URL;
  /** Already canonical: encoded, sorted. */
  query: string;
  /** Lower-cased, sorted, de-duplicated. */
  signedHeaders: string[];
  headers: Map<string, string>;
  bodyLength: number;
  payloadHash: string;
}

/**
 * The canonical request. A signed `host` or `content-length` that a WHATWG Request dropped is rebuilt
 * from the URL (with any non-default port) and from the body's byte length.
 */
export function canonicalRequest(input: CanonicalInput): string {
  const lines = input.signedHeaders.map((name) => {
    let value = input.headers.get(name);
    if (value === undefined && name === 'host') value = input.url.host;
    if (value === undefined && name === 'content-length') value = String(input.bodyLength);
    return `${name}:${canonicalHeaderValue(value ?? '')}\n`;
  });
  return [
    input.method.toUpperCase(),
    canonicalUri(input.url.pathname),
    input.query,
    lines.join(''),
    input.signedHeaders.join(';'),
    input.payloadHash,
  ].join('\n');
}

export async function stringToSign(amzDate: string, scope: string, canonical: string): Promise<string> {
  return `${ALGORITHM}\n${amzDate}\n${scope}\n${await sha256Hex(canonical)}`;
}

/** Epoch ms → ISO-8601 basic format, e.g. 20240101T120000Z. */
export function formatAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** ISO-8601 basic format → epoch ms, or undefined when malformed or not a real calendar time. */
export function parseAmzDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return formatAmzDate(ms) === text ? ms : undefined;
}

/** The request time from x-amz-date (basic format) or, failing that, an HTTP Date header. */
export function parseRequestDate(text: string, fromDateHeader: boolean): number | undefined {
  const basic = parseAmzDate(text);
  if (basic !== undefined || !fromDateHeader) return basic;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
