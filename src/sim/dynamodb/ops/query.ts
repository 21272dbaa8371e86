// Query: the items of one partition (equality on the partition key), narrowed by a sort-key condition,
// in sort-key order or reversed, a page at a time; FilterExpression then drops items already read.
import { AwsError } from '../../core/errors';
import { readMap } from '../attribute-json';
import { defineOperation } from '../env';
import { compileExpressions } from '../expressions/compile';
import { conditionPaths } from '../expressions/names';
import { keyConditionParts, keyQuery } from '../expressions/key-condition';
import { queryPartition } from '../storage';
import { getOwn } from '../own';
import { keyNames } from '../types';
import { authorizedTable, consumedCapacity, readUnits, topLevelNames, withKeyNames } from './common';
import { checkSelect, checkStartKey, effectiveSelect, readPage, startKeyFrom, type Page } from './reading';
import { evaluateCondition } from '../expressions/evaluate';
import { ATTRIBUTE_MAP, EXPRESSION, INDEX_NAME, NAMES, RETURN_CONSUMED_CAPACITY, SELECT, TABLE_NAME } from './shapes';

interface QueryInput {
  TableName: string;
  IndexName?: string;
  KeyConditionExpression?: string;
  FilterExpression?: string;
  ProjectionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: unknown;
  Select?: string;
  Limit?: number;
  ExclusiveStartKey?: unknown;
  ScanIndexForward?: boolean;
  ConsistentRead?: boolean;
  ReturnConsumedCapacity?: string;
}

const invalid = (message: string) => new AwsError('ValidationException', message);

export const queryOperation = defineOperation<QueryInput, Omit<Page, 'bytes'> & { ConsumedCapacity?: unknown }>({
  name: 'Query',
  shape: {
    TableName: TABLE_NAME,
    IndexName: INDEX_NAME,
    KeyConditionExpression: EXPRESSION,
    FilterExpression: EXPRESSION,
    ProjectionExpression: EXPRESSION,
    ExpressionAttributeNames: NAMES,
    ExpressionAttributeValues: ATTRIBUTE_MAP,
    Select: SELECT,
    Limit: { type: 'integer', min: 1 },
    ExclusiveStartKey: ATTRIBUTE_MAP,
    ScanIndexForward: { type: 'boolean' },
    ConsistentRead: { type: 'boolean' },
    ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY,
  },
  run(env, input, ctx) {
    const values = input.ExpressionAttributeValues === undefined ? undefined : readMap(input.ExpressionAttributeValues);
    const startKey = startKeyFrom(input.ExclusiveStartKey);
    if (input.KeyConditionExpression === undefined) throw invalid('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
    const { keyCondition, filter, projection } = compileExpressions({ ...input, ExpressionAttributeValues: values }, ['ProjectionExpression', 'FilterExpression', 'KeyConditionExpression']);
    checkSelect(input.Select, projection, input.IndexName, 'Query');
    const parts = keyConditionParts(keyCondition!);
    let range: ReturnType<typeof keyQuery> | undefined;
    const table = authorizedTable(env, ctx, input.TableName, (t) => {
      if (input.IndexName !== undefined) throw invalid(`The table does not have the specified index: ${input.IndexName}`);
      range = keyQuery(parts, t.schema);
      const filtered = topLevelNames(conditionPaths(filter)).find((name) => keyNames(t.schema).includes(name));
      if (filtered) throw invalid(`Filter Expression can only contain non-primary key attributes: Primary key attribute: ${filtered}`);
      if (!startKey) return;
      checkStartKey(t, startKey);
      const partition = getOwn(startKey, t.schema.partitionKey.name)!;
      if (JSON.stringify(partition) !== JSON.stringify(range.partition)) throw invalid('The provided starting key is outside query boundaries based on provided conditions');
      if (range.sort && !evaluateCondition(keyCondition!, startKey)) throw invalid('The provided starting key does not match the range key predicate');
    }, (t) => {
      const partition = t ? parts.get(t.schema.partitionKey.name)?.values[0] : undefined;
      const leading = partition && ('S' in partition ? partition.S : 'N' in partition ? partition.N : 'B' in partition ? partition.B : undefined);
      return {
        ...(leading !== undefined ? { LeadingKeys: [leading] } : {}),
        ...(projection ? { Attributes: withKeyNames(t, topLevelNames(projection, conditionPaths(filter))) } : {}),
        Select: effectiveSelect(input.Select, projection),
        ...(input.ReturnConsumedCapacity ? { ReturnConsumedCapacity: input.ReturnConsumedCapacity } : {}),
      };
    });
    const forward = input.ScanIndexForward !== false;
    const sortStart = startKey && table.schema.sortKey ? getOwn(startKey, table.schema.sortKey.name) : undefined;
    const entries = startKey && !table.schema.sortKey ? [] : queryPartition(table.store, range!.partition, range!.sort, forward, sortStart);
    const { bytes, ...page } = readPage(table, entries, { limit: input.Limit, filter, projection, select: input.Select });
    ctx.call.note({ kind: 'info', summary: `Query read ${page.ScannedCount} item(s) from one partition of ${table.name}${filter ? `, and the filter kept ${page.Count}` : ''}${page.LastEvaluatedKey ? '; LastEvaluatedKey says where the next page starts' : ''}.` });
    return { ...page, ...consumedCapacity(table.name, readUnits(bytes, input.ConsistentRead), input.ReturnConsumedCapacity) };
  },
});
