// Load figures: JavaScript and CSS (gzip, level 9) per route, read from Vite's build manifest the way
// .ci/check-size.mjs reads it, and Lighthouse 12.2.3 scores against `vite preview` with its default mobile
// settings (form factor, simulated slow 4G and 4× CPU slowdown) in Debian's Chromium.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './build.mjs';
import { CHROMIUM_FLAGS } from './stepping.mjs';

const SIMULATOR = 'src/sim/index.ts';

/**
 * What each route loads: the entry, then these modules with their static imports. The simulator counts
 * with the dynamic imports createSimulator() awaits (hosted UI, API Gateway, ALB, federation), since every
 * route that runs it loads them all before its first request.
 */
export function routeModules(scenario) {
  return [
    { route: '#/learn', name: 'first page', modules: ['src/ui/learn/learn-page.tsx'], budgetKb: 180 },
    { route: `#/learn/${scenario}/1`, name: 'player', modules: ['src/ui/learn/learn-page.tsx', 'src/ui/player/player.tsx', SIMULATOR] },
    { route: '#/quiz', name: 'quiz', modules: ['src/ui/quiz/quiz-page.tsx'] },
    { route: '#/sandbox', name: 'sandbox', modules: ['src/ui/sandbox/sandbox-page.tsx', 'src/ui/sandbox/sandbox-workspace.tsx', 'src/store/sandbox.ts', SIMULATOR] },
    { route: '#/learn/lab/totp', name: 'TOTP lab', modules: ['src/ui/learn/learn-page.tsx', 'src/ui/mfa/totp-lab-page.tsx', SIMULATOR] },
  ];
}

/** Modules that must stay out of the first page (the issue: quiz, sandbox, QR code and other heavy parts lazy). */
export const LAZY_MODULES = [
  ['quiz', 'src/ui/quiz/quiz-page.tsx'],
  ['sandbox', 'src/ui/sandbox/sandbox-workspace.tsx'],
  ['QR code', 'node_modules/qrcode/lib/browser.js'],
  ['player', 'src/ui/player/player.tsx'],
  ['simulator', SIMULATOR],
];

export function bundleSizes(dist, scenario) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  const gz = new Map();
  const gzip = (file) => {
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
    return gz.get(file);
  };
  /** The files a set of modules loads: each with its static imports, the simulator with its awaited dynamic ones. */
  function closure(keys) {
    const js = new Set();
    const css = new Set();
    const visit = (key, withDynamic) => {
      const chunk = manifest[key];
      if (!chunk) throw new Error(`bench: ${key} is not in the build manifest (renamed? update .ci/bench/load.mjs)`);
      if (js.has(chunk.file)) return;
      js.add(chunk.file);
      for (const file of chunk.css ?? []) css.add(file);
      for (const imported of chunk.imports ?? []) visit(imported, false);
      if (withDynamic) for (const imported of chunk.dynamicImports ?? []) visit(imported, false);
    };
    visit(entry, false);
    for (const key of keys) visit(key, key === SIMULATOR);
    return { js, css };
  }
  const sum = (files) => [...files].reduce((total, file) => total + gzip(file), 0);
  const routes = routeModules(scenario).map((r) => {
    const { js, css } = closure(r.modules);
    return { ...r, jsBytes: sum(js), cssBytes: sum(css), files: js.size + css.size };
  });
  const firstPage = closure(routeModules(scenario)[0].modules).js;
  const eager = LAZY_MODULES.filter(([, key]) => manifest[key] && firstPage.has(manifest[key].file)).map(([name]) => name);
  const missing = LAZY_MODULES.filter(([, key]) => !manifest[key]).map(([name]) => name);
  return { routes, eager, missing };
}

function lighthouseOnce(url) {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-lab-lighthouse-'));
  const out = join(dir, 'report.json');
  const args = [url, '--quiet', '--output=json', `--output-path=${out}`, '--only-categories=performance,accessibility,best-practices', `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`];
  const env = { ...process.env, ...(existsSync('/usr/bin/chromium') ? { CHROME_PATH: '/usr/bin/chromium' } : {}) };
  return new Promise((resolve, reject) => {
    execFile(join(ROOT, 'node_modules', '.bin', 'lighthouse'), args, { env, maxBuffer: 64 << 20 }, (error, _stdout, stderr) => {
      try {
        if (error) throw new Error(`lighthouse failed on ${url}: ${stderr || error.message}`);
        const report = JSON.parse(readFileSync(out, 'utf8'));
        const score = (id) => Math.round((report.categories[id]?.score ?? NaN) * 100);
        const audit = (id) => report.audits[id]?.numericValue;
        resolve({
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          fcpMs: audit('first-contentful-paint'),
          lcpMs: audit('largest-contentful-paint'),
          tbtMs: audit('total-blocking-time'),
          cls: audit('cumulative-layout-shift'),
          runtimeError: report.runtimeError?.message,
        });
      } catch (e) {
        reject(e);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

/** Lighthouse `runs` times on `url`; the run with the median performance score (Lighthouse's own advice). */
export async function lighthouse(url, runs = 3) {
  const results = [];
  let failures = 0;
  while (results.length < runs) {
    try {
      results.push(await lighthouseOnce(url));
    } catch (error) {
      // Lighthouse now and then loses its trace on a loaded machine (NO_NAVSTART): run it again, up to twice.
      if (++failures > 2) throw error;
    }
  }
  results.sort((a, b) => a.performance - b.performance);
  return { ...results[Math.floor(results.length / 2)], runs: results.map((r) => r.performance) };
}
