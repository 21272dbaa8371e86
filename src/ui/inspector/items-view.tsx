// The Items tab: the DynamoDB items an exchange sent and received, as tables — one column per attribute
// (the key attributes first), each value with its type tag — and the counts of a Query or Scan.
import { useId, useMemo } from 'react';
import type { Exchange } from '../../sim/index';
import { findDynamoCalls, type DynamoCall, type ItemGroup } from './find-items';
import { formatAttribute, itemColumns } from './dynamodb-values';

function ItemsTable({ group, keyNames, operation }: { group: ItemGroup; keyNames: readonly string[]; operation: string }) {
  if (group.items.length === 0) return <p className="items__empty">No items: the {operation} returned none.</p>;
  const columns = itemColumns(group.items, keyNames);
  const caption = group.items.length > 1 ? `${group.label} (${group.items.length})` : group.label;
  return (
    <div className="inspector__scroll" role="group" aria-label={caption} tabIndex={0}>
      <table className="inspector__table items__table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((name) => (
              <th key={name} scope="col">
                {name}
                {keyNames.includes(name) && <span className="items__key"> (key)</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {group.items.map((item, row) => (
            <tr key={row}>
              {columns.map((name) => (
                <td key={name} className="inspector__value">
                  {name in item ? formatAttribute(item[name]) : <span className="muted">—</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Counts({ call }: { call: DynamoCall }) {
  if (call.count === undefined && call.scannedCount === undefined) return null;
  const filtered = call.count !== undefined && call.scannedCount !== undefined && call.scannedCount > call.count;
  return (
    <p className="items__counts">
      {call.count !== undefined && (
        <>
          Count <strong>{call.count}</strong>
        </>
      )}
      {call.count !== undefined && call.scannedCount !== undefined && ' · '}
      {call.scannedCount !== undefined && (
        <>
          ScannedCount <strong>{call.scannedCount}</strong>
        </>
      )}
      <span className="muted">
        {' '}
        {filtered
          ? '— the filter dropped some items after they were read, and reading them was paid for all the same.'
          : '— Count is what came back, ScannedCount what was read before any filter.'}
      </span>
    </p>
  );
}

function CallItems({ call }: { call: DynamoCall }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="items__call">
      <h3 id={headingId} className="inspector__heading">
        {call.operation}
        {call.table !== undefined && ` on ${call.table}`}
      </h3>
      <Counts call={call} />
      {call.groups.map((group) => (
        <ItemsTable key={group.label} group={group} keyNames={call.keyNames} operation={call.operation} />
      ))}
    </section>
  );
}

export function ItemsView({ exchange, nested }: { exchange: Exchange; nested: readonly Exchange[] }) {
  const calls = useMemo(() => findDynamoCalls(exchange, nested), [exchange, nested]);
  if (calls.length === 0) return <p>No DynamoDB items travel in this exchange.</p>;
  return (
    <div className="items">
      {calls.map((call) => (
        <CallItems key={call.source.id} call={call} />
      ))}
    </div>
  );
}
