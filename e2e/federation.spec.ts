// A learner plays "Sign in with Google, then get AWS credentials" with the keyboard: at Google's sign-in step the
// diagram's current arrow goes from the browser to Google and the inspector shows Google's page and its federation
// note; back at Cognito the hosted UI's own calls to Google show; the last step reaches the stated outcome.
import { expect, test, type Page } from '@playwright/test';
import { googleToIdentityPool } from '../src/content/scenarios/google-to-identity-pool';

async function stepCount(page: Page): Promise<number> {
  const text = (await page.getByText(/^Step \d+ of \d+$/).textContent()) ?? '';
  return Number(/of (\d+)/.exec(text)?.[1] ?? 0);
}

test('walks the Google sign-in to AWS credentials, with Google in the diagram and the inspector', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./#/learn/google-to-identity-pool');
  await expect(page.getByRole('heading', { level: 1, name: googleToIdentityPool.title })).toBeVisible();
  await expect(page.getByText(/^Step 1 of \d+$/)).toBeVisible();
  const total = await stepCount(page);
  expect(total).toBe(8);
  await expect(page.getByRole('img', { name: /step 1 of 8, Browser → Hosted UI/ })).toBeVisible();

  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Step 2 of 8', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: "2. Google's sign-in page" })).toBeVisible();
  await expect(page.getByRole('img', { name: /step 2 of 8, Browser → Google/ })).toBeVisible();
  await page.getByRole('tab', { name: 'HTTP' }).click();
  const http = page.getByRole('tabpanel', { name: 'HTTP' });
  await expect(http.getByText(/accounts\.google\.com\/o\/oauth2\/v2\/auth/).first()).toBeVisible();
  await page.getByRole('tab', { name: 'Decision' }).click();
  const decision = page.getByRole('tabpanel', { name: 'Decision' });
  await expect(decision.getByText('Federation').first()).toBeVisible();
  await expect(decision.getByText('Google (Google)').first()).toBeVisible();

  // Steps 3 and 4: back to Cognito, which calls Google's token endpoint and JWKS itself. (Keys typed on a tab are
  // the tab's own, so focus goes back to the page first.)
  await page.getByRole('heading', { level: 1, name: googleToIdentityPool.title }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByText('Step 3 of 8', { exact: true })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Step 4 of 8', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: '4. Cognito meets Google' })).toBeVisible();
  await expect(page.getByRole('img', { name: /step 4 of 8, Browser → Hosted UI/ })).toBeVisible();
  await page.getByRole('tab', { name: 'HTTP' }).click();
  const calls = page.getByRole('tabpanel', { name: 'HTTP' });
  await expect(calls.getByRole('heading', { name: 'Calls this service made (2)' })).toBeVisible();
  await expect(calls.getByText('hosted-ui → google')).toHaveCount(2);
  await page.getByRole('heading', { level: 1, name: googleToIdentityPool.title }).focus();

  for (let i = 5; i <= total; i++) {
    await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'Space');
    await expect(page.getByText(`Step ${i} of ${total}`, { exact: true })).toBeVisible();
  }
  await expect(page).toHaveURL(/#\/learn\/google-to-identity-pool\/8$/);
  const outcome = page.getByRole('note', { name: 'Outcome' });
  await expect(outcome).toContainText(googleToIdentityPool.outcome);
  await expect(outcome).not.toContainText('Outcome not reached');
  expect(errors).toEqual([]);
});
