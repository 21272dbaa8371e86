// `npm run bench`: builds the app and the simulator into node_modules/.cache/cognito-lab-bench (dist/ is left
// alone), serves the build with `vite preview` on a free port of 127.0.0.1, measures load, stepping and the
// engine, and prints one markdown table: figure, value, target, met?, headed by the machine it ran on.
// Progress goes to stderr, the table to stdout.
//
//   npm run bench                      everything (about ten minutes on a 2-core machine)
//   npm run bench -- --quick           one Lighthouse run per route instead of three, 60 key presses, no heap run
//   npm run bench -- --only=engine     only some parts: load, stepping, engine (comma-separated)
//   npm run bench -- --vitest          then also the vitest micro-benchmarks (vitest bench --run --project node)
//   npm run bench -- --json            the figures as JSON instead of the table
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NODE_DIST, ROOT, WEB_DIST, buildNode, buildWeb } from './build.mjs';
import { bundleSizes, lighthouse } from './load.mjs';
import { launchChromium, runSteppingBench } from './stepping.mjs';
import { freePort, runEngineBench } from './engine.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') ?? ['load', 'stepping', 'engine'];
const log = (message) => console.error(`[bench] ${message}`);
const wants = (part) => only.includes(part);

// ---------- helpers ----------

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
// One decimal below 100 ms, so a figure beside a 16 ms target is read as measured (15.6 is not 16).
const ms = (value) => `${value < 100 ? value.toFixed(1) : Math.round(value)} ms`;
const perSecond = (value) => `${value.toFixed(1)} /s`;
const yes = (ok) => (ok ? 'yes' : '**no**');

function machine() {
  const os = existsSync('/etc/os-release') ? (readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)"?/m)?.[1] ?? process.platform) : process.platform;
  const cpu = cpus();
  return {
    os,
    cpu: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(0)} GB (${(freemem() / 2 ** 30).toFixed(0)} GB free)`,
    node: process.version,
    load: loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

/** `vite preview` of the bench build on a free port; resolves once it answers. */
async function startPreview() {
  const port = await freePort();
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, 'preview', '--outDir', relative(ROOT, WEB_DIST), '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited:\n${output}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`vite preview did not answer on ${url}:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { url, stop };
}

/** The scenario with the most steps (then the most exchanges): the stepping figures use it. */
async function longestScenario() {
  const load = (name) => import(pathToFileURL(join(NODE_DIST, `${name}.mjs`)).href);
  const [{ scenarios }, { runScenario }, { createSimulator, defaultWorld }] = await Promise.all([load('scenarios'), load('run-scenario'), load('sim')]);
  let best;
  for (const scenario of scenarios) {
    const run = await runScenario(scenario, createSimulator, defaultWorld);
    const size = [run.steps.length, run.trace.length];
    if (!best || size[0] > best.size[0] || (size[0] === best.size[0] && size[1] > best.size[1])) best = { id: scenario.id, size };
  }
  return { id: best.id, steps: best.size[0], exchanges: best.size[1] };
}

// ---------- the run ----------

const started = Date.now();
const host = machine();
const figures = { machine: host, quick };
const rows = [];
const row = (figure, value, target = '—', met = '—') => rows.push({ figure, value, target, met });

log(`building the app and the Node bundle into ${relative(ROOT, join(WEB_DIST, '..'))}`);
await buildNode();
const longest = await longestScenario();
figures.scenario = longest;

if (wants('load') || wants('stepping')) {
  await buildWeb();
  const browser = await launchChromium();
  figures.chromium = browser.version();
  await browser.close();
}

if (wants('load')) {
  const sizes = bundleSizes(WEB_DIST, longest.id);
  figures.sizes = sizes;
  for (const r of sizes.routes) {
    const value = `${kb(r.jsBytes)} JS + ${kb(r.cssBytes)} CSS`;
    if (r.budgetKb) row(`Load: gzip, ${r.name} (${r.route})`, value, `JS ≤ ${r.budgetKb} KB`, yes(r.jsBytes <= r.budgetKb * 1024));
    else row(`Load: gzip, ${r.name} (${r.route})`, value);
  }
  row('Load: quiz, sandbox, QR code, player, simulator outside the first page', sizes.eager.length === 0 ? 'all lazy' : `in the first page: ${sizes.eager.join(', ')}`, 'lazy', yes(sizes.eager.length === 0 && sizes.missing.length === 0));
}

let preview;
try {
  if (wants('load') || wants('stepping')) preview = await startPreview();
  if (wants('load')) {
    figures.lighthouse = [];
    for (const r of figures.sizes.routes) {
      log(`Lighthouse ${r.route} (${quick ? 1 : 3} run${quick ? '' : 's'})`);
      const result = await lighthouse(`${preview.url}${r.route}`, quick ? 1 : 3);
      figures.lighthouse.push({ route: r.route, ...result });
      const met = result.performance >= 95 && result.accessibility === 100 && result.bestPractices >= 95;
      const detail = `LCP ${(result.lcpMs / 1000).toFixed(1)} s, TBT ${Math.round(result.tbtMs)} ms, CLS ${result.cls.toFixed(3)}`;
      row(`Lighthouse (mobile): performance / accessibility / best practices, ${r.name}`, `${result.performance} / ${result.accessibility} / ${result.bestPractices} (${detail})`, '≥ 95 / 100 / ≥ 95', yes(met));
    }
  }
  if (wants('stepping')) {
    const s = await runSteppingBench({ baseURL: preview.url, scenario: longest.id, presses: quick ? 60 : 200, heap: !quick, log });
    figures.stepping = s;
    const name = `${s.scenario}, ${s.steps} steps`;
    row(`Stepping: → to the new step in the DOM, median of ${s.presses} (${name})`, ms(s.medianMs), '< 16 ms', yes(s.medianMs < 16));
    row('Stepping: → to the new step in the DOM, 95th percentile', ms(s.p95Ms), '< 50 ms', yes(s.p95Ms < 50));
    row('Stepping: → to the next painted frame, median', ms(s.paintMedianMs), '< 16 ms', yes(s.paintMedianMs < 16));
    row('Stepping: → to the next painted frame, 95th percentile', ms(s.paintP95Ms), '< 50 ms', yes(s.paintP95Ms < 50));
    const longTasks = s.longTasks.length === 0 ? 'none' : `${s.longTasks.length} (longest ${s.longTasks.reduce((a, b) => Math.max(a, b), 0)} ms)`;
    row(`Stepping: long tasks (> 50 ms) during a full Play at 1× (${(s.playMs / 1000).toFixed(0)} s)`, longTasks, 'none', yes(s.longTasks.length === 0));
    if (s.heapAfter10 !== undefined) {
      const second = s.heapAfter2010 - s.heapAfter1010;
      row('Stepping: JS heap after 10 → 1,010 → 2,010 steps back and forth', `${mb(s.heapAfter10)} → ${mb(s.heapAfter1010)} → ${mb(s.heapAfter2010)}`, 'bounded: < 256 KB more over the second 1,000', `${yes(second < 256 * 1024)} (${second >= 0 ? '+' : '−'}${kb(Math.abs(second))})`);
    }
  }
} finally {
  if (preview) await preview.stop();
}

if (wants('engine')) {
  const e = await runEngineBench({ build: false, log: (m) => log(m) });
  figures.engine = e;
  const rounds = `median of ${e.rounds} alternating rounds`;
  row(`Engine: complete journey (SignUp, ConfirmSignUp, InitiateAuth, GetId, GetCredentialsForIdentity, PutItem, Query, GET /profile), simulator, SDK v3 (${rounds})`, perSecond(e.journeysPerSecond));
  row(`Engine: sign-up → confirm → sign-in, simulator (SDK v3, in process; ${rounds})`, perSecond(e.simFlowsPerSecond));
  row(`Engine: sign-up → confirm → sign-in, cognito-local 5.3.0 (SDK v3, HTTP on 127.0.0.1; ${rounds})`, perSecond(e.localFlowsPerSecond));
  row('Engine: throughput ratio, simulator ÷ cognito-local (median of the rounds’ ratios)', `${e.throughputRatio.toFixed(1)}×`);
  row(`Engine: cold start → first token, simulator (load the code, create, sign up, confirm, sign in; ${rounds})`, ms(e.simColdMs));
  row(`Engine: cold start → first token, cognito-local (spawn, create a pool and a client, sign up, confirm, sign in; ${rounds})`, ms(e.localColdMs));
  row('Engine: cold-start ratio, cognito-local ÷ simulator (median of the rounds’ ratios)', `${e.coldRatio.toFixed(1)}×`);
}

figures.minutes = (Date.now() - started) / 60_000;

if (args.includes('--vitest')) {
  log('vitest micro-benchmarks');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'bench', '--run', '--project', 'node'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

if (args.includes('--json')) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  const chromium = figures.chromium ? `, Chromium ${figures.chromium}` : '';
  console.log(`Machine: ${host.cpu}, ${host.memory}, ${host.os}, Node ${host.node}${chromium}; load average at the start ${host.load}.${quick ? ' Quick run.' : ''}`);
  console.log('');
  const escape = (text) => String(text).replaceAll('|', '\\|');
  console.log('| Figure | Value | Target | Met? |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${escape(r.figure)} | ${escape(r.value)} | ${escape(r.target)} | ${escape(r.met)} |`);
}
