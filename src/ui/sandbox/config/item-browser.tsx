// The items of the applied world's tables: those the world seeds, and those the sandbox's DynamoDB actions
// have written, deleted or read back so far (from the run's trace), each value with its type tag.
import { useId, useState } from 'react';
import type { TableConfig } from '../../../sim/world/config';
import { formatAttribute, itemColumns, isItem, type DynamoItem } from '../../inspector/dynamodb-values';
import { useConfigApi } from './config-api';
import { keyNamesOf, keyOf, liveItems } from './live-items';
import { Picker, within } from './pick';

function ItemsTable({ caption, items, keyNames, updated }: { caption: string; items: readonly DynamoItem[]; keyNames: readonly string[]; updated?: ReadonlySet<string> }) {
  if (items.length === 0) return <p className="muted">{caption}: none.</p>;
  const columns = itemColumns(items, keyNames);
  return (
    <div className="config-scroll" role="group" aria-label={caption} tabIndex={0}>
      <table className="config-table">
        <caption>
          {caption} ({items.length})
        </caption>
        <thead>
          <tr>
            {columns.map((name) => (
              <th key={name} scope="col">
                {name}
                {keyNames.includes(name) && <span className="muted"> (key)</span>}
              </th>
            ))}
            {updated && <th scope="col">Note</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((item, row) => (
            <tr key={row}>
              {columns.map((name) => (
                <td key={name} className="config-table__value">
                  {name in item ? formatAttribute(item[name]) : <span className="muted">—</span>}
                </td>
              ))}
              {updated && <td>{updated.has(keyOf(item, keyNames)) ? 'Changed by an UpdateItem since' : ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ItemBrowser() {
  const api = useConfigApi();
  const id = useId();
  const [chosen, setChosen] = useState(0);
  const tables = api.world.tables;
  const table: TableConfig | undefined = tables[within(chosen, tables.length)];
  if (!table) return null;
  const keyNames = keyNamesOf(table);
  const live = liveItems(table, api.trace);
  return (
    <section className="config-items" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="config-section__title">
        Item browser
      </h4>
      <Picker label="Table to browse" names={tables.map((t) => t.name)} index={within(chosen, tables.length)} onChange={setChosen} />
      <ItemsTable caption={`Seed items of ${table.name} in the world`} items={(table.items ?? []).filter(isItem)} keyNames={keyNames} />
      <ItemsTable caption={`Items of ${table.name} after the sandbox’s actions`} items={live.items} keyNames={keyNames} updated={live.updated} />
      <p className="muted">
        {live.calls === 0
          ? 'No DynamoDB call of the sandbox has reached this table yet.'
          : `From ${live.calls === 1 ? 'one successful DynamoDB call' : `${live.calls} successful DynamoDB calls`} in the trace: items written (PutItem), deleted (DeleteItem) and read back (GetItem, Query, Scan).`}
      </p>
    </section>
  );
}
