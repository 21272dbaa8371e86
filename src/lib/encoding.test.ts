import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromBase64, fromBase64Url, fromHex, toBase64, toBase64Url, toHex, utf8 } from './encoding';

describe('encoding helpers', () => {
  it('round-trips any bytes through hex, base64 and base64url', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(fromHex(toHex(bytes))).toEqual(bytes);
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      }),
    );
  });

  it('produces URL-safe base64 without padding', () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0xbf]);
    expect(toBase64(bytes)).toBe('+/+/');
    expect(toBase64Url(bytes)).toBe('-_-_');
    expect(toBase64Url(utf8.encode('a'))).toBe('YQ');
  });

  it('rejects malformed input with a TypeError instead of returning garbage', () => {
    expect(() => fromHex('abc')).toThrow(TypeError);
    expect(() => fromHex('zz')).toThrow(TypeError);
    expect(() => fromBase64('not base64!')).toThrow(TypeError);
  });

  it('encodes text as UTF-8', () => {
    expect(toHex(utf8.encode('é'))).toBe('c3a9');
    expect(utf8.decode(fromHex('c3a9'))).toBe('é');
  });
});
