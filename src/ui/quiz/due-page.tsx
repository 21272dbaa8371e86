// #/quiz/due: the questions the spaced-repetition schedule (FSRS) says are due now, most overdue first, answered
// like practice (mode 'due'). With none due, it says when the next one is.
import type { Question } from '../../content/quiz/types';
import { dueIds, type QuizProgress } from '../../store/quiz';
import { newRunSession, QuestionRunner, type RunSession } from './question-runner';
import { QuizFrame } from './quiz-frame';
import { useQuizState } from './quiz-store-context';
import { useRememberedState } from './session-memory';

/** When the next of the bank's scheduled questions falls due after `now`, or null when none is scheduled. */
export function nextDue(progress: QuizProgress, bank: readonly Question[], now: number): number | null {
  let next: number | null = null;
  for (const q of bank) {
    const card = progress.cards[q.id];
    if (!card) continue;
    const at = Date.parse(card.due);
    if (at > now && (next === null || at < next)) next = at;
  }
  return next;
}

/** "at 14:32 today", "tomorrow at 09:10", or "on Tue, 2 Dec at 09:10". */
export function describeWhen(at: number, now: number): string {
  const time = new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const day = (ms: number) => new Date(ms).toDateString();
  if (day(at) === day(now)) return `today at ${time}`;
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  if (day(at) === tomorrow.toDateString()) return `tomorrow at ${time}`;
  return `on ${new Date(at).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' })} at ${time}`;
}

export function DuePage({ bank, seed = () => Date.now() }: { bank: readonly Question[]; seed?: () => number }) {
  const progress = useQuizState((s) => s.progress);
  const now = useQuizState((s) => s.now);
  const [session, setSession] = useRememberedState<RunSession>('due', null);
  const t = now();
  const due = dueIds(progress, bank, t);
  const next = nextDue(progress, bank, t);
  return (
    <QuizFrame
      section="due"
      title="Due today"
      lead="Questions come back on a spaced-repetition schedule (FSRS): soon after a wrong answer, later and later after right ones."
    >
      {session ? (
        <QuestionRunner bank={bank} mode="due" session={session} onChange={setSession} onEnd={() => setSession(null)} noun="due session" />
      ) : due.length === 0 ? (
        <div className="quiz-empty">
          <p>Nothing is due right now.</p>
          <p>
            {next === null ? (
              <>
                Questions you answer in <a href="#/quiz/practice">Practice</a> or an <a href="#/quiz/exam">exam</a> come back here when they are due.
              </>
            ) : (
              `The next question is due ${describeWhen(next, t)}.`
            )}
          </p>
        </div>
      ) : (
        <>
          <p>
            {due.length} question{due.length === 1 ? ' is' : 's are'} due, the most overdue first.
          </p>
          <button type="button" className="button quiz-start" onClick={() => setSession(newRunSession(due, seed()))}>
            Start ({due.length})
          </button>
        </>
      )}
    </QuizFrame>
  );
}
