// Learner journeys through the identity-pool scenarios: the credentials the identity pool issued (secret
// masked until revealed), the policy evaluation behind a denial, the SigV4 check, and DynamoDB items.
import { expect, test } from '@playwright/test';

test('the credentials step shows temporary credentials with the secret masked until revealed', async ({ page }) => {
  await page.goto('./#/learn/identity-pool-own-notes/3');
  await expect(page.getByRole('heading', { name: '3. Get credentials' })).toBeVisible();
  await page.getByRole('tab', { name: 'Credentials' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Credentials' });
  await expect(panel.getByRole('heading', { name: /Temporary credentials for Cognito_LearnerAuth_Role/ })).toBeVisible();
  await expect(panel.getByText(/^ASIA[A-Z0-9]{16}$/).first()).toBeVisible();
  const reveal = panel.getByRole('button', { name: 'Reveal secret' });
  await expect(reveal).toHaveAttribute('aria-pressed', 'false');
  await reveal.press('Enter');
  await expect(reveal).toHaveAttribute('aria-pressed', 'true');
});

test('a denied read explains the policy evaluation, with the variable substituted', async ({ page }) => {
  await page.goto('./#/learn/identity-pool-others-notes-denied/6');
  await expect(page.getByRole('note', { name: 'Outcome' })).toContainText('AccessDeniedException');
  await page.getByRole('tab', { name: 'Policy' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Policy' });
  await expect(panel.getByText('Implicitly denied').first()).toBeVisible();
  await expect(panel.getByText('dynamodb:LeadingKeys').first()).toBeVisible();
  await expect(panel.getByText(/\$\{cognito-identity\.amazonaws\.com:sub\}/).first()).toBeVisible();
  await page.getByRole('tab', { name: 'SigV4' }).click();
  await expect(page.getByRole('tabpanel', { name: 'SigV4' }).getByText(/kSigning/).first()).toBeVisible();
});

test('a query shows the items DynamoDB returned as a table', async ({ page }) => {
  await page.goto('./#/learn/identity-pool-own-notes/5');
  await page.getByRole('tab', { name: 'Items' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Items' });
  await expect(panel.getByRole('table').first()).toBeVisible();
  await expect(panel.getByRole('cell', { name: /Buy milk/ }).first()).toBeVisible();
});
