// A table's items as DynamoDB keeps them: grouped by partition key, each partition ordered by sort key
// (S by UTF-8 bytes, N numerically, B by bytes). A Query reads one partition by binary search; a Scan
// walks the partitions in the order of their key's hash (stable, but not insertion order, as in AWS).
import { fromBase64 } from '../../lib/encoding';
import { compareBytes, compareUtf8, itemSize } from './attribute-values';
import { compareDecimals, parseDecimal, type Decimal } from './numbers';
import { getOwn } from './own';
import type { AttributeValue, Item, KeySchema } from './types';

type SortValue = { S: string } | { N: Decimal } | { B: Uint8Array };

export interface Entry {
  readonly sort: SortValue | undefined;
  item: Item;
  size: number;
}

export interface Partition {
  readonly id: string;
  readonly hash: number;
  readonly key: AttributeValue;
  /** Ordered by sort key (a single entry without one). */
  readonly entries: Entry[];
}

export interface TableStore {
  readonly schema: KeySchema;
  readonly partitions: Map<string, Partition>;
  itemCount: number;
  sizeBytes: number;
  /** Partitions in scan order, rebuilt when a partition appears or disappears. */
  scanOrder: Partition[] | undefined;
}

export type SortCondition =
  | { op: 'EQ' | 'LT' | 'LE' | 'GT' | 'GE' | 'BEGINS_WITH'; value: AttributeValue }
  | { op: 'BETWEEN'; low: AttributeValue; high: AttributeValue };

export function createTableStore(schema: KeySchema): TableStore {
  return { schema, partitions: new Map(), itemCount: 0, sizeBytes: 0, scanOrder: undefined };
}

/** The partition's identity: type and canonical text of the partition key value. */
export function partitionId(value: AttributeValue): string {
  if ('S' in value) return `S:${value.S}`;
  if ('N' in value) return `N:${value.N}`;
  if ('B' in value) return `B:${value.B}`;
  return `?:${JSON.stringify(value)}`;
}

/** FNV-1a, 32 bits: the stand-in for DynamoDB's internal hash of the partition key. */
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function sortValue(value: AttributeValue | undefined): SortValue | undefined {
  if (!value) return undefined;
  if ('S' in value) return { S: value.S };
  if ('N' in value) return { N: parseDecimal(value.N)! };
  if ('B' in value) return { B: fromBase64(value.B) };
  return undefined;
}

function compareSort(a: SortValue, b: SortValue): number {
  if ('S' in a && 'S' in b) return compareUtf8(a.S, b.S);
  if ('N' in a && 'N' in b) return compareDecimals(a.N, b.N);
  if ('B' in a && 'B' in b) return compareBytes(a.B, b.B);
  return 0;
}

/** First index whose sort key is ≥ (or, with `after`, >) the value. */
function bound(entries: Entry[], value: SortValue, after: boolean): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareSort(entries[mid]!.sort!, value);
    if (c < 0 || (after && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function find(table: TableStore, key: Item): { partition: Partition | undefined; index: number; found: boolean } {
  const { partitionKey, sortKey } = table.schema;
  const partition = table.partitions.get(partitionId(getOwn(key, partitionKey.name)!));
  if (!partition) return { partition, index: 0, found: false };
  if (!sortKey) return { partition, index: 0, found: partition.entries.length > 0 };
  const sort = sortValue(getOwn(key, sortKey.name))!;
  const index = bound(partition.entries, sort, false);
  const entry = partition.entries[index];
  return { partition, index, found: entry !== undefined && compareSort(entry.sort!, sort) === 0 };
}

export function getItem(table: TableStore, key: Item): Item | undefined {
  const { partition, index, found } = find(table, key);
  return found ? partition!.entries[index]!.item : undefined;
}

/** Stores the item (already validated against the schema), returning the one it replaced. */
export function putItem(table: TableStore, item: Item): Item | undefined {
  const { partitionKey, sortKey } = table.schema;
  const located = find(table, item);
  const { index, found } = located;
  let partition = located.partition;
  const size = itemSize(item);
  if (!partition) {
    const id = partitionId(getOwn(item, partitionKey.name)!);
    partition = { id, hash: hashOf(id), key: getOwn(item, partitionKey.name)!, entries: [] };
    table.partitions.set(id, partition);
    table.scanOrder = undefined;
  }
  if (found) {
    const entry = partition.entries[index]!;
    const old = entry.item;
    table.sizeBytes += size - entry.size;
    entry.item = item;
    entry.size = size;
    return old;
  }
  partition.entries.splice(index, 0, { sort: sortValue(sortKey ? getOwn(item, sortKey.name) : undefined), item, size });
  table.itemCount += 1;
  table.sizeBytes += size;
  return undefined;
}

export function deleteItem(table: TableStore, key: Item): Item | undefined {
  const { partition, index, found } = find(table, key);
  if (!found) return undefined;
  const [entry] = partition!.entries.splice(index, 1);
  table.itemCount -= 1;
  table.sizeBytes -= entry!.size;
  if (partition!.entries.length === 0) {
    table.partitions.delete(partition!.id);
    table.scanOrder = undefined;
  }
  return entry!.item;
}

/** The index range [start, end) of a partition's entries that satisfy a sort-key condition. */
function range(entries: Entry[], condition: SortCondition | undefined): [number, number] {
  if (!condition) return [0, entries.length];
  if (condition.op === 'BETWEEN') return [bound(entries, sortValue(condition.low)!, false), bound(entries, sortValue(condition.high)!, true)];
  const v = sortValue(condition.value)!;
  switch (condition.op) {
    case 'EQ': return [bound(entries, v, false), bound(entries, v, true)];
    case 'LT': return [0, bound(entries, v, false)];
    case 'LE': return [0, bound(entries, v, true)];
    case 'GT': return [bound(entries, v, true), entries.length];
    case 'GE': return [bound(entries, v, false), entries.length];
    case 'BEGINS_WITH': {
      const start = bound(entries, v, false);
      let end = start;
      while (end < entries.length && startsWith(entries[end]!.sort!, v)) end++;
      return [start, end];
    }
  }
}

function startsWith(value: SortValue, prefix: SortValue): boolean {
  if ('S' in value && 'S' in prefix) return value.S.startsWith(prefix.S);
  if ('B' in value && 'B' in prefix) return value.B.length >= prefix.B.length && compareBytes(value.B.subarray(0, prefix.B.length), prefix.B) === 0;
  return false;
}

/**
 * The entries of one partition that satisfy the sort-key condition, in order (or reversed), after the
 * exclusive start sort key when given. Only this partition is touched.
 */
export function* queryPartition(table: TableStore, partitionKey: AttributeValue, condition: SortCondition | undefined, forward: boolean, startAfter?: AttributeValue): Generator<Entry> {
  const partition = table.partitions.get(partitionId(partitionKey));
  if (!partition) return;
  const entries = partition.entries;
  let [start, end] = range(entries, condition);
  const esk = sortValue(startAfter);
  if (esk) {
    if (forward) start = Math.max(start, bound(entries, esk, true));
    else end = Math.min(end, bound(entries, esk, false));
  }
  if (forward) for (let i = start; i < end; i++) yield entries[i]!;
  else for (let i = end - 1; i >= start; i--) yield entries[i]!;
}

function scanOrder(table: TableStore): Partition[] {
  table.scanOrder ??= [...table.partitions.values()].sort((a, b) => a.hash - b.hash || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return table.scanOrder;
}

/** The segment (of a parallel Scan) a partition belongs to: by its hash, as evenly as the hashes fall. */
const segmentOf = (p: Partition, totalSegments: number) => Math.floor((p.hash / 0x100000000) * totalSegments);

/** Every entry of the table in scan order, after the exclusive start key when given. */
export function* scanTable(table: TableStore, startAfter?: Item, segment?: { segment: number; total: number }): Generator<Entry> {
  const order = scanOrder(table);
  let i = 0;
  let afterSort: SortValue | undefined;
  if (startAfter) {
    const id = partitionId(getOwn(startAfter, table.schema.partitionKey.name)!);
    const hash = hashOf(id);
    while (i < order.length && (order[i]!.hash < hash || (order[i]!.hash === hash && order[i]!.id < id))) i++;
    if (order[i]?.id === id) {
      if (table.schema.sortKey) afterSort = sortValue(getOwn(startAfter, table.schema.sortKey.name));
      else i++;
    }
  }
  for (; i < order.length; i++) {
    const partition = order[i]!;
    if (segment && segmentOf(partition, segment.total) !== segment.segment) continue;
    const from = afterSort ? bound(partition.entries, afterSort, true) : 0;
    afterSort = undefined;
    for (let j = from; j < partition.entries.length; j++) yield partition.entries[j]!;
  }
}
