// Learner-entered text is always rendered as text. In the sandbox a learner signs up with a username that closes an
// attribute and opens a script, and an e-mail address that is an <img onerror> tag, confirms, signs in, gets AWS
// credentials and stores a note whose text is another <img onerror>; then reads each back where the app shows it
// (the HTTP inspector, the inbox, the session, the decoded tokens, the items). A shared sandbox brings a world of
// the learner's own with a hostile group name, name attribute, note key and policy condition. Nothing
// may run (no dialog) and nothing may be parsed into an element (no <img src=x>, no inline <script>): the
// payloads must appear, verbatim, as text. The Content-Security-Policy would also block an injected handler, so
// the element checks, not only the dialog check, are what prove the rendering safe.
import { expect, test, type Page } from '@playwright/test';
import { defaultDoc, encodeShare } from '../src/store/sandbox';
import { watchSecurity, type SecurityWatch } from './security-watch';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT_NAME = '"><script>alert(1)</script>';
// An e-mail address Cognito's format check accepts (no spaces) that is also an <img onerror> tag.
const IMG_EMAIL = '"><img/src=x/onerror=alert(1)>@example.com';
const PASSWORD = 'Carla#Passw0rd';

async function expectNothingInjected(page: Page, watch: SecurityWatch): Promise<void> {
  const injected = await page.evaluate(() => ({
    images: document.querySelectorAll('img[src="x"], img[onerror]').length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    inlineScripts: [...document.scripts].filter((s) => !s.src).length,
  }));
  expect(injected).toEqual({ images: 0, handlers: 0, inlineScripts: 0 });
  expect(watch.dialogs).toEqual([]);
  expect(await watch.violations()).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
}

async function openSandbox(page: Page) {
  await page.goto('./#/sandbox');
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  const panel = page.getByRole('region', { name: 'Act as the app' });
  await expect(panel.getByText(/No request yet/)).toBeVisible({ timeout: 30_000 });
  return panel;
}

test('hostile sign-up values and a hostile note are shown as text everywhere in the sandbox', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await watchSecurity(page);
  const panel = await openSandbox(page);
  const http = panel.getByRole('tabpanel', { name: 'HTTP' });

  // Sign up through the learner's app: the request body carries both values.
  const signUp = panel.getByRole('form', { name: 'Sign up' });
  await signUp.getByRole('textbox', { name: 'Username' }).fill(SCRIPT_NAME);
  await signUp.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await signUp.getByRole('textbox', { name: 'E-mail' }).fill(IMG_EMAIL);
  await signUp.getByRole('button', { name: 'Sign up', exact: true }).click();
  await expect(panel.getByRole('heading', { name: /^1\. Sign up/ })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole('heading', { name: /^1\. Sign up/ })).toContainText(SCRIPT_NAME);
  await expect(http).toContainText('<script>alert(1)</script>');
  await expect(http).toContainText('<img/src=x/onerror=alert(1)>@example.com');
  await expect(page.getByRole('region', { name: 'Inbox and phone' })).toContainText(IMG_EMAIL);
  await expectNothingInjected(page, watch);

  // Confirm with the e-mailed code, and sign in: the decoded ID token holds both as claims.
  await panel.getByRole('form', { name: 'Confirm the sign-up' }).getByRole('button', { name: 'Confirm' }).click();
  await expect(panel.getByRole('heading', { name: /^2\. / })).toBeVisible({ timeout: 30_000 });
  const signIn = panel.getByRole('form', { name: 'Sign in' });
  await signIn.getByRole('textbox', { name: 'Username' }).fill(SCRIPT_NAME);
  await signIn.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(panel.getByRole('heading', { name: /^3\. Sign in/ })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole('region', { name: 'Narration' })).not.toContainText('Exception');
  await panel.getByRole('tab', { name: 'Tokens' }).click();
  const tokens = panel.getByRole('tabpanel', { name: 'Tokens' });
  await expect(tokens.getByText(/Signature verified/).first()).toBeVisible();
  await expect(tokens).toContainText(SCRIPT_NAME);
  await expect(tokens).toContainText(IMG_EMAIL);
  await expect(page.getByRole('region', { name: 'The app’s session' })).toContainText(SCRIPT_NAME);
  await expectNothingInjected(page, watch);

  // Credentials from the identity pool, then PutItem of a note whose text is an <img onerror>.
  await panel.getByRole('tab', { name: 'Identity pool and API' }).click();
  await panel.getByRole('button', { name: 'Get credentials' }).click();
  await expect(panel.getByRole('heading', { name: /^5\. / })).toBeVisible({ timeout: 30_000 });
  await panel.getByRole('tab', { name: 'DynamoDB' }).click();
  await panel.getByRole('textbox', { name: 'Attribute text' }).fill(IMG);
  await panel.getByRole('button', { name: 'Send PutItem' }).click();
  await expect(panel.getByRole('heading', { name: /^6\. / })).toBeVisible({ timeout: 30_000 });
  await panel.getByRole('tab', { name: 'HTTP' }).click();
  await expect(http).toContainText(IMG);
  await panel.getByRole('tab', { name: 'Items' }).click();
  await expect(panel.getByRole('tabpanel', { name: 'Items' })).toContainText(IMG);
  await expectNothingInjected(page, watch);
});

test("a shared sandbox with hostile names, attributes and policy JSON is shown as text", async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await watchSecurity(page);
  const doc = defaultDoc();
  const pool = doc.world.userPools[0]!;
  pool.groups = [...(pool.groups ?? []), { name: IMG, description: SCRIPT_NAME, precedence: 50 }];
  const bob = pool.users!.find((u) => u.username === 'bob')!;
  bob.groups = [...(bob.groups ?? []), IMG];
  bob.attributes = { ...bob.attributes, name: IMG };
  const role = doc.world.roles.find((r) => r.name === 'Cognito_LearnerAuth_Role')!;
  role.description = SCRIPT_NAME;
  role.policies.push({
    name: 'Hostile',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'NeverMatches',
          Effect: 'Deny',
          Action: 'dynamodb:PutItem',
          Resource: 'arn:aws:dynamodb:{{region}}:{{accountId}}:table/Notes',
          Condition: { StringEquals: { 'dynamodb:Attributes': [IMG] } },
        },
      ],
    },
  });
  doc.actions = [
    { kind: 'sign-in', flow: 'USER_PASSWORD_AUTH', username: 'bob', password: bob.password! },
    { kind: 'get-credentials', as: 'signed-in' },
    { kind: 'dynamodb', operation: 'PutItem', table: 'Notes', item: { noteId: SCRIPT_NAME, text: IMG } },
    { kind: 'hosted-ui-sign-in', provider: 'COGNITO', username: SCRIPT_NAME, password: 'not-the-password' },
  ];
  const payload = await encodeShare({ kind: 'sandbox', doc, step: 3, view: { layout: 'diagram' } }, { includeSecrets: true });
  await page.goto(`./#/sandbox/share/${payload}`);
  await expect(page).toHaveURL(/#\/sandbox$/, { timeout: 30_000 });
  const panel = page.getByRole('region', { name: 'Act as the app' });
  await expect(panel.getByRole('heading', { name: /^4\. / })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole('region', { name: 'Narration' })).not.toContainText('AccessDenied');

  // The PutItem: the policy evaluation shows the hostile condition value; the item shows the hostile text.
  await panel.getByRole('tab', { name: 'Policy' }).click();
  await expect(panel.getByRole('tabpanel', { name: 'Policy' })).toContainText(IMG);
  await panel.getByRole('tab', { name: 'Items' }).click();
  await expect(panel.getByRole('tabpanel', { name: 'Items' })).toContainText(IMG);
  await expect(panel.getByRole('tabpanel', { name: 'Items' })).toContainText(SCRIPT_NAME);
  await expectNothingInjected(page, watch);

  // Back to the sign-in: the ID token's name and cognito:groups claims.
  await panel.getByRole('button', { name: 'Restart' }).click();
  await expect(panel.getByRole('heading', { name: /^1\. / })).toBeVisible();
  await panel.getByRole('tab', { name: 'Tokens' }).click();
  const tokens = panel.getByRole('tabpanel', { name: 'Tokens' });
  await expect(tokens.getByText(/Signature verified/).first()).toBeVisible();
  await expect(tokens).toContainText(IMG);
  await expect(tokens).toContainText('cognito:groups');
  await expectNothingInjected(page, watch);

  // The hosted UI answers the wrong password with its sign-in page again, the username in the field: the
  // simulated page escapes it, and the inspector shows the page's HTML source as text, entities and all.
  const next = panel.getByRole('button', { name: 'Next step' });
  while (await next.isEnabled()) await next.click();
  await panel.getByRole('tab', { name: 'HTTP' }).click();
  const http = panel.getByRole('tabpanel', { name: 'HTTP' });
  await expect(http).toContainText('<form method="post" action="/login');
  await expect(http).toContainText('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  expect(await page.locator('form[action^="/login"], #signInFormUsername').count()).toBe(0);
  await expectNothingInjected(page, watch);
});
