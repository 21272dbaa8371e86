// Applies a ProjectionExpression (or the paths an update touched, for UPDATED_OLD/UPDATED_NEW): the
// result keeps only those paths, nested maps and lists rebuilt around them, list elements in index order.
import { setOwn } from '../own';
import type { AttributeValue, Item } from '../types';
import type { Path } from './ast';
import { resolvePath } from './evaluate';

type Node = { kind: 'leaf'; value: AttributeValue } | { kind: 'map'; children: Map<string, Node> } | { kind: 'list'; children: Map<number, Node> };

function build(node: Node): AttributeValue {
  if (node.kind === 'leaf') return node.value;
  if (node.kind === 'list') return { L: [...node.children.entries()].sort((a, b) => a[0] - b[0]).map(([, child]) => build(child)) };
  const M: Record<string, AttributeValue> = {};
  for (const [key, child] of node.children) setOwn(M, key, build(child));
  return { M };
}

export function project(item: Item, paths: Path[]): Item {
  const root = new Map<string, Node>();
  for (const path of paths) {
    const value = resolvePath(item, path);
    if (value === undefined || typeof path[0] !== 'string') continue;
    let children: Map<string | number, Node> = root as Map<string | number, Node>;
    for (let i = 0; i < path.length; i++) {
      const step = path[i]!;
      if (i === path.length - 1) {
        children.set(step, { kind: 'leaf', value });
        break;
      }
      const kind = typeof path[i + 1] === 'number' ? 'list' : 'map';
      let next = children.get(step);
      if (!next || next.kind !== kind) {
        next = kind === 'list' ? { kind: 'list', children: new Map() } : { kind: 'map', children: new Map() };
        children.set(step, next);
      }
      children = next.children as Map<string | number, Node>;
    }
  }
  const out: Item = {};
  for (const [name, node] of root) setOwn(out, name, build(node));
  return out;
}
