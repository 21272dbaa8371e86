// BatchWriteItem: up to 25 puts and deletes across tables, without conditions. IAM decides per table,
// for dynamodb:BatchWriteItem, with the partition keys of all that table's items as dynamodb:LeadingKeys.
import { AwsError } from '../../core/errors';
import { itemFrom } from '../attribute-json';
import { defineOperation } from '../env';
import { deleteItem, putItem } from '../storage';
import type { Item } from '../types';
import { authorizedTable, checkItem, checkKey, keyOf, leadingKey, withKeyNames, writeUnits } from './common';
import { batchCapacity, refuseDuplicateKeys, requestTables } from './batch-shapes';
import { RETURN_CONSUMED_CAPACITY, RETURN_ITEM_COLLECTION_METRICS } from './shapes';

interface BatchWriteItemInput {
  RequestItems: Record<string, unknown>;
  ReturnConsumedCapacity?: string;
}

type Write = { put: Item } | { delete: Item };
const invalid = (message: string) => new AwsError('ValidationException', message);
const ONE_TYPE = 'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes';

function writeFrom(raw: unknown): Write {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new AwsError('SerializationException', 'Unexpected field type');
  const { PutRequest: put, DeleteRequest: del } = raw as { PutRequest?: { Item?: unknown }; DeleteRequest?: { Key?: unknown } };
  if ((put === undefined) === (del === undefined)) throw invalid(ONE_TYPE);
  if (put !== undefined) {
    if (put?.Item === undefined) throw invalid("1 validation error detected: Value null at 'requestItems.member.putRequest.item' failed to satisfy constraint: Member must not be null");
    return { put: itemFrom(put.Item) };
  }
  if (del?.Key === undefined) throw invalid("1 validation error detected: Value null at 'requestItems.member.deleteRequest.key' failed to satisfy constraint: Member must not be null");
  return { delete: itemFrom(del.Key) };
}

export const batchWriteItemOperation = defineOperation<BatchWriteItemInput, { UnprocessedItems: Record<string, never>; ConsumedCapacity?: unknown[] }>({
  name: 'BatchWriteItem',
  shape: { RequestItems: { type: 'object', required: true, fields: {} }, ReturnConsumedCapacity: RETURN_CONSUMED_CAPACITY, ReturnItemCollectionMetrics: RETURN_ITEM_COLLECTION_METRICS },
  run(env, input, ctx) {
    const requests = requestTables(input.RequestItems, 25).map(([name, raw]) => {
      if (!Array.isArray(raw)) throw new AwsError('SerializationException', 'Unexpected field type');
      if (raw.length < 1 || raw.length > 25) {
        throw invalid(`1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]`);
      }
      return { name, writes: raw.map(writeFrom) };
    });
    // [P] The total across tables has its own message.
    if (requests.reduce((n, r) => n + r.writes.length, 0) > 25) throw invalid('Too many items requested for the BatchWriteItem call');
    const units = new Map<string, number>();
    const tables = requests.map(({ name, writes }) => {
      const table = authorizedTable(env, ctx, name, (t) => {
        for (const w of writes) {
          if ('put' in w) checkItem(t, w.put);
          else checkKey(t, w.delete);
        }
        refuseDuplicateKeys(t, writes.map((w) => ('put' in w ? keyOf(t, w.put) : w.delete)));
      }, (t) => {
        const items = writes.map((w) => ('put' in w ? w.put : w.delete));
        const leading = t ? [...new Set(items.map((i) => leadingKey(t, i)).filter((k): k is string => k !== undefined))] : [];
        return {
          ...(leading.length > 0 ? { LeadingKeys: leading } : {}),
          Attributes: withKeyNames(t, [...new Set(items.flatMap((i) => Object.keys(i)))]),
          ...(input.ReturnConsumedCapacity ? { ReturnConsumedCapacity: input.ReturnConsumedCapacity } : {}),
        };
      });
      return { table, writes };
    });
    // Every table is authorised before anything is written.
    let count = 0;
    for (const { table, writes } of tables) {
      let used = 0;
      for (const w of writes) {
        const old = 'put' in w ? putItem(table.store, w.put) : deleteItem(table.store, w.delete);
        used += writeUnits(old, 'put' in w ? w.put : undefined);
        count++;
      }
      units.set(table.name, used);
    }
    ctx.call.note({ kind: 'info', summary: `BatchWriteItem applied ${count} put/delete request(s) to ${tables.length} table(s).` });
    return { UnprocessedItems: {}, ...batchCapacity(units, input.ReturnConsumedCapacity) };
  },
});
