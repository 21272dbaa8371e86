// React Flow reuses what it computed for a node or an edge (its internals, its rendered wrapper) only when the
// object it is given is the same object as last time. flowElements() builds fresh objects for every step, so
// from one step to the next this hands back last step's object wherever nothing in it changed: a step then
// re-renders only the boxes and lines whose look changed, not the whole diagram.

/** What the previous call returned, by id, with the serialised form it was compared by. */
export type Kept<T> = Map<string, { json: string; item: T }>;

/**
 * `items` with every item equal (by its JSON form) to the one of the same id in `kept` replaced by that earlier
 * object; `kept` is updated to this call's items (ids no longer present are dropped).
 */
export function keepUnchanged<T extends { id: string }>(kept: Kept<T>, items: readonly T[]): T[] {
  const seen = new Set<string>();
  const out = items.map((item) => {
    seen.add(item.id);
    const json = JSON.stringify(item);
    const before = kept.get(item.id);
    if (before && before.json === json) return before.item;
    kept.set(item.id, { json, item });
    return item;
  });
  for (const id of kept.keys()) if (!seen.has(id)) kept.delete(id);
  return out;
}
