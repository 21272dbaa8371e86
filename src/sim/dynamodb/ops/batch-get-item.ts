// BatchGetItem: up to 100 items from one or more tables. IAM decides per table, for the action
// dynamodb:BatchGetItem, with the partition keys of all that table's keys as dynamodb:LeadingKeys.
import { AwsError } from '../../core/errors';
import { itemFrom } from '../attribute-json';
import { itemSize } from '../attribute-values';
import { defineOperation } from '../env';
import { compileExpressions } from '../expressions/compile';
import { project } from '../expressions/projection';
import { getItem } from '../storage';
import type { Item } from '../types';
import { validateInput } from '../../wire/validate';
import { authorizedTable, checkKey, leadingKey, readUnits, topLevelNames, withKeyNames } from './common';
import { batchCapacity, refuseDuplicateKeys, requestTables } from './batch-shapes';
import { EXPRESSION, NAMES, RETURN_CONSUMED_CAPACITY } from './shapes';

interface KeysAndAttributes {
  Keys: unknown[];
  ProjectionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ConsistentRead?: boolean;
}

interface BatchGetItemInput {
  RequestItems: Record<string, unknown>;
  ReturnConsumedCapacity?: string;
}

const TABLE_REQUEST = {
  Keys: { type: 'list', required: true, min: 1, max: 100, of: { type: 'object', fields: {} } },
  ProjectionExpression: EXPRESSION,
  ExpressionAttributeNames: NAMES,
  ConsistentRead: { type: 'boolean' },
} as const;

export const batchGetItemOperation = defineOperation<BatchGetItemInput, { Responses: Record<string, Item[]>; UnprocessedKeys: Record<string, never>; ConsumedCapacity?: unknown[] }>({
  name: 'BatchGetItem',
  shape: { RequestItems: { type: 'object', required: true, fields: {} }, ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY },
  run(env, input, ctx) {
    const requests = requestTables(input.RequestItems).map(([name, raw]) => {
      const request = validateInput<KeysAndAttributes>(raw, TABLE_REQUEST, 'ValidationException');
      const keys = request.Keys.map((k) => itemFrom(k));
      const { projection } = compileExpressions(request, ['ProjectionExpression']);
      return { name, request, keys, projection };
    });
    if (requests.reduce((n, r) => n + r.keys.length, 0) > 100) throw new AwsError('ValidationException', 'Too many items requested for the BatchGetItem call');
    const responses: Record<string, Item[]> = {};
    const units = new Map<string, number>();
    for (const { name, request, keys, projection } of requests) {
      const table = authorizedTable(env, ctx, name, (t) => {
        keys.forEach((key) => checkKey(t, key));
        refuseDuplicateKeys(t, keys);
      }, (t) => {
        const leading = t ? [...new Set(keys.map((k) => leadingKey(t, k)).filter((k): k is string => k !== undefined))] : [];
        return {
          ...(leading.length > 0 ? { LeadingKeys: leading } : {}),
          ...(projection ? { Attributes: withKeyNames(t, topLevelNames(projection)) } : {}),
          ...(input.ReturnConsumedCapacity ? { ReturnConsumedCapacity: input.ReturnConsumedCapacity } : {}),
        };
      });
      const found = keys.map((key) => getItem(table.store, key)).filter((i): i is Item => i !== undefined);
      responses[name] = projection ? found.map((i) => project(i, projection)) : found;
      units.set(name, keys.reduce((n, key) => n + readUnits(itemSize(getItem(table.store, key) ?? {}), request.ConsistentRead), 0));
    }
    ctx.call.note({ kind: 'info', summary: `BatchGetItem read ${Object.values(responses).reduce((n, items) => n + items.length, 0)} item(s) from ${requests.length} table(s).` });
    return { Responses: responses, UnprocessedKeys: {}, ...batchCapacity(units, input.ReturnConsumedCapacity) };
  },
});
