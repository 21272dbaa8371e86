// Scoring of the quiz, as the SAA-C03 exam scores: a question counts only when exactly its correct options are
// chosen (no partial credit on multiple-response questions), and the result is reported on a 100–1000 scale with
// a pass mark of 720.
// [V] AWS Certified Solutions Architect – Associate exam guide: results "reported as a score from 100-1000, with a
// minimum passing score of 720"; "Unanswered questions are scored as incorrect; there is no penalty for guessing";
// multiple-response questions have "two or more correct responses out of five or more options".
// [V] AWS Training and Certification blog, "Demystifying your AWS Certification exam score": the scale is not a
// percentage; scaled scoring equates exam forms of slightly different difficulty.
// [U] AWS does not publish how raw results map onto the scale, so scaledScore is a plain linear estimate and the
// UI labels it as one.
import { TOPICS, type Question, type Topic } from './types';

/** The lowest passing scaled score of SAA-C03. */
export const PASS_MARK = 720;
export const MIN_SCALED_SCORE = 100;
export const MAX_SCALED_SCORE = 1000;

const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const CHOOSE = /\(\s*Choose\s+(one|two|three|four|five|six|\d+)\s*\.?\s*\)/i;

/** How many options the learner must choose: 1 for a single-answer question, N of "(Choose N.)" otherwise. */
export function requiredCount(q: Question): number {
  if (q.kind === 'single') return 1;
  const match = CHOOSE.exec(q.stem);
  if (match?.[1] !== undefined) {
    const word = match[1].toLowerCase();
    const n = NUMBER_WORDS[word] ?? Number.parseInt(word, 10);
    if (Number.isInteger(n) && n > 0) return n;
  }
  // A stem without "(Choose N.)" breaks the bank's rules (bank.test.ts); fall back to the number of correct options.
  return Math.max(1, q.options.filter((o) => o.correct).length);
}

/** True when `selected` is exactly the set of the correct option ids, in any order: all or nothing, as the exam. */
export function isCorrect(q: Question, selected: readonly string[]): boolean {
  const chosen = new Set(selected);
  const correct = q.options.filter((o) => o.correct).map((o) => o.id);
  if (correct.length === 0 || chosen.size !== correct.length) return false;
  return correct.every((id) => chosen.has(id));
}

/**
 * An estimate of the exam's scaled score: 100 for none right, 1000 for all right, linear in between and rounded
 * to an integer. No questions gives 100. Counts out of range are clamped.
 */
export function scaledScore(correct: number, total: number): number {
  if (!Number.isFinite(total) || total <= 0 || !Number.isFinite(correct)) return MIN_SCALED_SCORE;
  const fraction = Math.min(Math.max(correct, 0), total) / total;
  return Math.round(MIN_SCALED_SCORE + (MAX_SCALED_SCORE - MIN_SCALED_SCORE) * fraction);
}

export interface TopicScore {
  topic: Topic;
  correct: number;
  total: number;
}

/** Results per topic: a question counts once under each of its topics. In TOPICS order, only topics present. */
export function topicBreakdown(results: readonly { question: Question; correct: boolean }[]): TopicScore[] {
  const byTopic = new Map<Topic, { correct: number; total: number }>();
  for (const { question, correct } of results) {
    for (const topic of new Set(question.topics)) {
      const entry = byTopic.get(topic) ?? { correct: 0, total: 0 };
      entry.total += 1;
      if (correct) entry.correct += 1;
      byTopic.set(topic, entry);
    }
  }
  return TOPICS.flatMap((topic) => {
    const entry = byTopic.get(topic);
    return entry ? [{ topic, ...entry }] : [];
  });
}

export interface AttemptScore {
  correct: number;
  total: number;
  scaled: number;
  passed: boolean;
  byTopic: TopicScore[];
}

/**
 * Scores a whole attempt (added beside the agreed API): every question counts, an unanswered one as wrong.
 * `answers` maps question ids to the chosen option ids.
 */
export function scoreAttempt(questions: readonly Question[], answers: Readonly<Record<string, readonly string[]>>): AttemptScore {
  const results = questions.map((question) => ({ question, correct: isCorrect(question, answers[question.id] ?? []) }));
  const correct = results.filter((r) => r.correct).length;
  const scaled = scaledScore(correct, questions.length);
  return { correct, total: questions.length, scaled, passed: scaled >= PASS_MARK, byTopic: topicBreakdown(results) };
}
