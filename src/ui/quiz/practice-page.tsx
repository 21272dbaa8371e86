// #/quiz/practice: pick topics (all by default) and a count, then answer one question at a time with feedback.
import { useId, useState } from 'react';
import type { Question, Topic } from '../../content/quiz/types';
import { pickQuestions } from '../../store/quiz';
import { TOPIC_LABELS, TOPICS } from '../../store/quiz-topics';
import { newRunSession, QuestionRunner, type RunSession } from './question-runner';
import { QuizFrame } from './quiz-frame';
import { useRememberedState } from './session-memory';

export const PRACTICE_COUNTS = [5, 10, 20] as const;

export interface PracticePageProps {
  bank: readonly Question[];
  /** The seed of the next session's draw (default: the time it starts). */
  seed?: () => number;
}

export function PracticePage({ bank, seed = () => Date.now() }: PracticePageProps) {
  const [session, setSession] = useRememberedState<RunSession>('practice', null);
  return (
    <QuizFrame section="practice" title="Practice" lead="Answer at your own pace and see at once why each option is right or wrong.">
      {session ? (
        <QuestionRunner bank={bank} mode="practice" session={session} onChange={setSession} onEnd={() => setSession(null)} noun="practice" />
      ) : (
        <PracticeSetup
          bank={bank}
          onStart={(topics, count) => {
            const s = seed();
            setSession(newRunSession(pickQuestions(bank, { topics, count, seed: s }).map((q) => q.id), s));
          }}
        />
      )}
    </QuizFrame>
  );
}

export function TopicPicker({ bank, chosen, onChange }: { bank: readonly Question[]; chosen: readonly Topic[]; onChange(topics: Topic[]): void }) {
  const id = useId();
  return (
    <fieldset className="quiz-fieldset">
      <legend>Topics</legend>
      <div className="quiz-actions quiz-actions--small">
        <button type="button" className="button button--secondary" onClick={() => onChange([...TOPICS])}>
          All topics
        </button>
        <button type="button" className="button button--secondary" onClick={() => onChange([])}>
          No topics
        </button>
      </div>
      <ul className="quiz-topics">
        {TOPICS.map((topic) => {
          const count = bank.filter((q) => q.topics.includes(topic)).length;
          return (
            <li key={topic}>
              <label htmlFor={`${id}-${topic}`}>
                <input
                  id={`${id}-${topic}`}
                  type="checkbox"
                  checked={chosen.includes(topic)}
                  onChange={(e) => onChange(e.target.checked ? TOPICS.filter((t) => t === topic || chosen.includes(t)) : chosen.filter((t) => t !== topic))}
                />{' '}
                {TOPIC_LABELS[topic]} <span className="muted">({count})</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function CountPicker({ legend, counts, value, onChange }: { legend: string; counts: readonly number[]; value: number; onChange(n: number): void }) {
  const id = useId();
  return (
    <fieldset className="quiz-fieldset quiz-fieldset--inline">
      <legend>{legend}</legend>
      {counts.map((n) => (
        <label key={n} htmlFor={`${id}-${n}`} className="quiz-count">
          <input id={`${id}-${n}`} type="radio" name={`${id}-count`} checked={value === n} onChange={() => onChange(n)} /> {n}
        </label>
      ))}
    </fieldset>
  );
}

function PracticeSetup({ bank, onStart }: { bank: readonly Question[]; onStart(topics: Topic[], count: number): void }) {
  const [topics, setTopics] = useState<Topic[]>([...TOPICS]);
  const [count, setCount] = useState<number>(10);
  const [error, setError] = useState('');
  const available = bank.filter((q) => q.topics.some((t) => topics.includes(t))).length;
  function start() {
    if (topics.length === 0) return setError('Choose at least one topic.');
    if (available === 0) return setError('There are no questions on these topics yet.');
    setError('');
    onStart(topics, count);
  }
  return (
    <section className="quiz-setup" aria-label="Practice settings">
      <TopicPicker bank={bank} chosen={topics} onChange={setTopics} />
      <CountPicker legend="Questions" counts={PRACTICE_COUNTS} value={count} onChange={setCount} />
      <p className="muted">
        {available} question{available === 1 ? '' : 's'} on the chosen topics{available > 0 && available < count ? `: this session has ${available}` : ''}.
      </p>
      <p role="alert" className="quiz-error">
        {error}
      </p>
      <button type="button" className="button quiz-start" onClick={start}>
        Start
      </button>
    </section>
  );
}
