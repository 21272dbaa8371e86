// #/quiz/review: the questions whose last answer was wrong, and the flagged ones, with their explanations;
// then practise them again (answers recorded in mode 'review').
import { useId } from 'react';
import type { Question } from '../../content/quiz/types';
import type { QuizProgress } from '../../store/quiz';
import { newRunSession, QuestionRunner, type RunSession } from './question-runner';
import { QuizFrame } from './quiz-frame';
import { useQuizState } from './quiz-store-context';
import { useRememberedState } from './session-memory';
import { SimulatorLink } from './simulator-link';

export interface ReviewItem {
  question: Question;
  missed: boolean;
  flagged: boolean;
}

/** Questions of the bank whose last recorded answer was wrong, or that are flagged; missed first, in bank order. */
export function reviewItems(progress: QuizProgress, bank: readonly Question[]): ReviewItem[] {
  const last = new Map<string, boolean>();
  for (const record of progress.history) last.set(record.questionId, record.correct);
  const flagged = new Set(progress.flagged);
  const items = bank
    .map((question) => ({ question, missed: last.get(question.id) === false, flagged: flagged.has(question.id) }))
    .filter((i) => i.missed || i.flagged);
  return [...items.filter((i) => i.missed), ...items.filter((i) => !i.missed)];
}

export function ReviewPage({ bank, seed = () => Date.now() }: { bank: readonly Question[]; seed?: () => number }) {
  const progress = useQuizState((s) => s.progress);
  const toggleFlag = useQuizState((s) => s.toggleFlag);
  const [session, setSession] = useRememberedState<RunSession>('review', null);
  const items = reviewItems(progress, bank);
  const id = useId();
  return (
    <QuizFrame section="review" title="Review" lead="The questions you got wrong last time, and the ones you flagged, with why each option is right or wrong.">
      {session ? (
        <QuestionRunner bank={bank} mode="review" session={session} onChange={setSession} onEnd={() => setSession(null)} noun="review" />
      ) : items.length === 0 ? (
        <div className="quiz-empty">
          <p>Nothing to review: no missed or flagged questions.</p>
          <p>
            <a href="#/quiz/practice">Practise some questions</a>, or flag one with “Flag for review” to keep it here.
          </p>
        </div>
      ) : (
        <>
          <p>
            {items.filter((i) => i.missed).length} missed, {items.filter((i) => i.flagged).length} flagged.
          </p>
          <button type="button" className="button quiz-start" onClick={() => setSession(newRunSession(items.map((i) => i.question.id), seed()))}>
            Practise these again ({items.length})
          </button>
          <h2 id={`${id}-list`} className="quiz-subheading">
            Questions to review
          </h2>
          <ul className="quiz-review" aria-labelledby={`${id}-list`}>
            {items.map(({ question, missed, flagged }) => (
              <li key={question.id} className="quiz-review__item">
                <p className="quiz-review__tags">
                  {missed && <span className="quiz-tag quiz-tag--wrong">Last answer wrong</span>}
                  {flagged && <span className="quiz-tag">Flagged</span>}
                </p>
                <p className="quiz-review__stem">{question.stem}</p>
                <details className="quiz-review__details">
                  <summary>Answer and explanations</summary>
                  <ul className="quiz-review__options">
                    {question.options.map((o) => (
                      <li key={o.id} className={o.correct ? 'quiz-review__option--right' : 'quiz-review__option--wrong'}>
                        <strong>{o.correct ? 'Right: ' : 'Wrong: '}</strong>
                        {o.text}
                        <br />
                        <span className="muted">{o.explanation}</span>
                      </li>
                    ))}
                  </ul>
                  {question.see && <SimulatorLink see={question.see} />}
                </details>
                {flagged && (
                  <button type="button" className="quiz-link-button" onClick={() => toggleFlag(question.id)}>
                    Remove the flag
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </QuizFrame>
  );
}
