// PutItem: writes a whole item, replacing any with the same key, if its ConditionExpression holds.
import { AwsError } from '../../core/errors';
import { itemFrom, readMap } from '../attribute-json';
import { defineOperation } from '../env';
import { compileExpressions } from '../expressions/compile';
import { evaluateCondition } from '../expressions/evaluate';
import { conditionPaths } from '../expressions/names';
import { getItem, putItem } from '../storage';
import type { Item } from '../types';
import { authorizedTable, checkItem, conditionalCheckFailed, consumedCapacity, leadingKey, topLevelNames, withKeyNames, writeUnits } from './common';
import { ATTRIBUTE_MAP, EXPRESSION, NAMES, REQUIRED_ATTRIBUTE_MAP, RETURN_CONSUMED_CAPACITY, RETURN_ITEM_COLLECTION_METRICS, RETURN_VALUES, RETURN_VALUES_ON_FAILURE, TABLE_NAME, type ExpressionMembers } from './shapes';

interface PutItemInput extends ExpressionMembers {
  TableName: string;
  Item: unknown;
  ReturnValues?: string;
  ReturnValuesOnConditionCheckFailure?: string;
}

export const putItemOperation = defineOperation<PutItemInput, { Attributes?: Item; ConsumedCapacity?: unknown }>({
  name: 'PutItem',
  shape: {
    TableName: TABLE_NAME,
    Item: REQUIRED_ATTRIBUTE_MAP,
    ConditionExpression: EXPRESSION,
    ExpressionAttributeNames: NAMES,
    ExpressionAttributeValues: ATTRIBUTE_MAP,
    ReturnValues: RETURN_VALUES,
    ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY,
    ReturnItemCollectionMetrics: RETURN_ITEM_COLLECTION_METRICS,
    ReturnValuesOnConditionCheckFailure: RETURN_VALUES_ON_FAILURE,
  },
  run(env, input, ctx) {
    const values = input.ExpressionAttributeValues === undefined ? undefined : readMap(input.ExpressionAttributeValues);
    const item = itemFrom(input.Item);
    if (input.ReturnValues && input.ReturnValues !== 'NONE' && input.ReturnValues !== 'ALL_OLD') {
      throw new AwsError('ValidationException', 'ReturnValues can only be ALL_OLD or NONE');
    }
    const { condition } = compileExpressions({ ...input, ExpressionAttributeValues: values }, ['ConditionExpression']);
    const table = authorizedTable(env, ctx, input.TableName, (t) => checkItem(t, item), (t) => ({
      ...(t && leadingKey(t, item) !== undefined ? { LeadingKeys: [leadingKey(t, item)!] } : {}),
      Attributes: withKeyNames(t, [...Object.keys(item), ...topLevelNames(conditionPaths(condition))]),
      ...(input.ReturnValues ? { ReturnValues: input.ReturnValues } : {}),
      ...(input.ReturnConsumedCapacity ? { ReturnConsumedCapacity: input.ReturnConsumedCapacity } : {}),
    }));
    const old = getItem(table.store, item);
    if (condition && !evaluateCondition(condition, old)) throw conditionalCheckFailed(old, input.ReturnValuesOnConditionCheckFailure);
    putItem(table.store, item);
    ctx.call.note({ kind: 'info', summary: old ? `PutItem replaced the item with this key in ${table.name}.` : `PutItem stored a new item in ${table.name}.` });
    return {
      ...(input.ReturnValues === 'ALL_OLD' && old ? { Attributes: old } : {}),
      ...consumedCapacity(table.name, writeUnits(old, item), input.ReturnConsumedCapacity),
    };
  },
});
