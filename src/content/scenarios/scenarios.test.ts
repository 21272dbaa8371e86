// One test replays every scenario headless against the real simulator and checks its stated outcome.
import { describe, expect, it } from 'vitest';
import { createSimulator, defaultWorld, DEMO_PASSWORDS } from '../../sim/index';
import { scenarios } from './index';
import { runScenario } from './run';
import { DEMO } from './demo-users';

describe('Every scenario', () => {
  it('has a unique id and complete library data', () => {
    const ids = scenarios.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of scenarios) {
      expect(s.id).toMatch(/^[a-z0-9-]+$/);
      expect(s.title.length).toBeGreaterThan(3);
      expect(s.goal.length).toBeGreaterThan(20);
      expect(s.services.length).toBeGreaterThan(0);
      expect(s.minutes).toBeGreaterThan(0);
      expect(s.outcome.length).toBeGreaterThan(20);
    }
  });

  it('names the demo users with the passwords the default world gives them', () => {
    expect(DEMO.alice.password).toBe(DEMO_PASSWORDS.alice);
    expect(DEMO.bob.password).toBe(DEMO_PASSWORDS.bob);
  });

  describe.each(scenarios.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
    it('replays to its stated outcome, every step narrated', async () => {
      const run = await runScenario(scenario, createSimulator, defaultWorld);
      expect(run.outcomeMet).toBe(true);
      const topLevel = run.trace.filter((x) => x.parentId === undefined);
      expect(run.steps.map((s) => s.exchangeId)).toEqual(topLevel.map((x) => x.id));
      for (const step of run.steps) expect(step.narration.length).toBeGreaterThan(30);
    });

    it('replays identically from its seed (RSA keys and signatures aside: key material cannot be seeded)', async () => {
      const a = await runScenario(scenario, createSimulator, defaultWorld);
      const b = await runScenario(scenario, createSimulator, defaultWorld);
      // Keys, signatures and ciphertexts come from WebCrypto, which cannot be seeded: long opaque runs are masked.
      const withoutSignatures = (body = '') => body.replace(/[A-Za-z0-9_\-+/=]{40,}/g, '<opaque>');
      const shape = (r: typeof a) => r.trace.map((x) => [x.operation, x.at, x.response.status, withoutSignatures(x.request.body), withoutSignatures(x.response.body)]);
      expect(shape(a)).toEqual(shape(b));
    });
  });
});
