// makeVerifier keeps the verifiers it made: the same user, password and salt again costs no exponentiation,
// and anything different (password, salt, user, pool) is computed afresh and still right.
import { describe, expect, it, vi } from 'vitest';
import * as group from './group';
import { makeVerifier } from './server';
import { srpX } from './hashing';
import { modPowBinary } from './mod-pow';

describe('makeVerifier', () => {
  it('makes each verifier once, and every different input afresh', async () => {
    const pow = vi.spyOn(group, 'powG');
    const salt = 0x1234_5678_9abc_def0n;
    const first = await makeVerifier('eu-west-1_Cache1', 'alice', 'Passw0rd!', salt);
    expect(pow).toHaveBeenCalledTimes(1);
    expect(await makeVerifier('eu-west-1_Cache1', 'alice', 'Passw0rd!', salt)).toBe(first);
    expect(pow).toHaveBeenCalledTimes(1);
    for (const [pool, user, password, s] of [
      ['eu-west-1_Cache1', 'alice', 'Passw0rd?', salt],
      ['eu-west-1_Cache1', 'alice', 'Passw0rd!', salt + 1n],
      ['eu-west-1_Cache1', 'bob', 'Passw0rd!', salt],
      ['eu-west-1_Cache2', 'alice', 'Passw0rd!', salt],
    ] as const) {
      const v = await makeVerifier(pool, user, password, s);
      expect(v).toBe(modPowBinary(group.G, await srpX(pool, user, password, s), group.N));
      expect(v).not.toBe(first);
    }
    expect(pow).toHaveBeenCalledTimes(5);
    pow.mockRestore();
  });
});
