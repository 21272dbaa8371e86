// A JSON value edited as text (a policy document, a table's items), checked while you type: a syntax error
// is pointed at by line and column (where the fix goes), any other problem by the part it is about (a
// statement, an item) and the line it starts on; the store's refusals on Apply are placed the same way.
// "Go to" puts the caret there.
import { useEffect, useId, useRef, useState } from 'react';
import { readJson, syntaxErrorMessage, type TextPosition } from './json-text';
import { useField, useLocalText } from './fields';
import type { FieldProblem } from './section-form';

const formatDocument = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 2));

interface Located {
  message: string;
  at?: TextPosition;
  /** "Statement 2", "Item 1". */
  part?: string;
}

/** A problem of the value, at a path below it ('' for the value itself). */
export interface JsonProblem {
  path: string;
  message: string;
}

/** The path and each enclosing one: "Statement[1].Effect", "Statement[1]", "Statement", "". */
function enclosing(path: string): string[] {
  const out = [path];
  for (let p = path; p !== ''; ) {
    const next = p.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
    p = next === p ? '' : next;
    out.push(p);
  }
  return out;
}

/** Where a problem below the document ("Statement[1].Effect") is in the text: the element, else the nearest enclosing one. */
function locate(problem: FieldProblem, positions: ReadonlyMap<string, TextPosition> | undefined, partOf: (path: string) => string | undefined): Located {
  const rest = problem.rest.replace(/^\./, '');
  const at = positions ? enclosing(rest).map((p) => positions.get(p)).find((x) => x !== undefined) : undefined;
  return { message: problem.message, at, part: partOf(rest) };
}

export interface JsonEditorProps {
  path: string;
  label: string;
  hint?: string;
  /** The problems of a value that is valid JSON. */
  check(value: unknown): JsonProblem[];
  /** The part a problem's path is in, in words ("Statement 2"). */
  partOf(path: string): string | undefined;
  /** Empty text means "none" (the value is left out of the world). */
  optional?: boolean;
}

export function JsonEditor({ path, label, hint, check, partOf, optional }: JsonEditorProps) {
  const f = useField(path);
  const local = useLocalText(f.form, f.value, formatDocument);
  const empty = optional && local.text.trim() === '';
  const read: ReturnType<typeof readJson> = empty ? { ok: true, value: undefined, positions: new Map() } : readJson(local.text);
  const area = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [caret, setCaret] = useState<TextPosition | null>(null);

  // The findings for the text as it stands, reported to the form (they hold Apply back).
  const { setLocalIssues } = f.form;
  const issuePath = f.issuePath;
  const findings = empty
    ? []
    : read.ok
    ? check(read.value).map((p) => ({ path: p.path ? `${issuePath}.${p.path}` : issuePath, message: p.message }))
    : [{ path: issuePath, message: syntaxErrorMessage(read.error) }];
  const key = JSON.stringify(findings);
  useEffect(() => setLocalIssues(issuePath, JSON.parse(key) as typeof findings), [setLocalIssues, issuePath, key]);
  useEffect(() => () => setLocalIssues(issuePath, []), [setLocalIssues, issuePath]);

  const located = f.problems.map((problem) => (!read.ok && problem.rest === '' && problem.message.startsWith('Json syntax error') ? { message: problem.message, at: read.error } : locate(problem, read.ok ? read.positions : undefined, partOf)));

  function goTo(at: TextPosition) {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(at.index, at.index);
    setCaret(at);
  }

  function trackCaret() {
    const el = area.current;
    if (!el) return;
    const text = el.value.slice(0, el.selectionStart);
    const line = text.split('\n').length;
    setCaret({ index: el.selectionStart, line, column: el.selectionStart - text.lastIndexOf('\n') });
  }

  const describedBy = [hint ? f.hintId : '', located.length ? listId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="config-field config-json">
      <label htmlFor={f.id}>{label}</label>
      {hint && (
        <span id={f.hintId} className="config-field__hint">
          {hint}
        </span>
      )}
      <textarea
        ref={area}
        id={f.id}
        className="config-code"
        rows={Math.min(24, Math.max(8, local.text.split('\n').length + 1))}
        value={local.text}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        aria-invalid={located.length > 0 || undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          const next: ReturnType<typeof readJson> = optional && e.target.value.trim() === '' ? { ok: true, value: undefined, positions: new Map() } : readJson(e.target.value);
          if (next.ok) {
            local.change(e.target.value, { value: next.value });
            f.form.set(path, next.value, issuePath);
          } else local.change(e.target.value, undefined);
          f.form.touch(issuePath);
        }}
        onSelect={trackCaret}
        onKeyUp={trackCaret}
        onClick={trackCaret}
        onBlur={() => f.form.touch(issuePath)}
      />
      <span className="config-json__caret" aria-hidden="true">
        {caret ? `Line ${caret.line}, column ${caret.column}` : '\u00a0'}
      </span>
      <ul id={listId} className="config-json__problems" aria-live="polite">
        {located.map((p, i) => (
          <li key={i} className="config-field__problem">
            {p.part !== undefined && (
              <>
                <strong>
                  {p.part}
                  {p.at ? ` (line ${p.at.line})` : ''}:
                </strong>{' '}
              </>
            )}
            {p.part === undefined && p.at && !p.message.startsWith('Json syntax error') && (
              <>
                <strong>Line {p.at.line}:</strong>{' '}
              </>
            )}
            {p.message}{' '}
            {p.at && (
              <button type="button" className="config-link-button" onClick={() => goTo(p.at!)}>
                Go to line {p.at.line}, column {p.at.column}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
