import { describe, expect, it } from 'vitest';
import type { Question, Topic } from '../content/quiz/types';
import { createQuizStore, dueIds } from './quiz';
import { emptyProgress, exportProgress, QUIZ_KEY, type ExamAttempt, type KeyValueStorage } from './quiz-progress';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const T0 = new Date(2025, 4, 5, 10, 0).getTime();

function memoryStorage(initial: Record<string, string> = {}) {
  const data: Record<string, string> = { ...initial };
  let full = false;
  const storage: KeyValueStorage = {
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data[k] = v;
    },
  };
  return { storage, data, fill: (value = true) => void (full = value) };
}

function question(id: string, kind: 'single' | 'multiple', correct: string[], topics: Topic[] = ['tokens']): Question {
  return {
    id,
    topics,
    difficulty: 'medium',
    kind,
    stem: `Question ${id}: which configuration meets the requirement?${kind === 'multiple' ? ' (Choose two.)' : ''}`,
    options: ['a', 'b', 'c', 'd', 'e'].map((o) => ({ id: o, text: `Choice ${o}`, correct: correct.includes(o), explanation: `Choice ${o} is explained right here.` })),
  };
}

const bank = [question('tokens-001', 'single', ['c']), question('tokens-002', 'multiple', ['a', 'e']), question('fed-001', 'single', ['a'], ['federation'])];

function setup(initial: Record<string, string> = {}) {
  const mem = memoryStorage(initial);
  let clock = T0;
  const store = createQuizStore({ storage: mem.storage, now: () => clock, bank });
  return { ...mem, store, advance: (ms: number) => void (clock += ms), saved: () => JSON.parse(mem.data[QUIZ_KEY] ?? 'null') };
}

const attempt: ExamAttempt = {
  id: 'exam-1', startedAt: T0, finishedAt: T0 + 20 * MINUTE, questionIds: ['tokens-001', 'fed-001'], answers: { 'tokens-001': ['c'] },
  flagged: [], correct: 1, total: 2, scaled: 550, passed: false,
  byTopic: [{ topic: 'federation', correct: 0, total: 1 }, { topic: 'tokens', correct: 1, total: 1 }],
};

describe('useQuiz store', () => {
  it('starts with empty progress and no notice', () => {
    const { store } = setup();
    expect(store.getState().progress).toEqual(emptyProgress());
    expect(store.getState().notice).toBeNull();
    expect(store.getState().now()).toBe(T0);
  });

  it('judges an answer, records it with the injected time, schedules the card, counts the streak and saves', () => {
    const { store, saved } = setup();
    expect(store.getState().answer('tokens-001', ['c'], 'practice')).toBe(true);
    expect(store.getState().answer('fed-001', ['b'], 'exam')).toBe(false);
    const { progress } = store.getState();
    expect(progress.history).toEqual([
      { questionId: 'tokens-001', at: T0, correct: true, mode: 'practice' },
      { questionId: 'fed-001', at: T0, correct: false, mode: 'exam' },
    ]);
    expect(Date.parse(progress.cards['tokens-001']!.due)).toBeGreaterThanOrEqual(T0 + DAY);
    expect(Date.parse(progress.cards['fed-001']!.due)).toBeLessThanOrEqual(T0 + 10 * MINUTE);
    expect(progress.streak).toEqual({ current: 1, best: 1, lastDay: '2025-05-05' });
    expect(saved()).toEqual(progress);
  });

  it('gives no partial credit on a multiple-response question', () => {
    const { store } = setup();
    expect(store.getState().answer('tokens-002', ['a'], 'practice')).toBe(false);
    expect(store.getState().answer('tokens-002', ['e', 'a'], 'practice')).toBe(true);
  });

  it('records nothing for a question the bank does not have', () => {
    const { store, data } = setup();
    expect(store.getState().answer('nope-001', ['a'], 'practice')).toBe(false);
    expect(store.getState().progress).toEqual(emptyProgress());
    expect(data[QUIZ_KEY]).toBeUndefined();
  });

  it('follows the injected clock: wrong answers come due, the streak grows by day', () => {
    const { store, advance } = setup();
    store.getState().answer('fed-001', ['d'], 'practice');
    expect(dueIds(store.getState().progress, bank, store.getState().now())).toEqual([]);
    advance(11 * MINUTE);
    expect(dueIds(store.getState().progress, bank, store.getState().now())).toEqual(['fed-001']);
    advance(DAY);
    store.getState().answer('fed-001', ['a'], 'due');
    expect(store.getState().progress.streak).toMatchObject({ current: 2, lastDay: '2025-05-06' });
    expect(store.getState().progress.history.at(-1)).toMatchObject({ at: T0 + 11 * MINUTE + DAY, mode: 'due' });
  });

  it('keeps progress across visits', () => {
    const first = setup();
    first.store.getState().answer('tokens-001', ['c'], 'practice');
    first.store.getState().toggleFlag('fed-001');
    const again = createQuizStore({ storage: first.storage, now: () => T0, bank });
    expect(again.getState().progress).toEqual(first.store.getState().progress);
    expect(again.getState().notice).toBeNull();
  });

  it('saves exam attempts and toggles flags', () => {
    const { store, saved } = setup();
    store.getState().saveExam(attempt);
    expect(store.getState().progress.exams).toEqual([attempt]);
    store.getState().toggleFlag('tokens-002');
    expect(saved().flagged).toEqual(['tokens-002']);
    store.getState().toggleFlag('tokens-002');
    expect(saved().flagged).toEqual([]);
    expect(saved().exams).toEqual([attempt]);
  });

  it('exports a file another store imports, replacing its progress', () => {
    const source = setup();
    source.store.getState().answer('tokens-001', ['c'], 'practice');
    source.store.getState().saveExam(attempt);
    const text = source.store.getState().exportText();
    expect(JSON.parse(text)).toMatchObject({ app: 'cognito-lab', kind: 'quiz-progress' });

    const target = setup();
    target.store.getState().answer('fed-001', ['a'], 'practice');
    expect(target.store.getState().importFrom(text)).toEqual({ ok: true });
    expect(target.store.getState().progress).toEqual(source.store.getState().progress);
    expect(target.saved()).toEqual(source.store.getState().progress);
  });

  it('refuses a foreign or damaged file with a reason and changes nothing', () => {
    const { store, saved } = setup();
    store.getState().answer('tokens-001', ['c'], 'practice');
    const before = store.getState().progress;
    const foreign = store.getState().importFrom(JSON.stringify({ app: 'other-app', kind: 'quiz-progress', ...emptyProgress() }));
    expect(foreign).toEqual({ ok: false, reason: expect.stringMatching(/not exported by Cognito Lab/) });
    const garbage = store.getState().importFrom('\u0000\u0001 garbage');
    expect(garbage.ok).toBe(false);
    expect(store.getState().progress).toBe(before);
    expect(saved()).toEqual(before);
  });

  it('resets to empty progress, saved', () => {
    const { store, saved } = setup();
    store.getState().answer('tokens-001', ['c'], 'practice');
    store.getState().reset();
    expect(store.getState().progress).toEqual(emptyProgress());
    expect(saved()).toEqual(emptyProgress());
  });

  it('shows the upgrade notice for version 1 data until dismissed', () => {
    const v1 = { version: 1, answered: { 'tokens-001': { right: 1, wrong: 2, last: T0 - DAY } } };
    const { store } = setup({ [QUIZ_KEY]: JSON.stringify(v1) });
    expect(store.getState().notice).toMatch(/upgraded/);
    expect(Object.keys(store.getState().progress.cards)).toEqual(['tokens-001']);
    store.getState().dismissNotice();
    expect(store.getState().notice).toBeNull();
  });

  it('recovers from corrupted data with a notice naming where it was kept', () => {
    const { store, data } = setup({ [QUIZ_KEY]: '{"version":2,' });
    expect(store.getState().progress).toEqual(emptyProgress());
    expect(store.getState().notice).toContain(`cognito-lab:quiz:recovered-${T0}`);
    expect(data[`cognito-lab:quiz:recovered-${T0}`]).toBe('{"version":2,');
  });

  it('keeps answering in memory when storage is full, telling the learner once', () => {
    const { store, fill, saved } = setup();
    store.getState().answer('tokens-001', ['c'], 'practice');
    fill();
    expect(store.getState().answer('fed-001', ['a'], 'practice')).toBe(true);
    expect(store.getState().notice).toMatch(/storage for the site is full/);
    expect(store.getState().progress.history).toHaveLength(2);
    expect(saved().history).toHaveLength(1);
    store.getState().dismissNotice();
    store.getState().answer('tokens-002', ['a', 'e'], 'practice');
    expect(store.getState().notice).toBeNull();
    expect(store.getState().progress.history).toHaveLength(3);
    // Once saving works again everything kept in memory is saved; a later failure is reported again.
    fill(false);
    store.getState().toggleFlag('fed-001');
    expect(saved().history).toHaveLength(3);
    fill();
    store.getState().toggleFlag('fed-001');
    expect(store.getState().notice).toMatch(/full/);
  });

  it('works without any storage', () => {
    const store = createQuizStore({ storage: undefined, now: () => T0, bank });
    expect(store.getState().answer('tokens-001', ['c'], 'practice')).toBe(true);
    expect(store.getState().progress.history).toHaveLength(1);
    expect(store.getState().notice).toBeNull();
  });

  it('exports exactly what exportProgress gives for its progress', () => {
    const { store } = setup();
    store.getState().answer('tokens-001', ['c'], 'practice');
    expect(store.getState().exportText()).toBe(exportProgress(store.getState().progress));
  });
});
