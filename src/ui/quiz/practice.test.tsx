import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fillerQuestions, linkedQuestion, multipleQuestion, renderQuiz, testBank, unlinkedQuestion } from './quiz.testkit';
import { optionIndexForKey, ownsKey } from './use-quiz-keys';
import QuizPage from './quiz-page';
import type { Question } from '../../content/quiz/types';

/** The question of `bank` on screen. */
function currentQuestion(bank: readonly Question[]): Question {
  const stem = document.querySelector('.quiz-question__stem')?.textContent;
  const q = bank.find((b) => b.stem === stem);
  if (!q) throw new Error('no question on screen');
  return q;
}

/** The 1-based key of the option whose text is `text`, in the order shown. */
function keyOf(text: string): string {
  const inputs = [...document.querySelectorAll<HTMLInputElement>('.quiz-options input')];
  const index = inputs.findIndex((input) => input.closest('label')?.textContent?.includes(text));
  expect(index).toBeGreaterThanOrEqual(0);
  return String(index + 1);
}

describe('Practice', () => {
  it('starts in two clicks from the quiz home: Practice, then Start', async () => {
    const user = userEvent.setup();
    renderQuiz('#/quiz');
    expect(screen.getByRole('heading', { level: 1, name: 'Quiz' })).toBeInTheDocument();
    for (const name of ['Practice', 'Exam', 'Review', 'Due today (0)', 'Progress']) expect(screen.getByRole('link', { name })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Practice' }));
    expect(window.location.hash).toBe('#/quiz/practice');
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    const heading = await screen.findByRole('heading', { level: 2, name: `Question 1 of 10` });
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('offers every topic, all chosen by default, and 5, 10 or 20 questions', async () => {
    const user = userEvent.setup();
    renderQuiz('#/quiz/practice');
    const topics = within(screen.getByRole('group', { name: 'Topics' })).getAllByRole('checkbox');
    expect(topics).toHaveLength(12);
    for (const box of topics) expect(box).toBeChecked();
    const counts = within(screen.getByRole('group', { name: 'Questions' })).getAllByRole('radio');
    expect(counts.map((r) => r.closest('label')?.textContent?.trim())).toEqual(['5', '10', '20']);
    expect(screen.getByRole('radio', { name: '10' })).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'No topics' }));
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose at least one topic.');

    await user.click(screen.getByRole('checkbox', { name: /Federation/ }));
    await user.click(screen.getByRole('radio', { name: '5' }));
    await user.click(screen.getByRole('button', { name: 'Start' }));
    // Only one question of the test bank is about federation.
    expect(await screen.findByRole('heading', { name: 'Question 1 of 1' })).toBeInTheDocument();
    expect(screen.getByText(multipleQuestion.stem)).toBeInTheDocument();
  });

  it('gives immediate feedback on a wrong answer: every option explained, the simulator link, recorded as practice', async () => {
    const user = userEvent.setup();
    const { store } = renderQuiz('#/quiz/practice', { bank: [linkedQuestion] });
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(screen.queryByText(/Right answer/)).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'See it in the simulator' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'The refresh token' }));
    await user.click(screen.getByRole('button', { name: 'Submit answer' }));

    const option = (name: string) => screen.getByRole('radio', { name });
    expect(screen.getByText(/^Incorrect\. The right answer is [A-D]\./)).toBeInTheDocument();
    expect(option('The ID token')).toHaveAccessibleDescription(/Right answer: Right: The ID token/);
    expect(option('The refresh token')).toHaveAccessibleDescription(/Wrong answer \(your choice\): Wrong: The refresh token/);
    expect(option('An IAM access key')).toHaveAccessibleDescription(/Wrong answer: Wrong: An IAM access key/);
    for (const o of linkedQuestion.options) expect(option(o.text)).toBeDisabled();
    const link = screen.getByRole('link', { name: 'See it in the simulator' });
    expect(link).toHaveAttribute('href', '#/learn/sign-up-and-sign-in/4');
    expect(screen.getByText(/What to look at: the ID token in the Tokens tab/)).toBeInTheDocument();

    const history = store.getState().progress.history;
    expect(history).toEqual([expect.objectContaining({ questionId: 'test-001', correct: false, mode: 'practice' })]);

    // The action button became "See your score" (the only question) and took focus.
    const next = screen.getByRole('button', { name: 'See your score' });
    expect(next).toHaveFocus();
    await user.click(next);
    expect(await screen.findByRole('heading', { name: 'Finished: 0 of 1 right' })).toHaveFocus();
  });

  it('says Correct and shows no simulator link for a question without one', async () => {
    const user = userEvent.setup();
    renderQuiz('#/quiz/practice', { bank: [unlinkedQuestion] });
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await user.click(screen.getByRole('radio', { name: 'Denied, because an explicit deny wins' }));
    await user.click(screen.getByRole('button', { name: 'Submit answer' }));
    expect(screen.getByText('Correct. Every option is explained below.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'See it in the simulator' })).not.toBeInTheDocument();
  });

  it('allows submitting a "Choose two" question only with exactly two options chosen', async () => {
    const user = userEvent.setup();
    const { store } = renderQuiz('#/quiz/practice', { bank: [multipleQuestion] });
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(screen.getByRole('group', { name: 'Choose 2' })).toBeInTheDocument();
    expect(screen.getAllByRole('checkbox')).toHaveLength(5);
    const submit = screen.getByRole('button', { name: 'Submit answer' });
    expect(submit).toHaveAttribute('aria-disabled', 'true');

    await user.click(screen.getByRole('checkbox', { name: multipleQuestion.options[0]!.text }));
    expect(screen.getByText('Choose 2. 1 of 2 chosen.')).toBeInTheDocument();
    await user.click(submit);
    expect(screen.getByText('Choose exactly 2 options first (1 chosen).')).toBeInTheDocument();
    expect(store.getState().progress.history).toHaveLength(0);

    await user.click(screen.getByRole('checkbox', { name: multipleQuestion.options[2]!.text }));
    await user.click(screen.getByRole('checkbox', { name: multipleQuestion.options[3]!.text }));
    expect(submit).toHaveAttribute('aria-disabled', 'true'); // three chosen
    await user.click(screen.getByRole('checkbox', { name: multipleQuestion.options[3]!.text }));
    expect(submit).not.toHaveAttribute('aria-disabled');
    await user.click(submit);
    expect(screen.getByText(/^Incorrect\. The right answers are [A-E] and [A-E]\./)).toBeInTheDocument();
    expect(store.getState().progress.history).toEqual([expect.objectContaining({ questionId: 'test-002', correct: false })]);
  });

  it('is driven by the keyboard: digits and letters choose, Enter submits, N moves on and focuses the next heading', async () => {
    const user = userEvent.setup();
    const bank = [multipleQuestion, linkedQuestion];
    const { store } = renderQuiz('#/quiz/practice', { bank, seed: 3 });
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Question 1 of 2' })).toHaveFocus());
    expect(screen.getByRole('complementary', { name: 'Keyboard shortcuts' })).toHaveTextContent(/Enter.*Submit your answer/);

    for (const position of [1, 2]) {
      const q = currentQuestion(bank);
      const role = q.kind === 'single' ? 'radio' : 'checkbox';
      const wrong = q.options.find((o) => !o.correct)!;
      // A wrong option by its letter first (a toggle for "Choose N", so it is taken back), then the right ones by digit.
      await user.keyboard(String.fromCharCode(96 + Number(keyOf(wrong.text))));
      expect(screen.getByRole(role, { name: wrong.text })).toBeChecked();
      if (q.kind === 'multiple') {
        await user.keyboard(keyOf(wrong.text));
        expect(screen.getByRole(role, { name: wrong.text })).not.toBeChecked();
      }
      for (const o of q.options.filter((o) => o.correct)) await user.keyboard(keyOf(o.text));
      for (const o of q.options) expect(screen.getByRole(role, { name: o.text }).matches(':checked')).toBe(o.correct);
      await user.keyboard('{Enter}');
      expect(screen.getByText('Correct. Every option is explained below.')).toBeInTheDocument();
      expect(store.getState().progress.history.at(-1)).toMatchObject({ questionId: q.id, correct: true, mode: 'practice' });
      if (position === 1) {
        await user.keyboard('n');
        await waitFor(() => expect(screen.getByRole('heading', { name: 'Question 2 of 2' })).toHaveFocus());
        // N does nothing before an answer is submitted, and Enter without a choice only says what to do.
        await user.keyboard('n');
        expect(screen.getByRole('heading', { name: 'Question 2 of 2' })).toBeInTheDocument();
        await user.keyboard('{Enter}');
        expect(screen.getByText(/first/)).toBeInTheDocument();
        expect(store.getState().progress.history).toHaveLength(1);
      }
    }
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Finished: 2 of 2 right' })).toBeInTheDocument();
  });

  it('ignores the shortcuts while the learner types in a text field', async () => {
    const user = userEvent.setup();
    renderQuiz('#/quiz/practice', { bank: [linkedQuestion] });
    render(<input aria-label="Notes" />);
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await user.click(screen.getByRole('textbox', { name: 'Notes' }));
    await user.keyboard('1a{Enter}');
    expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveValue('1a');
    for (const radio of screen.getAllByRole('radio')) expect(radio).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Submit answer' })).toBeInTheDocument();
  });

  it('resumes a session after leaving for the simulator and coming back', async () => {
    const user = userEvent.setup();
    const { store, unmount } = renderQuiz('#/quiz/practice');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await user.keyboard('1{Enter}');
    const stem = document.querySelector('.quiz-question__stem')?.textContent;
    unmount();
    render(<QuizPage params={['practice']} bank={testBank} store={store} />);
    expect(await screen.findByRole('heading', { name: 'Question 1 of 10' })).toBeInTheDocument();
    expect(document.querySelector('.quiz-question__stem')?.textContent).toBe(stem);
    expect(screen.getByRole('button', { name: 'Next question' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'End practice' }));
    expect(screen.getByRole('button', { name: 'Start' })).toBeInTheDocument();
  });
});

describe('The quiz keys', () => {
  it('map digits and letters A–F to option positions and nothing else', () => {
    expect(optionIndexForKey('1')).toBe(0);
    expect(optionIndexForKey('9')).toBe(8);
    expect(optionIndexForKey('a')).toBe(0);
    expect(optionIndexForKey('F')).toBe(5);
    expect(optionIndexForKey('0')).toBeNull();
    expect(optionIndexForKey('g')).toBeNull();
    expect(optionIndexForKey('n')).toBeNull();
  });

  it('leave keys to text fields, and Enter to buttons and links', () => {
    const text = document.createElement('input');
    const radio = document.createElement('input');
    radio.type = 'radio';
    const button = document.createElement('button');
    expect(ownsKey(text, '1')).toBe(true);
    expect(ownsKey(document.createElement('textarea'), 'n')).toBe(true);
    expect(ownsKey(radio, '1')).toBe(false);
    expect(ownsKey(radio, 'Enter')).toBe(false);
    expect(ownsKey(button, 'Enter')).toBe(true);
    expect(ownsKey(button, '2')).toBe(false);
  });

  it('the filler bank is as the tests assume', () => {
    expect(fillerQuestions).toHaveLength(10);
    expect(testBank).toHaveLength(13);
  });
});
