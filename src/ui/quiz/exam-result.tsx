// #/quiz/attempt/<id>: an exam attempt's result. The scaled score is a linear estimate (AWS does not publish how it
// scales), against the pass mark of 720; then the results by topic, and every question with its explanations.
import { useId } from 'react';
import type { Question } from '../../content/quiz/types';
import { EXAM_SECONDS_PER_QUESTION, isCorrect, optionOrder, PASS_MARK, type ExamAttempt } from '../../store/quiz';
import { TOPIC_LABELS } from '../../store/quiz-topics';
import { formatDateTime, percent } from './progress-format';
import { QuestionCard } from './question-card';
import { QuizFrame } from './quiz-frame';
import { useQuizState } from './quiz-store-context';

export function AttemptPage({ bank, attemptId }: { bank: readonly Question[]; attemptId: string }) {
  const attempt = useQuizState((s) => s.progress.exams.find((e) => e.id === attemptId));
  if (!attempt) {
    return (
      <QuizFrame section="exam" title="Exam result">
        <p>This exam attempt is not in your saved progress.</p>
        <p>
          <a href="#/quiz/progress">See your exam history</a>
        </p>
      </QuizFrame>
    );
  }
  return (
    <QuizFrame section="exam" title="Exam result">
      <ExamResult attempt={attempt} bank={bank} />
    </QuizFrame>
  );
}

export function ExamResult({ attempt, bank }: { attempt: ExamAttempt; bank: readonly Question[] }) {
  const id = useId();
  const byId = new Map(bank.map((q) => [q.id, q]));
  const timedOut = attempt.finishedAt - attempt.startedAt >= attempt.questionIds.length * EXAM_SECONDS_PER_QUESTION * 1000;
  const minutes = Math.max(1, Math.round((attempt.finishedAt - attempt.startedAt) / 60000));
  return (
    <div className="quiz-result">
      <section className={`quiz-score quiz-score--${attempt.passed ? 'pass' : 'fail'}`} aria-labelledby={`${id}-score`}>
        <h2 id={`${id}-score`} className="quiz-score__title">
          Estimated scaled score: {attempt.scaled}
        </h2>
        <p className="quiz-score__verdict">
          <strong>{attempt.passed ? 'Pass' : 'Fail'}</strong> (estimate) against the pass mark of {PASS_MARK} on a scale of 100 to 1000.
        </p>
        <p>
          {attempt.correct} of {attempt.total} right ({percent(attempt.correct, attempt.total)}), finished {formatDateTime(attempt.finishedAt)} after {minutes}{' '}
          minute{minutes === 1 ? '' : 's'}.{timedOut ? ' Time ran out, so the exam was submitted automatically.' : ''}
        </p>
        <p className="muted">
          This is an estimate: AWS does not publish how it turns right answers into its 100–1000 scale, so the share of right answers is
          mapped onto it in a straight line. Treat a score near {PASS_MARK} as too close to call.
        </p>
      </section>

      <TopicTable caption="Results by topic" rows={attempt.byTopic.map((t) => ({ topic: t.topic, right: t.correct, total: t.total }))} />

      <div className="quiz-actions">
        <a className="button" href="#/quiz/exam">
          Take another exam
        </a>
        <a className="button button--secondary" href="#/quiz/review">
          Review missed questions
        </a>
      </div>

      <section aria-labelledby={`${id}-questions`}>
        <h2 id={`${id}-questions`}>Questions and explanations</h2>
        <ol className="quiz-result__questions">
          {attempt.questionIds.map((qid, i) => {
            const q = byId.get(qid);
            const chosen = attempt.answers[qid] ?? [];
            if (!q) {
              return (
                <li key={qid}>
                  <p className="muted">Question {i + 1} ({qid}) is no longer in the bank.</p>
                </li>
              );
            }
            const verdict = chosen.length === 0 ? 'unanswered' : isCorrect(q, chosen) ? 'right' : 'wrong';
            return (
              <li key={qid} className={`quiz-result__item quiz-result__item--${verdict}`}>
                <QuestionCard
                  question={q}
                  order={optionOrder(q, attempt.startedAt)}
                  selected={chosen}
                  onSelect={() => {}}
                  heading={`Question ${i + 1}: ${verdict}${attempt.flagged.includes(qid) ? ' (flagged)' : ''}`}
                  locked
                  reveal
                  level={3}
                />
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}

export function TopicTable({ caption, rows, id }: { caption: string; rows: { topic: keyof typeof TOPIC_LABELS; right: number; total: number }[]; id?: string }) {
  return (
    <table className="quiz-table" id={id}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Topic</th>
          <th scope="col">Right</th>
          <th scope="col">Questions</th>
          <th scope="col">Share</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.topic}>
            <th scope="row">{TOPIC_LABELS[r.topic]}</th>
            <td>{r.right}</td>
            <td>{r.total}</td>
            <td>{percent(r.right, r.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
