// The keyboard alone, no mouse: a learner completes a scenario, a practice quiz and a sandbox sign-in with Tab,
// Shift+Tab, Enter, Space, the arrow keys and the app's own shortcuts (→/Space/← in the player, digits and Enter in
// the quiz). Only the first address is typed; every other move is a key press.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { questions } from '../src/content/quiz/index';

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 250 } = {}) {
  await expect(target).toBeVisible({ timeout: 30_000 });
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `not reached with ${max} presses of Tab`).toBeFocused();
}

/** The focused element shows where it is: an outline on it, or on the card around it (cards draw it with :has). */
async function expectVisibleFocus(target: Locator) {
  await expect(target).toBeFocused();
  const outlined = await target.evaluate((el) => {
    for (let node: Element | null = el, depth = 0; node && depth < 4; node = node.parentElement, depth++) {
      const style = getComputedStyle(node);
      if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) return true;
    }
    return false;
  });
  expect(outlined, 'a visible focus indicator').toBe(true);
}

test('a scenario, from the library to its outcome, with the keyboard alone', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./#/learn');

  const link = page.getByRole('link', { name: 'Sign up, confirm, sign in' });
  await tabTo(page, link);
  await expectVisibleFocus(link);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign up, confirm, sign in' })).toBeFocused();
  await expect(page.getByText('Step 1 of 5', { exact: true })).toBeVisible({ timeout: 30_000 });

  // The player's shortcuts: → and Space step forward, ← steps back.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Step 2 of 5', { exact: true })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByText('Step 3 of 5', { exact: true })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText('Step 2 of 5', { exact: true })).toBeVisible();

  // The on-screen "Next step" button, reached with Tab and pressed with Enter.
  const nextButton = page.getByRole('button', { name: 'Next step' });
  await tabTo(page, nextButton);
  await expectVisibleFocus(nextButton);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Step 3 of 5', { exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Step 4 of 5', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Narration' })).toContainText('4. Sign in');

  // The inspector's tabs: Tab into the tab list, → selects the next tab, and its panel shows the tokens.
  const httpTab = page.getByRole('tab', { name: 'HTTP', exact: true });
  await tabTo(page, httpTab);
  await page.keyboard.press('ArrowRight');
  const tokensTab = page.getByRole('tab', { name: 'Tokens', exact: true });
  await expectVisibleFocus(tokensTab);
  await expect(tokensTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Tokens' }).getByText(/Signature verified/).first()).toBeVisible();

  // Back out of the tab list (arrows belong to it there), then the last step with Space.
  await tabTo(page, nextButton, { backwards: true });
  await page.keyboard.press('Space');
  await expect(page.getByText('Step 5 of 5', { exact: true })).toBeVisible();
  const outcome = page.getByRole('note', { name: 'Outcome' });
  await expect(outcome).toBeVisible();
  await expect(outcome).not.toContainText('Outcome not reached');
  await expect(page).toHaveURL(/#\/learn\/sign-up-and-sign-in\/5$/);
  expect(errors).toEqual([]);
});

test('a practice quiz, from the quiz home to its score, with the keyboard alone', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./#/quiz');

  const practice = page.getByRole('link', { name: 'Practice' }).first();
  await tabTo(page, practice);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Practice' })).toBeFocused();

  // The number of questions is a radio group: Tab reaches the checked one, ← moves the choice to 5.
  const ten = page.getByRole('radio', { name: '10' });
  await tabTo(page, ten);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: '5' })).toBeChecked();
  await expect(page.getByRole('radio', { name: '5' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Start', exact: true }));
  await page.keyboard.press('Enter');

  for (let i = 1; i <= 5; i++) {
    const heading = page.getByRole('heading', { level: 2, name: `Question ${i} of 5` });
    await expect(heading).toBeFocused();
    const stem = (await page.locator('.quiz-question__stem').textContent()) ?? '';
    const question = questions.find((q) => q.stem === stem);
    if (!question) throw new Error(`not in the bank: ${stem}`);
    const needed = question.kind === 'single' ? 1 : question.options.filter((o) => o.correct).length;
    if (i === 1) {
      // The options themselves: Tab to the first, Space chooses it (and Tab + Space the next ones for "Choose N").
      const role = question.kind === 'single' ? 'radio' : 'checkbox';
      const options = page.getByRole(role);
      await tabTo(page, options.first());
      await page.keyboard.press('Space');
      for (let k = 1; k < needed; k++) {
        await page.keyboard.press('Tab');
        await page.keyboard.press('Space');
      }
      await expect(page.getByRole(role, { checked: true })).toHaveCount(needed);
    } else {
      // The quiz's shortcuts: a digit chooses the option in that place.
      for (let k = 1; k <= needed; k++) await page.keyboard.press(String(k));
    }
    await page.keyboard.press('Enter');
    const feedback = page.getByRole('status').filter({ hasText: /^(Correct|Incorrect)\./ });
    await expect(feedback).toBeVisible();
    // Focus moved to the button that goes on; Enter presses it.
    const onwards = page.getByRole('button', { name: i < 5 ? 'Next question' : 'See your score' });
    await expectVisibleFocus(onwards);
    await page.keyboard.press('Enter');
  }

  await expect(page.getByRole('heading', { level: 2, name: /^Finished: \d of 5 right$/ })).toBeFocused();
  expect(errors).toEqual([]);
});

test('a sandbox sign-in, its narration and its inspector, with the keyboard alone', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./#/sandbox');
  const panel = page.getByRole('region', { name: 'Act as the app' });
  await expect(panel.getByText(/No request yet/)).toBeVisible({ timeout: 30_000 });

  // Choose bob with his demo button, then the form's submit button.
  const signIn = panel.getByRole('form', { name: 'Sign in' });
  const useBob = signIn.getByRole('button', { name: 'Use bob' });
  await tabTo(page, useBob);
  await expectVisibleFocus(useBob);
  await page.keyboard.press('Enter');
  await expect(signIn.getByRole('textbox', { name: 'Username' })).toHaveValue('bob');
  const submit = signIn.getByRole('button', { name: 'Sign in', exact: true });
  await tabTo(page, submit);
  await page.keyboard.press('Enter');

  const narration = panel.getByRole('region', { name: 'Narration' });
  await expect(narration.getByRole('heading', { name: '1. Sign in bob (password)' })).toBeVisible({ timeout: 30_000 });

  // The run's inspector: Tab to its tab list, End selects the last tab (Decision), Home the first (HTTP).
  const httpTab = panel.getByRole('tab', { name: 'HTTP', exact: true });
  await tabTo(page, httpTab);
  await page.keyboard.press('End');
  await expect(panel.getByRole('tab', { name: 'Decision', exact: true })).toBeFocused();
  await expect(panel.getByRole('tabpanel', { name: 'Decision' })).toBeVisible();
  await page.keyboard.press('Home');
  await expect(httpTab).toBeFocused();
  const http = panel.getByRole('tabpanel', { name: 'HTTP' });
  await expect(http).toContainText('200');
  await expect(http.getByText(/AWSCognitoIdentityProviderService\.InitiateAuth/).first()).toBeVisible();
  expect(errors).toEqual([]);
});
