// Builds what the benchmarks run, into node_modules/.cache/cognito-lab-bench/ so the shared dist/ folder is
// left alone: the app as `vite build` makes it (for the size figures, Lighthouse and Playwright), and the
// simulator, the scenarios and the SDK adapter bundled for Node (so the engine figures are those of the
// same compiled code, not of a TypeScript loader). Bare imports stay external and resolve from node_modules.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'vite';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CACHE = join(ROOT, 'node_modules', '.cache', 'cognito-lab-bench');
export const WEB_DIST = join(CACHE, 'dist');
export const NODE_DIST = join(CACHE, 'node');

/** The production build of the app (the project's vite.config.ts), written to WEB_DIST. */
export async function buildWeb() {
  mkdirSync(CACHE, { recursive: true });
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: WEB_DIST, emptyOutDir: true } });
  return WEB_DIST;
}

/** sim.mjs, sdk-handler.mjs, scenarios.mjs and run-scenario.mjs for Node, written to NODE_DIST. */
export async function buildNode() {
  mkdirSync(CACHE, { recursive: true });
  await build({
    root: ROOT,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      target: 'node20',
      outDir: NODE_DIST,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: {
        input: {
          sim: join(ROOT, 'src/sim/index.ts'),
          'sdk-handler': join(ROOT, 'src/testing/sdk-handler.ts'),
          scenarios: join(ROOT, 'src/content/scenarios/index.ts'),
          'run-scenario': join(ROOT, 'src/content/scenarios/run.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
  });
  return NODE_DIST;
}
