import { describe, expect, it } from 'vitest';
import { Secret, TOTP, URI } from 'otpauth';
import { fromBase32, hotp, otpauthUri, sameCode, secondsLeft, toBase32, totp, totpCounter } from './totp';
import { utf8 } from './encoding';

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890"; 8-digit codes, here the last 6.
const RFC_SECRET = utf8.encode('12345678901234567890');
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  it.each(RFC_VECTORS)('matches RFC 6238 at T=%i', async (seconds, eightDigits) => {
    expect(await hotp(RFC_SECRET, totpCounter(seconds * 1000))).toBe(eightDigits.slice(2));
  });

  it('agrees with otpauth for random secrets and times', async () => {
    for (let i = 0; i < 20; i++) {
      const secret = new Secret({ size: 20 + i });
      const at = 1_700_000_000_000 + i * 7_919_000;
      const expected = new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });
      expect(await totp(secret.base32, at)).toBe(expected);
      expect(toBase32(fromBase32(secret.base32))).toBe(secret.base32);
    }
  });

  it('round-trips base32 and refuses characters outside the alphabet', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253]);
    expect(fromBase32(toBase32(bytes))).toEqual(bytes);
    expect(fromBase32('mzxw6===')).toEqual(utf8.encode('foo'));
    expect(() => fromBase32('ABC1')).toThrow(TypeError);
  });

  it('counts down to the next code', () => {
    expect(secondsLeft(0)).toBe(30);
    expect(secondsLeft(29_500)).toBe(1);
    expect(secondsLeft(30_000)).toBe(30);
  });

  it('builds the otpauth URI that otpauth itself parses back', () => {
    const uri = otpauthUri({ secret: 'JBSWY3DPEHPK3PXP', account: 'alice', issuer: 'Cognito Lab' });
    expect(uri).toBe('otpauth://totp/Cognito%20Lab:alice?secret=JBSWY3DPEHPK3PXP&issuer=Cognito%20Lab&algorithm=SHA1&digits=6&period=30');
    const parsed = URI.parse(uri) as TOTP;
    expect(parsed).toBeInstanceOf(TOTP);
    expect([parsed.issuer, parsed.label, parsed.secret.base32, parsed.digits, parsed.period]).toEqual(['Cognito Lab', 'alice', 'JBSWY3DPEHPK3PXP', 6, 30]);
  });

  it('compares codes without short-circuiting on the first difference', () => {
    expect(sameCode('123456', '123456')).toBe(true);
    expect(sameCode('123456', '123457')).toBe(false);
    expect(sameCode('123456', '12345')).toBe(false);
  });
});
