// Questions one at a time with immediate feedback (Practice, Review, Due today): choose, Submit, read why every
// option is right or wrong, Next. Each answer is recorded through the quiz store in the given mode.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Question } from '../../content/quiz/types';
import { optionOrder, requiredCount } from '../../store/quiz';
import { useQuizState } from './quiz-store-context';
import { choose, QuestionCard } from './question-card';
import { ShortcutList } from './shortcut-list';
import { useQuizKeys } from './use-quiz-keys';

export type RunMode = 'practice' | 'review' | 'due';

export interface RunSession {
  ids: string[];
  seed: number;
  index: number;
  selected: string[];
  /** Whether the current question was answered right; null until it is submitted. */
  result: boolean | null;
  right: number;
  answered: number;
}

export function newRunSession(ids: string[], seed: number): RunSession {
  return { ids, seed, index: 0, selected: [], result: null, right: 0, answered: 0 };
}

const LETTERS = 'ABCDEF';

export interface QuestionRunnerProps {
  bank: readonly Question[];
  mode: RunMode;
  session: RunSession;
  onChange(session: RunSession): void;
  /** Leave the session (its summary's buttons, or "End"). */
  onEnd(): void;
  /** The words for the session, e.g. "practice". */
  noun: string;
}

export function QuestionRunner({ bank, mode, session, onChange, onEnd, noun }: QuestionRunnerProps) {
  const answer = useQuizState((s) => s.answer);
  const toggleFlag = useQuizState((s) => s.toggleFlag);
  const flagged = useQuizState((s) => s.progress.flagged);
  const byId = useMemo(() => new Map(bank.map((q) => [q.id, q])), [bank]);
  const questions = useMemo(() => session.ids.map((id) => byId.get(id)).filter((q) => q !== undefined), [session.ids, byId]);
  const question = questions[session.index];
  const order = useMemo(() => (question ? optionOrder(question, session.seed) : []), [question, session.seed]);
  const [message, setMessage] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const action = useRef<HTMLButtonElement>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const done = session.index >= questions.length;

  // Each new question (and the summary) takes focus, so the learner hears where they are.
  useEffect(() => {
    (done ? summaryHeading : heading).current?.focus({ preventScroll: false });
  }, [session.index, done]);

  const submitted = session.result !== null;
  const needed = question ? requiredCount(question) : 1;
  const ready = session.selected.length === needed;

  function select(selected: string[]) {
    if (submitted) return;
    setMessage('');
    onChange({ ...session, selected });
  }

  function submit() {
    if (!question || submitted) return;
    if (!ready) {
      setMessage(question.kind === 'single' ? 'Choose an answer first.' : `Choose exactly ${needed} options first (${session.selected.length} chosen).`);
      return;
    }
    const correct = answer(question.id, session.selected, mode);
    const rightLetters = order.flatMap((oid, i) => (question.options.find((o) => o.id === oid)?.correct ? [LETTERS[i] ?? String(i + 1)] : []));
    setMessage(
      correct
        ? 'Correct. Every option is explained below.'
        : `Incorrect. The right ${rightLetters.length > 1 ? 'answers are' : 'answer is'} ${rightLetters.join(' and ')}. Every option is explained below.`,
    );
    onChange({ ...session, result: correct, right: session.right + (correct ? 1 : 0), answered: session.answered + 1 });
    // The action button becomes "Next question": take focus there so Enter or Space moves on.
    action.current?.focus();
  }

  function next() {
    if (!submitted) return;
    setMessage('');
    onChange({ ...session, index: session.index + 1, selected: [], result: null });
  }

  useQuizKeys(
    {
      optionCount: order.length,
      select: (i) => {
        const oid = order[i];
        if (question && oid) select(choose(question, session.selected, oid));
      },
      enter: () => (submitted ? next() : submit()),
      next,
    },
    !done,
  );

  if (done) {
    return (
      <section className="quiz-summary" aria-labelledby={`${id}-summary`}>
        <h2 id={`${id}-summary`} ref={summaryHeading} tabIndex={-1}>
          {questions.length === 0 ? 'No questions to show' : `Finished: ${session.right} of ${session.answered} right`}
        </h2>
        {session.answered > 0 && session.right < session.answered && (
          <p>The ones you missed are waiting under Review, and they come back when they are due.</p>
        )}
        <div className="quiz-actions">
          <button type="button" className="button" onClick={onEnd}>
            {`New ${noun}`}
          </button>
          <a className="button button--secondary" href="#/quiz/review">
            Review
          </a>
          <a className="button button--secondary" href="#/quiz">
            Quiz home
          </a>
        </div>
      </section>
    );
  }

  const isFlagged = question ? flagged.includes(question.id) : false;
  return (
    <div className="quiz-run">
      <div className="quiz-run__main">
        {question && (
          <QuestionCard
            key={question.id}
            question={question}
            order={order}
            selected={session.selected}
            onSelect={select}
            heading={`Question ${session.index + 1} of ${questions.length}`}
            headingRef={heading}
            locked={submitted}
            reveal={submitted}
          />
        )}
        <div role="status" className={`quiz-feedback${session.result === true ? ' quiz-feedback--right' : session.result === false ? ' quiz-feedback--wrong' : ''}`}>
          {message}
        </div>
        <div className="quiz-actions">
          <button
            ref={action}
            type="button"
            className="button"
            aria-disabled={!submitted && !ready ? true : undefined}
            onClick={() => (submitted ? next() : submit())}
          >
            {submitted ? (session.index + 1 < questions.length ? 'Next question' : 'See your score') : 'Submit answer'}
          </button>
          {question && (
            <button type="button" className="button button--secondary" aria-pressed={isFlagged} onClick={() => toggleFlag(question.id)}>
              Flag for review
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={onEnd}>
            {`End ${noun}`}
          </button>
        </div>
        <p className="muted quiz-run__score">
          {session.right} right of {session.answered} answered
        </p>
      </div>
      <ShortcutList exam={false} />
    </div>
  );
}
