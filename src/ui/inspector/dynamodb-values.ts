// DynamoDB's typed attribute values as a learner reads them: the value, then its type tag — "42 (N)",
// "alice (S)", sets and nested maps or lists as compact JSON in their wire form.

export type DynamoItem = Record<string, unknown>;

const SCALARS = new Set(['S', 'N', 'B']);
const SETS = new Set(['SS', 'NS', 'BS']);

export function isItem(value: unknown): value is DynamoItem {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One attribute value, e.g. {"N": "42"} → "42 (N)"; anything not shaped like one as compact JSON. */
export function formatAttribute(value: unknown): string {
  if (isItem(value)) {
    const entries = Object.entries(value);
    const [type, inner] = entries[0] ?? [];
    if (entries.length === 1 && type !== undefined) {
      if (SCALARS.has(type) && typeof inner === 'string') return `${inner === '' ? '""' : inner} (${type})`;
      if (type === 'BOOL' && typeof inner === 'boolean') return `${inner} (BOOL)`;
      if (type === 'NULL') return 'null (NULL)';
      if (SETS.has(type) || type === 'M' || type === 'L') return `${JSON.stringify(inner)} (${type})`;
    }
  }
  return JSON.stringify(value) ?? String(value);
}

/** The columns of a table of items: the key attributes first (those present), then the others in order of first appearance. */
export function itemColumns(items: readonly DynamoItem[], keyNames: readonly string[]): string[] {
  const all = new Set<string>();
  for (const item of items) for (const name of Object.keys(item)) all.add(name);
  const keys = keyNames.filter((name) => all.has(name));
  return [...keys, ...[...all].filter((name) => !keys.includes(name))];
}
