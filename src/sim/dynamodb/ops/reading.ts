// What Query and Scan share: the starting key, Select, and reading a page: items are evaluated in order
// until Limit items (or 1 MB) have been read, then filtered and projected. Limit counts items read, not
// items returned, so a page can be empty and still carry a LastEvaluatedKey.
import { AwsError } from '../../core/errors';
import { checkItem as checkValues, readMap } from '../attribute-json';
import type { Table } from '../env';
import type { Condition, Path } from '../expressions/ast';
import { evaluateCondition } from '../expressions/evaluate';
import { project } from '../expressions/projection';
import type { Entry } from '../storage';
import type { Item } from '../types';
import { checkKey, keyOf } from './common';

/** 1 MB of items read per page, as AWS counts it. */
export const PAGE_BYTES = 1024 * 1024;

/** Reads ExclusiveStartKey's values, with AWS's inconsistent "The provided starting key is invalid: " prefix [P dynalite]. */
export function startKeyFrom(json: unknown): Item | undefined {
  if (json === undefined) return undefined;
  const checked = checkValues(readMap(json));
  if ('problem' in checked) {
    const bare = /contains duplicates|number set|numeric value|significant digits|number with magnitude/.test(checked.problem);
    throw new AwsError('ValidationException', (bare ? '' : 'The provided starting key is invalid: ') + checked.problem);
  }
  return checked.item;
}

export function checkStartKey(table: Table, key: Item): void {
  checkKey(table, key, 'The provided starting key is invalid: ');
}

/** Select against ProjectionExpression [P moto]: Query's messages carry Coral's count prefix, Scan's do not. */
export function checkSelect(select: string | undefined, projection: Path[] | undefined, indexName: string | undefined, operation: 'Query' | 'Scan'): void {
  if (select === undefined) return;
  const prefix = operation === 'Query' ? '1 validation error detected: ' : '';
  const fail = (message: string) => {
    throw new AwsError('ValidationException', prefix + message);
  };
  if (select === 'SPECIFIC_ATTRIBUTES' && !projection) fail('Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES');
  if (select !== 'SPECIFIC_ATTRIBUTES' && projection) fail(`Cannot specify the ProjectionExpression when choosing to get ${select === 'COUNT' ? 'only the Count' : select}`);
  if (select === 'ALL_PROJECTED_ATTRIBUTES' && !indexName) fail('ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName');
}

/** dynamodb:Select as IAM sees it: what was asked, or what the request implies. [U] whether AWS fills the default in. */
export const effectiveSelect = (select: string | undefined, projection: Path[] | undefined) => select ?? (projection ? 'SPECIFIC_ATTRIBUTES' : 'ALL_ATTRIBUTES');

export interface Page {
  Items?: Item[];
  Count: number;
  ScannedCount: number;
  LastEvaluatedKey?: Item;
  /** Bytes read, for capacity units. */
  bytes: number;
}

export function readPage(table: Table, entries: Iterable<Entry>, options: { limit?: number; filter?: Condition; projection?: Path[]; select?: string }): Page {
  const items: Item[] = [];
  let scanned = 0;
  let bytes = 0;
  let last: Item | undefined;
  let stopped = false;
  for (const entry of entries) {
    scanned++;
    bytes += entry.size;
    last = entry.item;
    if (!options.filter || evaluateCondition(options.filter, entry.item)) items.push(entry.item);
    if ((options.limit !== undefined && scanned >= options.limit) || bytes >= PAGE_BYTES) {
      stopped = true;
      break;
    }
  }
  const projection = options.projection;
  return {
    ...(options.select === 'COUNT' ? {} : { Items: projection ? items.map((i) => project(i, projection)) : items }),
    Count: items.length,
    ScannedCount: scanned,
    ...(stopped && last ? { LastEvaluatedKey: keyOf(table, last) } : {}),
    bytes,
  };
}
