// Test kit of the quiz pages: a small hand-made question bank (so the tests do not depend on the real bank's
// content), a quiz store with its own clock and storage, and the quiz page rendered behind a tiny hash router,
// so links and the exam's redirect to its result behave as in the app.
import { render } from '@testing-library/react';
import { useSyncExternalStore } from 'react';
import type { Question, Topic } from '../../content/quiz/types';
import { createQuizStore } from '../../store/quiz';
import type { KeyValueStorage } from '../../store/quiz-progress';
import QuizPage from './quiz-page';
import { forgetQuizSessions } from './session-memory';

function single(id: string, topics: Topic[], stem: string, right: string, wrong: string[], see?: Question['see']): Question {
  const options = [right, ...wrong].map((text, i) => ({
    id: 'abcdef'[i]!,
    text,
    correct: i === 0,
    explanation: i === 0 ? `Right: ${text} is what the scenario needs, as explained here.` : `Wrong: ${text} does not meet the requirement stated.`,
  }));
  return { id, topics, difficulty: 'easy', stem, kind: 'single', options, ...(see ? { see } : {}) };
}

export const linkedQuestion = single(
  'test-001',
  ['tokens'],
  'A web app signs users in with a Cognito user pool. Which token carries the cognito:groups claim for the front end?',
  'The ID token',
  ['The refresh token', 'An IAM access key', 'A SAML assertion'],
  { scenario: 'sign-up-and-sign-in', step: 4, look: 'the ID token in the Tokens tab' },
);

export const multipleQuestion: Question = {
  id: 'test-002',
  topics: ['federation', 'architecture'],
  difficulty: 'medium',
  kind: 'multiple',
  stem: 'A company wants employees to sign in with their corporate SAML identity provider and customers with Google. Which two steps are needed? (Choose two.)',
  options: [
    { id: 'a', text: 'Add a SAML identity provider to the user pool', correct: true, explanation: 'Right: the user pool federates with the SAML IdP.' },
    { id: 'b', text: 'Add Google as a social identity provider', correct: true, explanation: 'Right: Google is a built-in social provider of user pools.' },
    { id: 'c', text: 'Create an IAM user per customer', correct: false, explanation: 'Wrong: IAM users are for people who administer AWS, not app customers.' },
    { id: 'd', text: 'Put a Network Load Balancer in front of the app', correct: false, explanation: 'Wrong: an NLB works at layer 4 and cannot authenticate users.' },
    { id: 'e', text: 'Hard-code access keys in the mobile app', correct: false, explanation: 'Wrong: long-term keys in an app can be extracted and abused.' },
  ],
};

export const unlinkedQuestion = single(
  'test-003',
  ['iam-policy-evaluation'],
  'An identity policy allows s3:GetObject and an SCP of the account denies it. What is the result of the request?',
  'Denied, because an explicit deny wins',
  ['Allowed, because the identity policy allows it', 'Allowed only from the console', 'It depends on the bucket region'],
);

const extraTopics: Topic[] = ['user-vs-identity-pools', 'sts-credentials', 'dynamodb-fgac', 'alb-authentication', 'api-gateway-authorizers'];

/** Ten further single-answer questions (ids test-010…test-019), right answer "Right answer N". */
export const fillerQuestions: Question[] = Array.from({ length: 10 }, (_, i) =>
  single(
    `test-${String(10 + i).padStart(3, '0')}`,
    [extraTopics[i % extraTopics.length]!],
    `Filler question number ${i + 1}: which of these options is the right one for this made-up scenario of the test bank?`,
    `Right answer ${i + 1}`,
    [`Wrong answer ${i + 1}a`, `Wrong answer ${i + 1}b`, `Wrong answer ${i + 1}c`],
  ),
);

export const testBank: Question[] = [linkedQuestion, multipleQuestion, unlinkedQuestion, ...fillerQuestions];

export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

export interface TestClock {
  now: () => number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function testClock(start = Date.UTC(2025, 0, 15, 10, 0, 0)): TestClock {
  let t = start;
  return { now: () => t, set: (ms) => void (t = ms), advance: (ms) => void (t += ms) };
}

export function makeStore(options: { bank?: readonly Question[]; clock?: TestClock; storage?: KeyValueStorage } = {}) {
  const clock = options.clock ?? testClock();
  return createQuizStore({ storage: options.storage ?? memoryStorage(), now: clock.now, bank: options.bank ?? testBank });
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

function quizParams(hash: string): string[] {
  return hash
    .replace(/^#\/?quiz\/?/, '')
    .split('/')
    .filter((s) => s !== '')
    .map(decodeURIComponent);
}

function Routed(props: { bank: readonly Question[]; store: ReturnType<typeof makeStore>; seed: () => number }) {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return <QuizPage params={quizParams(hash)} {...props} />;
}

/** Renders the quiz at `hash` (e.g. '#/quiz/practice') with a test bank and store; forgets earlier sessions first. */
export function renderQuiz(hash: string, options: { bank?: readonly Question[]; store?: ReturnType<typeof makeStore>; seed?: number } = {}) {
  forgetQuizSessions();
  window.location.hash = hash;
  const bank = options.bank ?? testBank;
  const store = options.store ?? makeStore({ bank });
  const seed = options.seed ?? 7;
  const view = render(<Routed bank={bank} store={store} seed={() => seed} />);
  return { ...view, store, bank };
}
