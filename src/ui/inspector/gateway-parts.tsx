// Small pieces of the Gateway tab: a term/value fact, and a table of the values a function received, each shown as JSON (so a string is visibly quoted) with
// what it stands for.
import type { ReactNode } from 'react';
import { ClaimTerm } from './claims-table';

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="note__fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A value as JSON: "admins" with its quotes, 0 and true without, so the learner sees which are strings. */
export function asJson(value: unknown): string {
  return value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
}

export interface ValueRow {
  name: string;
  value: unknown;
  /** What the value stands for, when it needs saying. */
  reading?: string;
  /** A plain-words meaning of the name, shown on hover and focus. */
  explanation?: string;
}

export function ValuesTable({ caption, nameHeader, rows }: { caption: string; nameHeader: string; rows: readonly ValueRow[] }) {
  return (
    <div className="inspector__scroll" role="group" aria-label={caption} tabIndex={0}>
      <table className="inspector__table inspector__table--claims gateway__values">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col">Value received</th>
            <th scope="col">Reads as</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">
                <ClaimTerm name={row.name} explanation={row.explanation} />
              </th>
              <td className="inspector__value">{asJson(row.value)}</td>
              <td className="gateway__reading">{row.reading ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
