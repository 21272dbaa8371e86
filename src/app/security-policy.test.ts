import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEADER_CSP, headersFile, META_CSP, SECURITY_HEADERS } from './security-policy';

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));

describe('The Content-Security-Policy', () => {
  it('allows only the app itself, with no inline script, inline style or eval', () => {
    const meta = directives(META_CSP);
    expect(meta.get('default-src')).toBe("'self'");
    expect(meta.get('script-src')).toBe("'self'");
    expect(meta.get('style-src')).toBe("'self'");
    expect(meta.get('img-src')).toBe("'self' data: blob:");
    expect(meta.get('connect-src')).toBe("'self'");
    expect(meta.get('worker-src')).toBe("'self'");
    expect(meta.get('object-src')).toBe("'none'");
    expect(meta.get('base-uri')).toBe("'self'");
    expect(meta.get('form-action')).toBe("'self'");
    expect(META_CSP).not.toMatch(/unsafe-|\*|https?:/);
  });

  it('enforces Trusted Types, with the one default policy the app creates', () => {
    const meta = directives(META_CSP);
    expect(meta.get('require-trusted-types-for')).toBe("'script'");
    expect(meta.get('trusted-types')).toBe('default');
  });

  it('keeps frame-ancestors out of the <meta> (browsers ignore it there) and in the header', () => {
    expect(directives(META_CSP).has('frame-ancestors')).toBe(false);
    expect(directives(HEADER_CSP).get('frame-ancestors')).toBe("'none'");
    expect(HEADER_CSP.startsWith(META_CSP)).toBe(true);
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(HEADER_CSP);
  });

  it('public/_headers is the generated file (run headersFile() and paste it when the policy changes)', () => {
    expect(readFileSync('public/_headers', 'utf8')).toBe(headersFile());
  });
});
