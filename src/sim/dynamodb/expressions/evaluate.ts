// Evaluates conditions and filters on an item, as DynamoDB does: a comparison with a missing attribute
// or with values of different types is false (and `<>` true when only one side exists), ordering applies
// to S, N and B only, and functions read the document paths they are given.
import { fromBase64 } from '../../../lib/encoding';
import { compareScalars, valuesEqual } from '../attribute-values';
import { getOwn } from '../own';
import { typeOf, type AttributeValue, type Item } from '../types';
import type { Condition, Operand, Path } from './ast';

/** The value at a document path, or undefined when any step is missing or of the wrong kind. */
export function resolvePath(item: Item | undefined, path: Path): AttributeValue | undefined {
  const [head, ...rest] = path;
  if (!item || typeof head !== 'string') return undefined;
  let current = getOwn(item, head);
  for (const step of rest) {
    if (current === undefined) return undefined;
    if (typeof step === 'number') current = 'L' in current ? current.L[step] : undefined;
    else current = 'M' in current ? getOwn(current.M, step) : undefined;
  }
  return current;
}

/**
 * size(): a string's length, a binary's bytes, a set's or list's elements, a map's entries.
 * [U] AWS does not say whether a string's length counts UTF-16 units, code points or bytes; UTF-16 here.
 */
function sizeOf(value: AttributeValue | undefined): AttributeValue | undefined {
  if (!value) return undefined;
  let n: number | undefined;
  if ('S' in value) n = value.S.length;
  else if ('B' in value) n = fromBase64(value.B).length;
  else if ('SS' in value) n = value.SS.length;
  else if ('NS' in value) n = value.NS.length;
  else if ('BS' in value) n = value.BS.length;
  else if ('L' in value) n = value.L.length;
  else if ('M' in value) n = Object.keys(value.M).length;
  return n === undefined ? undefined : { N: String(n) };
}

export function evaluateOperand(operand: Operand, item: Item | undefined): AttributeValue | undefined {
  switch (operand.kind) {
    case 'value': return operand.value;
    case 'path': return resolvePath(item, operand.path);
    case 'size': return sizeOf(evaluateOperand(operand.arg, item));
  }
}

function bytesInclude(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function beginsWith(value: AttributeValue | undefined, prefix: AttributeValue | undefined): boolean {
  if (!value || !prefix) return false;
  if ('S' in value && 'S' in prefix) return value.S.startsWith(prefix.S);
  if ('B' in value && 'B' in prefix) {
    const v = fromBase64(value.B);
    const p = fromBase64(prefix.B);
    return p.length <= v.length && p.every((b, i) => v[i] === b);
  }
  return false;
}

function contains(value: AttributeValue | undefined, operand: AttributeValue | undefined): boolean {
  if (!value || !operand) return false;
  if ('S' in value) return 'S' in operand && value.S.includes(operand.S);
  if ('B' in value) return 'B' in operand && bytesInclude(fromBase64(value.B), fromBase64(operand.B));
  if ('SS' in value) return 'S' in operand && value.SS.includes(operand.S);
  if ('NS' in value) return 'N' in operand && value.NS.includes(operand.N);
  if ('BS' in value) return 'B' in operand && value.BS.includes(operand.B);
  if ('L' in value) return value.L.some((element) => valuesEqual(element, operand));
  return false;
}

function ordered(a: AttributeValue | undefined, b: AttributeValue | undefined): number | undefined {
  return a && b ? compareScalars(a, b) : undefined;
}

export function evaluateCondition(condition: Condition, item: Item | undefined): boolean {
  switch (condition.kind) {
    case 'and': return evaluateCondition(condition.left, item) && evaluateCondition(condition.right, item);
    case 'or': return evaluateCondition(condition.left, item) || evaluateCondition(condition.right, item);
    case 'not': return !evaluateCondition(condition.operand, item);
    case 'compare': {
      const a = evaluateOperand(condition.left, item);
      const b = evaluateOperand(condition.right, item);
      if (condition.op === '=') return a !== undefined && b !== undefined && valuesEqual(a, b);
      if (condition.op === '<>') return (a !== undefined || b !== undefined) && !(a !== undefined && b !== undefined && valuesEqual(a, b));
      const c = ordered(a, b);
      if (c === undefined) return false;
      switch (condition.op) {
        case '<': return c < 0;
        case '<=': return c <= 0;
        case '>': return c > 0;
        case '>=': return c >= 0;
      }
      return false;
    }
    case 'between': {
      const v = evaluateOperand(condition.subject, item);
      const low = ordered(v, evaluateOperand(condition.low, item));
      const high = ordered(v, evaluateOperand(condition.high, item));
      return low !== undefined && high !== undefined && low >= 0 && high <= 0;
    }
    case 'in': {
      const v = evaluateOperand(condition.subject, item);
      return v !== undefined && condition.list.some((o) => {
        const candidate = evaluateOperand(o, item);
        return candidate !== undefined && valuesEqual(v, candidate);
      });
    }
    case 'function': {
      const [first, second] = condition.args.map((a) => evaluateOperand(a, item));
      switch (condition.name) {
        case 'attribute_exists': return first !== undefined;
        case 'attribute_not_exists': return first === undefined;
        case 'attribute_type': return first !== undefined && second !== undefined && 'S' in second && typeOf(first) === second.S;
        case 'begins_with': return beginsWith(first, second);
        case 'contains': return contains(first, second);
      }
    }
  }
}
