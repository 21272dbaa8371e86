// The frame of every quiz page: its heading, the quiz's own navigation between modes, and the store's notice
// (progress upgraded, or unreadable and set aside) until the learner dismisses it.
import type { ReactNode } from 'react';
import { Page } from '../components/page';
import { useQuizState } from './quiz-store-context';

export type QuizSection = 'home' | 'practice' | 'exam' | 'review' | 'due' | 'progress';

const SECTIONS: { name: QuizSection; label: string; href: string }[] = [
  { name: 'home', label: 'Quiz home', href: '#/quiz' },
  { name: 'practice', label: 'Practice', href: '#/quiz/practice' },
  { name: 'exam', label: 'Exam', href: '#/quiz/exam' },
  { name: 'review', label: 'Review', href: '#/quiz/review' },
  { name: 'due', label: 'Due today', href: '#/quiz/due' },
  { name: 'progress', label: 'Progress', href: '#/quiz/progress' },
];

export function QuizNotice() {
  const notice = useQuizState((s) => s.notice);
  const dismiss = useQuizState((s) => s.dismissNotice);
  return (
    <div role="status" className="quiz-notice-slot">
      {notice && (
        <div className="quiz-notice">
          <span>{notice}</span>
          <button type="button" className="button button--secondary" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}

export function QuizFrame({ section, title, lead, children }: { section: QuizSection; title: string; lead?: string; children?: ReactNode }) {
  return (
    <Page title={title} lead={lead}>
      {section !== 'home' && (
        <nav aria-label="Quiz" className="quiz-nav">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.name}>
                <a href={s.href} aria-current={s.name === section ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <QuizNotice />
      {children}
    </Page>
  );
}
