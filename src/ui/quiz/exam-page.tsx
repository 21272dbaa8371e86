// #/quiz/exam: a timed exam in the SAA-C03 manner. No feedback until it is submitted; questions can be flagged and
// revisited through the navigator; Submit asks first, listing what is unanswered; time running out submits it.
// The result is saved as an attempt and shown at #/quiz/attempt/<id>.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Question } from '../../content/quiz/types';
import { EXAM_SECONDS_PER_QUESTION, optionOrder, pickQuestions, scoreAttempt, type ExamAttempt } from '../../store/quiz';
import { ExamNavigator } from './exam-navigator';
import { ExamTimer } from './exam-timer';
import { CountPicker } from './practice-page';
import { choose, QuestionCard } from './question-card';
import { QuizFrame } from './quiz-frame';
import { useQuizState, useQuizStore } from './quiz-store-context';
import { useRememberedState } from './session-memory';
import { ShortcutList } from './shortcut-list';
import { useQuizKeys } from './use-quiz-keys';

export const EXAM_COUNTS = [10, 20, 65] as const;

export interface ExamSession {
  ids: string[];
  seed: number;
  startedAt: number;
  deadline: number;
  index: number;
  answers: Record<string, string[]>;
  flagged: string[];
  confirming: boolean;
}

export interface ExamPageProps {
  bank: readonly Question[];
  seed?: () => number;
  /** Where to go once the exam is submitted (default: the attempt's result page, replacing the exam's entry in history). */
  onFinished?(attempt: ExamAttempt): void;
}

function showAttempt(attempt: ExamAttempt): void {
  window.location.replace(`#/quiz/attempt/${encodeURIComponent(attempt.id)}`);
}

export function ExamPage({ bank, seed, onFinished = showAttempt }: ExamPageProps) {
  const store = useQuizStore();
  const now = useQuizState((s) => s.now);
  const [session, setSession] = useRememberedState<ExamSession>('exam', null);
  const byId = useMemo(() => new Map(bank.map((q) => [q.id, q])), [bank]);

  function start(count: number) {
    const startedAt = now();
    const s = seed ? seed() : startedAt;
    const ids = pickQuestions(bank, { count, seed: s }).map((q) => q.id);
    setSession({ ids, seed: s, startedAt, deadline: startedAt + ids.length * EXAM_SECONDS_PER_QUESTION * 1000, index: 0, answers: {}, flagged: [], confirming: false });
  }

  function finish(exam: ExamSession) {
    const questions = exam.ids.map((id) => byId.get(id)).filter((q) => q !== undefined);
    const { answer, toggleFlag, saveExam } = store.getState();
    // Every question counts in the learner's history and schedule; an unanswered one as wrong, as the exam scores it.
    for (const q of questions) answer(q.id, exam.answers[q.id] ?? [], 'exam');
    for (const id of exam.flagged) if (!store.getState().progress.flagged.includes(id)) toggleFlag(id);
    const attempt: ExamAttempt = {
      id: `exam-${exam.startedAt}`,
      startedAt: exam.startedAt,
      finishedAt: Math.min(now(), exam.deadline),
      questionIds: questions.map((q) => q.id),
      answers: exam.answers,
      flagged: exam.flagged,
      ...scoreAttempt(questions, exam.answers),
    };
    saveExam(attempt);
    setSession(null);
    onFinished(attempt);
  }

  return (
    <QuizFrame
      section="exam"
      title="Exam"
      lead="A timed exam in the style of SAA-C03: two minutes a question, no feedback until you submit, then a scaled score against the pass mark of 720."
    >
      {session ? <ExamSessionView bank={byId} session={session} onChange={setSession} onSubmit={finish} now={now} /> : <ExamSetup available={bank.length} onStart={start} />}
    </QuizFrame>
  );
}

function ExamSetup({ available, onStart }: { available: number; onStart(count: number): void }) {
  const [count, setCount] = useState<number>(EXAM_COUNTS[0]);
  const taken = Math.min(count, available);
  return (
    <section className="quiz-setup" aria-label="Exam settings">
      <CountPicker legend="Questions" counts={EXAM_COUNTS} value={count} onChange={setCount} />
      <p>
        {taken} question{taken === 1 ? '' : 's'}, {(taken * EXAM_SECONDS_PER_QUESTION) / 60} minutes.
        {available < count ? ` The bank has ${available} questions so far.` : ''} The real exam has 65 questions in 130 minutes.
      </p>
      <button type="button" className="button quiz-start" onClick={() => onStart(count)} disabled={available === 0}>
        Start the exam
      </button>
    </section>
  );
}

interface ExamSessionViewProps {
  bank: ReadonlyMap<string, Question>;
  session: ExamSession;
  onChange(session: ExamSession): void;
  onSubmit(session: ExamSession): void;
  now: () => number;
}

function ExamSessionView({ bank, session, onChange, onSubmit, now }: ExamSessionViewProps) {
  const questions = useMemo(() => session.ids.map((id) => bank.get(id)).filter((q) => q !== undefined), [session.ids, bank]);
  const question = questions[session.index];
  // Options are shuffled by the start time, which the saved attempt keeps, so its result shows them in the same order.
  const order = useMemo(() => (question ? optionOrder(question, session.startedAt) : []), [question, session.startedAt]);
  const heading = useRef<HTMLHeadingElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const confirmId = useId();
  const latest = useRef(session);
  useEffect(() => {
    latest.current = session;
  });

  useEffect(() => {
    (session.confirming ? confirmHeading : heading).current?.focus();
  }, [session.index, session.confirming]);

  const items = questions.map((q) => ({ answered: (session.answers[q.id]?.length ?? 0) > 0, flagged: session.flagged.includes(q.id) }));
  const last = session.index >= questions.length - 1;

  const go = (index: number) => onChange({ ...session, index: Math.max(0, Math.min(questions.length - 1, index)), confirming: false });
  const select = (selected: string[]) => question && onChange({ ...session, answers: { ...session.answers, [question.id]: selected } });
  const toggleFlag = () =>
    question &&
    onChange({ ...session, flagged: session.flagged.includes(question.id) ? session.flagged.filter((id) => id !== question.id) : [...session.flagged, question.id] });
  const confirm = () => onChange({ ...session, confirming: true });

  useQuizKeys(
    {
      optionCount: order.length,
      select: (i) => {
        const oid = order[i];
        if (question && oid) select(choose(question, session.answers[question.id] ?? [], oid));
      },
      enter: () => (last ? confirm() : go(session.index + 1)),
      next: () => !last && go(session.index + 1),
      previous: () => session.index > 0 && go(session.index - 1),
    },
    !session.confirming,
  );

  const unanswered = items.flatMap((item, i) => (item.answered ? [] : [i]));
  const flaggedAt = items.flatMap((item, i) => (item.flagged ? [i] : []));
  return (
    <div className="quiz-exam">
      <div className="quiz-exam__bar">
        <ExamTimer deadline={session.deadline} now={now} onTimeout={() => onSubmit(latest.current)} />
        <button type="button" className="button" onClick={confirm}>
          Submit exam
        </button>
      </div>
      <div className="quiz-run">
        <div className="quiz-run__main">
          {session.confirming ? (
            <section className="quiz-confirm" aria-labelledby={confirmId}>
              <h2 id={confirmId} ref={confirmHeading} tabIndex={-1}>
                Submit the exam?
              </h2>
              {unanswered.length === 0 ? (
                <p>Every question has an answer.</p>
              ) : (
                <>
                  <p>
                    {unanswered.length} question{unanswered.length === 1 ? ' is' : 's are'} unanswered and will count as wrong:
                  </p>
                  <ul className="quiz-confirm__list">
                    {unanswered.map((i) => (
                      <li key={i}>
                        <button type="button" className="quiz-link-button" onClick={() => go(i)}>
                          Go to question {i + 1}
                        </button>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {flaggedAt.length > 0 && <p>Flagged for review: {flaggedAt.map((i) => `question ${i + 1}`).join(', ')}.</p>}
              <div className="quiz-actions">
                <button type="button" className="button" onClick={() => onSubmit(session)}>
                  Submit now
                </button>
                <button type="button" className="button button--secondary" onClick={() => onChange({ ...session, confirming: false })}>
                  Back to the exam
                </button>
              </div>
            </section>
          ) : (
            question && (
              <>
                <QuestionCard
                  key={question.id}
                  question={question}
                  order={order}
                  selected={session.answers[question.id] ?? []}
                  onSelect={select}
                  heading={`Question ${session.index + 1} of ${questions.length}`}
                  headingRef={heading}
                />
                <div className="quiz-actions">
                  <button type="button" className="button button--secondary" onClick={() => go(session.index - 1)} disabled={session.index === 0}>
                    Previous
                  </button>
                  <button type="button" className="button button--secondary" aria-pressed={items[session.index]?.flagged ?? false} onClick={toggleFlag}>
                    Flag for review
                  </button>
                  <button type="button" className="button" onClick={() => (last ? confirm() : go(session.index + 1))}>
                    {last ? 'Review and submit' : 'Next'}
                  </button>
                </div>
              </>
            )
          )}
          <ExamNavigator items={items} current={session.confirming ? -1 : session.index} onGo={go} />
        </div>
        <ShortcutList exam />
      </div>
    </div>
  );
}
