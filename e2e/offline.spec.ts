// Offline and installable: after the first visit the service worker controls the page and has stored the whole
// app, so with the network off a reload still opens it and a learner plays a scenario to its outcome, opens the
// quiz and the sandbox (whose code was never loaded online). Under a sub-folder host the worker's scope is that
// folder. A new deployment shows the update prompt, and "Reload" brings the new version in.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SECURITY_HEADERS } from '../src/app/security-policy';
import { watchSecurity } from './security-watch';

test.use({ serviceWorkers: 'allow' });

/** Resolves once a service worker controls the page (the first visit installs it; it controls after a reload). */
async function waitForControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none')).toBe('activated');
}

test('offline after the first visit: reload, play a scenario to its outcome, open the quiz and the sandbox', async ({ context, page }) => {
  test.setTimeout(120_000);
  const watch = await watchSecurity(page);
  await page.goto('./#/learn');
  await expect(page.getByRole('heading', { level: 1, name: 'Learn' })).toBeVisible();
  // The update prompt's live region tells the learner once the app is stored for offline use.
  const ready = page.getByRole('status').getByRole('group', { name: 'Cognito Lab is ready to work offline.' });
  await expect(ready).toBeVisible({ timeout: 30_000 });
  await ready.getByRole('button', { name: 'Dismiss' }).click();
  await expect(ready).toBeHidden();
  await waitForControl(page);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Learn' })).toBeVisible();

  await page.getByRole('link', { name: 'Sign up, confirm, sign in' }).click();
  await expect(page.getByText('Step 1 of 5', { exact: true })).toBeVisible({ timeout: 30_000 });
  for (let i = 2; i <= 5; i++) {
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(page.getByText(`Step ${i} of 5`, { exact: true })).toBeVisible();
  }
  const outcome = page.getByRole('note', { name: 'Outcome' });
  await expect(outcome).toBeVisible();
  await expect(outcome).not.toContainText('Outcome not reached');

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Quiz' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
  await page.getByRole('link', { name: 'Practice' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Question 1 of \d+$/ })).toBeVisible();

  await nav.getByRole('link', { name: 'Sandbox' }).click();
  const panel = page.getByRole('region', { name: 'Act as the app' });
  await expect(panel.getByText(/No request yet/)).toBeVisible({ timeout: 30_000 });
  const signIn = panel.getByRole('form', { name: 'Sign in' });
  await signIn.getByRole('button', { name: 'Use alice' }).click();
  await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(panel.getByRole('heading', { name: '1. Sign in alice (password)' })).toBeVisible({ timeout: 30_000 });

  expect(await watch.violations()).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------------------------
// A static host serving a copy of the build under a sub-folder, like https://example.org/lab/.

const DIST = process.env.E2E_DIST ?? 'dist';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
};

interface Host {
  url: string;
  root: string;
  server: Server;
  close(): Promise<void>;
}

async function subFolderHost(prefix: string): Promise<Host> {
  const root = mkdtempSync(join(tmpdir(), 'cognito-lab-host-'));
  cpSync(DIST, root, { recursive: true });
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    const relative = normalize(path.slice(prefix.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    try {
      const body = readFileSync(join(root, relative.endsWith('/') ? `${relative}index.html` : relative));
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES[extname(relative)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}${prefix}`,
    root,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A new deployment: index.html changes (a version marker) and sw.js lists its new revision, as a build would. */
function deployNewVersion(root: string): void {
  const indexPath = join(root, 'index.html');
  const oldHtml = readFileSync(indexPath, 'utf8');
  const newHtml = oldHtml.replace('<title>', '<meta name="x-deployment" content="2" />\n    <title>');
  const md5 = (text: string) => createHash('md5').update(text).digest('hex');
  const swPath = join(root, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  if (!sw.includes(md5(oldHtml))) throw new Error('sw.js does not list index.html with its MD5 revision');
  writeFileSync(indexPath, newHtml);
  writeFileSync(swPath, sw.replace(md5(oldHtml), md5(newHtml)));
}

test('under a sub-folder the worker is scoped to it, works offline there, and a new deployment is offered with Reload', async ({ context, page }) => {
  test.setTimeout(120_000);
  const host = await subFolderHost('/lab/');
  try {
    const watch = await watchSecurity(page);
    await page.goto(`${host.url}#/about`);
    await expect(page.getByRole('heading', { level: 1, name: 'About Cognito Lab' })).toBeVisible();
    await waitForControl(page);
    const registration = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { scope: r?.scope, script: r?.active?.scriptURL };
    });
    expect(registration).toEqual({ scope: host.url, script: `${host.url}sw.js` });
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      return link ? ((await (await fetch(link.href)).json()) as { start_url: string; scope: string }) : null;
    });
    expect(manifest).toMatchObject({ start_url: './', scope: './' });

    // Every file of the build is precached: the shell, each lazily loaded chunk and stylesheet, the icons.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    const built = readdirSync(join(host.root, 'assets')).map((file) => `/lab/assets/${file}`);
    expect(built.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(10);
    expect(cached).toEqual(expect.arrayContaining([...built, '/lab/index.html', '/lab/manifest.webmanifest', '/lab/icons/icon-192.png', '/lab/icons/icon-maskable-512.png']));

    // Offline under the sub-folder.
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'About Cognito Lab' })).toBeVisible();
    await context.setOffline(false);

    // A new version is deployed; the open page finds it and offers to reload.
    deployNewVersion(host.root);
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const prompt = page.getByRole('status').getByRole('group', { name: /^A new version of Cognito Lab is ready\./ });
    await expect(prompt).toBeVisible({ timeout: 30_000 });
    expect(await page.locator('meta[name="x-deployment"]').count()).toBe(0);
    await prompt.getByRole('button', { name: 'Reload' }).click();
    // The page reloads under the new worker and shows the new version.
    await expect(page.locator('meta[name="x-deployment"]')).toHaveCount(1, { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'About Cognito Lab' })).toBeVisible();
    await expect(prompt).toBeHidden();
    expect(await watch.violations()).toEqual([]);
  } finally {
    await host.close();
  }
});
