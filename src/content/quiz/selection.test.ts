import { describe, expect, it } from 'vitest';
import { EXAM_SECONDS_PER_QUESTION, mulberry32, optionOrder, pickQuestions } from './selection';
import type { Question, Topic } from './types';

function question(id: string, topics: Topic[], optionCount = 5): Question {
  return {
    id,
    topics,
    difficulty: 'easy',
    kind: 'single',
    stem: `Question ${id}: which AWS service signs users in to a web application?`,
    options: ['a', 'b', 'c', 'd', 'e', 'f'].slice(0, optionCount).map((o, i) => ({ id: o, text: `Choice ${o}`, correct: i === 0, explanation: `Choice ${o} is explained here.` })),
  };
}

const TOPIC_CYCLE: Topic[] = ['tokens', 'federation', 'architecture'];
const bank: Question[] = Array.from({ length: 30 }, (_, i) => question(`q-${String(i).padStart(3, '0')}`, [TOPIC_CYCLE[i % 3] as Topic]));
const ids = (qs: Question[]) => qs.map((q) => q.id);

describe('pickQuestions', () => {
  it('is deterministic for a seed', () => {
    expect(ids(pickQuestions(bank, { count: 10, seed: 42 }))).toEqual(ids(pickQuestions(bank, { count: 10, seed: 42 })));
  });
  it('gives other orders for other seeds, and shuffles rather than taking the bank in order', () => {
    const orders = new Set([1, 2, 3, 4, 5].map((seed) => ids(pickQuestions(bank, { count: 30, seed })).join()));
    expect(orders.size).toBe(5);
    expect(orders.has(ids(bank).join())).toBe(false);
  });
  it('returns at most count questions, none repeated', () => {
    const ten = pickQuestions(bank, { count: 10, seed: 7 });
    expect(ten).toHaveLength(10);
    expect(new Set(ids(ten)).size).toBe(10);
    const all = pickQuestions(bank, { count: 100, seed: 7 });
    expect(all).toHaveLength(30);
    expect(new Set(ids(all))).toEqual(new Set(ids(bank)));
  });
  it('takes a question listed twice in the bank once', () => {
    const doubled = [...bank.slice(0, 3), bank[0] as Question, bank[1] as Question];
    expect(ids(pickQuestions(doubled, { count: 10, seed: 3 })).sort()).toEqual(['q-000', 'q-001', 'q-002']);
  });
  it('keeps only questions of any of the topics asked for', () => {
    const tokens = pickQuestions(bank, { count: 100, seed: 9, topics: ['tokens'] });
    expect(tokens).toHaveLength(10);
    for (const q of tokens) expect(q.topics).toContain('tokens');
    const two = pickQuestions(bank, { count: 100, seed: 9, topics: ['tokens', 'architecture'] });
    expect(two).toHaveLength(20);
    for (const q of two) expect(q.topics.some((t) => t === 'tokens' || t === 'architecture')).toBe(true);
    const multi = [question('m-001', ['federation', 'tokens']), question('m-002', ['federation'])];
    expect(ids(pickQuestions(multi, { count: 5, seed: 1, topics: ['tokens'] }))).toEqual(['m-001']);
  });
  it('takes every topic when none are given', () => {
    expect(pickQuestions(bank, { count: 100, seed: 9, topics: [] })).toHaveLength(30);
  });
  it('leaves out excluded ids', () => {
    const exclude = new Set(['q-000', 'q-005', 'q-029']);
    const picked = pickQuestions(bank, { count: 100, seed: 11, exclude });
    expect(picked).toHaveLength(27);
    for (const q of picked) expect(exclude.has(q.id)).toBe(false);
  });
  it('gives nothing for a count of zero or less, and floors fractions', () => {
    expect(pickQuestions(bank, { count: 0, seed: 1 })).toEqual([]);
    expect(pickQuestions(bank, { count: -4, seed: 1 })).toEqual([]);
    expect(pickQuestions(bank, { count: 2.9, seed: 1 })).toHaveLength(2);
    expect(pickQuestions([], { count: 5, seed: 1 })).toEqual([]);
  });
  it('draws the first question about uniformly across seeds (an unbiased shuffle)', () => {
    const small = bank.slice(0, 5);
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 5000; seed++) {
      const first = pickQuestions(small, { count: 1, seed })[0] as Question;
      counts.set(first.id, (counts.get(first.id) ?? 0) + 1);
    }
    expect(counts.size).toBe(5);
    for (const n of counts.values()) expect(n).toBeGreaterThan(850);
  });
});

describe('optionOrder', () => {
  const q = question('tokens-001', ['tokens'], 6);
  it('is a permutation of the option ids', () => {
    expect([...optionOrder(q, 5)].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
  it('is stable for a seed and varies across seeds', () => {
    expect(optionOrder(q, 123)).toEqual(optionOrder(q, 123));
    const orders = new Set(Array.from({ length: 10 }, (_, seed) => optionOrder(q, seed).join('')));
    expect(orders.size).toBeGreaterThan(5);
  });
  it('orders two questions differently under the same seed', () => {
    const others = Array.from({ length: 10 }, (_, i) => optionOrder(question(`tokens-1${i}`, ['tokens'], 6), 77).join(''));
    expect(new Set(others).size).toBeGreaterThan(5);
  });
});

describe('mulberry32 and the exam timing', () => {
  it('yields the same floats in [0, 1) for a seed', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    for (let i = 0; i < 100; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
  it('allows two minutes a question, as 130 minutes for 65 questions', () => {
    expect(EXAM_SECONDS_PER_QUESTION).toBe(120);
  });
});
