import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

describe('seeded randomness', () => {
  it('replays the same sequence from the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect([a.uuid(), a.digits(6), a.string('ab', 8)]).toEqual([b.uuid(), b.digits(6), b.string('ab', 8)]);
  });

  it('differs between seeds', () => {
    expect(createRandom(1).uuid()).not.toBe(createRandom(2).uuid());
  });

  it('makes version-4 UUIDs and in-range values', () => {
    const r = createRandom(7);
    for (let i = 0; i < 500; i++) {
      expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const n = r.next();
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(1);
      expect(r.digits(6)).toMatch(/^\d{6}$/);
    }
  });
});
