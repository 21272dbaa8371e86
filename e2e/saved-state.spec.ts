// Saved state in a real browser: damaged values of every persisted store (settings, quiz progress, sandbox) each
// bring a notice and a working page, and a full localStorage leaves the theme applied for the visit with a notice.
import { expect, test } from '@playwright/test';

test('damaged settings, quiz progress and sandbox: a notice each, and every page works', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    // Only on the first load, so each store's recovery can be seen to stick.
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('cognito-lab:settings', '{"version":1,"theme":');
    localStorage.setItem('cognito-lab:quiz', 'not json at all');
    localStorage.setItem('cognito-lab:sandbox', '{"version":1,"world":{');
  });
  await page.goto('./#/learn');
  const settingsNotice = page.getByRole('status').filter({ hasText: 'Your saved settings could not be read' });
  await expect(settingsNotice).toBeVisible();
  await settingsNotice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(settingsNotice).toBeHidden();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
  await expect(page.getByText(/Your saved quiz progress could not be read/)).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sandbox' }).click();
  await expect(page.getByText(/Your saved sandbox could not be read/)).toBeVisible({ timeout: 30_000 });
  const panel = page.getByRole('region', { name: 'Act as the app' });
  await expect(panel.getByText(/No request yet/)).toBeVisible({ timeout: 30_000 });

  // Each store kept the damaged text aside and saved a readable value: a reload shows no notice.
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  expect(keys.filter((k) => k.includes('recovered')).length).toBe(2);
  expect(JSON.parse((await page.evaluate(() => localStorage.getItem('cognito-lab:settings'))) ?? 'null')).toEqual({ version: 1, theme: 'system' });
  await page.reload();
  await expect(panel.getByText(/No request yet/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/could not be read/)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a full localStorage: the chosen theme applies for the visit, with a notice', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./#/about');
  await expect(page.getByRole('heading', { level: 1, name: 'About Cognito Lab' })).toBeVisible();
  // Fill the origin's storage to the brim.
  const filled = await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let i = 0;
    while (chunk.length > 0) {
      try {
        localStorage.setItem(`filler-${i++}`, chunk);
      } catch {
        chunk = chunk.slice(0, Math.floor(chunk.length / 2));
      }
    }
    return i;
  });
  expect(filled).toBeGreaterThan(1);
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('status').filter({ hasText: "Your theme could not be saved: this browser's storage for the site is full." })).toBeVisible();
});
