// Choosing questions and ordering their options, deterministically from a seed: the same seed gives the same
// quiz, so an attempt can be replayed or reviewed, and tests need no ambient randomness.
import type { Question, Topic } from './types';

// [V] SAA-C03 exam guide: 65 questions (50 scored, 15 unscored), 130 minutes.
/** SAA-C03 gives 130 minutes for 65 questions: two minutes a question. */
export const EXAM_SECONDS_PER_QUESTION = 120;

/** The number of questions of the real exam (65, of which 15 are unscored). */
export const EXAM_QUESTION_COUNT = 65;

/** mulberry32: a small, fast 32-bit PRNG; returns a generator of floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the UTF-16 code units of a string: mixes a question's id into a seed. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A seed as a 32-bit integer (non-finite seeds become 0, fractions and large numbers are folded in). */
function normaliseSeed(seed: number): number {
  if (!Number.isFinite(seed)) return 0;
  return (Math.trunc(seed) ^ Math.trunc(seed / 4294967296)) >>> 0;
}

/** A shuffled copy (Fisher–Yates) driven by the given generator. */
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

export interface PickOptions {
  /** Questions of any of these topics; all questions when absent or empty. */
  topics?: readonly Topic[];
  /** At most this many questions. */
  count: number;
  seed: number;
  /** Question ids to leave out (e.g. the ones just answered). */
  exclude?: ReadonlySet<string>;
}

/**
 * Up to `count` questions of the bank, in a random order that depends only on the seed and the bank: of any of
 * the topics asked for, none excluded, no question twice (a repeated id in the bank is taken once).
 */
export function pickQuestions(bank: readonly Question[], options: PickOptions): Question[] {
  const topics = options.topics && options.topics.length > 0 ? new Set<Topic>(options.topics) : null;
  const seen = new Set<string>();
  const pool: Question[] = [];
  for (const q of bank) {
    if (seen.has(q.id)) continue;
    seen.add(q.id);
    if (options.exclude?.has(q.id)) continue;
    if (topics && !q.topics.some((t) => topics.has(t))) continue;
    pool.push(q);
  }
  const count = Number.isFinite(options.count) ? Math.max(0, Math.floor(options.count)) : 0;
  return shuffle(pool, mulberry32(normaliseSeed(options.seed))).slice(0, count);
}

/** The question's option ids in a shuffled display order, stable for a given seed and question. */
export function optionOrder(q: Question, seed: number): string[] {
  const random = mulberry32((normaliseSeed(seed) ^ hashString(q.id)) >>> 0);
  return shuffle(
    q.options.map((o) => o.id),
    random,
  );
}
