// Learner journey through the live TOTP lab: alice sets up an authenticator by typing the virtual
// authenticator's code, turns TOTP MFA on and signs in again with a fresh code, all from the keyboard.
import { expect, test, type Page } from '@playwright/test';

async function readCode(page: Page): Promise<string> {
  const text = await page.getByRole('region', { name: 'Virtual authenticator' }).getByText(/^\d{3} \d{3}$/).textContent();
  return (text ?? '').replace(' ', '');
}

test('TOTP setup and sign-in with the virtual authenticator', async ({ page }) => {
  // Up to 30 s of it waiting for a fresh code: a TOTP code works only once.
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto('./#/learn');
  await page.getByRole('link', { name: 'Set up TOTP MFA with your phone' }).click();
  await expect(page).toHaveURL(/#\/learn\/lab\/totp$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Live TOTP lab' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Set up an authenticator app' })).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'Start TOTP setup' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Verify the authenticator' })).toBeFocused();
  await expect(page.getByRole('img', { name: /^QR code of the otpauth URI for Cognito Lab: alice\./ })).toBeVisible();
  await expect(page.getByText(/^otpauth:\/\/totp\/Cognito%20Lab:alice\?secret=[A-Z2-7]+&issuer=Cognito%20Lab/)).toBeVisible();

  // Tab from the task's heading reaches the code field; Enter sends it.
  await page.keyboard.press('Tab');
  const field = page.getByRole('textbox', { name: 'Code from the authenticator' });
  await expect(field).toBeFocused();
  await page.keyboard.type(await readCode(page));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Turn on TOTP MFA' })).toBeFocused({ timeout: 15_000 });
  await expect(page.getByText('The authenticator is verified.')).toBeVisible();

  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Make TOTP the preferred MFA' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sign in again' })).toBeFocused({ timeout: 15_000 });

  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Sign in again with the password' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Enter a code to sign in' })).toBeFocused({ timeout: 15_000 });

  // The code that verified the authenticator cannot be used twice: wait for the next one.
  await expect(page.getByText(/A code works only once/)).toBeHidden({ timeout: 35_000 });
  await page.keyboard.press('Tab');
  await expect(field).toBeFocused();
  await page.keyboard.type(await readCode(page));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Signed in with two factors' })).toBeFocused({ timeout: 15_000 });
  await expect(page.getByText('Signed in as alice, with a password and an authenticator code.')).toBeVisible();
  const claims = page.getByRole('table', { name: 'ID token claims' });
  await expect(claims.getByRole('row', { name: /cognito:username/ })).toContainText('alice');

  const steps = page.getByRole('list', { name: 'Steps so far' }).getByRole('button');
  await expect(steps).toHaveText(['Sign in with the password', 'Start TOTP setup', 'Verify the authenticator', 'Make TOTP the preferred MFA', 'Sign in again', 'Answer the TOTP challenge']);
  await page.screenshot({ path: 'test-results/totp-lab.png', fullPage: true });
  expect(errors).toEqual([]);
});
