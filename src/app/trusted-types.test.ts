import { describe, expect, it } from 'vitest';
import { installTrustedTypesPolicy, isServiceWorkerScript, type TrustedTypesFactory } from './trusted-types';

const PAGE = 'https://example.org/lab/index.html#/learn';

describe('The Trusted Types default policy', () => {
  it('knows the service worker script beside the page, and nothing else', () => {
    expect(isServiceWorkerScript('./sw.js', PAGE)).toBe(true);
    expect(isServiceWorkerScript('https://example.org/lab/sw.js', PAGE)).toBe(true);
    for (const other of ['/sw.js', 'https://evil.example/lab/sw.js', './sw.js?x=1', './assets/index.js', 'javascript:alert(1)', 'data:text/javascript,alert(1)', '//evil.example/lab/sw.js', 'http://[bad']) {
      expect(isServiceWorkerScript(other, PAGE), other).toBe(false);
    }
  });

  it('creates one policy named default that admits only that script URL and answers nothing else', () => {
    const made: { name: string; rules: Record<string, unknown> }[] = [];
    const factory: TrustedTypesFactory = { createPolicy: (name, rules) => made.push({ name, rules }) };
    installTrustedTypesPolicy(factory, PAGE);
    expect(made.map((p) => p.name)).toEqual(['default']);
    const rules = made[0]!.rules as { createScriptURL: (s: string) => string | null };
    expect(Object.keys(rules)).toEqual(['createScriptURL']); // no createHTML, no createScript: those sinks stay shut
    expect(rules.createScriptURL('./sw.js')).toBe('./sw.js');
    expect(rules.createScriptURL('https://evil.example/x.js')).toBeNull();
  });

  it('leaves an existing default policy alone, and does nothing without Trusted Types', () => {
    const made: string[] = [];
    installTrustedTypesPolicy({ createPolicy: (name) => made.push(name), defaultPolicy: {} }, PAGE);
    expect(made).toEqual([]);
    expect(() => installTrustedTypesPolicy(undefined, PAGE)).not.toThrow();
  });
});
