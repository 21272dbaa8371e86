// Route matching: a request's method and path against the API's resources. A literal segment beats a
// {parameter} segment, as API Gateway prefers the most specific resource; ANY matches every method.
import type { Route } from './model';

export interface RouteMatch<R extends Route> {
  route: R;
  /** {name} segments and their values, URL-decoded. */
  pathParameters: Record<string, string>;
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const a = actual[i]!;
    const param = /^\{(\w+)\}$/.exec(p);
    if (param) params[param[1]!] = safeDecode(a);
    else if (p !== a) return undefined;
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** How specific a route is: literal segments first, then an exact method over ANY. */
const specificity = (route: Route) => route.segments.filter((s) => !s.startsWith('{')).length * 2 + (route.method === 'ANY' ? 0 : 1);

export function matchRoute<R extends Route>(routes: readonly R[], method: string, segments: readonly string[]): RouteMatch<R> | undefined {
  let best: RouteMatch<R> | undefined;
  for (const route of routes) {
    if (route.method !== method && route.method !== 'ANY') continue;
    const pathParameters = matchSegments(route.segments, segments);
    if (pathParameters && (!best || specificity(route) > specificity(best.route))) best = { route, pathParameters };
  }
  return best;
}

/** The path's segments (still URL-encoded), without empty ones. */
export const pathSegments = (path: string): string[] => path.split('/').filter((s) => s !== '');
