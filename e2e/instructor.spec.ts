// Instructor journeys: share a link to a scenario step (and a whole sandbox) and open it in another page at the same
// step; present a scenario with a clicker's keys; export the diagram as SVG and PNG for slides.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { defaultDoc, encodeShare } from '../src/store/sandbox';

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('a shared link to a scenario step opens at the same step in a new page', async ({ page, context }) => {
  const errors = collectErrors(page);
  await page.goto('./#/learn/sign-up-and-sign-in/3');
  await expect(page.getByText('Step 3 of 5', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a link' });
  const field = dialog.getByRole('textbox', { name: 'Link' });
  await expect(field).toHaveValue(/#\/share\/[A-Za-z0-9_-]+$/);
  const link = await field.inputValue();
  await expect(dialog.getByText(`${link.length} characters`)).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: 'Include passwords and secrets' })).not.toBeChecked();
  await page.screenshot({ path: 'test-results/instructor-share-dialog.png' });

  const other = await context.newPage();
  const otherErrors = collectErrors(other);
  await other.goto(link);
  await expect(other).toHaveURL(/#\/learn\/sign-up-and-sign-in\/3$/);
  await expect(other.getByText('Step 3 of 5', { exact: true })).toBeVisible();
  await expect(other.getByRole('heading', { name: '3. Confirm the code' })).toBeVisible();
  expect([...errors, ...otherErrors]).toEqual([]);
});

test('a shared link to a sandbox loads its world and actions at the same step', async ({ page }) => {
  const errors = collectErrors(page);
  const doc = {
    ...defaultDoc(),
    actions: [
      { kind: 'sign-in' as const, flow: 'USER_PASSWORD_AUTH' as const, username: 'alice', password: 'Alice#Passw0rd' },
      { kind: 'get-credentials' as const, as: 'signed-in' as const },
    ],
  };
  doc.world.userPools[0]!.passwordPolicy = { MinimumLength: 12 };
  const payload = await encodeShare({ kind: 'sandbox', doc, step: 1, view: { layout: 'diagram' } }, { includeSecrets: true });
  await page.goto(`./#/sandbox/share/${payload}`);
  await expect(page).toHaveURL(/#\/sandbox$/, { timeout: 30_000 });
  const saved = () => page.evaluate(() => JSON.parse(window.localStorage.getItem('cognito-lab:sandbox') ?? '{}'));
  await expect.poll(async () => (await saved()).actions?.map((a: { kind: string }) => a.kind)).toEqual(['sign-in', 'get-credentials']);
  expect((await saved()).world.userPools[0].passwordPolicy.MinimumLength).toBe(12);
  await expect(page.getByRole('heading', { level: 1, name: 'Sandbox' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a damaged shared link is refused with the reason and a way back', async ({ page }) => {
  await page.goto('./#/share/AAAA-not-a-real-link');
  await expect(page.getByRole('heading', { level: 1, name: 'This link could not be opened' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('The link');
  await page.getByRole('link', { name: 'Go to the scenarios' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Learn' })).toBeVisible();
});

test('presenter view by keyboard: open, Page Down and Page Up step, "." blanks, Escape leaves', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./#/learn/sign-up-and-sign-in/1');
  await expect(page.getByText('Step 1 of 5', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Present' }).focus();
  await page.keyboard.press('Enter');
  const presenter = page.getByRole('dialog', { name: 'Presenter view: Sign up, confirm, sign in' });
  await expect(presenter).toBeVisible();
  await expect(page).toHaveURL(/\?view=presenter$/);
  await page.keyboard.press('PageDown');
  await expect(presenter.getByText('Step 2 of 5', { exact: true })).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(presenter.getByText('Step 3 of 5', { exact: true })).toBeVisible();
  await expect(presenter.getByRole('heading', { name: '3. Confirm the code' })).toBeVisible();
  await page.keyboard.press('PageUp');
  await expect(presenter.getByText('Step 2 of 5', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/instructor-presenter.png' });

  const blank = page.locator('.presenter__blank');
  await page.keyboard.press('.');
  await expect(blank).toBeVisible();
  await page.keyboard.press('.');
  await expect(blank).toBeHidden();

  await page.keyboard.press('l');
  await page.mouse.move(400, 300);
  await expect(page.getByTestId('pointer-ring')).toBeVisible();
  await page.keyboard.press('l');

  await page.keyboard.press('Escape');
  await expect(presenter).toBeHidden();
  await expect(page).toHaveURL(/#\/learn\/sign-up-and-sign-in\/2$/);
  await expect(page.getByText('Step 2 of 5', { exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the diagram exports as SVG and as PNG', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./#/learn/sign-up-and-sign-in/4');
  await expect(page.getByText('Step 4 of 5', { exact: true })).toBeVisible();

  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the diagram as SVG' }).click()]);
  expect(svgDownload.suggestedFilename()).toBe('sign-up-confirm-sign-in-step-4.svg');
  const svg = await readFile((await svgDownload.path())!, 'utf8');
  expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toContain('User pool');
  expect(svg).toContain('InitiateAuth');
  expect(svg).not.toContain('var(--');

  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the diagram as PNG' }).click()]);
  expect(pngDownload.suggestedFilename()).toBe('sign-up-confirm-sign-in-step-4.png');
  const png = await readFile((await pngDownload.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const viewBox = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg)!;
  // Twice the SVG's size, for projectors and high-density screens.
  expect(width).toBe(Math.round(Number(viewBox[1]) * 2));
  expect(height).toBe(Math.round(Number(viewBox[2]) * 2));
  // Not a blank canvas: the PNG of a drawn diagram is far larger than an empty one.
  expect(png.length).toBeGreaterThan(20_000);
  expect(errors).toEqual([]);
});
