// A table's items as the sandbox's run leaves them, as far as its trace shows: the world's seed items,
// then, in order, each successful PutItem (the item written), DeleteItem (the key removed) and every item a
// GetItem, Query or Scan returned (what DynamoDB held then). An UpdateItem's effect is not recomputed here:
// the item it touched is marked as changed.
import type { Exchange } from '../../../sim/index';
import type { TableConfig } from '../../../sim/world/config';
import { isDynamoDbExchange } from '../../inspector/find-items';
import { isItem, type DynamoItem } from '../../inspector/dynamodb-values';

export interface LiveItems {
  items: DynamoItem[];
  /** Keys (as keyOf writes them) an UpdateItem changed. */
  updated: Set<string>;
  /** How many successful calls on the table the trace holds. */
  calls: number;
}

export const keyNamesOf = (table: TableConfig) => [table.partitionKey.name, ...(table.sortKey ? [table.sortKey.name] : [])];

export function keyOf(item: DynamoItem, keyNames: readonly string[]): string {
  return JSON.stringify(keyNames.map((name) => item[name] ?? null));
}

function body(text: string | undefined): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text ?? '');
    return isItem(value) ? value : {};
  } catch {
    return {};
  }
}

function operationOf(x: Exchange): string {
  const target = Object.entries(x.request.headers).find(([k]) => k.toLowerCase() === 'x-amz-target')?.[1] ?? '';
  return /\.(\w+)$/.exec(target)?.[1] ?? x.operation;
}

export function liveItems(table: TableConfig, trace: readonly Exchange[]): LiveItems {
  const keyNames = keyNamesOf(table);
  const byKey = new Map<string, DynamoItem>();
  for (const item of table.items ?? []) if (isItem(item)) byKey.set(keyOf(item, keyNames), item);
  const updated = new Set<string>();
  let calls = 0;
  for (const x of trace) {
    if (!isDynamoDbExchange(x) || x.response.status !== 200) continue;
    const request = body(x.request.body);
    if (request.TableName !== table.name) continue;
    calls++;
    const response = body(x.response.body);
    const operation = operationOf(x);
    const seen = [response.Item, ...(Array.isArray(response.Items) ? response.Items : [])].filter(isItem);
    if (operation === 'PutItem' && isItem(request.Item)) seen.push(request.Item);
    for (const item of seen) byKey.set(keyOf(item, keyNames), item);
    if (operation === 'DeleteItem' && isItem(request.Key)) byKey.delete(keyOf(request.Key, keyNames));
    if (operation === 'UpdateItem' && isItem(request.Key)) updated.add(keyOf(request.Key, keyNames));
  }
  return { items: [...byKey.values()], updated, calls };
}
