// Learner journeys through the sandbox: configure a stricter password policy and watch a
// sign-up fail with InvalidPasswordException; sign in, tamper a token claim and watch API Gateway refuse GET /profile.
// Each time AWS's answer is read in the inspector, as in a scenario.
import { expect, test, type Page } from '@playwright/test';

async function openSandbox(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./#/sandbox');
  // A fresh sandbox: nothing saved from an earlier test.
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  const panel = page.getByRole('region', { name: 'Act as the app' });
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText(/No request yet/)).toBeVisible({ timeout: 30_000 });
  return { panel, errors };
}

test('a stricter password policy: the sign-up is refused with InvalidPasswordException', async ({ page }) => {
  test.setTimeout(90_000);
  const { panel, errors } = await openSandbox(page);

  // Configure: the user pool's password policy now wants 16 characters.
  const configure = page.getByRole('region', { name: 'Configure the world' });
  await configure.getByRole('tab', { name: 'User pool' }).click();
  await configure.getByRole('textbox', { name: /^Minimum length/ }).fill('16');
  await configure.getByRole('button', { name: 'Apply user pool settings' }).click();
  await expect.poll(() => page.evaluate(() => JSON.parse(window.localStorage.getItem('cognito-lab:sandbox') ?? '{}').world?.userPools?.[0]?.passwordPolicy?.MinimumLength)).toBe(16);
  await expect(panel.getByRole('button', { name: 'Sign up', exact: true })).toBeEnabled({ timeout: 30_000 });

  // From the keyboard: the User pool tab, then the sign-up form's fields (a 14-character password).
  const userPoolTab = panel.getByRole('tab', { name: 'User pool' });
  await userPoolTab.focus();
  await page.keyboard.press('Enter');
  const signUp = panel.getByRole('form', { name: 'Sign up' });
  await signUp.getByRole('textbox', { name: 'Username' }).fill('carla');
  await signUp.getByRole('textbox', { name: 'Password' }).fill('Carla#Passw0rd');
  await signUp.getByRole('textbox', { name: 'Password' }).press('Enter');

  await expect(panel.getByRole('heading', { name: '1. Sign up carla' })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole('region', { name: 'Narration' })).toContainText('InvalidPasswordException');
  const http = panel.getByRole('tabpanel', { name: 'HTTP' });
  await expect(http.getByText(/InvalidPasswordException/).first()).toBeVisible();
  await expect(http).toContainText('Password does not conform to policy: Password not long enough');
  await page.screenshot({ path: 'test-results/sandbox-password-policy.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('sign in, tamper a claim: API Gateway refuses GET /profile with 401', async ({ page }) => {
  test.setTimeout(90_000);
  const { panel, errors } = await openSandbox(page);

  const signIn = panel.getByRole('form', { name: 'Sign in' });
  await signIn.getByRole('button', { name: 'Use alice' }).click();
  await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(panel.getByRole('heading', { name: '1. Sign in alice (password)' })).toBeVisible({ timeout: 30_000 });

  await panel.getByRole('tab', { name: 'Break it' }).click();
  await panel.getByRole('radio', { name: 'Tamper a claim' }).check();
  await expect(panel.getByText('Armed for the next call:')).toBeVisible();
  await panel.getByRole('tab', { name: 'Identity pool and API' }).click();
  await panel.getByRole('combobox', { name: 'Route' }).selectOption('GET /profile');
  await panel.getByRole('button', { name: 'Send GET /profile' }).click();

  await expect(panel.getByRole('heading', { name: '2. GET /profile' })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText('Armed for the next call:')).toBeHidden();
  await expect(panel.getByRole('region', { name: 'Narration' })).toContainText('Break it');
  const http = panel.getByRole('tabpanel', { name: 'HTTP' });
  await expect(http).toContainText('401');
  await expect(http).toContainText('Unauthorized');

  // Stepping back with the player's keys shows the sign-in again.
  await panel.getByRole('heading', { name: 'On the wire' }).click();
  await page.keyboard.press('ArrowLeft');
  await expect(panel.getByRole('heading', { name: '1. Sign in alice (password)' })).toBeVisible();
  await page.screenshot({ path: 'test-results/sandbox-tampered-claim.png', fullPage: true });
  expect(errors).toEqual([]);
});
