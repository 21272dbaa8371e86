// What the simulated Google and Facebook share on the wire: reading a form body, their sign-in session cookie, the
// 'federation' notes each hop records, and the page frame of the hosted UI (layout) for their HTML pages.
import { utf8 } from '../../lib/encoding';
import type { ServiceContext } from '../core/router';
import type { FederationStep } from '../core/trace-types';

export type SocialProvider = 'Google' | 'Facebook';

/** A POST body as a form; an empty form for anything that is not application/x-www-form-urlencoded. */
export function formOf(call: ServiceContext): URLSearchParams {
  const type = (call.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded' ? new URLSearchParams(utf8.decode(call.body)) : new URLSearchParams();
}

/** The value of one cookie the request carries. */
export function cookieOf(call: ServiceContext, name: string): string | undefined {
  for (const part of (call.headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function idpSessionCookie(name: string, id: string, expiresAt: number, now: number): string {
  return `${name}=${id}; Expires=${new Date(expiresAt).toUTCString()}; Max-Age=${Math.round((expiresAt - now) / 1000)}; Path=/; Secure; HttpOnly; SameSite=None`;
}

/** Records one hop of a federated sign-in, as seen by the identity provider. */
export function idpNote(
  call: ServiceContext,
  provider: SocialProvider,
  step: FederationStep,
  outcome: 'ok' | 'refused',
  summary: string,
  extra: { subject?: string; attributes?: Record<string, string> } = {},
): void {
  call.note({ kind: 'federation', summary, provider, providerType: provider, step, outcome, ...extra });
}

/** An exact-match redirect URI check, as both providers do for registered redirect URIs. */
export const redirectAllowed = (registered: readonly string[], uri: string | null): uri is string => uri !== null && registered.includes(uri);
