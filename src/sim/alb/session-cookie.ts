// The authentication session cookie. AWS: "The content of load balancer generated cookies are encrypted
// using a rotating key. You cannot decrypt or modify load balancer generated cookies" (ELB sticky-sessions
// page), and "Because most browsers limit a cookie to 4K in size, the load balancer shards a cookie that is
// greater than 4K in size into multiple cookies" (listener-authenticate-users.html). So the session (access
// token, refresh token, userInfo claims, expiry) travels in the cookie itself, sealed with AES-GCM under a
// key only the load balancer holds, and split into {name}-0, {name}-1, … The load balancer keeps no session
// table: expiring the cookies in the browser is the only logout, and a copy of the cookies replayed later
// still works until the session or its access token runs out (the replay risk AWS's logout advice names).
import { fromBase64, toBase64, utf8 } from '../../lib/encoding';
import type { Random } from '../core/random';
import type { SessionPayload } from './model';

/** [U] The exact split point is not documented ("greater than 4K"); 4000 characters of value per cookie. */
export const SHARD_SIZE = 4000;

/** The AES-GCM key, from the load balancers' seeded stream so a replay yields the same cookies. */
export function createCookieKey(random: Random): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', random.bytes(32) as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export async function sealSession(key: CryptoKey, random: Random, session: SessionPayload): Promise<string> {
  const iv = random.bytes(12) as Uint8Array<ArrayBuffer>;
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, utf8.encode(JSON.stringify(session)) as Uint8Array<ArrayBuffer>));
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return toBase64(out);
}

/** The session, or why there is none usable. */
export type OpenedSession = { ok: true; session: SessionPayload } | { ok: false; reason: 'absent' | 'undecryptable' };

export async function openSession(key: CryptoKey, value: string | undefined): Promise<OpenedSession> {
  if (!value) return { ok: false, reason: 'absent' };
  try {
    const bytes = fromBase64(value);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, 12) }, key, bytes.slice(12));
    return { ok: true, session: JSON.parse(utf8.decode(new Uint8Array(plain))) as SessionPayload };
  } catch {
    return { ok: false, reason: 'undecryptable' };
  }
}

/** name → value of a Cookie request header (the first wins, as servers usually read it). */
export function parseCookieHeader(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name && !out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

/** The shards {name}-0, {name}-1, … present in the request, in order, and their joined value. */
export function readShards(cookies: Map<string, string>, name: string): { names: string[]; value: string | undefined } {
  const names: string[] = [];
  let value = '';
  for (let i = 0; cookies.has(`${name}-${i}`); i++) {
    names.push(`${name}-${i}`);
    value += cookies.get(`${name}-${i}`);
  }
  return { names, value: names.length > 0 ? value : undefined };
}

/** Names of every shard of `name` the request carries, even past a gap (so all of them can be expired). */
export function shardNamesIn(cookies: Map<string, string>, name: string): string[] {
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`);
  return [...cookies.keys()].filter((n) => pattern.test(n));
}

const httpDate = (ms: number) => new Date(ms).toUTCString();

/**
 * Set-Cookie values for a sealed session. [U] Attributes: AWS documents only that the cookie is always
 * Secure (and SameSite=None on CORS requests); Path=/, HttpOnly and Expires at the session's end are assumed.
 * Shards the previous cookie had beyond the new count are expired, so no stale tail is joined on.
 */
export function sessionSetCookies(name: string, sealed: string, expiresAt: number, previousShards: string[] = []): string[] {
  const out: string[] = [];
  const count = Math.max(1, Math.ceil(sealed.length / SHARD_SIZE));
  for (let i = 0; i < count; i++) {
    out.push(`${name}-${i}=${sealed.slice(i * SHARD_SIZE, (i + 1) * SHARD_SIZE)}; Expires=${httpDate(expiresAt)}; Path=/; Secure; HttpOnly`);
  }
  for (const stale of previousShards) {
    const index = Number(stale.slice(name.length + 1));
    if (index >= count) out.push(expireCookie(stale));
  }
  return out;
}

/** "set the expiration time of the authentication session cookie to -1" (AWS's logout advice). */
export const expireCookie = (name: string): string => `${name}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=-1; Path=/; Secure; HttpOnly`;
