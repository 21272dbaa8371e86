// Hash routes, so the built app works from any static host or sub-folder: #/learn, #/sandbox, #/quiz, #/about.
// Anything after the route name (e.g. #/learn/<scenario>/<step>) is kept as `params` for the feature.

export const ROUTES = [
  { name: 'learn', label: 'Learn' },
  { name: 'sandbox', label: 'Sandbox' },
  { name: 'quiz', label: 'Quiz' },
  { name: 'about', label: 'About' },
] as const;

export type RouteName = (typeof ROUTES)[number]['name'];

export type Route = { name: RouteName; params: string[] } | { name: 'not-found'; path: string };

export const DEFAULT_ROUTE: RouteName = 'learn';

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { name: DEFAULT_ROUTE, params: [] };
  const segments = path.replace(/^\//, '').split('/').filter((s) => s !== '');
  const [first = '', ...rest] = segments;
  const known = ROUTES.find((r) => r.name === first);
  if (!known) return { name: 'not-found', path };
  return { name: known.name, params: rest.map((s) => safeDecode(s)) };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function hrefFor(name: RouteName, ...params: string[]): string {
  return `#/${[name, ...params.map(encodeURIComponent)].join('/')}`;
}
