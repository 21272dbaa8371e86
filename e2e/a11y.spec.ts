// Accessibility, measured: axe-core (WCAG 2.0 and 2.1, levels A and AA) finds no violation on any route, nor in
// the player with each inspector tab open (and its sequence view, share dialog and presenter view), the quiz
// (practice feedback, an exam in progress and its result, the progress page with its chart's table) and the
// sandbox after a request (every tab of its forms and of its configuration), in the light and the dark theme.
// The theme is the learner's saved setting, as the header's toggle stores it. Screen readers' text for the
// diagram is checked here in a real browser too: the narration's live region and the list of exchanges so far.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { questions } from '../src/content/quiz/index';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const THEMES = ['light', 'dark'] as const;

/** Each violation as one readable line: rule, impact, the first elements it names and why. */
async function violations(page: Page, tags: string[] = TAGS): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  return results.violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 4)
      .map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? ''})`)
      .join('; ');
    return `${v.id} [${v.impact}] ×${v.nodes.length}: ${nodes}`;
  });
}

/**
 * Brings the page to rest so axe measures what the learner finally sees, the same on every run: fades and
 * transitions jump to their end, and the diagram's travelling chips stop halfway, fully shown, so their
 * colours are measured too.
 */
async function settle(page: Page) {
  await page.evaluate(() => {
    for (const animation of document.getAnimations()) {
      const effect = animation.effect;
      const timing = effect?.getComputedTiming();
      if (!effect || !timing) continue;
      const target = effect instanceof KeyframeEffect ? effect.target : null;
      if (target instanceof Element && target.hasAttribute('data-travelling-chip')) {
        animation.pause();
        animation.currentTime = Number(timing.delay ?? 0) + Number(timing.duration ?? 0) / 2;
      } else if (timing.endTime !== Infinity) {
        animation.finish();
      }
    }
  });
}

/** Runs axe on the page as it is now; a failure names the state it was in. */
async function expectAccessible(page: Page, state: string) {
  await settle(page);
  expect.soft(await violations(page), state).toEqual([]);
}

/** How many options the question on screen asks for ("Choose two" questions want two). */
async function optionsWanted(page: Page): Promise<number> {
  const stem = (await page.locator('.quiz-question__stem').textContent()) ?? '';
  const question = questions.find((q) => q.stem === stem);
  if (!question) throw new Error(`not in the bank: ${stem}`);
  return question.kind === 'single' ? 1 : question.options.filter((o) => o.correct).length;
}

async function useTheme(page: Page, theme: 'light' | 'dark') {
  await page.addInitScript((t) => window.localStorage.setItem('cognito-lab:settings', JSON.stringify({ version: 1, theme: t })), theme);
}

/** Opens a step and waits until its diagram and inspector show it. */
async function openStep(page: Page, scenario: string, step: number) {
  await page.goto(`./#/learn/${scenario}/${step}`);
  await expect(page.getByText(new RegExp(`^Step ${step} of \\d+$`))).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('tablist', { name: 'Inspector' })).toBeVisible();
}

async function openTab(page: Page, name: string) {
  const inspector = page.getByRole('region', { name: 'Inspector' }).last();
  await inspector.getByRole('tab', { name, exact: true }).click();
  const panel = inspector.getByRole('tabpanel', { name, exact: true });
  await expect(panel).toBeVisible();
  if (name === 'Tokens') await expect(panel.getByText(/Signature (verified|invalid|not)/).first()).toBeVisible();
  return panel;
}

/** Steps whose inspectors show between them every tab there is. */
const PLAYER_STATES = [
  { scenario: 'sign-up-and-sign-in', step: 4, tabs: ['HTTP', 'Tokens', 'Decision'] },
  { scenario: 'google-to-identity-pool', step: 7, tabs: ['Credentials', 'Policy'] },
  { scenario: 'api-gateway-throttling', step: 2, tabs: ['Policy', 'SigV4', 'Items', 'Gateway'] },
  { scenario: 'totp-mfa', step: 2, tabs: ['Authenticator'] },
];

for (const theme of THEMES) {
  test.describe(`In the ${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await useTheme(page, theme);
    });

    test('every route has no accessibility violation', async ({ page }) => {
      test.setTimeout(120_000);
      const routes = [
        { hash: '#/learn', heading: 'Learn' },
        { hash: '#/quiz', heading: 'Quiz' },
        { hash: '#/quiz/review', heading: /Review/ },
        { hash: '#/quiz/due', heading: /Due/ },
        { hash: '#/about', heading: 'About Cognito Lab' },
        { hash: '#/learn/lab/totp', heading: /TOTP/ },
        { hash: '#/no-such-page', heading: 'Page not found' },
      ];
      for (const r of routes) {
        await page.goto(`./${r.hash}`);
        await expect(page.getByRole('heading', { level: 1, name: r.heading })).toBeVisible({ timeout: 30_000 });
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await expectAccessible(page, `${r.hash} (${theme})`);
      }
      // The TOTP lab once setup has started: the QR code, the virtual authenticator and the code field.
      await page.goto('./#/learn/lab/totp');
      await page.getByRole('button', { name: 'Start TOTP setup' }).click({ timeout: 30_000 });
      await expect(page.getByRole('heading', { name: 'Verify the authenticator' })).toBeFocused({ timeout: 15_000 });
      await expect(page.getByRole('img', { name: /^QR code of the otpauth URI/ })).toBeVisible();
      await expectAccessible(page, `#/learn/lab/totp, setup started (${theme})`);

      await page.goto('./#/sandbox');
      await expect(page.getByRole('region', { name: 'Act as the app' })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByText(/No request yet/)).toBeVisible({ timeout: 30_000 });
      await expectAccessible(page, `#/sandbox (${theme})`);
    });

    test('the player, with each inspector tab open, has no accessibility violation', async ({ page }) => {
      test.setTimeout(180_000);
      // What a screen reader gets for the diagram: the narration announced, and every exchange so far in words.
      await openStep(page, 'sign-up-and-sign-in', 4);
      await expect(page.getByRole('region', { name: 'Narration' })).toHaveAttribute('aria-live', 'polite');
      const exchanges = page.getByRole('list', { name: 'All exchanges so far:' }).getByRole('listitem');
      await expect(exchanges).toHaveCount(4);
      await expect(exchanges.nth(1)).toHaveText('#2: Your app sent InitiateAuth to User pool; User pool answered an error, 400 UserNotConfirmedException.');

      for (const s of PLAYER_STATES) {
        await openStep(page, s.scenario, s.step);
        for (const tab of s.tabs) {
          await openTab(page, tab);
          await expectAccessible(page, `${s.scenario}/${s.step}, ${tab} tab (${theme})`);
        }
      }
      // An error answer on the diagram, then the same steps in the sequence view.
      await openStep(page, 'api-gateway-wrong-tokens', 3);
      await expectAccessible(page, `api-gateway-wrong-tokens/3, an error answer (${theme})`);
      await page.getByRole('button', { name: 'Sequence', exact: true }).click();
      await expect(page.getByRole('button', { name: 'Sequence', exact: true })).toHaveAttribute('aria-pressed', 'true');
      await expectAccessible(page, `api-gateway-wrong-tokens/3, sequence view (${theme})`);
      // The last step, with its outcome; then its share dialog and the presenter view.
      await openStep(page, 'sign-up-and-sign-in', 5);
      await expect(page.getByRole('note', { name: 'Outcome' })).toBeVisible();
      await expectAccessible(page, `sign-up-and-sign-in/5, outcome (${theme})`);
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectAccessible(page, `sign-up-and-sign-in/5, share dialog (${theme})`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
      await page.getByRole('button', { name: 'Present', exact: true }).click();
      await expect(page.getByRole('dialog', { name: /^Presenter view/ })).toBeVisible();
      await expectAccessible(page, `sign-up-and-sign-in/5, presenter view (${theme})`);
      // The page behind the overlay is inert, so even axe's best-practice rules find no second banner, no landmark
      // twice and no content outside a landmark.
      const landmarkRules = /^(landmark-no-duplicate-banner|landmark-unique|region) /;
      const landmarks = async () => (await violations(page, [...TAGS, 'best-practice'])).filter((v) => landmarkRules.test(v));
      expect.soft(await landmarks(), `sign-up-and-sign-in/5, presenter view, best practice (${theme})`).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: /^Presenter view/ })).toBeHidden();
      await expect(page.locator('[inert]')).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeFocused();
      // Opened from the address there is no user gesture, so a browser refuses full screen (headless Chromium grants
      // it anyway: refuse it here as a browser would). Full screen already confines Chromium's Tab and accessibility
      // tree; the full-window overlay has only inert to keep them off the page behind it.
      await page.addInitScript(() => {
        Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
      });
      await page.goto('about:blank'); // a new document, for the script above
      await page.goto('./#/learn/sign-up-and-sign-in/5?view=presenter');
      const overlay = page.getByRole('dialog', { name: /^Presenter view/ });
      await expect(overlay).toBeFocused();
      expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
      await expectAccessible(page, `presenter view from the address (${theme})`);
      expect.soft(await landmarks(), `presenter view from the address, best practice (${theme})`).toEqual([]);
      const outside: string[] = [];
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        const where = await page.evaluate(() => {
          const focused = document.activeElement;
          if (!focused || focused === document.body || focused.closest('[role="dialog"]')) return null;
          return `${focused.tagName.toLowerCase()} “${focused.textContent?.trim().slice(0, 30) ?? ''}”`;
        });
        if (where) outside.push(where);
      }
      expect.soft(outside, `presenter view from the address, Tab behind the overlay (${theme})`).toEqual([]);
      // Playwright's role queries do not know inert, so ask Chromium's own accessibility tree: one banner (the
      // presenter's), no navigation, and one narration live region, so each step is heard once.
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: unknown }; name?: { value: unknown } }[] };
      await cdp.detach();
      const exposed = (role: string, name?: string) => nodes.filter((n) => !n.ignored && n.role?.value === role && (name === undefined || n.name?.value === name)).length;
      expect.soft({ banner: exposed('banner'), navigation: exposed('navigation'), narration: exposed('region', 'Narration') }, `presenter view from the address, exposed (${theme})`).toEqual({ banner: 1, navigation: 0, narration: 1 });
    });

    test('the quiz: practice feedback, an exam and its result, progress', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto('./#/quiz/practice');
      await page.getByRole('radio', { name: '5' }).check();
      await page.getByRole('button', { name: 'Start' }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'Question 1 of 5' })).toBeVisible();
      await expectAccessible(page, `practice question (${theme})`);
      // As many options as the question asks for, by their digit keys.
      for (let k = 1; k <= (await optionsWanted(page)); k++) await page.keyboard.press(String(k));
      await page.getByRole('button', { name: 'Submit answer' }).click();
      await expect(page.getByRole('status').filter({ hasText: /^(Correct|Incorrect|Partly)/ })).toBeVisible();
      await expectAccessible(page, `practice feedback (${theme})`);

      await page.goto('./#/quiz/exam');
      await expectAccessible(page, `exam settings (${theme})`);
      await page.getByRole('button', { name: 'Start the exam' }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'Question 1 of 10' })).toBeFocused();
      await page.keyboard.press('1');
      await page.getByRole('button', { name: 'Flag for review' }).click();
      await expectAccessible(page, `exam in progress (${theme})`);
      await page.getByRole('button', { name: 'Submit exam' }).click();
      await expect(page.getByRole('heading', { name: 'Submit the exam?' })).toBeFocused();
      await expectAccessible(page, `exam confirmation (${theme})`);
      await page.getByRole('button', { name: 'Submit now' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Exam result' })).toBeVisible();
      await expectAccessible(page, `exam result (${theme})`);

      await page.goto('./#/quiz/progress');
      await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
      // The chart's table alternative: in the accessibility tree while hidden, and on screen once asked for.
      await expect(page.getByRole('table', { name: 'Mastery by topic' })).toBeAttached();
      await expectAccessible(page, `progress (${theme})`);
      await page.getByRole('button', { name: 'Show as a table' }).click();
      await expect(page.getByRole('table', { name: 'Mastery by topic' })).toBeVisible();
      await expectAccessible(page, `progress with the table shown (${theme})`);
    });

    test('the sandbox, after a sign-in, with each inspector tab open', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto('./#/sandbox');
      const panel = page.getByRole('region', { name: 'Act as the app' });
      await expect(panel.getByText(/No request yet/)).toBeVisible({ timeout: 30_000 });
      const signIn = panel.getByRole('form', { name: 'Sign in' });
      await signIn.getByRole('button', { name: 'Use alice' }).click();
      await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(panel.getByRole('heading', { name: '1. Sign in alice (password)' })).toBeVisible({ timeout: 30_000 });
      for (const tab of ['HTTP', 'Tokens', 'Decision']) {
        await openTab(page, tab);
        await expectAccessible(page, `sandbox after sign-in, ${tab} tab (${theme})`);
      }
      // Every tab of the Act panel's forms, and of the world's configuration.
      for (const region of [panel, page.getByRole('region', { name: 'Configure the world' })]) {
        const tabs = region.getByRole('tablist').first().getByRole('tab');
        for (const name of await tabs.allInnerTexts()) {
          await tabs.filter({ hasText: name }).first().click();
          await expect(tabs.filter({ hasText: name }).first()).toHaveAttribute('aria-selected', 'true');
          await expectAccessible(page, `sandbox, ${name} tab (${theme})`);
        }
      }
    });
  });
}

test('at 375 px wide (light theme), the main screens have no accessibility violation', async ({ page }) => {
  test.setTimeout(120_000);
  await useTheme(page, 'light');
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('./#/learn');
  await expect(page.getByRole('heading', { level: 1, name: 'Learn' })).toBeVisible();
  await expectAccessible(page, '#/learn at 375 px');
  await openStep(page, 'identity-pool-own-notes', 4);
  for (const tab of ['HTTP', 'Policy', 'SigV4', 'Items']) {
    await openTab(page, tab);
    await expectAccessible(page, `identity-pool-own-notes/4, ${tab} tab, at 375 px`);
  }
  await page.getByRole('button', { name: 'Sequence', exact: true }).click();
  await expectAccessible(page, 'identity-pool-own-notes/4, sequence view, at 375 px');
  await page.goto('./#/quiz/practice');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Question 1 of/ })).toBeVisible();
  await expectAccessible(page, 'practice question at 375 px');
  await page.goto('./#/sandbox');
  await expect(page.getByText(/No request yet/)).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page, '#/sandbox at 375 px');
});
