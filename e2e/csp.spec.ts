// The Content-Security-Policy holds (Trusted Types included) and the app works under it: the built page carries the policy as a <meta>
// (and `vite preview` as a header, with frame-ancestors), the page has no inline script or <style> element, and a
// learner who plays a scenario to its outcome, exports its diagram, answers a quiz question, acts in the sandbox
// and opens the TOTP lab's QR code causes no violation and no console error.
import { expect, test } from '@playwright/test';
import { HEADER_CSP, META_CSP } from '../src/app/security-policy';
import { watchSecurity } from './security-watch';

test('the policy is in the page and in the header; the page has no inline script or style element', async ({ page, request }) => {
  const response = await request.get('./');
  expect(response.headers()['content-security-policy']).toBe(HEADER_CSP);
  expect(HEADER_CSP).toContain("frame-ancestors 'none'");
  const html = await response.text();
  // Every <script> of the built page has a src, and there is no <style> element.
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toMatch(/\ssrc=/);
  expect(html).not.toMatch(/<style\b/);
  expect(html).not.toMatch(/\son[a-z]+=/i);

  const watch = await watchSecurity(page);
  await page.goto('./#/learn');
  await expect(page.getByRole('heading', { level: 1, name: 'Learn' })).toBeVisible();
  expect(await watch.violations()).toEqual([]);
  const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(meta).toHaveAttribute('content', META_CSP);
  expect(META_CSP).not.toContain('frame-ancestors'); // ignored (with an error) in a <meta>
  expect(META_CSP).not.toContain('unsafe-inline');
  expect(META_CSP).not.toContain('unsafe-eval');
  // The policy is enforced: an inline script added now does not run. Trusted Types refuses its text at the sink
  // already (script-src would refuse to run it after that), and the page reports the refusal.
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    try {
      script.textContent = 'window.__inlineRan = true';
    } catch {
      return 'refused at the sink';
    }
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    script.remove();
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true ? 'ran' : 'did not run';
  });
  expect(ran).toBe('refused at the sink');
  // Trusted Types: a plain string reaching an HTML or script sink is refused and reported, while the one URL
  // the page's default policy admits (its own service worker) still gets through.
  const sinks = await page.evaluate(() => {
    const attempt = (write: () => void) => {
      try {
        write();
        return 'allowed';
      } catch (error) {
        return error instanceof TypeError ? 'refused' : String(error);
      }
    };
    const trusted = (window as unknown as { trustedTypes?: { defaultPolicy: { createScriptURL(s: string): unknown } | null } }).trustedTypes;
    return {
      innerHTML: attempt(() => (document.createElement('div').innerHTML = '<img src=x onerror=alert(1)>')),
      scriptSrc: attempt(() => (document.createElement('script').src = 'https://evil.example/x.js')),
      swUrl: String(trusted?.defaultPolicy?.createScriptURL('./sw.js') ?? 'no default policy'),
    };
  });
  expect(sinks).toEqual({ innerHTML: 'refused', scriptSrc: 'refused', swUrl: expect.stringMatching(/sw\.js$/) });
  // …and the page reports each refusal (once per policy: the header's and the <meta>'s), which is how the next
  // test would see any violation of the app's own.
  await expect
    .poll(async () => new Set((await watch.violations()).filter((v) => v.directive === 'require-trusted-types-for').map((v) => v.sample)).size)
    .toBe(3);
});

test('scenario, diagram export, quiz, sandbox and TOTP lab: no violation, no console error', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await watchSecurity(page);

  // A scenario played to its outcome with Play, a step back to the sign-in, its tokens opened in the inspector,
  // and the diagram exported as PNG (an SVG blob: drawn into a canvas).
  await page.goto('./#/learn/sign-up-and-sign-in/1');
  await expect(page.getByText('Step 1 of 5', { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('2');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByText('Step 5 of 5', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('note', { name: 'Outcome' })).not.toContainText('Outcome not reached');
  await page.getByRole('button', { name: 'Previous step' }).click();
  await expect(page.getByRole('heading', { name: '4. Sign in' })).toBeVisible();
  await page.getByRole('tab', { name: 'Tokens' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Tokens' }).getByText(/Signature verified/).first()).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the diagram as PNG' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.png$/);

  // A quiz question answered in practice.
  await page.goto('./#/quiz');
  await page.getByRole('link', { name: 'Practice' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Question 1 of \d+$/ })).toBeVisible();
  // As many options as the question asks for: a "(Choose two.)" question keeps Submit disabled until two are ticked.
  const stem = await page.locator('.quiz-question').innerText();
  const needed = /\(Choose three\.\)/.test(stem) ? 3 : /\(Choose two\.\)/.test(stem) ? 2 : 1;
  const inputs = page.locator('.quiz-question input');
  for (let k = 0; k < needed; k++) await inputs.nth(k).check();
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^(Correct|Incorrect)/ })).toBeVisible();

  // The sandbox: alice signs in, the request is inspected.
  await page.goto('./#/sandbox');
  const panel = page.getByRole('region', { name: 'Act as the app' });
  await expect(panel.getByText(/No request yet/)).toBeVisible({ timeout: 30_000 });
  const signIn = panel.getByRole('form', { name: 'Sign in' });
  await signIn.getByRole('button', { name: 'Use alice' }).click();
  await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(panel.getByRole('heading', { name: '1. Sign in alice (password)' })).toBeVisible({ timeout: 30_000 });

  // The TOTP lab draws its QR code.
  await page.goto('./#/learn/lab/totp');
  await page.getByRole('button', { name: 'Start TOTP setup' }).click({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: /^QR code of the otpauth URI/ })).toBeVisible();

  expect(await watch.violations()).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
  // Every navigation above was within the one page (hash routes), so the violations list covers the whole visit.
  expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(0);
});
