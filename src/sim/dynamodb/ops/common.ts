// What the item operations share: finding the table, checking keys and items against its key schema
// (with AWS's messages), the 400 KB limit, consumed capacity, and the failed-condition error.
import { AwsError } from '../../core/errors';
import { MAX_ITEM_BYTES, itemSize, utf8Length } from '../attribute-values';
import type { DynamoConditionKeys, DynamoEnv, OpContext, Table } from '../env';
import { fromBase64 } from '../../../lib/encoding';
import { getOwn, setOwn } from '../own';
import { keyNames, typeOf, type AttributeValue, type Item, type KeyAttribute } from '../types';

const invalid = (message: string) => new AwsError('ValidationException', message);

export function tableOf(env: DynamoEnv, name: string): Table {
  const table = env.tables.get(name);
  if (!table) throw new AwsError('ResourceNotFoundException', 'Requested resource not found');
  return table;
}

function keyPieceProblem(key: KeyAttribute, value: AttributeValue, isHash: boolean, emptyPrefix: string): string | undefined {
  const text = 'S' in value ? value.S : 'B' in value ? value.B : undefined;
  if (text === '') return `${emptyPrefix}The AttributeValue for a key attribute cannot contain an empty ${key.type === 'S' ? 'string' : 'binary'} value. Key: ${key.name}`;
  const bytes = 'S' in value ? utf8Length(value.S) : 'B' in value ? fromBase64(value.B).length : 0;
  if (isHash && bytes > 2048) return 'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes';
  if (!isHash && bytes > 1024) return 'One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes';
  return undefined;
}

const keyAttributes = (table: Table): KeyAttribute[] => (table.schema.sortKey ? [table.schema.partitionKey, table.schema.sortKey] : [table.schema.partitionKey]);

/** A Key member: exactly the key attributes, of the right types. */
export function checkKey(table: Table, key: Item, prefix = ''): void {
  const attributes = keyAttributes(table);
  if (Object.keys(key).length !== attributes.length) throw invalid(`${prefix}The provided key element does not match the schema`);
  attributes.forEach((attribute, i) => {
    const value = getOwn(key, attribute.name);
    if (!value || typeOf(value) !== attribute.type) throw invalid(`${prefix}The provided key element does not match the schema`);
    const problem = keyPieceProblem(attribute, value, i === 0, 'One or more parameter values were invalid: ');
    if (problem) throw invalid(prefix + problem);
  });
}

/** An Item member: its key attributes present and typed, and within 400 KB. */
export function checkItem(table: Table, item: Item, sizeMessage = 'Item size has exceeded the maximum allowed size'): void {
  keyAttributes(table).forEach((attribute, i) => {
    const value = getOwn(item, attribute.name);
    if (!value) throw invalid(`One or more parameter values were invalid: Missing the key ${attribute.name} in the item`);
    if (typeOf(value) !== attribute.type) throw invalid(`One or more parameter values were invalid: Type mismatch for key ${attribute.name} expected: ${attribute.type} actual: ${typeOf(value)}`);
    const problem = keyPieceProblem(attribute, value, i === 0, 'One or more parameter values are not valid. ');
    if (problem) throw invalid(problem);
  });
  if (itemSize(item) > MAX_ITEM_BYTES) throw invalid(sizeMessage);
}

/** The key attributes of an item. */
export function keyOf(table: Table, item: Item): Item {
  const key: Item = {};
  for (const name of keyNames(table.schema)) {
    const value = getOwn(item, name);
    if (value) setOwn(key, name, value);
  }
  return key;
}

/** A partition key value as IAM's dynamodb:LeadingKeys sees it: the scalar as text. */
export function leadingKey(table: Table, item: Item): string | undefined {
  const value = getOwn(item, table.schema.partitionKey.name);
  if (!value) return undefined;
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('B' in value) return value.B;
  return undefined;
}

export function conditionalCheckFailed(old: Item | undefined, returnOnFailure: string | undefined): AwsError {
  return new AwsError('ConditionalCheckFailedException', 'The conditional request failed', 400, returnOnFailure === 'ALL_OLD' && old ? { Item: old } : {});
}

/** Read units: 4 KB per unit, half for eventually consistent reads. */
export const readUnits = (bytes: number, consistent: boolean | undefined) => Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);
/** Write units: 1 KB per unit, for the larger of the old and new item. */
export const writeUnits = (...items: (Item | undefined)[]) => Math.max(1, ...items.map((i) => (i ? Math.ceil(itemSize(i) / 1024) : 0)));

/** The ConsumedCapacity member, when the request asked for it. */
export function consumedCapacity(table: string, units: number, mode: string | undefined): { ConsumedCapacity?: Record<string, unknown> } {
  if (mode !== 'TOTAL' && mode !== 'INDEXES') return {};
  return { ConsumedCapacity: { TableName: table, CapacityUnits: units, ...(mode === 'INDEXES' ? { Table: { CapacityUnits: units } } : {}) } };
}

/** Top-level names of document paths, for dynamodb:Attributes. */
export function topLevelNames(...groups: ((string | number)[][] | undefined)[]): string[] {
  const names = new Set<string>();
  for (const group of groups) for (const path of group ?? []) if (typeof path[0] === 'string') names.add(path[0]);
  return [...names];
}

/**
 * The order AWS answers in: a table that exists has its keys checked first; then IAM decides (so a
 * caller without access learns nothing about which tables exist); then a missing table is reported.
 * [U] AWS does not document whether key validation precedes authorisation.
 */
export function authorizedTable(env: DynamoEnv, ctx: OpContext, name: string, checks: (table: Table) => void, keys: (table: Table | undefined) => DynamoConditionKeys): Table {
  const table = env.tables.get(name);
  if (table) checks(table);
  ctx.authorize(name, keys(table));
  return tableOf(env, name);
}

/** Names of the key attributes plus the given ones, without duplicates. */
export const withKeyNames = (table: Table | undefined, names: string[]): string[] => [...new Set([...(table ? keyNames(table.schema) : []), ...names])];
