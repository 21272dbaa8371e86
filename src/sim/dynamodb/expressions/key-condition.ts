// A KeyConditionExpression is a condition of the general grammar restricted to what an index can
// answer: equality on the partition key, and at most one of = < <= > >= BETWEEN begins_with on the sort
// key. Its structural errors have no "Invalid KeyConditionExpression:" prefix [P dynalite, from DynamoDB].
import { AwsError } from '../../core/errors';
import type { SortCondition } from '../storage';
import type { AttributeValue, KeySchema } from '../types';
import type { Condition, Operand } from './ast';

type Op = 'EQ' | 'LT' | 'LE' | 'GT' | 'GE' | 'BETWEEN' | 'BEGINS_WITH';
export interface KeyConditionPart {
  op: Op;
  values: AttributeValue[];
}

const invalid = (message: string): never => {
  throw new AwsError('ValidationException', message);
};
const OPS: Record<string, Op> = { '=': 'EQ', '<': 'LT', '<=': 'LE', '>': 'GT', '>=': 'GE' };
const FLIPPED: Record<string, string> = { '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

function leaf(args: Operand[], parts: Map<string, KeyConditionPart>, op: Op): void {
  let name: string | undefined;
  let at = 0;
  args.forEach((arg, i) => {
    if (arg.kind === 'path') {
      if (name !== undefined) invalid('Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition');
      if (arg.path.length > 1) invalid('KeyConditionExpressions cannot have conditions on nested attributes');
      name = String(arg.path[0]);
      at = i;
    } else if (arg.kind === 'size') invalid('KeyConditionExpressions cannot contain nested operations');
  });
  if (name === undefined) return invalid('Invalid condition in KeyConditionExpression: No key attribute specified');
  if (parts.has(name)) invalid('KeyConditionExpressions must only contain one condition per key');
  const values = args.filter((_, i) => i !== at).map((a) => (a.kind === 'value' ? a.value : { NULL: true as const }));
  parts.set(name, { op, values });
}

function walk(condition: Condition, parts: Map<string, KeyConditionPart>): void {
  switch (condition.kind) {
    case 'and':
      walk(condition.left, parts);
      walk(condition.right, parts);
      return;
    case 'or': case 'not': case 'in':
      return invalid(`Invalid operator used in KeyConditionExpression: ${condition.kind.toUpperCase()}`);
    case 'compare': {
      if (condition.op === '<>') return invalid('Invalid operator used in KeyConditionExpression: <>');
      const args = [condition.left, condition.right];
      const flipped = condition.left.kind !== 'path' && condition.right.kind === 'path';
      return leaf(args, parts, OPS[flipped ? FLIPPED[condition.op]! : condition.op]!);
    }
    case 'between':
      if (condition.subject.kind !== 'path') return invalid('Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand');
      return leaf([condition.subject, condition.low, condition.high], parts, 'BETWEEN');
    case 'function':
      if (condition.name !== 'begins_with') return invalid(`Invalid operator used in KeyConditionExpression: ${condition.name}`);
      if (condition.args[0]?.kind !== 'path') return invalid('Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand');
      return leaf(condition.args, parts, 'BEGINS_WITH');
  }
}

/** The per-key conditions of a key condition expression, or AWS's structural error. */
export function keyConditionParts(condition: Condition): Map<string, KeyConditionPart> {
  const parts = new Map<string, KeyConditionPart>();
  walk(condition, parts);
  if (parts.size !== 1 && parts.size !== 2) invalid('Conditions can be of length 1 or 2 only');
  return parts;
}

/** Matches the parts to the table's key schema: the partition to read and the sort-key range. */
export function keyQuery(parts: Map<string, KeyConditionPart>, schema: KeySchema): { partition: AttributeValue; sort?: SortCondition } {
  const keys = schema.sortKey ? [schema.partitionKey, schema.sortKey] : [schema.partitionKey];
  for (const [i, key] of keys.entries()) {
    const isHash = i === 0;
    if (isHash && keys.length === 1 && parts.size > 1) invalid('Query key condition not supported');
    const part = parts.get(key.name);
    if (!part) {
      if (isHash || parts.size > 1) invalid(`Query condition missed key schema element: ${key.name}`);
      continue;
    }
    if (part.values.some((v) => !(key.type in v))) invalid('One or more parameter values were invalid: Condition parameter type does not match schema type');
    if (isHash && part.op !== 'EQ') invalid('Query key condition not supported');
  }
  const hash = parts.get(schema.partitionKey.name)!;
  const partition = hash.values[0]!;
  if ('S' in partition && partition.S === '') {
    invalid(`One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: ${schema.partitionKey.name}`);
  }
  const sortPart = schema.sortKey ? parts.get(schema.sortKey.name) : undefined;
  if (!sortPart) return { partition };
  if (sortPart.op === 'BETWEEN') return { partition, sort: { op: 'BETWEEN', low: sortPart.values[0]!, high: sortPart.values[1]! } };
  return { partition, sort: { op: sortPart.op, value: sortPart.values[0]! } };
}
