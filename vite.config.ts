/// <reference types="vitest/config" />
// Vite builds the app with relative URLs (base './') so it runs from any static host or sub-folder.
// Vitest runs two projects: the pure layers in Node (no DOM, as the simulator must run there too),
// and the React layers in jsdom.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { META_CSP, SECURITY_HEADERS } from './src/app/security-policy.js';

// [offline] The Content-Security-Policy as a <meta> in the built index.html only: the dev server injects inline
// scripts (React Fast Refresh) and <style> elements that the policy rightly refuses. See src/app/security-policy.ts.
function cspMeta(): Plugin {
  const anchor = '<meta charset="UTF-8" />';
  return {
    name: 'cognito-lab:csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      if (!html.includes(anchor)) throw new Error(`index.html has no ${anchor} to put the Content-Security-Policy after`);
      return html.replace(anchor, `${anchor}\n    <meta http-equiv="Content-Security-Policy" content="${META_CSP}" />`);
    },
  };
}

// [offline] Installable and offline: a web app manifest and a Workbox service worker that precaches the whole
// build (the shell, every lazy chunk and CSS file, the icons), so every route and the simulator work without a
// network after the first visit. Relative URLs throughout (base './'): the worker is ./sw.js with scope './',
// so on a sub-folder host (https://example.org/lab/) it controls /lab/ only. 'prompt': a new version waits
// until the learner chooses to reload (src/app/pwa.ts, src/ui/components/update-prompt.tsx).
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false, // registered from src/app/pwa.ts: no inline or extra <script> in index.html
  strategies: 'generateSW',
  includeManifestIcons: false, // the glob below already precaches public/icons
  manifest: {
    id: './',
    name: 'Cognito Lab',
    short_name: 'Cognito Lab',
    description: 'See how Amazon Cognito, identity pools, IAM, API Gateway, ALB and DynamoDB really work, step by step, in your browser.',
    lang: 'en',
    dir: 'ltr',
    start_url: './',
    scope: './',
    display: 'standalone',
    categories: ['education'],
    // The header's colour in the light theme; index.html gives the dark one to browsers by prefers-color-scheme.
    theme_color: '#f4f5f7',
    background_color: '#ffffff',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png}'],
    navigateFallback: 'index.html', // any route (they are #/hash routes, so the page is always index.html)
    cleanupOutdatedCaches: true,
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    // One sw.js with the Workbox runtime in it: a worker that importScripts() a URL string is refused under
    // Trusted Types (the policy's header applies to the worker too).
    inlineWorkboxRuntime: true,
  },
});

export default defineConfig({
  base: './',
  plugins: [react(), cspMeta(), pwa],
  preview: { headers: { ...SECURITY_HEADERS } }, // [offline] the e2e tests run under the policy as a header too
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    // The simulator chunk below is one on purpose (587 KB minified, 185 KB gzip), loaded only by the pages that run
    // it; the budget that matters, the first page's JavaScript, is checked by .ci/check-size.mjs.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // [perf] The simulator and the libraries it runs on (jose, @xmldom) as one chunk rather than ~20 small
        // shared ones: every page that runs it loads all of them anyway (createSimulator awaits every service), and
        // each extra chunk cost a <link rel="modulepreload"> inserted in one long task plus a request. The modules
        // they share with the rest of the app stay where they were (not pulled in recursively), so the first
        // page is unchanged. Lighthouse on #/sandbox, the same code built both ways, three runs each taken in turn:
        // total blocking time 217–547 ms with the small chunks, 86–166 ms with this group. src/sim/index.ts itself
        // stays out of the group: with it inside, rolldown 1.x emitted a chunk whose namespace export was missing
        // ("Export 'sim_exports' is not defined in module"), which the e2e journeys caught.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ name: 'simulator', test: /[\\/]src[\\/]sim[\\/](?!index\.ts$)|[\\/]node_modules[\\/](jose|@xmldom)[\\/]/ }],
        },
      },
    },
  },
  test: {
    // Generous per-test limits: several tests run whole scenarios (RSA key generation included) on a 2-core CI machine.
    testTimeout: 15_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/{sim,client,content,store,lib,testing}/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/{ui,app}/**/*.test.{ts,tsx}'],
          setupFiles: ['src/testing/setup-dom.ts'],
        },
      },
    ],
  },
});
