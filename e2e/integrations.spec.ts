// Learner journeys through API Gateway and the ALB: the Gateway view of an authorized call, and the ALB's
// sign-in played in the browser, where the target verifies the headers the load balancer signed.
import { expect, test } from '@playwright/test';

test('the Gateway tab names the Cognito authorizer and shows the claims the Lambda received as strings', async ({ page }) => {
  await page.goto('./#/learn/api-gateway-cognito-authorizer/3');
  await expect(page.getByRole('heading', { name: '3. Call with the ID token' })).toBeVisible();
  await page.getByRole('tab', { name: 'Gateway' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Gateway' });
  await expect(panel.getByText(/Cognito user pool/).first()).toBeVisible();
  await expect(panel.getByText('"alice"').first()).toBeVisible();
});

test('the ALB scenario ends with the target verifying x-amzn-oidc-data, cookies and all, in the browser', async ({ page }) => {
  await page.goto('./#/learn/alb-authenticate-cognito/6');
  await expect(page.getByRole('heading', { name: '6. The app receives the user' })).toBeVisible();
  await page.getByRole('tab', { name: 'HTTP' }).click();
  const http = page.getByRole('tabpanel', { name: 'HTTP' });
  await expect(http.getByText(/"signedIn": true/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByText('Step 7 of 7', { exact: true })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Outcome' })).toContainText('verified the ALB');
  await expect(page.getByRole('note', { name: 'Outcome' })).not.toContainText('Outcome not reached');
});
