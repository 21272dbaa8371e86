// Applies an UpdateExpression to an item. Every SET value is computed from the item as it was before
// the update; then the actions are applied (list removals last, so indexes mean what they meant).
// Failures are AWS's runtime ValidationExceptions, and leave the stored item untouched (we work on a copy).
import { AwsError } from '../../core/errors';
import { cloneItem } from '../attribute-values';
import { addDecimals, decimalProblem, formatDecimal, parseDecimal } from '../numbers';
import { deleteOwn, getOwn, setOwn } from '../own';
import { typeOf, type AttributeValue, type Item } from '../types';
import type { Path, UpdateAction, UpdateValue } from './ast';
import { resolvePath } from './evaluate';

export const UPDATE_ERRORS = {
  missing: 'The provided expression refers to an attribute that does not exist in the item',
  dataType: 'An operand in the update expression has an incorrect data type',
  documentPath: 'The document path provided in the update expression is invalid for update',
} as const;

const fail = (message: string): never => {
  throw new AwsError('ValidationException', message);
};

function addNumbers(a: string, b: string, subtract: boolean): AttributeValue {
  const sum = addDecimals(parseDecimal(a)!, parseDecimal(b)!, subtract);
  const problem = decimalProblem(sum);
  if (problem) fail(problem);
  return { N: formatDecimal(sum) };
}

function valueOf(value: UpdateValue, item: Item): AttributeValue {
  switch (value.kind) {
    case 'value': return value.value;
    case 'path': return resolvePath(item, value.path) ?? fail(UPDATE_ERRORS.missing);
    case 'if_not_exists': return resolvePath(item, value.path) ?? valueOf(value.fallback, item);
    case 'list_append': {
      const left = valueOf(value.left, item);
      const right = valueOf(value.right, item);
      if (!('L' in left) || !('L' in right)) return fail(UPDATE_ERRORS.dataType);
      return { L: [...left.L, ...right.L] };
    }
    case 'arith': {
      const left = valueOf(value.left, item);
      const right = valueOf(value.right, item);
      if (!('N' in left) || !('N' in right)) return fail(UPDATE_ERRORS.dataType);
      return addNumbers(left.N, right.N, value.op === '-');
    }
  }
}

type Parent = { kind: 'map'; record: Record<string, AttributeValue> } | { kind: 'list'; list: AttributeValue[] };

/** The container that holds the path's last step, if the path can be written. */
function parentOf(item: Item, path: Path): Parent {
  const last = path[path.length - 1];
  const container = path.length === 1 ? { M: item } : resolvePath(item, path.slice(0, -1));
  if (typeof last === 'number' && container && 'L' in container) return { kind: 'list', list: container.L };
  if (typeof last === 'string' && container && 'M' in container) return { kind: 'map', record: container.M };
  return fail(UPDATE_ERRORS.documentPath);
}

function read(parent: Parent, step: string | number): AttributeValue | undefined {
  return parent.kind === 'map' ? getOwn(parent.record, step as string) : parent.list[step as number];
}

function write(parent: Parent, step: string | number, value: AttributeValue): void {
  if (parent.kind === 'map') setOwn(parent.record, step as string, value);
  else if ((step as number) < parent.list.length) parent.list[step as number] = value;
  else parent.list.push(value);
}

function union(existing: string[], added: string[]): string[] {
  return [...existing, ...added.filter((x) => !existing.includes(x))];
}

function added(existing: AttributeValue | undefined, value: AttributeValue): AttributeValue {
  if (existing === undefined) return value;
  if ('N' in existing && 'N' in value) return addNumbers(existing.N, value.N, false);
  if ('SS' in existing && 'SS' in value) return { SS: union(existing.SS, value.SS) };
  if ('NS' in existing && 'NS' in value) return { NS: union(existing.NS, value.NS) };
  if ('BS' in existing && 'BS' in value) return { BS: union(existing.BS, value.BS) };
  return fail(UPDATE_ERRORS.dataType);
}

function deleted(existing: AttributeValue, value: AttributeValue): AttributeValue | undefined {
  const type = typeOf(existing);
  if (type !== typeOf(value) || (type !== 'SS' && type !== 'NS' && type !== 'BS')) return fail(UPDATE_ERRORS.dataType);
  const remove = (value as Record<string, string[]>)[type]!;
  const kept = (existing as Record<string, string[]>)[type]!.filter((x) => !remove.includes(x));
  return kept.length === 0 ? undefined : ({ [type]: kept } as AttributeValue);
}

/** The item after the update (a new object; `item` is not changed). */
export function applyUpdate(item: Item, actions: UpdateAction[]): Item {
  const next = cloneItem(item);
  const values = actions.map((a) => (a.kind === 'set' ? valueOf(a.value, item) : undefined));
  const listRemovals: { list: AttributeValue[]; index: number }[] = [];
  actions.forEach((action, i) => {
    const parent = parentOf(next, action.path);
    const step = action.path[action.path.length - 1]!;
    const existing = read(parent, step);
    switch (action.kind) {
      case 'set':
        write(parent, step, values[i]!);
        break;
      case 'remove':
        if (parent.kind === 'map') deleteOwn(parent.record, step as string);
        else if (existing !== undefined) listRemovals.push({ list: parent.list, index: step as number });
        break;
      case 'add':
        write(parent, step, added(existing, action.value));
        break;
      case 'delete': {
        if (existing === undefined) break;
        const rest = deleted(existing, action.value);
        if (rest) write(parent, step, rest);
        else if (parent.kind === 'map') deleteOwn(parent.record, step as string);
        else listRemovals.push({ list: parent.list, index: step as number });
        break;
      }
    }
  });
  listRemovals.sort((a, b) => b.index - a.index).forEach(({ list, index }) => list.splice(index, 1));
  return next;
}

