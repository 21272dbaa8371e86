// The calls a service made while handling an exchange form a forest: a call whose parent is not among
// them is a root, the rest hang under their parents.
import type { Exchange } from '../../sim/index';

export function nestedRoots(nested: readonly Exchange[]): Exchange[] {
  const ids = new Set(nested.map((x) => x.id));
  return nested.filter((x) => x.parentId === undefined || !ids.has(x.parentId));
}

export function childrenOf(parent: Exchange, nested: readonly Exchange[]): Exchange[] {
  return nested.filter((x) => x.parentId === parent.id && x !== parent);
}
