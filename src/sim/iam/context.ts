// The request context an evaluation reads: condition keys are case-insensitive in IAM ("aws:CurrentTime"
// is "AWS:currenttime"), so keys are looked up by their lower-case form; later sources win.
import type { AuthorizationRequest } from './types';

export type ContextValue = string | string[];
export type RequestContext = AuthorizationRequest['context'];

export interface ContextLookup {
  get(key: string): ContextValue | undefined;
}

export function lookupOf(context: RequestContext): ContextLookup {
  const byLowerKey = new Map<string, ContextValue>();
  for (const [key, value] of Object.entries(context)) {
    if (value !== undefined) byLowerKey.set(key.toLowerCase(), value);
  }
  return { get: (key) => byLowerKey.get(key.toLowerCase()) };
}

/** Merges contexts, later ones overriding earlier ones key by key, whatever the keys' case. */
export function mergeContexts(...contexts: (RequestContext | undefined)[]): RequestContext {
  const merged = new Map<string, [string, ContextValue | undefined]>();
  for (const context of contexts) {
    for (const [key, value] of Object.entries(context ?? {})) merged.set(key.toLowerCase(), [key, value]);
  }
  return Object.fromEntries([...merged.values()].filter(([, value]) => value !== undefined));
}
