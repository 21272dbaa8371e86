// RequestItems of the batch operations: a map from table name to that table's requests, checked as
// Coral checks a map (its size, then each key and value) before any table is read.
import { AwsError } from '../../core/errors';
import { partitionId } from '../storage';
import type { Table } from '../env';
import type { Item } from '../types';
import { getOwn } from '../own';

const invalid = (message: string) => new AwsError('ValidationException', message);
const TABLE_NAME = /^[a-zA-Z0-9_.-]+$/;

/** The tables of RequestItems, in request order, each name within the model's constraints. */
export function requestTables(requestItems: Record<string, unknown>, maxTables = 100): [string, unknown][] {
  const entries = Object.entries(requestItems);
  if (entries.length === 0) throw invalid("1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
  if (entries.length > maxTables) throw invalid(`1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Member must have length less than or equal to ${maxTables}`);
  for (const [name] of entries) {
    if (name.length < 3 || name.length > 255 || !TABLE_NAME.test(name)) {
      throw invalid(`1 validation error detected: Value '${name}' at 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]`);
    }
  }
  return entries;
}

/** Throws AWS's error when two requests for one table name the same item. */
export function refuseDuplicateKeys(table: Table, keys: Item[]): void {
  const seen = new Set<string>();
  for (const key of keys) {
    const sort = table.schema.sortKey ? getOwn(key, table.schema.sortKey.name) : undefined;
    const id = partitionId(getOwn(key, table.schema.partitionKey.name)!) + (sort ? `/${partitionId(sort)}` : '');
    if (seen.has(id)) throw invalid('Provided list of item keys contains duplicates');
    seen.add(id);
  }
}

/** The ConsumedCapacity list of a batch answer, when asked for. */
export function batchCapacity(units: Map<string, number>, mode: string | undefined): { ConsumedCapacity?: unknown[] } {
  if (mode !== 'TOTAL' && mode !== 'INDEXES') return {};
  return { ConsumedCapacity: [...units].map(([TableName, CapacityUnits]) => ({ TableName, CapacityUnits, ...(mode === 'INDEXES' ? { Table: { CapacityUnits } } : {}) })) };
}
