import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Question } from '../../content/quiz/types';
import { scaledScore } from '../../store/quiz';
import { makeStore, renderQuiz, testBank, testClock } from './quiz.testkit';

function currentQuestion(): Question {
  const stem = document.querySelector('.quiz-question__stem')?.textContent;
  const q = testBank.find((b) => b.stem === stem);
  if (!q) throw new Error('no question on screen');
  return q;
}

/** The 1-based keys of the right (or the first wrong) options of the question on screen. */
function keysFor(q: Question, right: boolean): string[] {
  const inputs = [...document.querySelectorAll<HTMLInputElement>('.quiz-options input')];
  const wanted = right ? q.options.filter((o) => o.correct) : [q.options.find((o) => !o.correct)!];
  return wanted.map((o) => String(inputs.findIndex((i) => i.closest('label')?.textContent?.includes(o.text)) + 1));
}

async function startExam(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Start the exam' }));
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Question 1 of 10' })).toHaveFocus());
}

const VERDICT = /^(Right|Wrong) answer( \(your choice\))?:$/;
const navigator = () => screen.getByRole('navigation', { name: 'Question navigator' });

afterEach(() => {
  vi.useRealTimers();
});

describe('The exam', () => {
  it('offers 10, 20 or 65 questions and starts a timed exam of two minutes a question', async () => {
    const user = userEvent.setup();
    renderQuiz('#/quiz/exam');
    const counts = within(screen.getByRole('group', { name: 'Questions' })).getAllByRole('radio');
    expect(counts.map((r) => r.closest('label')?.textContent?.trim())).toEqual(['10', '20', '65']);
    expect(screen.getByText(/10 questions, 20 minutes\./)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: '20' }));
    expect(screen.getByText(/13 questions, 26 minutes\. The bank has 13 questions so far\./)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: '10' }));
    await startExam(user);
    expect(screen.getByRole('timer', { name: 'Time left' })).toHaveTextContent('20:00');
  });

  it('gives no feedback, marks answers and flags in the navigator, and confirms before submitting', async () => {
    const user = userEvent.setup();
    const { store } = renderQuiz('#/quiz/exam');
    await startExam(user);
    const buttons = within(navigator()).getAllByRole('button');
    expect(buttons).toHaveLength(10);
    expect(buttons[0]).toHaveAccessibleName('Question 1, unanswered');
    expect(buttons[0]).toHaveAttribute('aria-current', 'step');

    await user.keyboard('1');
    expect(screen.queryAllByText(VERDICT)).toHaveLength(0);
    expect(screen.queryByText(/Correct|Incorrect/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Question 1, answered' })).toBeInTheDocument();
    expect(store.getState().progress.history).toHaveLength(0); // nothing recorded before submission

    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Question 2 of 10' })).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Flag for review' }));
    expect(screen.getByRole('button', { name: 'Flag for review' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Question 2, flagged, unanswered' })).toBeInTheDocument();
    expect(within(navigator()).getByText('1 of 10 answered, 1 flagged')).toBeInTheDocument();

    // P goes back; the navigator jumps anywhere.
    await user.keyboard('p');
    expect(screen.getByRole('heading', { name: 'Question 1 of 10' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Question 10, unanswered' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Question 10 of 10' })).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Review and submit' })).toBeInTheDocument();

    await user.click(screen.getAllByRole('button', { name: 'Submit exam' })[0]!);
    const confirm = screen.getByRole('region', { name: 'Submit the exam?' });
    await waitFor(() => expect(within(confirm).getByRole('heading', { name: 'Submit the exam?' })).toHaveFocus());
    expect(confirm).toHaveTextContent('9 questions are unanswered and will count as wrong');
    expect(within(confirm).getAllByRole('button', { name: /^Go to question/ }).map((b) => b.textContent)).toEqual(
      [2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `Go to question ${n}`),
    );
    expect(confirm).toHaveTextContent('Flagged for review: question 2.');
    await user.click(within(confirm).getByRole('button', { name: 'Go to question 3' }));
    expect(screen.queryByRole('region', { name: 'Submit the exam?' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Question 3 of 10' })).toBeInTheDocument();
    expect(store.getState().progress.exams).toHaveLength(0);
  });

  it('scores on submission: scaled score against 720, labelled an estimate, a topic table, every question explained', async () => {
    const user = userEvent.setup();
    const { store } = renderQuiz('#/quiz/exam');
    await startExam(user);
    const asked: { q: Question; right: boolean }[] = [];
    for (let i = 0; i < 10; i++) {
      const q = currentQuestion();
      const right = i < 8; // eight right, two wrong
      asked.push({ q, right });
      for (const key of keysFor(q, right)) await user.keyboard(key);
      await user.keyboard('{Enter}');
    }
    const confirm = await screen.findByRole('region', { name: 'Submit the exam?' });
    expect(confirm).toHaveTextContent('Every question has an answer.');
    await user.click(within(confirm).getByRole('button', { name: 'Submit now' }));

    const expected = scaledScore(8, 10);
    expect(expected).toBe(820);
    expect(await screen.findByRole('heading', { level: 1, name: 'Exam result' })).toBeInTheDocument();
    expect(window.location.hash).toMatch(/^#\/quiz\/attempt\/exam-\d+$/);
    expect(screen.getByRole('heading', { name: `Estimated scaled score: ${expected}` })).toBeInTheDocument();
    expect(screen.getByText(/against the pass mark of 720/)).toHaveTextContent('Pass (estimate) against the pass mark of 720');
    expect(screen.getByText(/This is an estimate/)).toBeInTheDocument();
    expect(screen.getByText(/8 of 10 right \(80%\)/)).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Results by topic' });
    const rows = within(table).getAllByRole('row').slice(1);
    const totals = rows.reduce((sum, row) => sum + Number(within(row).getAllByRole('cell')[1]!.textContent), 0);
    const topicsAsked = asked.reduce((n, a) => n + a.q.topics.length, 0);
    expect(totals).toBe(topicsAsked);

    for (const [i, { right }] of asked.entries()) {
      expect(screen.getByRole('heading', { level: 3, name: `Question ${i + 1}: ${right ? 'right' : 'wrong'}` })).toBeInTheDocument();
    }
    // Every option of every question comes with its verdict and explanation.
    expect(screen.getAllByText(VERDICT)).toHaveLength(asked.reduce((n, a) => n + a.q.options.length, 0));

    const [attempt] = store.getState().progress.exams;
    expect(attempt).toMatchObject({ correct: 8, total: 10, scaled: 820, passed: true });
    expect(attempt!.byTopic.reduce((n, t) => n + t.total, 0)).toBe(topicsAsked);
    const examAnswers = store.getState().progress.history.filter((h) => h.mode === 'exam');
    expect(examAnswers).toHaveLength(10);
    expect(examAnswers.filter((h) => h.correct)).toHaveLength(8);
  });

  it('fails below the pass mark and counts unanswered questions as wrong', async () => {
    const user = userEvent.setup();
    const { store } = renderQuiz('#/quiz/exam');
    await startExam(user);
    const first = currentQuestion();
    await user.keyboard(keysFor(first, true).join(''));
    await user.click(screen.getByRole('button', { name: 'Flag for review' }));
    await user.click(screen.getAllByRole('button', { name: 'Submit exam' })[0]!);
    await user.click(screen.getByRole('button', { name: 'Submit now' }));
    expect(await screen.findByRole('heading', { name: `Estimated scaled score: ${scaledScore(1, 10)}` })).toBeInTheDocument();
    expect(screen.getByText(/against the pass mark/)).toHaveTextContent('Fail (estimate)');
    expect(screen.getAllByRole('heading', { level: 3, name: /: unanswered$/ })).toHaveLength(9);
    expect(store.getState().progress.exams[0]).toMatchObject({ correct: 1, total: 10, passed: false, flagged: [first.id] });
    // A question flagged in the exam stays flagged for Review.
    expect(store.getState().progress.flagged).toEqual([first.id]);
    expect(screen.getByRole('heading', { level: 3, name: 'Question 1: right (flagged)' })).toBeInTheDocument();
  });

  it('announces 5 minutes and 1 minute left once each, and submits by itself when time runs out', async () => {
    vi.useFakeTimers();
    const clock = testClock();
    const store = makeStore({ clock });
    renderQuiz('#/quiz/exam', { store });
    fireEvent.click(screen.getByRole('button', { name: 'Start the exam' }));
    fireEvent.keyDown(document.body, { key: '2' });
    expect(screen.getByRole('button', { name: 'Question 1, answered' })).toBeInTheDocument();
    const timer = screen.getByRole('timer', { name: 'Time left' });
    const announcer = timer.parentElement!.querySelector('[role="status"]')!;

    const tick = (ms: number) =>
      act(() => {
        clock.advance(ms);
        vi.advanceTimersByTime(ms);
      });
    tick(1000);
    expect(timer).toHaveTextContent('19:59');
    expect(announcer).toHaveTextContent('');
    tick((20 * 60 - 1 - 301) * 1000);
    expect(timer).toHaveTextContent('5:01');
    expect(announcer).toHaveTextContent('');
    tick(1000);
    expect(timer).toHaveTextContent('5:00');
    expect(announcer).toHaveTextContent('5 minutes left.');
    tick(30_000);
    expect(announcer).toHaveTextContent('5 minutes left.');
    tick(210_000);
    expect(announcer).toHaveTextContent('1 minute left.');
    expect(store.getState().progress.exams).toHaveLength(0);
    tick(60_000);
    expect(store.getState().progress.exams).toHaveLength(1);
    expect(store.getState().progress.exams[0]).toMatchObject({ total: 10 });
    vi.useRealTimers();
    expect(await screen.findByText(/Time ran out, so the exam was submitted automatically\./)).toBeInTheDocument();
  });

  it('shows the time in whole minutes when the learner prefers reduced motion', async () => {
    const matchMedia = window.matchMedia;
    window.matchMedia = ((query: string) => ({ ...matchMedia(query), matches: query.includes('reduce') })) as typeof window.matchMedia;
    try {
      const user = userEvent.setup();
      renderQuiz('#/quiz/exam');
      await startExam(user);
      expect(screen.getByRole('timer', { name: 'Time left' })).toHaveTextContent('20 min');
    } finally {
      window.matchMedia = matchMedia;
    }
  });

  it('shows a saved attempt at its address, and says so when there is none', async () => {
    const { store, unmount } = renderQuiz('#/quiz/attempt/exam-1');
    expect(screen.getByText('This exam attempt is not in your saved progress.')).toBeInTheDocument();
    unmount();
    store.getState().saveExam({
      id: 'exam-1',
      startedAt: 0,
      finishedAt: 60_000,
      questionIds: ['test-001'],
      answers: { 'test-001': ['b'] },
      flagged: [],
      correct: 0,
      total: 1,
      scaled: 100,
      passed: false,
      byTopic: [{ topic: 'tokens', correct: 0, total: 1 }],
    });
    renderQuiz('#/quiz/attempt/exam-1', { store });
    expect(screen.getByRole('heading', { name: 'Estimated scaled score: 100' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Question 1: wrong' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See it in the simulator' })).toHaveAttribute('href', '#/learn/sign-up-and-sign-in/4');
    const row = within(screen.getByRole('table', { name: 'Results by topic' })).getByRole('row', { name: /ID, access and refresh tokens/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0', '1', '0%']);
  });
});
