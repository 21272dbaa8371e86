// The diagram's colours for an exported image, read from the page's current theme (the flow.css custom
// properties as the browser resolved them), with the stylesheet's own values where the page has none (tests).
export interface DiagramPalette {
  canvas: string;
  card: string;
  border: string;
  text: string;
  muted: string;
  edgePast: string;
  edgeCurrent: string;
  ok: string;
  okBg: string;
  error: string;
  errorBg: string;
  labelBg: string;
  /** Service colours by flow.css name (cognito, iam, apigw…). */
  services: Record<string, string>;
}

const SERVICES = ['client', 'cognito', 'iam', 'apigw', 'lambda', 'alb', 'target', 'dynamodb', 'idp', 'messaging', 'other'] as const;

// flow.css and styles.css, light and dark.
const LIGHT: Omit<DiagramPalette, 'services'> & { services: Record<(typeof SERVICES)[number], string> } = {
  canvas: '#f4f5f7', card: '#ffffff', border: '#d5d9e0', text: '#16191f', muted: '#4a5260', edgePast: '#a3abb7', edgeCurrent: '#0a6fd1',
  ok: '#11782a', okBg: '#e6f4e9', error: '#c8161d', errorBg: '#fdeaea', labelBg: '#ffffff',
  services: { client: '#545b64', cognito: '#dd344c', iam: '#d6461f', apigw: '#8c4fff', lambda: '#dd6b10', alb: '#7a3ee0', target: '#b35a12', dynamodb: '#3b48cc', idp: '#3f6fb0', messaging: '#c7156c', other: '#687078' },
};
const DARK: typeof LIGHT = {
  canvas: '#1c2029', card: '#1f2430', border: '#363c48', text: '#e9ecf1', muted: '#b3bac6', edgePast: '#5c6675', edgeCurrent: '#5aa6f0',
  ok: '#4cc266', okBg: '#14301c', error: '#ff6b70', errorBg: '#3d1a1c', labelBg: '#171b23',
  services: { client: '#6d7785', cognito: '#e0405a', iam: '#e0562e', apigw: '#9461ff', lambda: '#e07a1f', alb: '#8a55ee', target: '#c26a20', dynamodb: '#5561e0', idp: '#4d7fc4', messaging: '#d4307e', other: '#77808c' },
};

const VARIABLES: Record<keyof Omit<DiagramPalette, 'services'>, string> = {
  canvas: '--flow-canvas', card: '--flow-card', border: '--border', text: '--fg', muted: '--fg-muted', edgePast: '--flow-edge-past',
  edgeCurrent: '--flow-edge-current', ok: '--flow-ok', okBg: '--flow-ok-bg', error: '--flow-error', errorBg: '--flow-error-bg', labelBg: '--flow-label-bg',
};

/** The palette of the theme the page shows now. */
export function currentPalette(root: HTMLElement = document.documentElement): DiagramPalette {
  const fallback = root.dataset.theme === 'dark' ? DARK : LIGHT;
  const style = typeof window.getComputedStyle === 'function' ? window.getComputedStyle(root) : null;
  const read = (name: string, otherwise: string) => {
    const value = style?.getPropertyValue(name).trim() ?? '';
    // An unresolved reference (var(...)) cannot go into a standalone file.
    return value !== '' && !value.includes('var(') ? value : otherwise;
  };
  const palette = { services: {} } as DiagramPalette;
  for (const [key, variable] of Object.entries(VARIABLES) as [keyof typeof VARIABLES, string][]) palette[key] = read(variable, fallback[key]);
  for (const service of SERVICES) palette.services[service] = read(`--flow-svc-${service}`, fallback.services[service]);
  return palette;
}

/** An actor's colour ("var(--flow-svc-cognito)" in actors.ts) as a plain colour of the palette. */
export function resolveColour(colour: string, palette: DiagramPalette): string {
  const service = /^var\(--flow-svc-([\w-]+)\)$/.exec(colour)?.[1];
  if (service === undefined) return colour;
  return palette.services[service] ?? palette.services.other ?? '#687078';
}

function channels(colour: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour.trim())?.[1];
  if (hex) return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  const rgb = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/i.exec(colour.trim());
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : null;
}

/** color-mix(in srgb, a share%, b), as flow.css mixes a past step's badge border; `a` when a colour is not plain. */
export function mixColours(a: string, b: string, share: number): string {
  const x = channels(a);
  const y = channels(b);
  if (!x || !y) return a;
  const mixed = x.map((v, i) => Math.round(v * share + y[i]! * (1 - share)));
  return `#${mixed.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
