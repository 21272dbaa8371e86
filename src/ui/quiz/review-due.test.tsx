import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { linkedQuestion, makeStore, multipleQuestion, renderQuiz, testClock, unlinkedQuestion } from './quiz.testkit';
import { describeWhen } from './due-page';

describe('Review', () => {
  it('says so when nothing was missed or flagged', () => {
    renderQuiz('#/quiz/review');
    expect(screen.getByText('Nothing to review: no missed or flagged questions.')).toBeInTheDocument();
  });

  it('lists the questions last answered wrong and the flagged ones, with explanations, and practises them again', async () => {
    const user = userEvent.setup();
    const store = makeStore();
    const { answer, toggleFlag } = store.getState();
    answer(linkedQuestion.id, ['b'], 'practice'); // wrong
    answer(unlinkedQuestion.id, ['b'], 'practice'); // wrong…
    answer(unlinkedQuestion.id, ['a'], 'practice'); // …then right: no longer missed
    toggleFlag(multipleQuestion.id);
    renderQuiz('#/quiz/review', { store });

    expect(screen.getByText('1 missed, 1 flagged.')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Questions to review' });
    const items = within(list).getAllByRole('listitem').filter((li) => li.parentElement === list);
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Last answer wrong');
    expect(items[0]).toHaveTextContent(linkedQuestion.stem);
    expect(items[1]).toHaveTextContent('Flagged');
    expect(items[1]).toHaveTextContent(multipleQuestion.stem);
    expect(screen.queryByText(unlinkedQuestion.stem)).not.toBeInTheDocument();

    await user.click(within(items[0]!).getByText('Answer and explanations'));
    expect(within(items[0]!).getByText(linkedQuestion.options[0]!.explanation)).toBeVisible();
    expect(within(items[0]!).getByRole('link', { name: 'See it in the simulator' })).toHaveAttribute('href', '#/learn/sign-up-and-sign-in/4');

    await user.click(screen.getByRole('button', { name: 'Practise these again (2)' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Question 1 of 2' })).toHaveFocus());
    const stem = document.querySelector('.quiz-question__stem')?.textContent;
    const q = [linkedQuestion, multipleQuestion].find((x) => x.stem === stem)!;
    for (const o of q.options.filter((o) => o.correct)) await user.click(screen.getByRole(q.kind === 'single' ? 'radio' : 'checkbox', { name: o.text }));
    await user.keyboard('{Enter}');
    expect(store.getState().progress.history.at(-1)).toMatchObject({ questionId: q.id, correct: true, mode: 'review' });
  });

  it('removes a flag', async () => {
    const user = userEvent.setup();
    const store = makeStore();
    store.getState().toggleFlag(multipleQuestion.id);
    renderQuiz('#/quiz/review', { store });
    await user.click(screen.getByRole('button', { name: 'Remove the flag' }));
    expect(store.getState().progress.flagged).toEqual([]);
    expect(screen.getByText('Nothing to review: no missed or flagged questions.')).toBeInTheDocument();
  });
});

describe('Due today', () => {
  it('says nothing is due for a new learner, and where to start', () => {
    renderQuiz('#/quiz/due');
    expect(screen.getByText('Nothing is due right now.')).toBeInTheDocument();
    const hint = screen.getByText(/come back here when they are due/);
    expect(within(hint).getByRole('link', { name: 'Practice' })).toHaveAttribute('href', '#/quiz/practice');
  });

  it('says when the next question is due, then offers the due ones, answered in mode "due"', async () => {
    const user = userEvent.setup();
    const clock = testClock();
    const store = makeStore({ clock });
    store.getState().answer(linkedQuestion.id, ['b'], 'practice'); // wrong: back in a few minutes
    const dueAt = Date.parse(store.getState().progress.cards[linkedQuestion.id]!.due);
    expect(dueAt).toBeGreaterThan(clock.now());

    const { unmount } = renderQuiz('#/quiz/due', { store });
    expect(screen.getByText(`The next question is due ${describeWhen(dueAt, clock.now())}.`)).toBeInTheDocument();
    expect(screen.getByText(/The next question is due today at/)).toBeInTheDocument();
    unmount();

    clock.set(dueAt + 1);
    renderQuiz('#/quiz', { store });
    expect(screen.getByRole('link', { name: 'Due today (1)' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Due today (1)' }));
    expect(await screen.findByText('1 question is due, the most overdue first.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start (1)' }));
    await user.click(screen.getByRole('radio', { name: 'The ID token' }));
    await user.keyboard('{Enter}');
    expect(store.getState().progress.history.at(-1)).toMatchObject({ questionId: linkedQuestion.id, correct: true, mode: 'due' });
    await user.keyboard('n');
    expect(await screen.findByRole('heading', { name: 'Finished: 1 of 1 right' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'New due session' }));
    expect(screen.getByText('Nothing is due right now.')).toBeInTheDocument();
  });

  it('describes when in plain words', () => {
    const now = new Date(2025, 0, 15, 10, 0).getTime();
    expect(describeWhen(new Date(2025, 0, 15, 18, 30).getTime(), now)).toMatch(/^today at /);
    expect(describeWhen(new Date(2025, 0, 16, 9, 0).getTime(), now)).toMatch(/^tomorrow at /);
    expect(describeWhen(new Date(2025, 0, 20, 9, 0).getTime(), now)).toMatch(/^on .+ at /);
  });
});
