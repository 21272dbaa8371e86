// Hash routes, so the built app works from any static host or sub-folder: #/learn, #/sandbox, #/quiz, #/about.
// Anything after the route name (e.g. #/learn/<scenario>/<step>) is kept as `params` for the feature; view options
// after "?" (#/learn/<scenario>/<step>?view=presenter) are the page's to read. Shared links: #/share/<payload> (a
// scenario step) and #/sandbox/share/<payload> (a sandbox), both opened by the share page.

export const ROUTES = [
  { name: 'learn', label: 'Learn' },
  { name: 'sandbox', label: 'Sandbox' },
  { name: 'quiz', label: 'Quiz' },
  { name: 'about', label: 'About' },
] as const;

/** Routes that links open but the navigation does not list: #/share/<payload> opens a shared link. */
export const HIDDEN_ROUTES = [{ name: 'share' }] as const;

export type RouteName = (typeof ROUTES)[number]['name'] | (typeof HIDDEN_ROUTES)[number]['name'];

export type Route = { name: RouteName; params: string[] } | { name: 'not-found'; path: string };

export const DEFAULT_ROUTE: RouteName = 'learn';

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  // View options after "?" (e.g. ?view=presenter) belong to the page, not to the route's segments.
  const route = path.replace(/\?.*$/, '');
  if (route === '' || route === '/') return { name: DEFAULT_ROUTE, params: [] };
  const segments = route.replace(/^\//, '').split('/').filter((s) => s !== '');
  const [first = '', ...rest] = segments;
  const known = [...ROUTES, ...HIDDEN_ROUTES].find((r) => r.name === first);
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
