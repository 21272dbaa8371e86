import { describe, expect, it } from 'vitest';
import { describeExpiry, formatDuration, isoTime } from './relative-time';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

describe('formatDuration', () => {
  it.each([
    [59 * MIN + 12 * S, '59 min 12 s'],
    [H, '1 h'],
    [H + MIN + 30 * S, '1 h 1 min'],
    [3 * MIN, '3 min'],
    [30 * 24 * H, '30 days'],
    [24 * H + 2 * H, '1 day 2 h'],
    [1 * S, '1 s'],
    [999, '0 s'],
    [-(3 * MIN), '3 min'],
  ])('%d ms is "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('describeExpiry, in virtual time relative to the step', () => {
  const at = Date.UTC(2026, 2, 2, 9, 0, 0);
  it('counts down before the expiry', () => {
    expect(describeExpiry(at + 59 * MIN + 12 * S, at)).toEqual({ expired: false, text: 'expires in 59 min 12 s' });
  });
  it('counts up after it', () => {
    expect(describeExpiry(at - 3 * MIN, at)).toEqual({ expired: true, text: 'expired 3 min ago' });
  });
  it('treats the expiry instant itself as expired, as verifiers do', () => {
    expect(describeExpiry(at, at)).toEqual({ expired: true, text: 'expired just now' });
  });
});

describe('isoTime', () => {
  it('formats epoch milliseconds in UTC and falls back to the number when out of range', () => {
    expect(isoTime(Date.UTC(2026, 2, 2, 9, 0, 0))).toBe('2026-03-02T09:00:00.000Z');
    expect(isoTime(1e20)).toBe('100000000000000000000');
  });
});
