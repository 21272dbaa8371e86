// The quiz's store: the learner's progress (spaced-repetition cards, answer history, exam attempts, flags, streak),
// kept in localStorage under 'cognito-lab:quiz' through the pure helpers of quiz-progress.ts. The clock, the
// storage and the question bank are injectable, so tests drive it without a browser or the real bank.
import { create } from 'zustand';
import { questions } from '../content/quiz/index';
import type { Question } from '../content/quiz/types';
import { isCorrect } from '../content/quiz/scoring';
import {
  addExam,
  emptyProgress,
  exportProgress,
  importProgress,
  readProgress,
  recordAnswer,
  toggleFlagged,
  writeProgress,
  type ExamAttempt,
  type KeyValueStorage,
  type QuizMode,
  type QuizProgress,
} from './quiz-progress';

// The UI may import only types from src/content (architecture.md), so the pure quiz logic it needs at run time
// is re-exported here.
export { PASS_MARK, isCorrect, requiredCount, scaledScore, scoreAttempt, topicBreakdown } from '../content/quiz/scoring';
export { EXAM_QUESTION_COUNT, EXAM_SECONDS_PER_QUESTION, optionOrder, pickQuestions } from '../content/quiz/selection';
export { findQuestion, questions } from '../content/quiz/index';
export {
  MASTERY_STABILITY_DAYS,
  currentStreak,
  dueIds,
  isMastered,
  masteryByTopic,
  type AnswerRecord,
  type ExamAttempt,
  type QuizMode,
  type QuizProgress,
  type SavedCard,
  type Streak,
  type TopicMastery,
} from './quiz-progress';

export type ImportOutcome = { ok: true } | { ok: false; reason: string };

export interface QuizState {
  progress: QuizProgress;
  /** A message for the learner about their saved progress (upgraded, recovered, could not be saved). */
  notice: string | null;
  /** The clock the store records answers with (epoch ms); the UI may use it too, e.g. for dueIds. */
  now: () => number;
  dismissNotice(): void;
  /**
   * Judges the answer (all or nothing), records it in the history, schedules the question's card and updates the
   * streak; returns whether it was right. An id the bank does not have records nothing and returns false.
   */
  answer(questionId: string, selected: readonly string[], mode: QuizMode): boolean;
  /** Keeps a finished exam attempt (the answers themselves are recorded one by one with answer(…, 'exam')). */
  saveExam(attempt: ExamAttempt): void;
  toggleFlag(questionId: string): void;
  /** Replaces the progress with an exported file's; on refusal nothing changes and the reason is returned. */
  importFrom(text: string): ImportOutcome;
  exportText(): string;
  /** Forgets all progress. */
  reset(): void;
}

export interface QuizStoreOptions {
  /** Where progress is saved; the browser's localStorage when not given, none when given as undefined. */
  storage?: KeyValueStorage | undefined;
  now?: () => number;
  bank?: readonly Question[];
}

function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function createQuizStore(options: QuizStoreOptions = {}) {
  const storage = 'storage' in options ? options.storage : browserStorage();
  const now = options.now ?? (() => Date.now());
  const bank = new Map<string, Question>();
  for (const q of options.bank ?? questions) if (!bank.has(q.id)) bank.set(q.id, q);
  const initial = readProgress(storage, now());

  return create<QuizState>()((set, get) => {
    // A failed save raises its notice once, not on every answer after it, until a save works again.
    let saveFailing = false;
    const commit = (progress: QuizProgress): void => {
      const failure = writeProgress(storage, progress);
      if (failure === null) {
        saveFailing = false;
        set({ progress });
      } else if (saveFailing) {
        set({ progress });
      } else {
        saveFailing = true;
        set({ progress, notice: failure });
      }
    };

    return {
      progress: initial.progress,
      notice: initial.notice,
      now,
      dismissNotice() {
        set({ notice: null });
      },
      answer(questionId, selected, mode) {
        const question = bank.get(questionId);
        if (!question) return false;
        const correct = isCorrect(question, selected);
        commit(recordAnswer(get().progress, questionId, correct, mode, now()));
        return correct;
      },
      saveExam(attempt) {
        commit(addExam(get().progress, attempt));
      },
      toggleFlag(questionId) {
        commit(toggleFlagged(get().progress, questionId));
      },
      importFrom(text) {
        const result = importProgress(text);
        if (!result.ok) return { ok: false, reason: result.reason };
        commit(result.progress);
        return { ok: true };
      },
      exportText() {
        return exportProgress(get().progress);
      },
      reset() {
        commit(emptyProgress());
      },
    };
  });
}

export const useQuiz = createQuizStore();
