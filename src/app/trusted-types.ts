// The page's Trusted Types policy. The Content-Security-Policy (security-policy.ts) makes every DOM injection sink
// refuse plain strings; a policy named `default` is what the browser asks when a library hands one a string
// anyway. This one admits exactly one thing: the service worker's own script, ./sw.js on this origin, which
// workbox-window registers with a plain string. Everything else — HTML for innerHTML, script text, any other
// script URL — gets no answer, so the sink throws and the browser reports a violation: fail closed.

/** The part of the Trusted Types API this file uses (not every TypeScript DOM library declares it). */
export interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL?: (input: string) => string | null }): unknown;
  readonly defaultPolicy?: unknown;
}

/** Whether `input` is this app's service worker script: sw.js beside the page, on the page's own origin. */
export function isServiceWorkerScript(input: string, page: string): boolean {
  try {
    const url = new URL(input, page);
    const expected = new URL('sw.js', page);
    return url.origin === expected.origin && url.pathname === expected.pathname && url.search === '' && url.hash === '';
  } catch {
    return false;
  }
}

/** Creates the default policy (once; browsers without Trusted Types need none). */
export function installTrustedTypesPolicy(factory: TrustedTypesFactory | undefined = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes, page: string = globalThis.location?.href ?? ''): void {
  if (!factory || factory.defaultPolicy) return;
  factory.createPolicy('default', {
    createScriptURL: (input) => (isServiceWorkerScript(input, page) ? input : null),
  });
}
