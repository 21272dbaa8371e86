// Paths into a world, written as validateWorld writes them ("userPools[0].passwordPolicy.MinimumLength"),
// read and written immutably, and matched to the form field that shows a problem.

export type Segment = string | number;

/** "a.b[0].c" → ['a', 'b', 0, 'c']; '' → []. */
export function parsePath(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of path.split('.')) {
    if (part === '') continue;
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      segments.push(part);
      continue;
    }
    if (match[1]) segments.push(match[1]);
    for (const index of match[2]?.match(/\d+/g) ?? []) segments.push(Number(index));
  }
  return segments;
}

/** Joins path parts: joinPath('userPools[0]', 'clients[1].name') → 'userPools[0].clients[1].name'. */
export function joinPath(...parts: (string | number)[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (part === '') continue;
    else if (part.startsWith('[') || out === '') out += part;
    else out += `.${part}`;
  }
  return out;
}

export function getAt(value: unknown, path: string | Segment[]): unknown {
  let current = value;
  for (const segment of typeof path === 'string' ? parsePath(path) : path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** A copy of `root` with the value at `path` replaced; `undefined` removes an object's key. */
export function setAt<T>(root: T, path: string | Segment[], value: unknown): T {
  const segments = typeof path === 'string' ? parsePath(path) : path;
  const put = (node: unknown, at: number): unknown => {
    const segment = segments[at];
    if (segment === undefined) return value;
    if (typeof segment === 'number') {
      const list = Array.isArray(node) ? [...(node as unknown[])] : [];
      list[segment] = put(list[segment], at + 1);
      return list;
    }
    const object = node !== null && typeof node === 'object' && !Array.isArray(node) ? { ...(node as Record<string, unknown>) } : {};
    const next = put(object[segment], at + 1);
    if (next === undefined) delete object[segment];
    else object[segment] = next;
    return object;
  };
  return put(root, 0) as T;
}

/** True when `path` is `prefix` or lies under it ("a.b" is under "a", "a[0]" too; "ab" is not). */
export function isUnder(path: string, prefix: string): boolean {
  if (prefix === '') return true;
  if (!path.startsWith(prefix)) return false;
  const next = path[prefix.length];
  return next === undefined || next === '.' || next === '[';
}

/** The longest of `candidates` that `path` lies under. */
export function closestField(path: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const candidate of candidates) if (isUnder(path, candidate) && (best === undefined || candidate.length > best.length)) best = candidate;
  return best;
}

/** An element id made from a path: letters, digits, '-' and '_' only. */
export function pathId(base: string, path: string): string {
  return `${base}-${path.replace(/[^A-Za-z0-9_-]+/g, '_')}`;
}
