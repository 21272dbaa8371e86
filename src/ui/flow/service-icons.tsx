// Simple line icons, one per kind of actor, drawn in the colour of the surrounding text (white on the
// service's coloured tile), in the spirit of AWS's architecture icons without copying them.
import type { ReactElement } from 'react';
import type { IconKey } from './actors';

const GLYPHS: Readonly<Record<IconKey, ReactElement>> = {
  browser: (
    <>
      <rect x="3" y="4.5" width="18" height="15" rx="2" />
      <path d="M3 8.5h18M6 6.5h.01M8.5 6.5h.01" />
    </>
  ),
  app: (
    <>
      <rect x="7" y="2.5" width="10" height="19" rx="2" />
      <path d="M10.5 18.5h3" />
    </>
  ),
  admin: (
    <>
      <circle cx="10" cy="8" r="3.5" />
      <path d="M3.5 20c0-3.6 2.9-6 6.5-6 1.4 0 2.7.4 3.7 1" />
      <path d="M18 13l3 1.2v2.3c0 1.9-1.3 3.4-3 3.9-1.7-.5-3-2-3-3.9v-2.3z" />
    </>
  ),
  'user-pool': (
    <>
      <circle cx="9" cy="8.5" r="3" />
      <path d="M3.5 19c0-3 2.5-5 5.5-5s5.5 2 5.5 5" />
      <circle cx="16.5" cy="7.5" r="2.5" />
      <path d="M16 12.5c2.7 0 4.5 1.9 4.5 4.5" />
    </>
  ),
  'hosted-ui': (
    <>
      <rect x="4" y="3" width="16" height="18" rx="2" />
      <path d="M7.5 8h9M7.5 11.5h9" />
      <rect x="7.5" y="15" width="9" height="3" rx="1" />
    </>
  ),
  'identity-pool': (
    <>
      <rect x="2.5" y="5" width="19" height="14" rx="2" />
      <circle cx="8.5" cy="11" r="2.3" />
      <path d="M5 16.5c.6-1.6 2-2.4 3.5-2.4s2.9.8 3.5 2.4M14.5 10h4M14.5 13.5h4" />
    </>
  ),
  sts: (
    <>
      <circle cx="8" cy="12" r="4" />
      <path d="M12 12h9M18 12v3M21 12v2" />
      <path d="M8 10v2l1.3 1" />
    </>
  ),
  iam: (
    <>
      <path d="M12 2.8l7.5 3v5.7c0 4.4-3.2 8-7.5 9.7-4.3-1.7-7.5-5.3-7.5-9.7V5.8z" />
      <path d="M8.8 12l2.2 2.2 4.2-4.4" />
    </>
  ),
  'api-gateway': (
    <>
      <path d="M8 6.5L2.5 12 8 17.5M16 6.5l5.5 5.5-5.5 5.5" />
      <path d="M13.5 5l-3 14" />
    </>
  ),
  lambda: <path d="M5 20.5l6.2-10.8M7.5 3.5h3.2l7.8 17h2.5" />,
  alb: (
    <>
      <circle cx="5.5" cy="12" r="2.5" />
      <path d="M8 12h4.5M12.5 12l6-6M12.5 12l6 6M12.5 12h6" />
      <path d="M16.5 5h2.5v2.5M16.5 19h2.5v-2.5M17 10l2 2-2 2" />
    </>
  ),
  server: (
    <>
      <rect x="4" y="3.5" width="16" height="7" rx="1.5" />
      <rect x="4" y="13.5" width="16" height="7" rx="1.5" />
      <path d="M7.5 7h.01M7.5 17h.01M11 7h5.5M11 17h5.5" />
    </>
  ),
  dynamodb: (
    <>
      <ellipse cx="12" cy="5.5" rx="7" ry="2.5" />
      <path d="M5 5.5v13c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-13M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5" />
    </>
  ),
  idp: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c2.4 2.3 3.6 5.1 3.6 8.5s-1.2 6.2-3.6 8.5c-2.4-2.3-3.6-5.1-3.6-8.5S9.6 5.8 12 3.5z" />
    </>
  ),
  email: (
    <>
      <rect x="3" y="5.5" width="18" height="13" rx="2" />
      <path d="M3.5 6.5l8.5 6.5 8.5-6.5" />
    </>
  ),
  sms: (
    <>
      <path d="M4 5.5h16a1.5 1.5 0 0 1 1.5 1.5v9a1.5 1.5 0 0 1-1.5 1.5H10l-4.5 3.5V17.5H4A1.5 1.5 0 0 1 2.5 16V7A1.5 1.5 0 0 1 4 5.5z" />
      <path d="M7 10h10M7 13h6" />
    </>
  ),
  generic: (
    <>
      <path d="M12 2.8l8 4.6v9.2l-8 4.6-8-4.6V7.4z" />
      <path d="M4 7.4l8 4.6 8-4.6M12 12v9.2" />
    </>
  ),
};

export function ServiceIcon({ icon, size = 24 }: { icon: IconKey; size?: number }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.7}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {GLYPHS[icon]}
    </svg>
  );
}
