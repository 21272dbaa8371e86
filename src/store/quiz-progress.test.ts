import { describe, expect, it } from 'vitest';
import { State } from 'ts-fsrs';
import type { Question, Topic } from '../content/quiz/types';
import {
  addExam,
  currentStreak,
  dayKey,
  dueIds,
  emptyProgress,
  EXAM_LIMIT,
  exportProgress,
  HISTORY_LIMIT,
  importProgress,
  isMastered,
  isQuotaError,
  MASTERY_STABILITY_DAYS,
  masteryByTopic,
  QUIZ_KEY,
  readProgress,
  recordAnswer,
  RECOVERED_KEY_PREFIX,
  review,
  toggleFlagged,
  updateStreak,
  writeProgress,
  type ExamAttempt,
  type KeyValueStorage,
  type QuizProgress,
} from './quiz-progress';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const T0 = Date.UTC(2025, 2, 10, 9, 0, 0);

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

function question(id: string, topics: Topic[]): Question {
  return {
    id,
    topics,
    difficulty: 'easy',
    kind: 'single',
    stem: `Question ${id}: which Amazon Cognito feature answers this requirement?`,
    options: ['a', 'b', 'c', 'd'].map((o) => ({ id: o, text: `Choice ${o}`, correct: o === 'a', explanation: `Choice ${o} is explained right here.` })),
  };
}

function exam(id: string, finishedAt = T0): ExamAttempt {
  return {
    id, startedAt: finishedAt - 10 * MINUTE, finishedAt, questionIds: ['tokens-001', 'fed-001'], answers: { 'tokens-001': ['a'], 'fed-001': ['b', 'c'] },
    flagged: ['fed-001'], correct: 1, total: 2, scaled: 550, passed: false,
    byTopic: [{ topic: 'federation', correct: 0, total: 1 }, { topic: 'tokens', correct: 1, total: 1 }],
  };
}

/** A progress with something in every part. */
function richProgress(): QuizProgress {
  let p = emptyProgress();
  p = recordAnswer(p, 'tokens-001', true, 'practice', T0);
  p = recordAnswer(p, 'fed-001', false, 'exam', T0 + MINUTE);
  p = recordAnswer(p, 'tokens-001', true, 'due', T0 + 2 * DAY);
  p = addExam(p, exam('exam-1'));
  p = toggleFlagged(p, 'fed-001');
  return p;
}

describe('saving and loading progress', () => {
  it('starts empty, without a notice, when nothing is saved or there is no storage', () => {
    expect(readProgress(memoryStorage().storage, T0)).toEqual({ progress: emptyProgress(), notice: null });
    expect(readProgress(undefined, T0)).toEqual({ progress: emptyProgress(), notice: null });
  });

  it('round-trips through storage', () => {
    const { storage, data } = memoryStorage();
    const progress = richProgress();
    expect(writeProgress(storage, progress)).toBeNull();
    expect(JSON.parse(data[QUIZ_KEY] as string).version).toBe(2);
    expect(readProgress(storage, T0)).toEqual({ progress, notice: null });
  });

  it('drops unknown extra fields and duplicate flags when loading', () => {
    const saved = { ...emptyProgress(), flagged: ['a-001', 'a-001'], extra: 'x' };
    const { progress, notice } = readProgress(memoryStorage({ [QUIZ_KEY]: JSON.stringify(saved) }).storage, T0);
    expect(notice).toBeNull();
    expect(progress).toEqual({ ...emptyProgress(), flagged: ['a-001'] });
  });

  describe('migrating version 1', () => {
    const last = Date.UTC(2025, 1, 1, 12, 0, 0);
    const v1 = {
      version: 1,
      answered: {
        'tokens-001': { right: 3, wrong: 0, last },
        'fed-001': { right: 1, wrong: 4, last: last - DAY },
        'never-001': { right: 0, wrong: 0, last },
      },
    };

    it('upgrades to version 2 with a notice, and saves the upgrade so it happens once', () => {
      const { storage, data } = memoryStorage({ [QUIZ_KEY]: JSON.stringify(v1) });
      const { progress, notice } = readProgress(storage, T0);
      expect(notice).toMatch(/^Your quiz progress was upgraded/);
      expect(progress.version).toBe(2);
      expect(JSON.parse(data[QUIZ_KEY] as string).version).toBe(2);
      expect(readProgress(storage, T0)).toEqual({ progress, notice: null });
    });

    it('turns mostly-right questions into cards due later and mostly-wrong ones into cards due soon', () => {
      const { progress } = readProgress(memoryStorage({ [QUIZ_KEY]: JSON.stringify(v1) }).storage, T0);
      expect(Object.keys(progress.cards).sort()).toEqual(['fed-001', 'tokens-001']);
      const right = progress.cards['tokens-001']!;
      const wrong = progress.cards['fed-001']!;
      expect(right.state).toBe(State.Review);
      expect(Date.parse(right.due) - last).toBeGreaterThanOrEqual(DAY);
      expect(right.last_review).toBe(new Date(last).toISOString());
      expect(wrong.state).toBe(State.Learning);
      expect(Date.parse(wrong.due) - (last - DAY)).toBeLessThanOrEqual(10 * MINUTE);
      expect(progress.history).toEqual([]);
      expect(progress.streak).toEqual({ current: 1, best: 1, lastDay: dayKey(last) });
    });

    it('still shows the upgrade notice when the upgraded copy cannot be saved', () => {
      const mem = memoryStorage({ [QUIZ_KEY]: JSON.stringify(v1) });
      mem.fill();
      const { progress, notice } = readProgress(mem.storage, T0);
      expect(notice).toMatch(/upgraded.*could not be saved/s);
      expect(Object.keys(progress.cards)).toHaveLength(2);
    });
  });

  describe('recovering from unreadable data', () => {
    it.each([
      ['damaged JSON', '{"version":2,"cards":{'],
      ['a bare string', '"hello"'],
      ['null', 'null'],
      ['no version', JSON.stringify({ cards: {} })],
      ['cards as a list', JSON.stringify({ ...emptyProgress(), cards: [] })],
      ['a card with an unknown state', JSON.stringify({ ...emptyProgress(), cards: { 'x-001': { ...richProgress().cards['tokens-001'], state: 9 } } })],
      ['a card with a bad date', JSON.stringify({ ...emptyProgress(), cards: { 'x-001': { ...richProgress().cards['tokens-001'], due: 'soon' } } })],
      ['an answer in an unknown mode', JSON.stringify({ ...emptyProgress(), history: [{ questionId: 'x-001', at: T0, correct: true, mode: 'cram' }] })],
      ['an exam without a score', JSON.stringify({ ...emptyProgress(), exams: [{ ...exam('e'), scaled: 'high' }] })],
      ['a broken streak', JSON.stringify({ ...emptyProgress(), streak: { current: -1, best: 0, lastDay: null } })],
      ['a version 1 with bad counts', JSON.stringify({ version: 1, answered: { 'x-001': { right: 'many', wrong: 0, last: T0 } } })],
    ])('sets %s aside under a recovered key, starts afresh and says so', (_label, raw) => {
      const { storage, data } = memoryStorage({ [QUIZ_KEY]: raw });
      const { progress, notice } = readProgress(storage, T0);
      const key = `${RECOVERED_KEY_PREFIX}${T0}`;
      expect(progress).toEqual(emptyProgress());
      expect(data[key]).toBe(raw);
      expect(notice).toContain('could not be read');
      expect(notice).toContain(key);
      // The main key now holds fresh progress, so the next visit loads cleanly instead of recovering again.
      expect(readProgress(storage, T0 + 1)).toEqual({ progress: emptyProgress(), notice: null });
    });

    it('says so when the data was saved by a newer version, and keeps it too', () => {
      const raw = JSON.stringify({ ...emptyProgress(), version: 3 });
      const { storage, data } = memoryStorage({ [QUIZ_KEY]: raw });
      const { notice } = readProgress(storage, T0);
      expect(notice).toMatch(/newer version/);
      expect(data[`${RECOVERED_KEY_PREFIX}${T0}`]).toBe(raw);
    });

    it('never overwrites an earlier recovered copy', () => {
      const { storage, data } = memoryStorage({ [QUIZ_KEY]: '{bad', [`${RECOVERED_KEY_PREFIX}${T0}`]: 'older' });
      const { notice } = readProgress(storage, T0);
      expect(data[`${RECOVERED_KEY_PREFIX}${T0}`]).toBe('older');
      expect(data[`${RECOVERED_KEY_PREFIX}${T0}-2`]).toBe('{bad');
      expect(notice).toContain(`${RECOVERED_KEY_PREFIX}${T0}-2`);
    });

    it('leaves the data in place when there is no room to set it aside, and says so', () => {
      const mem = memoryStorage({ [QUIZ_KEY]: '{bad' });
      mem.fill();
      const { progress, notice } = readProgress(mem.storage, T0);
      expect(progress).toEqual(emptyProgress());
      expect(mem.data[QUIZ_KEY]).toBe('{bad');
      expect(notice).toMatch(/no room to keep a copy/);
    });

    it('starts empty with a notice when the browser refuses to read storage', () => {
      const blocked: KeyValueStorage = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => {} };
      const { progress, notice } = readProgress(blocked, T0);
      expect(progress).toEqual(emptyProgress());
      expect(notice).toMatch(/only for this visit/);
    });
  });

  it('reports a full storage on write instead of throwing', () => {
    const mem = memoryStorage();
    mem.fill();
    expect(writeProgress(mem.storage, richProgress())).toMatch(/storage for the site is full/);
    expect(mem.data[QUIZ_KEY]).toBeUndefined();
    const refusing: KeyValueStorage = { getItem: () => null, setItem: () => { throw new Error('nope'); } };
    expect(writeProgress(refusing, richProgress())).toMatch(/refused/);
  });

  it('recognises the quota errors of the browsers', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError({ code: 22 })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError('full')).toBe(false);
  });
});

describe('export and import', () => {
  it('round-trips a progress through a pretty JSON file with a header', () => {
    const progress = richProgress();
    const text = exportProgress(progress);
    const parsed = JSON.parse(text);
    expect(parsed.app).toBe('cognito-lab');
    expect(parsed.kind).toBe('quiz-progress');
    expect(parsed.version).toBe(2);
    expect(text).toContain('\n  "kind": "quiz-progress"');
    expect(importProgress(text)).toEqual({ ok: true, progress });
  });

  it('keeps the cards of question ids the bank does not have, and ignores them when scheduling', () => {
    let progress = recordAnswer(emptyProgress(), 'future-001', false, 'practice', T0);
    progress = recordAnswer(progress, 'tokens-001', false, 'practice', T0);
    const result = importProgress(exportProgress(progress));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.progress.cards).sort()).toEqual(['future-001', 'tokens-001']);
    expect(dueIds(result.progress, [question('tokens-001', ['tokens'])], T0 + DAY)).toEqual(['tokens-001']);
  });

  it('imports a version 1 file by migrating it', () => {
    const text = JSON.stringify({ app: 'cognito-lab', kind: 'quiz-progress', version: 1, answered: { 'tokens-001': { right: 2, wrong: 0, last: T0 } } });
    const result = importProgress(text);
    expect(result.ok && Object.keys(result.progress.cards)).toEqual(['tokens-001']);
  });

  it('caps a long history on import', () => {
    const history = Array.from({ length: HISTORY_LIMIT + 5 }, (_, i) => ({ questionId: `q-${i}`, at: T0 + i, correct: true, mode: 'practice' }));
    const result = importProgress(JSON.stringify({ app: 'cognito-lab', kind: 'quiz-progress', ...emptyProgress(), history }));
    expect(result.ok && result.progress.history.length).toBe(HISTORY_LIMIT);
    expect(result.ok && result.progress.history[0]?.questionId).toBe('q-5');
  });

  it.each([
    ['text that is not JSON', 'hello there', /not JSON/],
    ['an empty file', '', /not JSON/],
    ['a JSON list', '[1,2]', /no JSON object/],
    ['a JSON number', '42', /no JSON object/],
    ["another app's file", JSON.stringify({ app: 'anki', kind: 'quiz-progress', ...emptyProgress() }), /not exported by Cognito Lab/],
    ['progress without the header', JSON.stringify(emptyProgress()), /not exported by Cognito Lab/],
    ['another kind of Cognito Lab file', JSON.stringify({ app: 'cognito-lab', kind: 'settings', version: 1, theme: 'dark' }), /holds "settings", not quiz progress/],
    ['a damaged card', JSON.stringify({ app: 'cognito-lab', kind: 'quiz-progress', ...emptyProgress(), cards: { 'x-001': { due: 'never' } } }), /damaged \(cards\["x-001"\]\.due is not a date\)/],
    ['a missing history', JSON.stringify({ app: 'cognito-lab', kind: 'quiz-progress', version: 2, cards: {} }), /damaged \(history is not a list\)/],
    ['a newer format', JSON.stringify({ app: 'cognito-lab', kind: 'quiz-progress', ...emptyProgress(), version: 7 }), /newer version.*update the app/],
  ])('refuses %s with a reason', (_label, text, reason) => {
    const result = importProgress(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('spaced repetition (FSRS)', () => {
  it('makes a wrong answer due within ten minutes', () => {
    const p = review(emptyProgress(), 'tokens-001', false, T0);
    const card = p.cards['tokens-001']!;
    const due = Date.parse(card.due);
    expect(due).toBeGreaterThan(T0);
    expect(due - T0).toBeLessThanOrEqual(10 * MINUTE);
    expect(card.reps).toBe(1);
    expect(card.last_review).toBe(new Date(T0).toISOString());
  });

  it('pushes a right answer out by days, and further each time it is right when due', () => {
    let p = review(emptyProgress(), 'tokens-001', true, T0);
    const first = Date.parse(p.cards['tokens-001']!.due) - T0;
    expect(first).toBeGreaterThanOrEqual(DAY);
    const dueAt = Date.parse(p.cards['tokens-001']!.due);
    p = review(p, 'tokens-001', true, dueAt);
    expect(Date.parse(p.cards['tokens-001']!.due) - dueAt).toBeGreaterThan(first);
  });

  it('brings a well-known question back soon after a lapse', () => {
    let p = review(emptyProgress(), 'tokens-001', true, T0);
    p = review(p, 'tokens-001', true, Date.parse(p.cards['tokens-001']!.due));
    const at = Date.parse(p.cards['tokens-001']!.due);
    p = review(p, 'tokens-001', false, at);
    expect(Date.parse(p.cards['tokens-001']!.due) - at).toBeLessThanOrEqual(10 * MINUTE);
    expect(p.cards['tokens-001']!.lapses).toBe(1);
  });

  it('does not change the progress it was given', () => {
    const before = emptyProgress();
    review(before, 'tokens-001', true, T0);
    expect(before).toEqual(emptyProgress());
  });

  it('copes with a clock that moved back', () => {
    const p = review(emptyProgress(), 'tokens-001', true, T0);
    expect(() => review(p, 'tokens-001', true, T0 - DAY)).not.toThrow();
  });

  describe('dueIds', () => {
    const bank = ['a-001', 'b-001', 'c-001', 'd-001', 'e-001'].map((id) => question(id, ['tokens']));
    // b wrong at T0 (due T0+10m), a wrong at T0+1m (due T0+11m), c right at T0 (due in days), d never seen.
    let p = review(emptyProgress(), 'b-001', false, T0);
    p = review(p, 'a-001', false, T0 + MINUTE);
    p = review(p, 'c-001', true, T0);
    p = review(p, 'stranger-001', false, T0 - DAY);

    it('lists due cards most overdue first', () => {
      expect(dueIds(p, bank, T0 + 20 * MINUTE)).toEqual(['b-001', 'a-001']);
    });
    it('leaves out cards not yet due and questions never seen', () => {
      expect(dueIds(p, bank, T0 + 10 * MINUTE)).toEqual(['b-001']);
      expect(dueIds(p, bank, T0)).toEqual([]);
      expect(dueIds(p, bank, T0 + 60 * DAY)).not.toContain('d-001');
      expect(dueIds(p, bank, T0 + 60 * DAY)).toContain('c-001');
    });
    it('ignores cards of ids not in the bank', () => {
      expect(dueIds(p, bank, T0 + 60 * DAY)).not.toContain('stranger-001');
    });
  });

  describe('masteryByTopic', () => {
    const bank = [
      question('tok-001', ['tokens']),
      question('tok-002', ['tokens']),
      question('tok-003', ['tokens', 'federation']),
      question('arch-001', ['architecture']),
    ];
    function masterOnce(p: QuizProgress, id: string): QuizProgress {
      const after = review(p, id, true, T0);
      return review(after, id, true, Date.parse(after.cards[id]!.due));
    }

    it('counts seen and mastered questions per topic, in TOPICS order, only topics with questions', () => {
      let p = masterOnce(emptyProgress(), 'tok-003');
      p = review(p, 'tok-001', true, T0);
      p = masterOnce(p, 'missing-001');
      expect(p.cards['tok-003']!.stability).toBeGreaterThanOrEqual(MASTERY_STABILITY_DAYS);
      expect(masteryByTopic(p, bank)).toEqual([
        { topic: 'federation', seen: 1, mastered: 1, total: 1, ratio: 1 },
        { topic: 'tokens', seen: 2, mastered: 1, total: 3, ratio: 1 / 3 },
        { topic: 'architecture', seen: 0, mastered: 0, total: 1, ratio: 0 },
      ]);
    });

    it('does not count one right answer, or same-day repeats, as mastery', () => {
      let p = review(emptyProgress(), 'tok-001', true, T0);
      for (let i = 1; i <= 5; i++) p = review(p, 'tok-001', true, T0 + i * MINUTE);
      expect(isMastered(p.cards['tok-001'])).toBe(false);
      expect(masteryByTopic(p, bank)[1]).toMatchObject({ topic: 'tokens', seen: 1, mastered: 0 });
    });

    it('takes mastery away when the last answer was wrong', () => {
      let p = masterOnce(emptyProgress(), 'tok-001');
      expect(isMastered(p.cards['tok-001'])).toBe(true);
      p = review(p, 'tok-001', false, T0 + 30 * DAY);
      expect(isMastered(p.cards['tok-001'])).toBe(false);
      expect(isMastered(undefined)).toBe(false);
    });

    it('takes mastery away after a lapse even while stability stays above the threshold', () => {
      let p = emptyProgress();
      let at = T0;
      for (let i = 0; i < 6; i++) {
        p = review(p, 'tok-001', true, at);
        at = Date.parse(p.cards['tok-001']!.due);
      }
      p = review(p, 'tok-001', false, at);
      expect(p.cards['tok-001']!.stability).toBeGreaterThanOrEqual(MASTERY_STABILITY_DAYS);
      expect(isMastered(p.cards['tok-001'])).toBe(false);
    });
  });
});

describe('streak', () => {
  // Local calendar times: the streak counts the learner's own days.
  const at = (day: number, hour: number, minute = 0) => new Date(2025, 2, day, hour, minute).getTime();
  const empty = emptyProgress().streak;

  it('counts a day once however many answers it has', () => {
    const s = updateStreak(updateStreak(empty, at(10, 9)), at(10, 22));
    expect(s).toEqual({ current: 1, best: 1, lastDay: '2025-03-10' });
  });
  it('grows across consecutive days, even a minute apart over midnight', () => {
    const s = updateStreak(updateStreak(updateStreak(empty, at(10, 9)), at(10, 23, 59)), at(11, 0, 1));
    expect(s).toEqual({ current: 2, best: 2, lastDay: '2025-03-11' });
  });
  it('restarts after a missed day and keeps the best', () => {
    let s = empty;
    for (const day of [10, 11, 12]) s = updateStreak(s, at(day, 8));
    s = updateStreak(s, at(14, 8));
    expect(s).toEqual({ current: 1, best: 3, lastDay: '2025-03-14' });
  });
  it('grows day after day across month ends, a year end and the local daylight-saving changes', () => {
    // 400 consecutive local days, answered just after midnight and just before the next one.
    let s = empty;
    for (let d = 0; d < 400; d++) {
      s = updateStreak(s, new Date(2024, 11, 1 + d, 0, 5).getTime());
      s = updateStreak(s, new Date(2024, 11, 1 + d, 23, 55).getTime());
    }
    expect(s.current).toBe(400);
    expect(s.lastDay).toBe(dayKey(new Date(2024, 11, 400, 12).getTime()));
  });
  it('shows 0 once a whole day has passed without an answer', () => {
    const s = updateStreak(updateStreak(empty, at(10, 9)), at(11, 9));
    expect(currentStreak(s, at(11, 20))).toBe(2);
    expect(currentStreak(s, at(12, 20))).toBe(2);
    expect(currentStreak(s, at(13, 0, 1))).toBe(0);
    expect(currentStreak(empty, at(13, 0))).toBe(0);
  });
  it('ignores a clock that moved back to an earlier day', () => {
    const s = updateStreak(updateStreak(empty, at(10, 9)), at(11, 9));
    expect(updateStreak(s, at(9, 9))).toBe(s);
  });
});

describe('recording answers, exams and flags', () => {
  it('records the answer, schedules the card and updates the streak', () => {
    const p = recordAnswer(emptyProgress(), 'tokens-001', true, 'review', T0);
    expect(p.history).toEqual([{ questionId: 'tokens-001', at: T0, correct: true, mode: 'review' }]);
    expect(p.cards['tokens-001']!.reps).toBe(1);
    expect(p.streak).toEqual({ current: 1, best: 1, lastDay: dayKey(T0) });
  });
  it('keeps only the latest answers', () => {
    let p = emptyProgress();
    p = { ...p, history: Array.from({ length: HISTORY_LIMIT }, (_, i) => ({ questionId: `old-${i}`, at: T0 - DAY, correct: false, mode: 'practice' as const })) };
    p = recordAnswer(p, 'tokens-001', true, 'practice', T0);
    expect(p.history).toHaveLength(HISTORY_LIMIT);
    expect(p.history[0]?.questionId).toBe('old-1');
    expect(p.history.at(-1)?.questionId).toBe('tokens-001');
  });
  it('keeps exam attempts, replacing one saved twice, up to the limit', () => {
    let p = addExam(emptyProgress(), exam('e-1'));
    p = addExam(p, { ...exam('e-1'), correct: 2, scaled: 1000, passed: true });
    expect(p.exams).toHaveLength(1);
    expect(p.exams[0]?.passed).toBe(true);
    for (let i = 0; i < EXAM_LIMIT + 3; i++) p = addExam(p, exam(`more-${i}`));
    expect(p.exams).toHaveLength(EXAM_LIMIT);
    expect(p.exams.at(-1)?.id).toBe(`more-${EXAM_LIMIT + 2}`);
  });
  it('toggles a flag on and off', () => {
    const on = toggleFlagged(emptyProgress(), 'tokens-001');
    expect(on.flagged).toEqual(['tokens-001']);
    expect(toggleFlagged(on, 'tokens-001').flagged).toEqual([]);
  });
});
