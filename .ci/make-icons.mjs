// Draws the PNG icons of the web app manifest from the two SVGs in public/icons/, with Chromium through
// Playwright (Debian's /usr/bin/chromium where it exists), so no image library is needed. Run it after
// changing an SVG: `node .ci/make-icons.mjs`. The PNGs are committed; the build only copies them.
//   icon.svg           → icon-192.png, icon-512.png (purpose "any": rounded corners, transparent outside)
//   icon-maskable.svg  → icon-maskable-512.png (purpose "maskable": full bleed, the shield inside the
//                        central 80 % safe zone), apple-touch-icon.png (180 × 180; iOS rounds the corners itself)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const dir = join(import.meta.dirname, '..', 'public', 'icons');
const outputs = [
  { svg: 'icon.svg', png: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', png: 'icon-512.png', size: 512 },
  { svg: 'icon-maskable.svg', png: 'icon-maskable-512.png', size: 512 },
  { svg: 'icon-maskable.svg', png: 'apple-touch-icon.png', size: 180 },
];

const debian = '/usr/bin/chromium';
const browser = await chromium.launch(existsSync(debian) ? { executablePath: debian, args: ['--no-sandbox', '--headless', '--disable-gpu'] } : {});
try {
  for (const { svg, png, size } of outputs) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const source = readFileSync(join(dir, svg), 'utf8').replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${source}`);
    await page.screenshot({ path: join(dir, png), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`${png} (${size} × ${size}) from ${svg}`);
  }
} finally {
  await browser.close();
}
