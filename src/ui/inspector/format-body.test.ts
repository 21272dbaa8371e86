import { describe, expect, it } from 'vitest';
import { formatBody, LONG_VALUE, shorten } from './format-body';

describe('formatBody', () => {
  it('pretty-prints JSON and shortens long strings only in the short form', () => {
    const token = 'eyJ' + 'a'.repeat(1000) + 'END';
    const body = formatBody(JSON.stringify({ AuthenticationResult: { IdToken: token, ExpiresIn: 3600 } }))!;
    expect(body.kind).toBe('json');
    expect(body.full).toContain(`"IdToken": "${token}"`);
    expect(body.full).toContain('\n    "ExpiresIn": 3600');
    expect(body.short).not.toContain(token);
    expect(body.short).toContain('(1,006 characters)');
    expect(body.shortened).toBe(1);
  });

  it('keeps anything else as it came, and has nothing to show for an empty body', () => {
    expect(formatBody('grant_type=refresh_token&client_id=abc')).toEqual({
      kind: 'text',
      full: 'grant_type=refresh_token&client_id=abc',
      short: 'grant_type=refresh_token&client_id=abc',
      shortened: 0,
    });
    expect(formatBody('')).toBeUndefined();
    expect(formatBody(undefined)).toBeUndefined();
  });
});

describe('shorten', () => {
  it('leaves values up to the limit alone and keeps the start and end of longer ones', () => {
    const limit = 'x'.repeat(LONG_VALUE);
    expect(shorten(limit)).toBe(limit);
    const long = 'A'.repeat(30) + 'B'.repeat(30) + 'tail1234';
    expect(shorten(long)).toBe(`${'A'.repeat(24)}…tail1234 (68 characters)`);
  });

  it('groups the length’s digits in threes, as en-US does', () => {
    expect(shorten('x'.repeat(999))).toMatch(/\(999 characters\)$/);
    expect(shorten('x'.repeat(1000))).toMatch(/\(1,000 characters\)$/);
    expect(shorten('x'.repeat(1_234_567))).toMatch(/\(1,234,567 characters\)$/);
  });
});
