// Scan: every item of the table, partition after partition in hash order, a page at a time; with
// Segment/TotalSegments, only one segment's partitions. A Scan names no partition key, so IAM sees no
// dynamodb:LeadingKeys, which is why row-level policies leave Scan out.
import { AwsError } from '../../core/errors';
import { readMap } from '../attribute-json';
import { defineOperation } from '../env';
import { compileExpressions } from '../expressions/compile';
import { conditionPaths } from '../expressions/names';
import { scanTable } from '../storage';
import { authorizedTable, consumedCapacity, readUnits, topLevelNames, withKeyNames } from './common';
import { checkSelect, checkStartKey, effectiveSelect, readPage, startKeyFrom, type Page } from './reading';
import { ATTRIBUTE_MAP, EXPRESSION, INDEX_NAME, NAMES, RETURN_CONSUMED_CAPACITY, SELECT, TABLE_NAME } from './shapes';

interface ScanInput {
  TableName: string;
  IndexName?: string;
  FilterExpression?: string;
  ProjectionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: unknown;
  Select?: string;
  Limit?: number;
  ExclusiveStartKey?: unknown;
  Segment?: number;
  TotalSegments?: number;
  ConsistentRead?: boolean;
  ReturnConsumedCapacity?: string;
}

const invalid = (message: string) => new AwsError('ValidationException', message);

export const scanOperation = defineOperation<ScanInput, Omit<Page, 'bytes'> & { ConsumedCapacity?: unknown }>({
  name: 'Scan',
  shape: {
    TableName: TABLE_NAME,
    IndexName: INDEX_NAME,
    FilterExpression: EXPRESSION,
    ProjectionExpression: EXPRESSION,
    ExpressionAttributeNames: NAMES,
    ExpressionAttributeValues: ATTRIBUTE_MAP,
    Select: SELECT,
    Limit: { type: 'integer', min: 1 },
    ExclusiveStartKey: ATTRIBUTE_MAP,
    Segment: { type: 'integer', min: 0, max: 999999 },
    TotalSegments: { type: 'integer', min: 1, max: 1000000 },
    ConsistentRead: { type: 'boolean' },
    ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY,
  },
  run(env, input, ctx) {
    const values = input.ExpressionAttributeValues === undefined ? undefined : readMap(input.ExpressionAttributeValues);
    const startKey = startKeyFrom(input.ExclusiveStartKey);
    if (input.Segment !== undefined && input.TotalSegments === undefined) throw invalid('The TotalSegments parameter is required but was not present in the request when Segment parameter is present');
    if (input.TotalSegments !== undefined) {
      if (input.Segment === undefined) throw invalid('The Segment parameter is required but was not present in the request when parameter TotalSegments is present');
      if (input.Segment >= input.TotalSegments) throw invalid(`The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: ${input.Segment} is not less than TotalSegments: ${input.TotalSegments}`);
    }
    const { filter, projection } = compileExpressions({ ...input, ExpressionAttributeValues: values }, ['ProjectionExpression', 'FilterExpression']);
    checkSelect(input.Select, projection, input.IndexName, 'Scan');
    const table = authorizedTable(env, ctx, input.TableName, (t) => {
      if (input.IndexName !== undefined) throw invalid(`The table does not have the specified index: ${input.IndexName}`);
      if (startKey) checkStartKey(t, startKey);
    }, (t) => ({
      ...(projection ? { Attributes: withKeyNames(t, topLevelNames(projection, conditionPaths(filter))) } : {}),
      Select: effectiveSelect(input.Select, projection),
      ...(input.ReturnConsumedCapacity ? { ReturnConsumedCapacity: input.ReturnConsumedCapacity } : {}),
    }));
    const segment = input.TotalSegments !== undefined ? { segment: input.Segment!, total: input.TotalSegments } : undefined;
    const { bytes, ...page } = readPage(table, scanTable(table.store, startKey, segment), { limit: input.Limit, filter, projection, select: input.Select });
    ctx.call.note({ kind: 'info', summary: `Scan read ${page.ScannedCount} item(s) of ${table.name}, across partitions${filter ? `, and the filter kept ${page.Count}` : ''}${page.LastEvaluatedKey ? '; LastEvaluatedKey says where the next page starts' : ''}.` });
    return { ...page, ...consumedCapacity(table.name, readUnits(bytes, input.ConsistentRead), input.ReturnConsumedCapacity) };
  },
});
