// Stepping figures, in Chromium through Playwright (a script, not a test), against the built app:
//   - the time from a "Next step" key press (→) to the diagram and inspector showing the new step, read from
//     the app's own User Timing measures (src/ui/player/step-marks.ts): `cognito-lab:step` to the new step in
//     the DOM and `cognito-lab:step-paint` to the next painted frame; median and 95th percentile over 200
//     presses, one every STEP_GAP_MS, starting over with Home (not timed) at the end;
//   - long tasks (PerformanceObserver 'longtask', over 50 ms) during a full Play of the scenario at 1× speed;
//   - the JS heap (CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage) after 10 steps, then after
//     1,000 and 2,000 more steps back and forth (key events sent in the page, each awaited until rendered).
// Usage (against a running preview): node .ci/bench/stepping.mjs http://127.0.0.1:4173/ <scenario-id>
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const STEP_GAP_MS = 150;
const MEASURE = 'cognito-lab:step';
const PAINT_MEASURE = 'cognito-lab:step-paint';

export function launchChromium() {
  return chromium.launch(existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM, args: CHROMIUM_FLAGS } : {});
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** The player's position and length, from its timeline slider. */
const position = (page) =>
  page.locator('input[aria-label="Timeline"]').evaluate((el) => ({ step: Number(el.value), total: Number(el.max) }));

async function openPlayer(page, baseURL, scenario) {
  await page.goto(`${baseURL}#/learn/${encodeURIComponent(scenario)}/1`);
  await page.locator('input[aria-label="Timeline"]').waitFor({ timeout: 60_000 });
  // Keys go to the document (the player's listener), not to a focused control.
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
  return position(page);
}

/** Presses `key`; resolves to [key → rendered, key → painted] in ms, from the app's measures. */
async function pressAndMeasure(page, key) {
  await page.keyboard.press(key);
  const handle = await page.waitForFunction(
    (names) => {
      const [rendered, painted] = names.map((name) => performance.getEntriesByName(name, 'measure')[0]?.duration);
      return rendered !== undefined && painted !== undefined && [rendered, painted];
    },
    [MEASURE, PAINT_MEASURE],
    { timeout: 10_000 },
  );
  return handle.jsonValue();
}

async function waitForStep(page, step) {
  await page.waitForFunction((s) => Number(document.querySelector('input[aria-label="Timeline"]')?.value) === s, step, { timeout: 10_000 });
}

async function stepTimes(page, total, presses) {
  const rendered = [];
  const painted = [];
  while (rendered.length < presses) {
    const { step } = await position(page);
    if (step === total) {
      await page.keyboard.press('Home');
      await waitForStep(page, 1);
      await page.waitForTimeout(STEP_GAP_MS);
      continue;
    }
    const [toDom, toPaint] = await pressAndMeasure(page, 'ArrowRight');
    rendered.push(toDom);
    painted.push(toPaint);
    await waitForStep(page, step + 1);
    await page.waitForTimeout(STEP_GAP_MS);
  }
  const sort = (xs) => xs.sort((a, b) => a - b);
  return { rendered: sort(rendered), painted: sort(painted) };
}

async function longTasksDuringPlay(page, total) {
  await page.keyboard.press('Home');
  await waitForStep(page, 1);
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    window.__benchLongTasks = [];
    window.__benchLongTaskObserver = new PerformanceObserver((list) => window.__benchLongTasks.push(...list.getEntries().map((e) => Math.round(e.duration))));
    window.__benchLongTaskObserver.observe({ type: 'longtask' });
  });
  const started = Date.now();
  await page.keyboard.press('p');
  await page.getByRole('button', { name: 'Pause' }).waitFor({ timeout: 5_000 });
  await waitForStep(page, total).catch(() => undefined);
  await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: total * 2600 + 30_000 });
  await page.waitForTimeout(1500); // the last step's animation
  const playMs = Date.now() - started;
  const tasks = await page.evaluate(() => {
    window.__benchLongTaskObserver.disconnect();
    return window.__benchLongTasks;
  });
  return { tasks, playMs };
}

/** Steps back and forth `count` times with key events sent in the page, each awaited until rendered. */
function bounce(page, count, total) {
  return page.evaluate(
    async ({ count, total, name }) => {
      const slider = () => Number(document.querySelector('input[aria-label="Timeline"]').value);
      let forward = slider() < total;
      for (let i = 0; i < count; i++) {
        const at = slider();
        if (at === total) forward = false;
        if (at === 1) forward = true;
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: forward ? 'ArrowRight' : 'ArrowLeft', bubbles: true, cancelable: true }));
        const deadline = performance.now() + 10_000;
        while (!performance.getEntriesByName(name, 'measure').length) {
          if (performance.now() > deadline) throw new Error(`step ${i} did not render`);
          await new Promise((r) => setTimeout(r, 0));
        }
      }
    },
    { count, total, name: MEASURE },
  );
}

async function heapAfterGc(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Heap after 10 steps, after 1,000 more and after 1,000 more again: a leak grows in both thousands. */
async function heapGrowth(browser, baseURL, scenario) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    const { total } = await openPlayer(page, baseURL, scenario);
    const cdp = await page.context().newCDPSession(page);
    const heap = [];
    for (const count of [10, 1000, 1000]) {
      await bounce(page, count, total);
      await page.waitForTimeout(1000);
      heap.push(await heapAfterGc(cdp));
    }
    return heap;
  } finally {
    await page.close();
  }
}

export async function runSteppingBench({ baseURL, scenario, presses = 200, play = true, heap = true, log = () => {} }) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const { total } = await openPlayer(page, baseURL, scenario);
    log(`stepping: ${presses} presses of → in ${scenario} (${total} steps)`);
    await stepTimes(page, total, 5); // warm-up: first renders of each view
    const { rendered, painted } = await stepTimes(page, total, presses);
    const result = {
      scenario,
      steps: total,
      presses: rendered.length,
      medianMs: percentile(rendered, 50),
      p95Ms: percentile(rendered, 95),
      maxMs: rendered.at(-1),
      paintMedianMs: percentile(painted, 50),
      paintP95Ms: percentile(painted, 95),
    };
    if (play) {
      log('stepping: a full Play at 1× speed, watching for long tasks');
      const { tasks, playMs } = await longTasksDuringPlay(page, total);
      Object.assign(result, { longTasks: tasks, playMs });
    }
    await page.close();
    if (heap) {
      log('stepping: heap after 10, 1,010 and 2,010 steps back and forth');
      const [heapAfter10, heapAfter1010, heapAfter2010] = await heapGrowth(browser, baseURL, scenario);
      Object.assign(result, { heapAfter10, heapAfter1010, heapAfter2010 });
    }
    return result;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [baseURL, scenario, presses = '200', ...flags] = process.argv.slice(2);
  if (!baseURL || !scenario) {
    console.error('usage: node .ci/bench/stepping.mjs <base URL of a running preview> <scenario id> [presses] [--no-play] [--no-heap]');
    process.exit(2);
  }
  const options = { baseURL, scenario, presses: Number(presses), play: !flags.includes('--no-play'), heap: !flags.includes('--no-heap') };
  console.log(JSON.stringify(await runSteppingBench({ ...options, log: (m) => console.error(m) }), null, 2));
}
