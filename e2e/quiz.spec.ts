// Learner journeys through the quiz: a short exam taken with the keyboard alone, to its scaled score and topic
// table; and a wrong practice answer whose "See it in the simulator" link opens the right step of the player.
import { expect, test, type Page } from '@playwright/test';
import { questions } from '../src/content/quiz/index';
import type { Question } from '../src/content/quiz/types';

async function questionOnScreen(page: Page): Promise<Question> {
  const stem = (await page.locator('.quiz-question__stem').textContent()) ?? '';
  const q = questions.find((x) => x.stem === stem);
  if (!q) throw new Error(`not in the bank: ${stem}`);
  return q;
}

test('a 10-question exam taken with the keyboard alone, to its result', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./#/quiz/exam');
  await expect(page.getByRole('heading', { level: 1, name: 'Exam' })).toBeVisible();
  await expect(page.getByRole('radio', { name: '10' })).toBeChecked();

  // Tab to "Start the exam" (a keyboard user's only way there), then Enter.
  const start = page.getByRole('button', { name: 'Start the exam' });
  for (let i = 0; i < 40 && !(await start.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(start).toBeFocused();
  await page.keyboard.press('Enter');

  for (let i = 1; i <= 10; i++) {
    const heading = page.getByRole('heading', { level: 2, name: `Question ${i} of 10` });
    await expect(heading).toBeFocused();
    const q = await questionOnScreen(page);
    // Choose as many options as the question asks for, by their digit keys.
    const needed = q.kind === 'single' ? 1 : q.options.filter((o) => o.correct).length;
    for (let k = 1; k <= needed; k++) await page.keyboard.press(String(k));
    await expect(page.getByRole('button', { name: new RegExp(`^Question ${i}, answered$`) })).toBeVisible();
    await page.keyboard.press(i % 2 === 0 || i === 10 ? 'Enter' : 'n');
  }

  const confirm = page.getByRole('region', { name: 'Submit the exam?' });
  await expect(confirm.getByRole('heading', { name: 'Submit the exam?' })).toBeFocused();
  await expect(confirm).toContainText('Every question has an answer.');
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Submit now' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Exam result' })).toBeVisible();
  await expect(page).toHaveURL(/#\/quiz\/attempt\/exam-\d+$/);
  const score = page.getByRole('heading', { level: 2, name: /^Estimated scaled score: \d+$/ });
  await expect(score).toBeVisible();
  const scaled = Number(/(\d+)$/.exec((await score.textContent()) ?? '')?.[1]);
  expect(scaled).toBeGreaterThanOrEqual(100);
  expect(scaled).toBeLessThanOrEqual(1000);
  await expect(page.getByText(/\((estimate)\) against the pass mark of 720/)).toBeVisible();
  const table = page.getByRole('table', { name: 'Results by topic' });
  await expect(table).toBeVisible();
  expect(await table.getByRole('row').count()).toBeGreaterThan(1);
  await expect(page.getByRole('heading', { level: 3, name: /^Question 10: (right|wrong)/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/quiz-exam-result.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('a wrong practice answer, then its simulator link opens the step that shows why', async ({ page }) => {
  await page.goto('./#/quiz');
  await page.getByRole('link', { name: 'Practice' }).click();
  await page.getByRole('radio', { name: '20' }).check();
  await page.getByRole('button', { name: 'Start' }).click();

  for (let i = 1; i <= 20; i++) {
    await expect(page.getByRole('heading', { level: 2, name: `Question ${i} of 20` })).toBeFocused();
    const q = await questionOnScreen(page);
    // A wrong answer: a wrong option (for "Choose N", wrong ones first, topped up with right ones to make N).
    const needed = q.kind === 'single' ? 1 : q.options.filter((o) => o.correct).length;
    const picks = [...q.options.filter((o) => !o.correct), ...q.options.filter((o) => o.correct)].slice(0, needed);
    const role = q.kind === 'single' ? 'radio' : 'checkbox';
    for (const o of picks) await page.getByRole(role, { name: o.text, exact: true }).check();
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Incorrect\./ })).toBeVisible();
    if (!q.see) {
      await page.keyboard.press('n');
      continue;
    }
    const link = page.getByRole('link', { name: 'See it in the simulator' });
    await expect(link).toHaveAttribute('href', `#/learn/${q.see.scenario}/${q.see.step}`);
    await expect(page.getByText(`What to look at: ${q.see.look}`, { exact: false })).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`#/learn/${q.see.scenario}/${q.see.step}$`));
    await expect(page.getByText(new RegExp(`^Step ${q.see.step} of \\d+$`))).toBeVisible();
    // Back returns to the same question, its feedback still shown.
    await page.goBack();
    await expect(page.getByRole('heading', { level: 2, name: `Question ${i} of 20` })).toBeVisible();
    await expect(page.getByRole('link', { name: 'See it in the simulator' })).toBeVisible();
    return;
  }
  throw new Error('no linked question among the 20 drawn');
});
