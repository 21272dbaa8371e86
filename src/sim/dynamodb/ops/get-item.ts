// GetItem: one item by its full key, optionally projected. A missing item is an empty answer, not an error.
import { itemFrom } from '../attribute-json';
import { defineOperation } from '../env';
import { compileExpressions } from '../expressions/compile';
import { project } from '../expressions/projection';
import { getItem } from '../storage';
import type { Item } from '../types';
import { authorizedTable, checkKey, consumedCapacity, leadingKey, readUnits, topLevelNames, withKeyNames } from './common';
import { itemSize } from '../attribute-values';
import { EXPRESSION, NAMES, REQUIRED_ATTRIBUTE_MAP, RETURN_CONSUMED_CAPACITY, TABLE_NAME } from './shapes';

interface GetItemInput {
  TableName: string;
  Key: unknown;
  ProjectionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ConsistentRead?: boolean;
  ReturnConsumedCapacity?: string;
}

export const getItemOperation = defineOperation<GetItemInput, { Item?: Item; ConsumedCapacity?: unknown }>({
  name: 'GetItem',
  shape: {
    TableName: TABLE_NAME,
    Key: REQUIRED_ATTRIBUTE_MAP,
    ProjectionExpression: EXPRESSION,
    ExpressionAttributeNames: NAMES,
    ConsistentRead: { type: 'boolean' },
    ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY,
  },
  run(env, input, ctx) {
    const key = itemFrom(input.Key);
    const { projection } = compileExpressions(input, ['ProjectionExpression']);
    const table = authorizedTable(env, ctx, input.TableName, (t) => checkKey(t, key), (t) => ({
      ...(t && leadingKey(t, key) !== undefined ? { LeadingKeys: [leadingKey(t, key)!] } : {}),
      // [U] Without a projection the whole item is read; AWS then leaves dynamodb:Attributes out.
      ...(projection ? { Attributes: withKeyNames(t, topLevelNames(projection)) } : {}),
      ...(input.ReturnConsumedCapacity ? { ReturnConsumedCapacity: input.ReturnConsumedCapacity } : {}),
    }));
    const item = getItem(table.store, key);
    ctx.call.note({ kind: 'info', summary: item ? `GetItem found the item in ${table.name}.` : `GetItem found no item with this key in ${table.name}: the answer is empty, not an error.` });
    return {
      ...(item ? { Item: projection ? project(item, projection) : item } : {}),
      ...consumedCapacity(table.name, readUnits(item ? itemSize(item) : 0, input.ConsistentRead), input.ReturnConsumedCapacity),
    };
  },
});
