// The Content-Security-Policy and the other security headers of Cognito Lab, in one place. The build writes the
// policy into index.html as a <meta http-equiv> (so it holds on any static host), `vite preview` sends it as a
// header (so the end-to-end tests run under it), and public/_headers carries it, with what a <meta> cannot say,
// for hosts that read that file (Netlify, Cloudflare Pages); a test keeps public/_headers equal to `headersFile()`.
//
// Why each directive is what it is:
// - Everything the app loads is its own: the built JavaScript and CSS, the icons and the manifest. The simulator
//   runs in memory; nothing is fetched from another origin, so `default-src 'self'` and `connect-src 'self'`.
// - `script-src 'self'`: Vite's build has no inline script (checked by the e2e test), and the service worker is
//   registered from a bundled module; no eval. In development Vite injects inline scripts and <style> elements,
//   which is why the policy is added to the built page only (vite.config.ts), never to the dev server.
// - `style-src 'self'`: no exception. React and React Flow set inline styles through the CSSOM
//   (element.style.setProperty), which CSP does not govern; only style attributes written as markup and <style>
//   elements would need 'unsafe-inline', and the app has neither (the e2e test listens for violations).
// - `img-src 'self' data: blob:`: the diagram's PNG export draws an SVG blob: URL into an <img> and a canvas.
//   data: images are allowed too (an image cannot run script): today's QR code is an inline SVG and needs no
//   data: URL, but a QR or image library's usual output is one, so exports keep working if one is adopted.
// - `worker-src 'self'`: the service worker (sw.js) and any web worker come from the app's own origin.
// - `object-src 'none'`, `base-uri 'self'`, `form-action 'self'`: no plugins, no <base> hijacking, and forms (all
//   handled in script) may never post the learner's input to another site.
// - Trusted Types (`require-trusted-types-for 'script'; trusted-types default`): the DOM's injection sinks
//   (innerHTML, script URLs, eval-like calls, service worker registration) refuse plain strings. The app writes
//   none (React renders text as text); the one string sink in use is workbox-window registering ./sw.js, which
//   src/app/trusted-types.ts lets through a `default` policy that admits that one URL and nothing else. The
//   service worker is built with its Workbox runtime inlined (vite.config.ts), so it loads no script by URL either.
// - `frame-ancestors 'none'` (clickjacking) is ignored in a <meta> by the standard (browsers log an error for
//   it), so it is only in the header form. Hosts that cannot send headers lose only that directive.

const shared: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
  ['require-trusted-types-for', "'script'"],
  ['trusted-types', 'default'],
];

/** Directives a <meta http-equiv> policy cannot carry (CSP Level 3, §6.1: frame-ancestors, report-uri, sandbox). */
const headerOnly: readonly (readonly [string, string])[] = [['frame-ancestors', "'none'"]];

const join = (directives: readonly (readonly [string, string])[]) => directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** The policy for the page's <meta http-equiv="Content-Security-Policy">. */
export const META_CSP = join(shared);

/** The policy as an HTTP header: the meta policy plus frame-ancestors. */
export const HEADER_CSP = join([...shared, ...headerOnly]);

/** Every response's security headers, for `vite preview` and for static hosts. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': HEADER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/**
 * public/_headers (the format Netlify and Cloudflare Pages read): the security headers on every path, and the
 * service worker and the page revalidated on each visit so a new version is found (the hashed assets may be cached).
 */
export function headersFile(): string {
  const lines = [
    '# Security headers for static hosts that read this file (Netlify, Cloudflare Pages). Generated from',
    '# src/app/security-policy.ts; a test checks that the two agree. Other hosts: send the same headers.',
    '/*',
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
    '/sw.js',
    '  Cache-Control: no-cache',
    '/',
    '  Cache-Control: no-cache',
    '/index.html',
    '  Cache-Control: no-cache',
    '/assets/*',
    '  Cache-Control: public, max-age=31536000, immutable',
  ];
  return `${lines.join('\n')}\n`;
}
