// The learner's quiz progress as plain data, and the pure functions over it: its versioned schema in
// localStorage (with the migration from version 1 and recovery from corrupted data), export and import as a file,
// spaced repetition with FSRS (ts-fsrs), mastery per topic, and the daily streak. No React and no wall clock here:
// every function that needs the time takes `now` (epoch ms), so the zustand store (quiz.ts) and the tests decide it.
import { createEmptyCard, fsrs, Rating, State, type Card } from 'ts-fsrs';
import { TOPICS, type Question, type Topic } from '../content/quiz/types';
import type { TopicScore } from '../content/quiz/scoring';
import type { KeyValueStorage } from './settings';

export type { KeyValueStorage };

export const QUIZ_KEY = 'cognito-lab:quiz';
/** Unreadable saved progress is set aside under this prefix followed by the time it was found (epoch ms). */
export const RECOVERED_KEY_PREFIX = 'cognito-lab:quiz:recovered-';
export const QUIZ_VERSION = 2;
/** The answer history keeps the most recent answers only. */
export const HISTORY_LIMIT = 2000;
/** Exam attempts kept (the most recent). */
export const EXAM_LIMIT = 200;
/**
 * A question counts as mastered when its card is in the Review state (so its last answer was right: a wrong
 * answer moves a card to Learning or Relearning) and FSRS's stability is at least this many days. Stability is
 * the interval after which FSRS predicts a 90% chance of recall, so "mastered" reads: FSRS expects the learner to
 * still answer it right a week from now. One right answer gives a stability of about 2.3 days; it takes right
 * answers on separate days (same-day repeats do not raise stability) to get past a week.
 */
export const MASTERY_STABILITY_DAYS = 7;

/**
 * The scheduler. One learning step of 10 minutes: a wrong answer brings the question back 10 minutes later, a right
 * answer to a new question moves it straight to Review (due in about two days). Quiz questions are not flashcards
 * drilled many times a sitting, so the default two steps (1 and 10 minutes) would only delay scheduling. No fuzz:
 * the schedule is deterministic for a given history.
 */
export const FSRS_PARAMS = { learning_steps: ['10m'], relearning_steps: ['10m'], enable_fuzz: false } as const;
const scheduler = fsrs(FSRS_PARAMS);

export type QuizMode = 'practice' | 'exam' | 'review' | 'due';
const MODES: readonly QuizMode[] = ['practice', 'exam', 'review', 'due'];

/** A ts-fsrs card as JSON: dates as ISO strings, `last_review` null before the first review. */
export interface SavedCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: State;
  last_review: string | null;
}

export interface AnswerRecord {
  questionId: string;
  at: number;
  correct: boolean;
  mode: QuizMode;
}

export interface ExamAttempt {
  id: string;
  startedAt: number;
  finishedAt: number;
  questionIds: string[];
  answers: Record<string, string[]>;
  flagged: string[];
  correct: number;
  total: number;
  scaled: number;
  passed: boolean;
  byTopic: TopicScore[];
}

export interface Streak {
  /** Consecutive local calendar days with at least one answer, ending on `lastDay`. */
  current: number;
  best: number;
  /** The local calendar day of the last answer, 'YYYY-MM-DD'. */
  lastDay: string | null;
}

export interface QuizProgress {
  version: 2;
  cards: Record<string, SavedCard>;
  history: AnswerRecord[];
  exams: ExamAttempt[];
  flagged: string[];
  streak: Streak;
}

/** Version 1, the earlier format: only counts of right and wrong answers per question and the time of the last. */
export interface QuizProgressV1 {
  version: 1;
  answered: Record<string, { right: number; wrong: number; last: number }>;
}

export function emptyProgress(): QuizProgress {
  return { version: QUIZ_VERSION, cards: {}, history: [], exams: [], flagged: [], streak: { current: 0, best: 0, lastDay: null } };
}

// ---------------------------------------------------------------------------------------------------------------
// Shape checks: each returns null when the value is well formed, else where and what is wrong.

type Problem = string | null;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => isFiniteNumber(v) && v >= 0 && Number.isInteger(v);
const isIsoDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function cardProblem(card: unknown, path: string): Problem {
  if (!isRecord(card)) return `${path} is not an object`;
  if (!isIsoDate(card.due)) return `${path}.due is not a date`;
  for (const field of ['stability', 'difficulty', 'elapsed_days', 'scheduled_days'] as const) {
    if (!isFiniteNumber(card[field]) || card[field] < 0) return `${path}.${field} is not a non-negative number`;
  }
  for (const field of ['learning_steps', 'reps', 'lapses'] as const) {
    if (!isCount(card[field])) return `${path}.${field} is not a count`;
  }
  if (![State.New, State.Learning, State.Review, State.Relearning].includes(card.state as State)) return `${path}.state is not a card state`;
  if (card.last_review !== undefined && card.last_review !== null && !isIsoDate(card.last_review)) return `${path}.last_review is not a date`;
  return null;
}

function answerProblem(record: unknown, path: string): Problem {
  if (!isRecord(record)) return `${path} is not an object`;
  if (typeof record.questionId !== 'string') return `${path}.questionId is not a string`;
  if (!isFiniteNumber(record.at)) return `${path}.at is not a time`;
  if (typeof record.correct !== 'boolean') return `${path}.correct is not true or false`;
  if (!MODES.includes(record.mode as QuizMode)) return `${path}.mode is not one of ${MODES.join(', ')}`;
  return null;
}

function examProblem(exam: unknown, path: string): Problem {
  if (!isRecord(exam)) return `${path} is not an object`;
  if (typeof exam.id !== 'string') return `${path}.id is not a string`;
  for (const field of ['startedAt', 'finishedAt', 'scaled'] as const) {
    if (!isFiniteNumber(exam[field])) return `${path}.${field} is not a number`;
  }
  for (const field of ['correct', 'total'] as const) {
    if (!isCount(exam[field])) return `${path}.${field} is not a count`;
  }
  if (typeof exam.passed !== 'boolean') return `${path}.passed is not true or false`;
  if (!isStringArray(exam.questionIds)) return `${path}.questionIds is not a list of ids`;
  if (!isStringArray(exam.flagged)) return `${path}.flagged is not a list of ids`;
  if (!isRecord(exam.answers) || !Object.values(exam.answers).every(isStringArray)) return `${path}.answers is not a map of chosen options`;
  if (!Array.isArray(exam.byTopic)) return `${path}.byTopic is not a list`;
  for (const [i, t] of exam.byTopic.entries()) {
    if (!isRecord(t) || !TOPICS.includes(t.topic as Topic) || !isCount(t.correct) || !isCount(t.total)) return `${path}.byTopic[${i}] is not a topic score`;
  }
  return null;
}

function progressV2Problem(value: Record<string, unknown>): Problem {
  if (!isRecord(value.cards)) return 'cards is not an object';
  for (const [id, card] of Object.entries(value.cards)) {
    const problem = cardProblem(card, `cards["${id}"]`);
    if (problem) return problem;
  }
  if (!Array.isArray(value.history)) return 'history is not a list';
  for (const [i, record] of value.history.entries()) {
    const problem = answerProblem(record, `history[${i}]`);
    if (problem) return problem;
  }
  if (!Array.isArray(value.exams)) return 'exams is not a list';
  for (const [i, exam] of value.exams.entries()) {
    const problem = examProblem(exam, `exams[${i}]`);
    if (problem) return problem;
  }
  if (!isStringArray(value.flagged)) return 'flagged is not a list of ids';
  const streak = value.streak;
  if (!isRecord(streak)) return 'streak is not an object';
  if (!isCount(streak.current) || !isCount(streak.best)) return 'streak.current or streak.best is not a count';
  if (streak.lastDay !== null && !(typeof streak.lastDay === 'string' && DAY.test(streak.lastDay))) return 'streak.lastDay is not a day';
  return null;
}

function progressV1Problem(value: Record<string, unknown>): Problem {
  if (!isRecord(value.answered)) return 'answered is not an object';
  for (const [id, entry] of Object.entries(value.answered)) {
    if (!isRecord(entry) || !isCount(entry.right) || !isCount(entry.wrong) || !isFiniteNumber(entry.last)) return `answered["${id}"] is not a count of answers`;
  }
  return null;
}

// Copies only the known fields (a well-formed value may carry extra ones), dedupes and caps.
function normalise(value: QuizProgress): QuizProgress {
  const cards: Record<string, SavedCard> = {};
  for (const [id, c] of Object.entries(value.cards)) {
    cards[id] = {
      due: c.due, stability: c.stability, difficulty: c.difficulty, elapsed_days: c.elapsed_days, scheduled_days: c.scheduled_days,
      learning_steps: c.learning_steps, reps: c.reps, lapses: c.lapses, state: c.state, last_review: c.last_review ?? null,
    };
  }
  return {
    version: QUIZ_VERSION,
    cards,
    history: value.history.slice(-HISTORY_LIMIT).map(({ questionId, at, correct, mode }) => ({ questionId, at, correct, mode })),
    exams: value.exams.slice(-EXAM_LIMIT).map((e) => ({
      id: e.id, startedAt: e.startedAt, finishedAt: e.finishedAt, questionIds: [...e.questionIds],
      answers: Object.fromEntries(Object.entries(e.answers).map(([k, v]) => [k, [...v]])), flagged: [...e.flagged],
      correct: e.correct, total: e.total, scaled: e.scaled, passed: e.passed,
      byTopic: e.byTopic.map(({ topic, correct, total }) => ({ topic, correct, total })),
    })),
    flagged: [...new Set(value.flagged)],
    streak: { current: value.streak.current, best: Math.max(value.streak.best, value.streak.current), lastDay: value.streak.lastDay },
  };
}

type Decoded =
  | { ok: true; progress: QuizProgress; migrated: boolean }
  | { ok: false; problem: string; newer: boolean };

/** Reads any saved or exported version: the current one as is, version 1 migrated, anything else refused. */
function decodeProgress(value: unknown): Decoded {
  if (!isRecord(value)) return { ok: false, problem: 'it is not an object', newer: false };
  if (value.version === QUIZ_VERSION) {
    const problem = progressV2Problem(value);
    return problem ? { ok: false, problem, newer: false } : { ok: true, progress: normalise(value as unknown as QuizProgress), migrated: false };
  }
  if (value.version === 1) {
    const problem = progressV1Problem(value);
    return problem ? { ok: false, problem, newer: false } : { ok: true, progress: migrateV1(value as unknown as QuizProgressV1), migrated: true };
  }
  if (isFiniteNumber(value.version) && value.version > QUIZ_VERSION) {
    return { ok: false, problem: `it was saved by a newer version of Cognito Lab (format ${value.version})`, newer: true };
  }
  return { ok: false, problem: 'it has no known format version', newer: false };
}

// ---------------------------------------------------------------------------------------------------------------
// FSRS

function toCard(saved: SavedCard): Card {
  const card: Card = {
    due: new Date(saved.due), stability: saved.stability, difficulty: saved.difficulty, elapsed_days: saved.elapsed_days,
    scheduled_days: saved.scheduled_days, learning_steps: saved.learning_steps, reps: saved.reps, lapses: saved.lapses, state: saved.state,
  };
  if (saved.last_review !== null) card.last_review = new Date(saved.last_review);
  return card;
}

function toSaved(card: Card): SavedCard {
  return {
    due: card.due.toISOString(), stability: card.stability, difficulty: card.difficulty, elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days, learning_steps: card.learning_steps, reps: card.reps, lapses: card.lapses, state: card.state,
    last_review: card.last_review ? card.last_review.toISOString() : null,
  };
}

function scheduleCard(saved: SavedCard | undefined, correct: boolean, now: number): SavedCard {
  if (!Number.isFinite(now)) throw new RangeError(`review: now must be a time in epoch milliseconds, not ${now}`);
  const card = saved ? toCard(saved) : createEmptyCard(new Date(now));
  // A clock that moved back (another device, a changed time zone setting) would make ts-fsrs throw on a negative
  // interval: such an answer counts as given at the moment of the previous review.
  const at = Math.max(now, card.last_review?.getTime() ?? now);
  return toSaved(scheduler.next(card, new Date(at), correct ? Rating.Good : Rating.Again).card);
}

/** A new progress with the question's card scheduled by FSRS: a wrong answer rates Again, a right one Good. */
export function review(progress: QuizProgress, questionId: string, correct: boolean, now: number): QuizProgress {
  return { ...progress, cards: { ...progress.cards, [questionId]: scheduleCard(progress.cards[questionId], correct, now) } };
}

function uniqueQuestions(bank: readonly Question[]): Question[] {
  const seen = new Set<string>();
  return bank.filter((q) => (seen.has(q.id) ? false : (seen.add(q.id), true)));
}

/** The ids of the bank's questions whose card is due at `now`, most overdue first. Never-seen questions are not due. */
export function dueIds(progress: QuizProgress, bank: readonly Question[], now: number): string[] {
  const due: { id: string; at: number }[] = [];
  for (const q of uniqueQuestions(bank)) {
    const card = progress.cards[q.id];
    if (!card) continue;
    const at = Date.parse(card.due);
    if (at <= now) due.push({ id: q.id, at });
  }
  return due.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((d) => d.id);
}

/** See MASTERY_STABILITY_DAYS. */
export function isMastered(card: SavedCard | undefined): boolean {
  return card !== undefined && card.state === State.Review && card.stability >= MASTERY_STABILITY_DAYS;
}

export interface TopicMastery {
  topic: Topic;
  /** Questions of the topic answered at least once. */
  seen: number;
  mastered: number;
  /** Questions of the topic in the bank. */
  total: number;
  /** mastered / total (0 for an empty topic). */
  ratio: number;
}

/** Per topic of the bank (TOPICS order, topics without questions left out): seen, mastered, total. Cards of ids not in the bank are ignored. */
export function masteryByTopic(progress: QuizProgress, bank: readonly Question[]): TopicMastery[] {
  const questions = uniqueQuestions(bank);
  return TOPICS.flatMap((topic) => {
    const of = questions.filter((q) => q.topics.includes(topic));
    if (of.length === 0) return [];
    const seen = of.filter((q) => (progress.cards[q.id]?.reps ?? 0) > 0).length;
    const mastered = of.filter((q) => isMastered(progress.cards[q.id])).length;
    return [{ topic, seen, mastered, total: of.length, ratio: mastered / of.length }];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Streak: local calendar days with at least one answer.

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The local calendar day of a time, 'YYYY-MM-DD'. */
export function dayKey(now: number): string {
  const d = new Date(now);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The day before a 'YYYY-MM-DD' day (calendar arithmetic, so daylight-saving changes do not matter). */
function previousDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d - 1, 12);
  return dayKey(date.getTime());
}

/** The streak after an answer at `now`. */
export function updateStreak(streak: Streak, now: number): Streak {
  const today = dayKey(now);
  if (streak.lastDay === today) return streak;
  // A clock that moved back to an earlier day leaves the streak as it was.
  if (streak.lastDay !== null && today < streak.lastDay) return streak;
  const current = streak.lastDay !== null && previousDay(today) === streak.lastDay ? streak.current + 1 : 1;
  return { current, best: Math.max(streak.best, current), lastDay: today };
}

/** The streak to show at `now`: still alive when the last answer was today or yesterday, else 0. */
export function currentStreak(streak: Streak, now: number): number {
  if (streak.lastDay === null) return 0;
  const today = dayKey(now);
  return streak.lastDay === today || streak.lastDay === previousDay(today) ? streak.current : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Updates used by the store

/** Everything an answer changes: the history (capped), the question's FSRS card, and the streak. */
export function recordAnswer(progress: QuizProgress, questionId: string, correct: boolean, mode: QuizMode, now: number): QuizProgress {
  const reviewed = review(progress, questionId, correct, now);
  return {
    ...reviewed,
    history: [...progress.history, { questionId, at: now, correct, mode }].slice(-HISTORY_LIMIT),
    streak: updateStreak(progress.streak, now),
  };
}

export function addExam(progress: QuizProgress, attempt: ExamAttempt): QuizProgress {
  return { ...progress, exams: [...progress.exams.filter((e) => e.id !== attempt.id), attempt].slice(-EXAM_LIMIT) };
}

export function toggleFlagged(progress: QuizProgress, questionId: string): QuizProgress {
  const flagged = progress.flagged.includes(questionId)
    ? progress.flagged.filter((id) => id !== questionId)
    : [...progress.flagged, questionId];
  return { ...progress, flagged };
}

// ---------------------------------------------------------------------------------------------------------------
// Version 1 → 2

/**
 * Version 1 knew only how often each question was answered right and wrong, and when last. Each becomes an FSRS
 * card reviewed once at the time of the last answer: Good when the learner was right more often than wrong, else
 * Again (so the questions mostly missed come due first). The counts cannot be replayed as a history (their times
 * are unknown), so the history starts empty; the streak starts at one day on the day of the latest answer.
 */
export function migrateV1(v1: QuizProgressV1): QuizProgress {
  const progress = emptyProgress();
  let latest: number | null = null;
  for (const [id, { right, wrong, last }] of Object.entries(v1.answered)) {
    if (right + wrong === 0) continue;
    progress.cards[id] = scheduleCard(undefined, right > wrong, last);
    latest = latest === null ? last : Math.max(latest, last);
  }
  if (latest !== null) progress.streak = { current: 1, best: 1, lastDay: dayKey(latest) };
  return progress;
}

// ---------------------------------------------------------------------------------------------------------------
// Storage

export const MIGRATED_NOTICE =
  'Your quiz progress was upgraded to the new format: each question you answered now has a spaced-repetition schedule. Your answer counts from before were used to set it.';
const BLOCKED_READ_NOTICE = 'This browser did not let Cognito Lab read its saved quiz progress, so progress will last only for this visit.';

function recoveredNotice(key: string, newer: boolean): string {
  const why = newer ? 'was saved by a newer version of Cognito Lab and cannot be read here' : 'could not be read (it is damaged)';
  return `Your saved quiz progress ${why}, so the quiz starts afresh. Nothing was lost: the old data was kept in this browser's storage under "${key}".`;
}

function unrecoverableNotice(newer: boolean): string {
  const why = newer ? 'was saved by a newer version of Cognito Lab and cannot be read here' : 'could not be read (it is damaged)';
  return `Your saved quiz progress ${why}, so the quiz starts afresh. There was no room to keep a copy of it; it stays under "${QUIZ_KEY}" until your next answer is saved.`;
}

/** True for the errors browsers throw when localStorage is full. */
export function isQuotaError(error: unknown): boolean {
  if (!isRecord(error) && !(error instanceof Error)) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/**
 * Saves progress; returns null on success, or a notice for the learner when the browser refused (the caller keeps
 * the progress in memory, so nothing of this visit is lost).
 */
export function writeProgress(storage: KeyValueStorage | undefined, progress: QuizProgress): string | null {
  if (!storage) return null;
  try {
    storage.setItem(QUIZ_KEY, JSON.stringify(progress));
    return null;
  } catch (error) {
    return isQuotaError(error)
      ? "Your quiz progress could not be saved: this browser's storage for the site is full. It is kept while this page stays open; export it to keep a copy."
      : 'Your quiz progress could not be saved: the browser refused to store it. It is kept while this page stays open; export it to keep a copy.';
  }
}

function setAside(storage: KeyValueStorage, raw: string, now: number): string | null {
  try {
    let key = `${RECOVERED_KEY_PREFIX}${Math.trunc(now)}`;
    for (let n = 2; storage.getItem(key) !== null; n++) key = `${RECOVERED_KEY_PREFIX}${Math.trunc(now)}-${n}`;
    storage.setItem(key, raw);
    return key;
  } catch {
    return null;
  }
}

/**
 * Loads the saved progress. Missing: empty progress. Version 1: migrated (and saved back) with a notice. Damaged
 * JSON, a wrong shape or an unknown version: empty progress, the unreadable text set aside under
 * RECOVERED_KEY_PREFIX + `now` so nothing is silently lost, and a notice that says where.
 */
export function readProgress(storage: KeyValueStorage | undefined, now: number = Date.now()): { progress: QuizProgress; notice: string | null } {
  if (!storage) return { progress: emptyProgress(), notice: null };
  let raw: string | null;
  try {
    raw = storage.getItem(QUIZ_KEY);
  } catch {
    return { progress: emptyProgress(), notice: BLOCKED_READ_NOTICE };
  }
  if (raw === null) return { progress: emptyProgress(), notice: null };
  let decoded: Decoded;
  try {
    decoded = decodeProgress(JSON.parse(raw));
  } catch {
    decoded = { ok: false, problem: 'it is not JSON', newer: false };
  }
  if (decoded.ok) {
    if (!decoded.migrated) return { progress: decoded.progress, notice: null };
    const failed = writeProgress(storage, decoded.progress);
    return { progress: decoded.progress, notice: failed ? `${MIGRATED_NOTICE} ${failed}` : MIGRATED_NOTICE };
  }
  const progress = emptyProgress();
  const key = setAside(storage, raw, now);
  if (key === null) return { progress, notice: unrecoverableNotice(decoded.newer) };
  // The copy is safe: start the saved state afresh so the same data is not set aside again on every visit.
  writeProgress(storage, progress);
  return { progress, notice: recoveredNotice(key, decoded.newer) };
}

// ---------------------------------------------------------------------------------------------------------------
// Export and import

export const EXPORT_APP = 'cognito-lab';
export const EXPORT_KIND = 'quiz-progress';

/** The progress as a pretty JSON file with an `app` and `kind` header, for the learner to keep or move. */
export function exportProgress(progress: QuizProgress): string {
  return `${JSON.stringify({ app: EXPORT_APP, kind: EXPORT_KIND, ...progress }, null, 2)}\n`;
}

export type ImportResult = { ok: true; progress: QuizProgress } | { ok: false; reason: string };

/**
 * Reads an exported file. Refuses, with a reason for the learner, anything that is not JSON, not Cognito Lab's,
 * not quiz progress, from a newer version, or damaged. Cards of question ids this bank does not have are kept (a
 * later bank may have them) and ignored by dueIds and masteryByTopic.
 */
export function importProgress(text: string): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'This file is not a Cognito Lab quiz progress export: it is not JSON.' };
  }
  if (!isRecord(parsed)) return { ok: false, reason: 'This file is not a Cognito Lab quiz progress export: it holds no JSON object.' };
  const { app, kind, ...rest } = parsed;
  if (app !== EXPORT_APP) {
    return { ok: false, reason: 'This file was not exported by Cognito Lab (it has no "app": "cognito-lab" header), so it was not imported.' };
  }
  if (kind !== EXPORT_KIND) {
    const what = typeof kind === 'string' ? `"${kind}"` : 'something else';
    return { ok: false, reason: `This Cognito Lab file holds ${what}, not quiz progress, so it was not imported.` };
  }
  const decoded = decodeProgress(rest);
  if (!decoded.ok) {
    return {
      ok: false,
      reason: decoded.newer
        ? `This file ${decoded.problem}: update the app to import it.`
        : `This quiz progress file is damaged (${decoded.problem}), so it was not imported.`,
    };
  }
  return { ok: true, progress: decoded.progress };
}
