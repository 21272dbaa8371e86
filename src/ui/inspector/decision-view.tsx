// The Decision tab: what the service decided and why, from the structured notes it recorded, each with
// a badge, its plain-words summary and the data behind it; then the decisions of the services it called.
import { useId } from 'react';
import type { Exchange, Note } from '../../sim/index';
import { viewNote } from './note-facts';
import { ClaimsTable } from './claims-table';

function NoteItem({ note, at }: { note: Note; at: number }) {
  const view = viewNote(note, at);
  return (
    <li className={`note note--${view.tone}`}>
      <p className="note__head">
        <span className="note__badge">
          <span aria-hidden="true" className="note__icon">
            {view.icon}
          </span>{' '}
          {view.badge}
        </span>{' '}
        <span className="note__summary">{note.summary}</span>
      </p>
      {view.facts.length > 0 && (
        <dl className="note__facts">
          {view.facts.map((fact) => (
            <div key={fact.term} className="note__fact">
              <dt>{fact.term}</dt>
              <dd>{fact.pre ? <pre className="inspector__pre">{fact.value}</pre> : fact.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {view.claims && (
        <details className="note__claims">
          <summary>Claims ({Object.keys(view.claims).length})</summary>
          <ClaimsTable caption="Claims in the token" values={view.claims} of="claims" at={at} />
        </details>
      )}
    </li>
  );
}

function NoteList({ notes, at, label }: { notes: readonly Note[]; at: number; label: string }) {
  return (
    <ol className="notes" aria-label={label}>
      {notes.map((note, i) => (
        <NoteItem key={i} note={note} at={at} />
      ))}
    </ol>
  );
}

function NestedDecisions({ call }: { call: Exchange }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h4 id={id} className="inspector__heading">
        {`${call.to}: ${call.operation}`}
      </h4>
      <NoteList notes={call.notes} at={call.at} label={`Decisions of ${call.to} for ${call.operation}`} />
    </section>
  );
}

export function DecisionView({ exchange, nested }: { exchange: Exchange; nested: readonly Exchange[] }) {
  const headingId = useId();
  const withNotes = nested.filter((x) => x.notes.length > 0);
  return (
    <div className="decision">
      {exchange.notes.length === 0 ? (
        <p>This service made no decisions worth noting.</p>
      ) : (
        <NoteList notes={exchange.notes} at={exchange.at} label={`Decisions of ${exchange.to}`} />
      )}
      {withNotes.length > 0 && (
        <section aria-labelledby={headingId}>
          <h3 id={headingId} className="inspector__heading">
            Decisions of the services it called
          </h3>
          {withNotes.map((x) => (
            <NestedDecisions key={x.id} call={x} />
          ))}
        </section>
      )}
    </div>
  );
}
