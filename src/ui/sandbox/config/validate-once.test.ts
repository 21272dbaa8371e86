import { describe, expect, it, vi } from 'vitest';
import { defaultWorld } from '../../../sim/index';

describe('validateOnce', () => {
  it('answers as validateWorld does, and judges a world with the same content only once', async () => {
    vi.resetModules();
    const validate = await import('../../../store/sandbox');
    const spy = vi.spyOn(validate, 'validateWorld');
    const { validateOnce } = await import('./validate-once');
    const world = structuredClone(defaultWorld);
    expect(validateOnce(world)).toEqual(validate.validateWorld(world));
    spy.mockClear();
    const bad = structuredClone(world);
    bad.userPools[0]!.passwordPolicy = { ...bad.userPools[0]!.passwordPolicy!, MinimumLength: 3 };
    const first = validateOnce(bad);
    expect(first.map((i) => i.path)).toContain('userPools[0].passwordPolicy.MinimumLength');
    first.length = 0; // a caller spoiling its copy changes nothing for the next
    expect(validateOnce(structuredClone(bad))).toHaveLength(validate.validateWorld(bad).length);
    expect(spy).toHaveBeenCalledTimes(2); // once inside validateOnce, once by this test
  });
});
