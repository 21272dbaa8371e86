// UpdateItem: changes (or creates) one item with an UpdateExpression, if its ConditionExpression holds.
// Key attributes cannot be updated; the new item must stay within 400 KB.
import { AwsError } from '../../core/errors';
import { itemFrom, readMap } from '../attribute-json';
import { MAX_ITEM_BYTES, cloneItem, itemSize } from '../attribute-values';
import { defineOperation } from '../env';
import { compileExpressions } from '../expressions/compile';
import { evaluateCondition } from '../expressions/evaluate';
import { conditionPaths, updatePaths, updateTargets } from '../expressions/names';
import { project } from '../expressions/projection';
import { applyUpdate } from '../expressions/update-apply';
import { getItem, putItem } from '../storage';
import { keyNames, type Item } from '../types';
import { authorizedTable, checkKey, conditionalCheckFailed, consumedCapacity, leadingKey, topLevelNames, withKeyNames, writeUnits } from './common';
import { ATTRIBUTE_MAP, EXPRESSION, NAMES, REQUIRED_ATTRIBUTE_MAP, RETURN_CONSUMED_CAPACITY, RETURN_ITEM_COLLECTION_METRICS, RETURN_VALUES, RETURN_VALUES_ON_FAILURE, TABLE_NAME, type ExpressionMembers } from './shapes';

interface UpdateItemInput extends ExpressionMembers {
  TableName: string;
  Key: unknown;
  UpdateExpression?: string;
  ReturnValues?: 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';
  ReturnValuesOnConditionCheckFailure?: string;
}

const nonEmpty = (item: Item | undefined) => (item && Object.keys(item).length > 0 ? { Attributes: item } : {});

export const updateItemOperation = defineOperation<UpdateItemInput, { Attributes?: Item; ConsumedCapacity?: unknown }>({
  name: 'UpdateItem',
  shape: {
    TableName: TABLE_NAME,
    Key: REQUIRED_ATTRIBUTE_MAP,
    UpdateExpression: EXPRESSION,
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
    const { update, condition } = compileExpressions({ ...input, ExpressionAttributeValues: values }, ['UpdateExpression', 'ConditionExpression']);
    const table = authorizedTable(env, ctx, input.TableName, (t) => {
      checkKey(t, key);
      const keyed = (update ?? []).find((a) => keyNames(t.schema).includes(String(a.path[0])));
      if (keyed) throw new AwsError('ValidationException', `One or more parameter values were invalid: Cannot update attribute ${String(keyed.path[0])}. This attribute is part of the key`);
    }, (t) => ({
      ...(t && leadingKey(t, key) !== undefined ? { LeadingKeys: [leadingKey(t, key)!] } : {}),
      Attributes: withKeyNames(t, topLevelNames(updatePaths(update), conditionPaths(condition))),
      ...(input.ReturnValues ? { ReturnValues: input.ReturnValues } : {}),
      ...(input.ReturnConsumedCapacity ? { ReturnConsumedCapacity: input.ReturnConsumedCapacity } : {}),
    }));
    const old = getItem(table.store, key);
    if (condition && !evaluateCondition(condition, old)) throw conditionalCheckFailed(old, input.ReturnValuesOnConditionCheckFailure);
    const next = applyUpdate(old ?? cloneItem(key), update ?? []);
    if (itemSize(next) > MAX_ITEM_BYTES) throw new AwsError('ValidationException', 'Item size to update has exceeded the maximum allowed size');
    putItem(table.store, next);
    ctx.call.note({ kind: 'info', summary: old ? `UpdateItem changed the item in ${table.name}.` : `UpdateItem found no item with this key, so it created one in ${table.name}.` });
    const targets = updateTargets(update);
    const attributes = (() => {
      switch (input.ReturnValues) {
        case 'ALL_OLD': return nonEmpty(old);
        case 'UPDATED_OLD': return nonEmpty(old && project(old, targets));
        case 'ALL_NEW': return nonEmpty(next);
        case 'UPDATED_NEW': return nonEmpty(project(next, targets));
        default: return {};
      }
    })();
    return { ...attributes, ...consumedCapacity(table.name, writeUnits(old, next), input.ReturnConsumedCapacity) };
  },
});
