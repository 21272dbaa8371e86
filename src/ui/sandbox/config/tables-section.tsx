// DynamoDB tables: each one's name, key schema and seed items (DynamoDB JSON, checked as DynamoDB checks
// a PutItem: typed values, the key attributes present and of the key's type), then the item browser.
import { useId, useState } from 'react';
import type { TableConfig } from '../../../sim/world/config';
import { SelectField, TextField } from './fields';
import { ItemBrowser } from './item-browser';
import { JsonEditor, type JsonProblem } from './json-editor';
import { AddButton, freshName, RemoveButton } from './list-controls';
import { keyNamesOf } from './live-items';
import { Picker, revealItem, within } from './pick';
import { useForm, useSectionForm } from './section-form';
import { SectionFrame } from './section-frame';

type Draft = { tables: TableConfig[] };

const KEY_TYPES = ['S', 'N', 'B'].map((t) => ({ value: t, label: { S: 'String (S)', N: 'Number (N)', B: 'Binary (B)' }[t]! }));
const VALUE_TYPES = ['S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'M', 'L'];

/** DynamoDB's checks of items as a PutItem makes them. [V DynamoDB ValidationException messages, P for the exact text] */
export function checkItems(value: unknown, table: TableConfig): JsonProblem[] {
  if (!Array.isArray(value)) return [{ path: '', message: 'The items are a JSON list: [ {…}, {…} ].' }];
  const problems: JsonProblem[] = [];
  const keys = keyNamesOf(table);
  const types = [table.partitionKey.type, ...(table.sortKey ? [table.sortKey.type] : [])];
  const seen = new Set<string>();
  value.forEach((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return problems.push({ path: `[${i}]`, message: 'An item is a JSON object of attributes, e.g. {"sku": {"S": "BOOK-001"}}.' });
    for (const [name, attribute] of Object.entries(item as Record<string, unknown>)) {
      const tags = attribute && typeof attribute === 'object' && !Array.isArray(attribute) ? Object.keys(attribute) : [];
      if (tags.length !== 1 || !VALUE_TYPES.includes(tags[0]!)) problems.push({ path: `[${i}].${name}`, message: 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes' });
    }
    keys.forEach((key, k) => {
      const attribute = (item as Record<string, unknown>)[key];
      if (attribute === undefined) problems.push({ path: `[${i}]`, message: `One or more parameter values were invalid: Missing the key ${key} in the item` });
      else if (attribute && typeof attribute === 'object') {
        const actual = Object.keys(attribute)[0];
        if (actual !== types[k]) problems.push({ path: `[${i}].${key}`, message: `One or more parameter values were invalid: Type mismatch for key ${key} expected: ${types[k]} actual: ${actual}` });
      }
    });
    const id = JSON.stringify(keys.map((key) => (item as Record<string, unknown>)[key]));
    if (seen.has(id)) problems.push({ path: `[${i}]`, message: 'Provided list of item keys contains duplicates' });
    seen.add(id);
  });
  return problems;
}

const itemOf = (path: string) => {
  const match = /^\[(\d+)\]/.exec(path);
  return match ? `Item ${Number(match[1]) + 1}` : undefined;
};

function SortKey({ at }: { at: string }) {
  const form = useForm();
  const table = form.get(at) as TableConfig;
  return (
    <>
      <CheckFieldBound checked={table.sortKey !== undefined} label="The table has a sort key" onChange={(on) => form.set(`${at}.sortKey`, on ? { name: 'sk', type: 'S' } : undefined)} />
      {table.sortKey && (
        <div className="config-row">
          <TextField path={`${at}.sortKey.name`} label="Sort key" />
          <SelectField path={`${at}.sortKey.type`} label="Sort key type" options={KEY_TYPES} />
        </div>
      )}
    </>
  );
}

function CheckFieldBound({ checked, label, onChange }: { checked: boolean; label: string; onChange(on: boolean): void }) {
  const id = useId();
  return (
    <div className="config-field config-field--check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function TablesSection() {
  const baseId = useId();
  const [chosen, setChosen] = useState(0);
  const form = useSectionForm<Draft>(baseId, {
    scope: '',
    read: (w) => ({ tables: w.tables }),
    write: (w, d) => ({ ...w, tables: d.tables }),
  });
  const tables = form.draft.tables;
  const t = within(chosen, tables.length);
  const table = tables[t];
  const at = `tables[${t}]`;
  return (
    <SectionFrame
      form={form}
      title="Tables and items"
      description={<p>The key schema decides what a fine-grained policy can test: dynamodb:LeadingKeys is the partition key’s value.</p>}
      applyLabel="Apply tables"
      reveal={revealItem('tables', t, setChosen)}
      before={<Picker label="Table to edit" names={tables.map((x) => x.name)} index={t} onChange={setChosen} />}
      after={<ItemBrowser />}
    >
      {table ? (
        <fieldset key={t} className="config-fieldset">
          <legend>Table {table.name || t + 1}</legend>
          <TextField path={`${at}.name`} label="Table name" />
          <div className="config-row">
            <TextField path={`${at}.partitionKey.name`} label="Partition key" />
            <SelectField path={`${at}.partitionKey.type`} label="Partition key type" options={KEY_TYPES} />
          </div>
          <SortKey at={at} />
          <JsonEditor
            path={`${at}.items`}
            label="Seed items (DynamoDB JSON)"
            hint='A list of items, each attribute with its type: [{"sku": {"S": "BOOK-001"}, "price": {"N": "29"}}]. Empty for none.'
            check={(value) => checkItems(value, table)}
            partOf={itemOf}
            optional
          />
          <RemoveButton path="tables" index={t} label={`Remove table ${table.name || t + 1}`} onRemoved={() => setChosen(0)} />
        </fieldset>
      ) : (
        <p className="muted">This world has no tables.</p>
      )}
      <AddButton<TableConfig>
        path="tables"
        label="Add a table"
        make={(list) => {
          setChosen(list.length);
          return { name: freshName('Table', list.map((x) => x.name)), partitionKey: { name: 'pk', type: 'S' } };
        }}
        focusPath={(i) => `tables[${i}].name`}
      />
    </SectionFrame>
  );
}

