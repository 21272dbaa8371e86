// One test over the whole bank: the schema's rules for every question, coverage per topic, and every
// "See it in the simulator" link resolving to a real step of a real scenario.
import { describe, expect, it } from 'vitest';
import { createSimulator, defaultWorld } from '../../sim/index';
import { findScenario } from '../scenarios/index';
import { runScenario } from '../scenarios/run';
import { questions, TOPICS, type Question } from './index';

const CHOOSE = /\(Choose (two|three|four)\.\)\s*$/;
const COUNTS = { two: 2, three: 3, four: 4 } as const;

describe('The question bank', () => {
  it('holds at least 150 questions with unique, well-formed ids and no repeated stems', () => {
    expect(questions.length).toBeGreaterThanOrEqual(150);
    const ids = questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z-]*-\d{3}$/);
    const stems = questions.map((q) => q.stem.trim().toLowerCase());
    expect(new Set(stems).size).toBe(stems.length);
  });

  it.each(TOPICS.map((t) => [t]))('covers %s with at least 10 questions', (topic) => {
    expect(questions.filter((q) => q.topics.includes(topic)).length).toBeGreaterThanOrEqual(10);
  });

  it('has questions of every difficulty', () => {
    for (const d of ['easy', 'medium', 'hard'] as const) expect(questions.filter((q) => q.difficulty === d).length).toBeGreaterThanOrEqual(15);
  });

  describe.each(questions.map((q) => [q.id, q] as const))('%s', (_id, q: Question) => {
    it('follows the schema: topics, options, the right number of correct answers, every option explained', () => {
      expect(q.topics.length).toBeGreaterThan(0);
      for (const t of q.topics) expect(TOPICS).toContain(t);
      expect(q.stem.length).toBeGreaterThan(60);
      expect(q.options.length).toBeGreaterThanOrEqual(4);
      expect(q.options.length).toBeLessThanOrEqual(6);
      const optionIds = q.options.map((o) => o.id);
      expect(new Set(optionIds).size).toBe(optionIds.length);
      for (const o of optionIds) expect(o).toMatch(/^[a-f]$/);
      const texts = q.options.map((o) => o.text.trim().toLowerCase());
      expect(new Set(texts).size).toBe(texts.length);
      for (const o of q.options) {
        expect(o.text.trim().length).toBeGreaterThan(2);
        expect(o.explanation.trim().length).toBeGreaterThanOrEqual(30);
      }
      const correct = q.options.filter((o) => o.correct).length;
      const choose = CHOOSE.exec(q.stem);
      if (q.kind === 'single') {
        expect(choose).toBeNull();
        expect(q.stem).not.toMatch(/Choose (two|three|four)/);
        expect(correct).toBe(1);
      } else {
        expect(choose).not.toBeNull();
        expect(correct).toBe(COUNTS[choose![1] as keyof typeof COUNTS]);
        expect(q.options.length).toBeGreaterThan(correct + 1);
      }
    });
  });

  it('links at least 60% of its questions to the simulator', () => {
    expect(questions.filter((q) => q.see).length / questions.length).toBeGreaterThanOrEqual(0.6);
  });

  it('links only to steps that exist', async () => {
    const linked = [...new Set(questions.flatMap((q) => (q.see ? [q.see.scenario] : [])))];
    const stepCounts = new Map<string, number>();
    for (const id of linked) {
      const scenario = findScenario(id);
      expect(scenario, `question links to unknown scenario ${id}`).toBeDefined();
      stepCounts.set(id, (await runScenario(scenario!, createSimulator, defaultWorld)).steps.length);
    }
    for (const q of questions) {
      if (!q.see) continue;
      expect(Number.isInteger(q.see.step), q.id).toBe(true);
      expect(q.see.step, `${q.id} → ${q.see.scenario}/${q.see.step}`).toBeGreaterThanOrEqual(1);
      expect(q.see.step, `${q.id} → ${q.see.scenario}/${q.see.step}`).toBeLessThanOrEqual(stepCounts.get(q.see.scenario)!);
      expect(q.see.look.length).toBeGreaterThan(15);
    }
  }, 120_000);
});
