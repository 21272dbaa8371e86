import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QUIZ_KEY } from '../../store/quiz-progress';
import { fillerQuestions, linkedQuestion, makeStore, memoryStorage, multipleQuestion, renderQuiz, testClock, unlinkedQuestion } from './quiz.testkit';

const DAY = 24 * 60 * 60 * 1000;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Progress', () => {
  it('draws mastery per topic as an SVG chart whose numbers are in a table, shown on request', async () => {
    const user = userEvent.setup();
    const clock = testClock();
    const store = makeStore({ clock });
    // Answered right on several days, the ID-token question's schedule grows past a week: mastered.
    for (let day = 0; day < 6; day++) {
      store.getState().answer(linkedQuestion.id, ['a'], 'practice');
      clock.advance(12 * DAY);
    }
    store.getState().answer(unlinkedQuestion.id, ['b'], 'practice');
    renderQuiz('#/quiz/progress', { store });

    const chart = screen.getByRole('img', { name: /Mastery by topic/ });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    // The chart's description says the numbers in words…
    expect(chart).toHaveAccessibleDescription(/ID, access and refresh tokens: 1 of 1 mastered, 1 seen\./);
    expect(chart).toHaveAccessibleDescription(/IAM policy evaluation and policy variables: 0 of 1 mastered, 1 seen\./);
    // …and the table is in the accessibility tree even while it is visually hidden.
    const table = screen.getByRole('table', { name: 'Mastery by topic' });
    const wrapper = table.parentElement!;
    expect(screen.getByRole('button', { name: 'Show as a table' })).toHaveAttribute('aria-controls', wrapper.id);
    expect(wrapper).toHaveClass('quiz-sr-only');
    const row = (name: RegExp) => within(table).getByRole('row', { name }).querySelectorAll('td');
    expect([...row(/ID, access and refresh tokens/)].map((c) => c.textContent)).toEqual(['1', '1', '1', '100%']);
    expect([...row(/IAM policy evaluation/)].map((c) => c.textContent)).toEqual(['0', '1', '1', '0%']);
    // Every topic of the bank has a bar, drawn with the theme's classes (CSS variables), not fixed colours.
    const topicsInBank = new Set([linkedQuestion, multipleQuestion, unlinkedQuestion, ...fillerQuestions].flatMap((q) => q.topics)).size;
    expect(chart.querySelectorAll('.quiz-chart__mastered')).toHaveLength(topicsInBank);
    expect(chart.innerHTML).not.toMatch(/fill="#/);

    const toggle = screen.getByRole('button', { name: 'Show as a table' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(screen.getByRole('button', { name: 'Hide the table' })).toHaveAttribute('aria-expanded', 'true');
    expect(wrapper).not.toHaveClass('quiz-sr-only');
    expect(table).toBeVisible();
    // Shown, its wrapper may scroll sideways: a named region the keyboard can focus to scroll it.
    expect(screen.getByRole('region', { name: 'Mastery by topic, as a table' })).toHaveAttribute('tabindex', '0');
  });

  it('shows the streak and the history of exam attempts, each linked to its result', () => {
    const clock = testClock();
    const store = makeStore({ clock });
    store.getState().answer(linkedQuestion.id, ['a'], 'practice');
    clock.advance(DAY);
    store.getState().answer(linkedQuestion.id, ['a'], 'practice');
    const attempt = { id: 'exam-5', startedAt: 5, finishedAt: clock.now(), questionIds: ['test-001'], answers: {}, flagged: [], correct: 0, total: 1, scaled: 100, passed: false, byTopic: [] };
    store.getState().saveExam(attempt);
    store.getState().saveExam({ ...attempt, id: 'exam-6', finishedAt: clock.now() + 1000, correct: 1, scaled: 1000, passed: true });
    renderQuiz('#/quiz/progress', { store });
    expect(screen.getByText(/Current streak: 2 days/).closest('p')).toHaveTextContent('Current streak: 2 days (best 2 days)');
    const table = screen.getByRole('table', { name: /Exam attempts/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((c) => c.textContent))).toEqual([
      ['1 of 1', '1000', 'Pass'],
      ['0 of 1', '100', 'Fail'],
    ]);
    expect(within(rows[0]!).getByRole('link', { name: /Result of the exam/ })).toHaveAttribute('href', '#/quiz/attempt/exam-6');
  });

  it('exports the progress as a JSON file through a Blob link', async () => {
    const user = userEvent.setup();
    const store = makeStore();
    store.getState().answer(linkedQuestion.id, ['a'], 'practice');
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:test/1';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    renderQuiz('#/quiz/progress', { store });
    await user.click(screen.getByRole('button', { name: 'Export progress' }));
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.href).toBe('blob:test/1');
    expect(clicked[0]!.download).toBe('cognito-lab-quiz-progress-2025-01-15.json');
    const exported = JSON.parse(await blobs[0]!.text());
    expect(exported).toMatchObject({ app: 'cognito-lab', kind: 'quiz-progress', version: 2 });
    expect(exported.history).toHaveLength(1);
    expect(screen.getByText('Exported your progress as cognito-lab-quiz-progress-2025-01-15.json.')).toBeInTheDocument();
  });

  it('refuses a file that is not an export, says why, and keeps the progress', async () => {
    const user = userEvent.setup();
    const store = makeStore();
    store.getState().answer(linkedQuestion.id, ['a'], 'practice');
    const before = store.getState().progress;
    renderQuiz('#/quiz/progress', { store });
    const input = screen.getByLabelText('Import progress from a file');

    await user.upload(input, new File(['this is not json'], 'notes.json', { type: 'application/json' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('“notes.json” was not imported: This file is not a Cognito Lab quiz progress export: it is not JSON. Your progress is unchanged.');
    expect(store.getState().progress).toBe(before);

    await user.upload(input, new File([JSON.stringify({ app: 'cognito-lab', kind: 'settings' })], 'settings.json', { type: 'application/json' }));
    expect(await screen.findByText(/“settings.json” was not imported: This Cognito Lab file holds "settings", not quiz progress/)).toBeInTheDocument();
    expect(store.getState().progress).toBe(before);
    expect(screen.queryByRole('button', { name: 'Replace my progress' })).not.toBeInTheDocument();
  });

  it('imports an exported file after asking, and can be cancelled', async () => {
    const user = userEvent.setup();
    const other = makeStore();
    other.getState().answer(multipleQuestion.id, ['a', 'b'], 'practice');
    other.getState().answer(unlinkedQuestion.id, ['a'], 'practice');
    const file = () => new File([other.getState().exportText()], 'backup.json', { type: 'application/json' });
    const store = makeStore();
    renderQuiz('#/quiz/progress', { store });
    const input = screen.getByLabelText('Import progress from a file');

    await user.upload(input, file());
    expect(await screen.findByText(/Replace your current progress \(0 answers, 0 exams\) with the progress in “backup.json” \(2 answers, 0 exams\)\?/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByText('Import cancelled. Your progress is unchanged.')).toBeInTheDocument();
    expect(store.getState().progress.history).toHaveLength(0);

    await user.upload(input, file());
    await user.click(await screen.findByRole('button', { name: 'Replace my progress' }));
    expect(screen.getByText('Imported your progress from “backup.json”.')).toBeInTheDocument();
    expect(store.getState().progress.history.map((h) => h.questionId)).toEqual([multipleQuestion.id, unlinkedQuestion.id]);
    expect(screen.getByText(/2 answers recorded/)).toBeInTheDocument();
  });
});

describe('The store notice', () => {
  it('says when saved progress could not be read, and goes away when dismissed', async () => {
    const user = userEvent.setup();
    const store = makeStore({ storage: memoryStorage({ [QUIZ_KEY]: '{ broken' }) });
    renderQuiz('#/quiz', { store });
    const notice = screen.getByText(/Your saved quiz progress could not be read/);
    expect(notice.closest('[role="status"]')).not.toBeNull();
    expect(notice).toHaveTextContent(/Nothing was lost/);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/Your saved quiz progress could not be read/)).not.toBeInTheDocument();
    expect(store.getState().notice).toBeNull();
  });

  it('says when progress of the earlier format was upgraded', () => {
    const v1 = JSON.stringify({ version: 1, answered: { 'test-001': { right: 2, wrong: 0, last: Date.UTC(2025, 0, 10) } } });
    const store = makeStore({ storage: memoryStorage({ [QUIZ_KEY]: v1 }) });
    renderQuiz('#/quiz/progress', { store });
    expect(screen.getByText(/Your quiz progress was upgraded/)).toBeInTheDocument();
  });
});
