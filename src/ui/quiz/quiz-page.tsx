// #/quiz and its modes: #/quiz/practice, /exam, /review, /due, /progress, and /attempt/<id> for an exam's result.
// Each mode is its own address, so the browser's Back and Forward move between them. The question bank and the
// store can be given (tests use small hand-made ones); by default they are the app's.
import type { Question } from '../../content/quiz/types';
import { questions } from '../../store/quiz';
import { DuePage } from './due-page';
import { AttemptPage } from './exam-result';
import { ExamPage } from './exam-page';
import { PracticePage } from './practice-page';
import { ProgressPage } from './progress-page';
import { QuizFrame } from './quiz-frame';
import { QuizHome } from './quiz-home';
import { QuizStoreContext, type QuizStore } from './quiz-store-context';
import { ReviewPage } from './review-page';
import './quiz.css';

export interface QuizPageProps {
  params?: string[];
  bank?: readonly Question[];
  store?: QuizStore;
  /** The seed of each new draw of questions (default: the time). */
  seed?: () => number;
}

function QuizRoute({ params, bank, seed }: { params: string[]; bank: readonly Question[]; seed?: () => number }) {
  const [mode, arg] = params;
  switch (mode) {
    case undefined:
      return <QuizHome bank={bank} />;
    case 'practice':
      return <PracticePage bank={bank} seed={seed} />;
    case 'exam':
      return <ExamPage bank={bank} seed={seed} />;
    case 'review':
      return <ReviewPage bank={bank} seed={seed} />;
    case 'due':
      return <DuePage bank={bank} seed={seed} />;
    case 'progress':
      return <ProgressPage bank={bank} />;
    case 'attempt':
      return <AttemptPage bank={bank} attemptId={arg ?? ''} />;
    default:
      return (
        <QuizFrame section="home" title="Not in the quiz" lead={`The quiz has no page called “${mode}”.`}>
          <p>
            <a href="#/quiz">Go to the quiz home</a>
          </p>
        </QuizFrame>
      );
  }
}

export default function QuizPage({ params = [], bank = questions, store, seed }: QuizPageProps) {
  // Keyed by the mode, so each mode's page mounts afresh (its heading takes focus on arrival).
  const route = <QuizRoute key={params.join('/')} params={params} bank={bank} seed={seed} />;
  return store ? <QuizStoreContext.Provider value={store}>{route}</QuizStoreContext.Provider> : route;
}
