// Fields edited as lines of text: a list (one value a line, e.g. callback URLs) and a mapping
// ("user pool attribute = provider attribute", e.g. an identity provider's attribute mapping).
import { FieldError, Hint, useField, useLocalIssues, useLocalText } from './fields';

interface Props {
  path: string;
  label: string;
  hint?: string;
  issuePath?: string;
  rows?: number;
}

const formatLines = (value: unknown) => (Array.isArray(value) ? value.join('\n') : '');
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** A list of strings, one a line; blank lines are dropped; an empty list is left out of the world. */
export function LinesField({ path, label, hint, issuePath, rows = 3 }: Props) {
  const f = useField(path, issuePath);
  const local = useLocalText(f.form, f.value, formatLines);
  return (
    <div className="config-field">
      <label htmlFor={f.id}>{label}</label>
      <Hint id={f.hintId} hint={hint} />
      <textarea
        id={f.id}
        rows={rows}
        value={local.text}
        spellCheck={false}
        aria-invalid={f.problems.length > 0 || undefined}
        aria-describedby={f.describedBy(Boolean(hint))}
        onChange={(e) => {
          const list = lines(e.target.value);
          const value = list.length ? list : undefined;
          local.change(e.target.value, { value });
          f.form.set(path, value, f.issuePath);
        }}
        onBlur={() => f.form.touch(f.issuePath)}
      />
      <FieldError id={f.errorId} problems={f.problems} />
    </div>
  );
}

const formatMap = (value: unknown) =>
  value && typeof value === 'object'
    ? Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `${k} = ${String(v)}`)
        .join('\n')
    : '';

function readMap(text: string): { map: Record<string, string>; problems: string[] } {
  const map: Record<string, string> = {};
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const at = line.indexOf('=');
    const key = at < 0 ? '' : line.slice(0, at).trim();
    const value = at < 0 ? '' : line.slice(at + 1).trim();
    if (at < 0 || key === '' || value === '') problems.push(`Line ${i + 1}: write it as “user pool attribute = provider attribute”.`);
    else if (key in map) problems.push(`Line ${i + 1}: ${key} is already mapped on an earlier line; a user pool attribute takes one provider attribute.`);
    else map[key] = value;
  });
  return { map, problems };
}

/** A string-to-string mapping, one "key = value" a line. */
export function MapField({ path, label, hint, issuePath, rows = 4 }: Props) {
  const f = useField(path, issuePath);
  const local = useLocalText(f.form, f.value, formatMap);
  const { problems } = readMap(local.text);
  useLocalIssues(f.form, f.issuePath, problems);
  return (
    <div className="config-field">
      <label htmlFor={f.id}>{label}</label>
      <Hint id={f.hintId} hint={hint} />
      <textarea
        id={f.id}
        rows={rows}
        value={local.text}
        spellCheck={false}
        className="config-code"
        aria-invalid={f.problems.length > 0 || undefined}
        aria-describedby={f.describedBy(Boolean(hint))}
        onChange={(e) => {
          const read = readMap(e.target.value);
          if (read.problems.length) return local.change(e.target.value, undefined);
          const value = Object.keys(read.map).length ? read.map : undefined;
          local.change(e.target.value, { value });
          f.form.set(path, value, f.issuePath);
        }}
        onBlur={() => f.form.touch(f.issuePath)}
      />
      <FieldError id={f.errorId} problems={f.problems} />
    </div>
  );
}
