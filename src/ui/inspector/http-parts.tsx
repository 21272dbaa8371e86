// Pieces of the HTTP tab: a headers table whose long values fold away, and a body pretty-printed with a
// toggle between shortened and full long values (tokens are a thousand characters and more).
import { useState } from 'react';
import { formatBody, LONG_VALUE, shorten } from './format-body';

export function HeadersTable({ caption, headers }: { caption: string; headers: Record<string, string> }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return <p className="muted">No {caption.toLowerCase()}.</p>;
  return (
    <div className="inspector__scroll" role="group" aria-label={caption} tabIndex={0}>
      <table className="inspector__table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Header</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([name, value]) => (
            <tr key={name}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td className="inspector__value">
                {value.length > LONG_VALUE ? (
                  <details>
                    <summary>{shorten(value)}</summary>
                    <code className="inspector__long">{value}</code>
                  </details>
                ) : (
                  value
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function BodyView({ label, body }: { label: string; body: string | undefined }) {
  const [full, setFull] = useState(false);
  const formatted = formatBody(body);
  if (!formatted) return <p className="muted">No {label.toLowerCase()}.</p>;
  return (
    <figure className="inspector__body">
      <figcaption className="inspector__body-caption">
        <span>
          {label} {formatted.kind === 'json' ? '(JSON)' : '(text)'}
        </span>
        {formatted.shortened > 0 && (
          <button type="button" className="inspector__toggle" aria-pressed={full} onClick={() => setFull(!full)}>
            Show full values
          </button>
        )}
      </figcaption>
      <pre className="inspector__pre">{full ? formatted.full : formatted.short}</pre>
    </figure>
  );
}
