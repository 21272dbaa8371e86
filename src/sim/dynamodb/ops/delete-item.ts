// DeleteItem: removes one item by its full key, if its ConditionExpression holds. Deleting an item
// that is not there succeeds (unless a condition says otherwise).
import { AwsError } from '../../core/errors';
import { itemFrom, readMap } from '../attribute-json';
import { defineOperation } from '../env';
import { compileExpressions } from '../expressions/compile';
import { evaluateCondition } from '../expressions/evaluate';
import { conditionPaths } from '../expressions/names';
import { deleteItem, getItem } from '../storage';
import type { Item } from '../types';
import { authorizedTable, checkKey, conditionalCheckFailed, consumedCapacity, leadingKey, topLevelNames, withKeyNames, writeUnits } from './common';
import { ATTRIBUTE_MAP, EXPRESSION, NAMES, REQUIRED_ATTRIBUTE_MAP, RETURN_CONSUMED_CAPACITY, RETURN_ITEM_COLLECTION_METRICS, RETURN_VALUES, RETURN_VALUES_ON_FAILURE, TABLE_NAME, type ExpressionMembers } from './shapes';

interface DeleteItemInput extends ExpressionMembers {
  TableName: string;
  Key: unknown;
  ReturnValues?: string;
  ReturnValuesOnConditionCheckFailure?: string;
}

export const deleteItemOperation = defineOperation<DeleteItemInput, { Attributes?: Item; ConsumedCapacity?: unknown }>({
  name: 'DeleteItem',
  shape: {
    TableName: TABLE_NAME,
    Key: REQUIRED_ATTRIBUTE_MAP,
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
    const key = itemFrom(input.Key);
    // [U] DeleteItem's wording is assumed to be PutItem's, whose is captured.
    if (input.ReturnValues && input.ReturnValues !== 'NONE' && input.ReturnValues !== 'ALL_OLD') {
      throw new AwsError('ValidationException', 'ReturnValues can only be ALL_OLD or NONE');
    }
    const { condition } = compileExpressions({ ...input, ExpressionAttributeValues: values }, ['ConditionExpression']);
    const table = authorizedTable(env, ctx, input.TableName, (t) => checkKey(t, key), (t) => ({
      ...(t && leadingKey(t, key) !== undefined ? { LeadingKeys: [leadingKey(t, key)!] } : {}),
      Attributes: withKeyNames(t, topLevelNames(conditionPaths(condition))),
      ...(input.ReturnValues ? { ReturnValues: input.ReturnValues } : {}),
      ...(input.ReturnConsumedCapacity ? { ReturnConsumedCapacity: input.ReturnConsumedCapacity } : {}),
    }));
    const old = getItem(table.store, key);
    if (condition && !evaluateCondition(condition, old)) throw conditionalCheckFailed(old, input.ReturnValuesOnConditionCheckFailure);
    if (old) deleteItem(table.store, key);
    ctx.call.note({ kind: 'info', summary: old ? `DeleteItem removed the item from ${table.name}.` : `DeleteItem found no item with this key in ${table.name}; that is not an error.` });
    return {
      ...(input.ReturnValues === 'ALL_OLD' && old ? { Attributes: old } : {}),
      ...consumedCapacity(table.name, writeUnits(old), input.ReturnConsumedCapacity),
    };
  },
});
