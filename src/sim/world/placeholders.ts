// World strings may name ids the seed generates: {{accountId}}, {{region}}, {{identityPool:<name>}},
// {{userPool:<name>}}, {{restApi:<name>}}. This fills them in, throughout any JSON value.

export type Placeholders = Record<string, string>;

export function fillPlaceholders<T>(value: T, ids: Placeholders): T {
  if (typeof value === 'string') {
    return value.replace(/\{\{([\w:-]+)\}\}/g, (match, key: string) => {
      const id = ids[key];
      if (id === undefined) throw new Error(`world: unknown placeholder ${match}`);
      return id;
    }) as T;
  }
  if (Array.isArray(value)) return value.map((v) => fillPlaceholders(v, ids)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillPlaceholders(v, ids)])) as T;
  }
  return value;
}
