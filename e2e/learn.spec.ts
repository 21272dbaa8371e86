// Learner journeys through the scenarios: pick one in the library, walk it to the end with the keyboard,
// open a deep link to a middle step, step back, inspect the decoded ID token; screenshots in both themes.
import { expect, test, type Page } from '@playwright/test';
import { scenarios } from '../src/content/scenarios/index';

async function stepCount(page: Page): Promise<number> {
  const text = (await page.getByText(/^Step \d+ of \d+$/).textContent()) ?? '';
  return Number(/of (\d+)/.exec(text)?.[1] ?? 0);
}

for (const scenario of scenarios) {
  test(`walks "${scenario.title}" to its outcome with the keyboard`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('./#/learn');
    await page.getByRole('link', { name: scenario.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: scenario.title })).toBeFocused();
    await expect(page.getByText(/^Step 1 of \d+$/)).toBeVisible();
    const total = await stepCount(page);
    for (let i = 2; i <= total; i++) {
      await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'Space');
      await expect(page.getByText(`Step ${i} of ${total}`, { exact: true })).toBeVisible();
    }
    await expect(page).toHaveURL(new RegExp(`#/learn/${scenario.id}/${total}$`));
    const outcome = page.getByRole('note', { name: 'Outcome' });
    await expect(outcome).toContainText(scenario.outcome);
    await expect(outcome).not.toContainText('Outcome not reached');
    expect(errors).toEqual([]);
  });
}

test('a deep link opens a middle step; stepping back and the browser buttons follow', async ({ page }) => {
  await page.goto('./#/learn/sign-up-and-sign-in/3');
  await expect(page.getByText('Step 3 of 5', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: '3. Confirm the code' })).toBeVisible();
  await page.getByRole('button', { name: 'Previous step' }).click();
  await expect(page.getByText('Step 2 of 5', { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/#\/learn\/sign-up-and-sign-in\/2$/);
  await page.goBack();
  await expect(page.getByText('Step 3 of 5', { exact: true })).toBeVisible();
  await page.goForward();
  await expect(page.getByText('Step 2 of 5', { exact: true })).toBeVisible();
  await page.keyboard.press('Home');
  await expect(page.getByText('Step 1 of 5', { exact: true })).toBeVisible();
});

test('the sign-in step shows the decoded ID token with its signature verified', async ({ page }) => {
  await page.goto('./#/learn/sign-up-and-sign-in/4');
  await expect(page.getByRole('heading', { name: '4. Sign in' })).toBeVisible();
  await page.getByRole('tab', { name: 'Tokens' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Tokens' });
  await expect(panel.getByText('ID token', { exact: false }).first()).toBeVisible();
  await expect(panel.getByText('maya@example.com').first()).toBeVisible();
  await expect(panel.getByText(/Signature verified/).first()).toBeVisible();
});

test('play runs to the end and stops there', async ({ page }) => {
  await page.goto('./#/learn/groups-and-roles/1');
  await expect(page.getByText('Step 1 of 3', { exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('2');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByText('Step 3 of 3', { exact: true })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('screenshots of the player in both themes and at 375 px', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./#/learn/sign-up-and-sign-in/4');
  await expect(page.getByText('Step 4 of 5', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/player-light.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: 'test-results/player-dark.png', fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/player-375.png', fullPage: true });
});

test('an unknown scenario says so and links back', async ({ page }) => {
  await page.goto('./#/learn/no-such-scenario');
  await expect(page.getByRole('heading', { level: 1, name: 'Scenario not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the scenarios' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Learn' })).toBeVisible();
});

test('with reduced motion no chip travels; the current exchange is highlighted instead', async ({ page }) => {
  await page.goto('./#/learn/sign-up-and-sign-in/1');
  await expect(page.locator('[data-travelling-chip]').first()).toBeAttached();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  await expect(page.getByText('Step 1 of 5', { exact: true })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Step 2 of 5', { exact: true })).toBeVisible();
  await expect(page.locator('[data-travelling-chip]')).toHaveCount(0);
  await expect(page.getByRole('img', { name: /Flow diagram: step 2 of 5/ })).toBeVisible();
});
