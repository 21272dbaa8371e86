// #/quiz: the quiz's modes, Practice first, so a new learner starts in two clicks (Practice, then Start).
import type { Question } from '../../content/quiz/types';
import { currentStreak, dueIds } from '../../store/quiz';
import { QuizFrame } from './quiz-frame';
import { useQuizState } from './quiz-store-context';
import { reviewItems } from './review-page';

export function QuizHome({ bank }: { bank: readonly Question[] }) {
  const progress = useQuizState((s) => s.progress);
  const now = useQuizState((s) => s.now);
  const t = now();
  const due = dueIds(progress, bank, t).length;
  const review = reviewItems(progress, bank).length;
  const streak = currentStreak(progress.streak, t);
  const modes = [
    { href: '#/quiz/practice', title: 'Practice', text: 'Pick topics and answer at your own pace, with the explanation of every option at once.' },
    { href: '#/quiz/exam', title: 'Exam', text: 'A timed exam of 10, 20 or 65 questions, scored on the 100–1000 scale (an estimate).' },
    { href: '#/quiz/review', title: 'Review', text: `The questions you missed or flagged: ${review} now.` },
    { href: '#/quiz/due', title: `Due today (${due})`, text: 'Questions coming back on their spaced-repetition schedule.' },
    { href: '#/quiz/progress', title: 'Progress', text: 'Mastery by topic, your streak and past exams; export or import your progress.' },
  ];
  return (
    <QuizFrame
      section="home"
      title="Quiz"
      lead={`Exam-style questions on Cognito, IAM and the identity stack (${bank.length} in the bank), each answer linked to the simulation that shows it.`}
    >
      {streak > 0 && (
        <p className="quiz-home__streak">
          Streak: {streak} day{streak === 1 ? '' : 's'} in a row.
        </p>
      )}
      <ul className="quiz-home">
        {modes.map((m) => (
          <li key={m.href} className="quiz-card">
            <h2 className="quiz-card__title">
              <a href={m.href} className="quiz-card__link">
                {m.title}
              </a>
            </h2>
            <p className="quiz-card__text">{m.text}</p>
          </li>
        ))}
      </ul>
    </QuizFrame>
  );
}
