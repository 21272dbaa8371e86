// Learner journey: open the built app, visit every route from the navigation, switch the theme and
// find it remembered after a reload, and use the app at 375 px wide.
import { expect, test } from '@playwright/test';

const routes = [
  { link: 'Learn', heading: 'Learn', hash: '#/learn' },
  { link: 'Sandbox', heading: 'Sandbox', hash: '#/sandbox' },
  { link: 'Quiz', heading: 'Quiz', hash: '#/quiz' },
  { link: 'About', heading: 'About Cognito Lab', hash: '#/about' },
];

test('a learner visits every route, toggles the theme, and it is remembered', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./');
  await expect(page).toHaveTitle('Cognito Lab');
  const nav = page.getByRole('navigation', { name: 'Main' });

  for (const r of [...routes.slice(1), routes[0]!]) {
    await nav.getByRole('link', { name: r.link }).click();
    await expect(page).toHaveURL(new RegExp(`${r.hash}$`));
    await expect(page.getByRole('heading', { level: 1, name: r.heading })).toBeVisible();
    await expect(nav.getByRole('link', { name: r.link })).toHaveAttribute('aria-current', 'page');
  }

  await page.screenshot({ path: 'test-results/shell-light.png', fullPage: true });
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: 'test-results/shell-dark.png', fullPage: true });

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'About Cognito Lab' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the theme follows the system until the learner chooses one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./#/about');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('keyboard alone: skip link, navigation with visible focus', async ({ page }) => {
  await page.goto('./#/learn');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  await page.keyboard.press('Shift+Tab');
  await page.getByRole('link', { name: 'Quiz' }).focus();
  const outline = await page.getByRole('link', { name: 'Quiz' }).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeFocused();
});

test('works at 375 px wide without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('./#/about');
  await expect(page.getByRole('heading', { level: 1, name: 'About Cognito Lab' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Switch to (dark|light) theme/ })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/shell-375.png', fullPage: true });
});

test('an unknown address shows a way back, not a blank page', async ({ page }) => {
  await page.goto('./#/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to Learn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Learn' })).toBeVisible();
});
