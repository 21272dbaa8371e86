// The DynamoDB items an exchange (or a call it made) carries: what the request sent (Item, Key) and what
// came back (Item, Items, Attributes, LastEvaluatedKey), with the counts of a Query or Scan.
import type { Exchange } from '../../sim/index';
import { isItem, type DynamoItem } from './dynamodb-values';

export interface ItemGroup {
  /** Caption of its table, e.g. "Items returned". */
  label: string;
  items: DynamoItem[];
}

export interface DynamoCall {
  source: Exchange;
  operation: string;
  table?: string;
  groups: ItemGroup[];
  /** The key attributes' names, when the request's Key (or a LastEvaluatedKey) shows them. */
  keyNames: string[];
  count?: number;
  scannedCount?: number;
}

const TARGET = /^DynamoDB_\d+\.(\w+)$/;

function header(headers: Record<string, string>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

export function isDynamoDbExchange(x: Exchange): boolean {
  return x.to === 'dynamodb' || TARGET.test(header(x.request.headers, 'x-amz-target') ?? '');
}

function parse(body: string | undefined): Record<string, unknown> {
  if (!body) return {};
  try {
    const json: unknown = JSON.parse(body);
    return isItem(json) ? json : {};
  } catch {
    return {};
  }
}

const num = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** Every DynamoDB call among the exchange and its nested calls that has items, keys or a list to show. */
export function findDynamoCalls(exchange: Exchange, nested: readonly Exchange[] = []): DynamoCall[] {
  const calls: DynamoCall[] = [];
  for (const source of [exchange, ...nested]) {
    if (!isDynamoDbExchange(source)) continue;
    const request = parse(source.request.body);
    const response = parse(source.response.body);
    const groups: ItemGroup[] = [];
    const one = (label: string, value: unknown) => isItem(value) && groups.push({ label, items: [value] });
    one('Item in the request', request.Item);
    one('Key in the request', request.Key);
    one('Item returned', response.Item);
    if (Array.isArray(response.Items)) groups.push({ label: 'Items returned', items: response.Items.filter(isItem) });
    one('Attributes returned', response.Attributes);
    one('Last evaluated key (pass it as ExclusiveStartKey for the next page)', response.LastEvaluatedKey);
    if (groups.length === 0) continue;
    const keySource = [request.Key, response.LastEvaluatedKey, request.ExclusiveStartKey].find(isItem);
    const table = request.TableName;
    const operation = TARGET.exec(header(source.request.headers, 'x-amz-target') ?? '')?.[1] ?? source.operation;
    calls.push({
      source,
      operation,
      table: typeof table === 'string' ? table : undefined,
      groups,
      keyNames: keySource ? Object.keys(keySource) : [],
      count: num(response.Count),
      scannedCount: num(response.ScannedCount),
    });
  }
  return calls;
}
