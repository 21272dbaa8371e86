// #/quiz/progress: mastery per topic (chart and table), the streak, the exam attempts, export and import.
import { useId } from 'react';
import type { Question } from '../../content/quiz/types';
import { currentStreak, masteryByTopic, PASS_MARK } from '../../store/quiz';
import { MasteryChart } from './mastery-chart';
import { formatDateTime } from './progress-format';
import { ProgressTransfer } from './progress-transfer';
import { QuizFrame } from './quiz-frame';
import { useQuizState } from './quiz-store-context';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

export function ProgressPage({ bank }: { bank: readonly Question[] }) {
  const id = useId();
  const progress = useQuizState((s) => s.progress);
  const now = useQuizState((s) => s.now);
  const mastery = masteryByTopic(progress, bank);
  const streak = currentStreak(progress.streak, now());
  const exams = [...progress.exams].sort((a, b) => b.finishedAt - a.finishedAt);
  const answered = progress.history.length;
  return (
    <QuizFrame
      section="progress"
      title="Progress"
      lead="A question counts as mastered when your last answer was right and its spaced-repetition schedule has grown to a week or more."
    >
      <section aria-labelledby={`${id}-streak`} className="quiz-stats">
        <h2 id={`${id}-streak`}>Streak</h2>
        <p>
          <strong>Current streak: {days(streak)}</strong> (best {days(progress.streak.best)}): days in a row with at least one answer. {answered} answer
          {answered === 1 ? '' : 's'} recorded.
        </p>
      </section>

      <section aria-labelledby={`${id}-mastery`}>
        <h2 id={`${id}-mastery`}>Mastery by topic</h2>
        {mastery.length === 0 ? <p>The question bank is empty.</p> : <MasteryChart rows={mastery} />}
      </section>

      <section aria-labelledby={`${id}-exams`}>
        <h2 id={`${id}-exams`}>Exam attempts</h2>
        {exams.length === 0 ? (
          <p>
            No exams yet. <a href="#/quiz/exam">Take an exam</a>.
          </p>
        ) : (
          <div className="quiz-table-wrap">
            <table className="quiz-table">
              <caption>Exam attempts, the latest first (scores are estimates; pass mark {PASS_MARK})</caption>
              <thead>
                <tr>
                  <th scope="col">Finished</th>
                  <th scope="col">Right</th>
                  <th scope="col">Scaled score</th>
                  <th scope="col">Result</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {exams.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">{formatDateTime(e.finishedAt)}</th>
                    <td>
                      {e.correct} of {e.total}
                    </td>
                    <td>{e.scaled}</td>
                    <td>{e.passed ? 'Pass' : 'Fail'}</td>
                    <td>
                      <a href={`#/quiz/attempt/${encodeURIComponent(e.id)}`} aria-label={`Result of the exam finished ${formatDateTime(e.finishedAt)}`}>
                        View
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <ProgressTransfer />
    </QuizFrame>
  );
}
