import { describe, expect, it } from 'vitest';
import { isCorrect, PASS_MARK, requiredCount, scaledScore, scoreAttempt, topicBreakdown } from './scoring';
import type { Question, Topic } from './types';

function question(id: string, kind: 'single' | 'multiple', correct: string[], topics: Topic[] = ['tokens'], choose = ''): Question {
  return {
    id,
    topics,
    difficulty: 'medium',
    kind,
    stem: `A company needs something done with Amazon Cognito. Which solution meets the requirement?${choose}`,
    options: ['a', 'b', 'c', 'd', 'e'].map((o) => ({ id: o, text: `Option ${o}`, correct: correct.includes(o), explanation: `Because option ${o} is what it is.` })),
  };
}

const single = question('tokens-001', 'single', ['b']);
const chooseTwo = question('tokens-002', 'multiple', ['a', 'd'], ['tokens'], ' (Choose two.)');
const chooseThree = question('tokens-003', 'multiple', ['a', 'c', 'e'], ['tokens'], ' (Choose three.)');

describe('requiredCount', () => {
  it('is 1 for a single-answer question', () => {
    expect(requiredCount(single)).toBe(1);
  });
  it('reads "(Choose N.)" from a multiple-response stem', () => {
    expect(requiredCount(chooseTwo)).toBe(2);
    expect(requiredCount(chooseThree)).toBe(3);
  });
  it('falls back to the number of correct options when the stem does not say', () => {
    expect(requiredCount(question('tokens-004', 'multiple', ['a', 'b', 'c', 'd']))).toBe(4);
  });
});

describe('isCorrect (all or nothing)', () => {
  it('accepts the one correct option of a single-answer question', () => {
    expect(isCorrect(single, ['b'])).toBe(true);
  });
  it.each([
    ['a wrong option', ['a']],
    ['nothing', []],
    ['the right option plus another', ['b', 'c']],
    ['an unknown option id', ['z']],
  ])('refuses %s on a single-answer question', (_label, selected) => {
    expect(isCorrect(single, selected)).toBe(false);
  });
  it('accepts exactly the correct set in any order', () => {
    expect(isCorrect(chooseTwo, ['a', 'd'])).toBe(true);
    expect(isCorrect(chooseTwo, ['d', 'a'])).toBe(true);
    expect(isCorrect(chooseThree, ['e', 'a', 'c'])).toBe(true);
  });
  it.each([
    ['one of two (no partial credit)', ['a']],
    ['the two plus a third', ['a', 'd', 'b']],
    ['one right and one wrong', ['a', 'b']],
    ['a repeated right option', ['a', 'a']],
    ['nothing', []],
  ])('refuses %s on a multiple-response question', (_label, selected) => {
    expect(isCorrect(chooseTwo, selected)).toBe(false);
  });
});

describe('scaledScore', () => {
  it('runs from 100 (none right) to 1000 (all right)', () => {
    expect(scaledScore(0, 65)).toBe(100);
    expect(scaledScore(65, 65)).toBe(1000);
  });
  it('is linear in between and rounded to an integer', () => {
    expect(scaledScore(1, 2)).toBe(550);
    expect(scaledScore(1, 3)).toBe(400);
    expect(scaledScore(2, 3)).toBe(700);
    expect(scaledScore(47, 65)).toBe(751);
    expect(Number.isInteger(scaledScore(13, 17))).toBe(true);
  });
  it('gives 100 for no questions and clamps counts out of range', () => {
    expect(scaledScore(0, 0)).toBe(100);
    expect(scaledScore(5, 0)).toBe(100);
    expect(scaledScore(70, 65)).toBe(1000);
    expect(scaledScore(-3, 65)).toBe(100);
    expect(scaledScore(Number.NaN, 65)).toBe(100);
  });
  it('passes at 720: 45 of 65 passes, 44 does not', () => {
    expect(PASS_MARK).toBe(720);
    expect(scaledScore(45, 65)).toBeGreaterThanOrEqual(PASS_MARK);
    expect(scaledScore(44, 65)).toBeLessThan(PASS_MARK);
  });
  it('stays within 100–1000 for every count of a 65-question exam', () => {
    for (let c = 0; c <= 65; c++) {
      const s = scaledScore(c, 65);
      expect(s).toBeGreaterThanOrEqual(100);
      expect(s).toBeLessThanOrEqual(1000);
      if (c > 0) expect(s).toBeGreaterThanOrEqual(scaledScore(c - 1, 65));
    }
  });
});

describe('topicBreakdown', () => {
  it('counts each question under each of its topics, in TOPICS order, only topics present', () => {
    const a = question('arch-001', 'single', ['a'], ['architecture', 'tokens']);
    const b = question('fed-001', 'single', ['a'], ['federation']);
    const c = question('tokens-009', 'single', ['a'], ['tokens']);
    const rows = topicBreakdown([
      { question: a, correct: true },
      { question: b, correct: false },
      { question: c, correct: false },
    ]);
    expect(rows).toEqual([
      { topic: 'federation', correct: 0, total: 1 },
      { topic: 'tokens', correct: 1, total: 2 },
      { topic: 'architecture', correct: 1, total: 1 },
    ]);
  });
  it('counts a topic listed twice on one question once', () => {
    const q = question('tokens-010', 'single', ['a'], ['tokens', 'tokens']);
    expect(topicBreakdown([{ question: q, correct: true }])).toEqual([{ topic: 'tokens', correct: 1, total: 1 }]);
  });
  it('is empty for no results', () => {
    expect(topicBreakdown([])).toEqual([]);
  });
});

describe('scoreAttempt', () => {
  it('scores every question, an unanswered one as wrong', () => {
    const score = scoreAttempt([single, chooseTwo, chooseThree], { 'tokens-001': ['b'], 'tokens-002': ['a'] });
    expect(score).toMatchObject({ correct: 1, total: 3, scaled: 400, passed: false });
    expect(score.byTopic).toEqual([{ topic: 'tokens', correct: 1, total: 3 }]);
  });
  it('passes a perfect attempt', () => {
    const score = scoreAttempt([single, chooseTwo], { 'tokens-001': ['b'], 'tokens-002': ['d', 'a'] });
    expect(score).toMatchObject({ correct: 2, total: 2, scaled: 1000, passed: true });
  });
});
