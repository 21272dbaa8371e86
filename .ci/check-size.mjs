// Bundle-size gate: the JavaScript the first page loads, gzip, must stay within 180 KB.
// The first page is index.html opening the default route (#/learn): the entry chunk, the chunks it
// imports statically, and the lazily loaded Learn page with its own static imports. Read from Vite's
// build manifest, so a chunk that moves into the first page is counted without editing this script.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 180;
const FIRST_ROUTE_MODULE = 'src/ui/learn/learn-page.tsx';
const dist = 'dist';

let manifest;
try {
  manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
} catch {
  console.error('check-size: dist/.vite/manifest.json is missing; run `npm run build` first');
  process.exit(1);
}

const js = new Set();
const css = new Set();
function visit(key) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`check-size: ${key} is not in the build manifest`);
  if (js.has(chunk.file)) return;
  js.add(chunk.file);
  for (const file of chunk.css ?? []) css.add(file);
  for (const imported of chunk.imports ?? []) visit(imported);
}
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
visit(entry);
visit(FIRST_ROUTE_MODULE);

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes) => (bytes / 1024).toFixed(1);
let total = 0;
for (const file of js) {
  const size = gz(file);
  total += size;
  console.log(`  ${kb(size).padStart(7)} KB gzip  ${file}`);
}
const cssTotal = [...css].reduce((sum, file) => sum + gz(file), 0);
console.log(`First page (#/learn): ${kb(total)} KB of JavaScript (gzip) in ${js.size} files, budget ${BUDGET_KB} KB; ${kb(cssTotal)} KB of CSS (gzip).`);
if (total > BUDGET_KB * 1024) {
  console.error(`check-size: the first page loads ${kb(total)} KB of JavaScript, over the ${BUDGET_KB} KB budget`);
  process.exit(1);
}
