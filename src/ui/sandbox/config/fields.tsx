// The fields of the Configure forms, each bound to a path of its form's draft: a label, an optional hint,
// and the reason a value is refused, right under the field and linked to it (aria-describedby,
// aria-invalid), in a polite live region so it is read out when it appears.
import { useEffect, useState, type ReactNode } from 'react';
import { useForm, type FieldProblem, type SectionForm } from './section-form';

export function useField(path: string, issuePathOverride?: string) {
  const form = useForm();
  const issuePath = issuePathOverride ?? form.issuePathOf(path);
  const id = form.idFor(issuePath);
  const { register } = form;
  useEffect(() => register(issuePath), [register, issuePath]);
  const problems = form.problemsFor(issuePath);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = (hint: boolean) => [hint ? hintId : '', problems.length ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return { form, id, issuePath, value: form.get(path), problems, hintId, errorId, describedBy };
}

/** A field that keeps the learner's own text (a number, lines, JSON) and reports what is wrong with it as the form's. */
export function useLocalText(form: SectionForm, value: unknown, format: (value: unknown) => string) {
  const [local, setLocal] = useState({ text: format(value), generation: form.generation, value });
  let current = local;
  if (local.generation !== form.generation || !Object.is(local.value, value)) {
    current = { text: format(value), generation: form.generation, value };
    setLocal(current);
  }
  return {
    text: current.text,
    /** The text changed; `parsed` is what goes into the draft, or undefined to keep the draft as it is. */
    change(text: string, next: { value: unknown } | undefined) {
      setLocal({ text, generation: form.generation, value: next ? next.value : current.value });
    },
  };
}

export function useLocalIssues(form: SectionForm, issuePath: string, messages: readonly string[]) {
  const { setLocalIssues } = form;
  const key = JSON.stringify(messages);
  useEffect(() => {
    setLocalIssues(issuePath, (JSON.parse(key) as string[]).map((message) => ({ path: issuePath, message })));
  }, [setLocalIssues, issuePath, key]);
  useEffect(() => () => setLocalIssues(issuePath, []), [setLocalIssues, issuePath]);
}

export function FieldError({ id, problems }: { id: string; problems: readonly FieldProblem[] }) {
  return (
    <span id={id} className="config-field__error" aria-live="polite">
      {problems.map((p, i) => (
        <span key={i} className="config-field__problem">
          {p.message}
        </span>
      ))}
    </span>
  );
}

interface BaseProps {
  path: string;
  label: string;
  hint?: ReactNode;
  /** The world path problems are reported under, when it is not the draft path's. */
  issuePath?: string;
}

export function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <span id={id} className="config-field__hint">
      {hint}
    </span>
  ) : null;
}

export function TextField({ path, label, hint, issuePath, optional, placeholder, inputMode, spellCheck = false }: BaseProps & { optional?: boolean; placeholder?: string; inputMode?: 'url' | 'text' | 'email'; spellCheck?: boolean }) {
  const f = useField(path, issuePath);
  return (
    <div className="config-field">
      <label htmlFor={f.id}>{label}</label>
      <Hint id={f.hintId} hint={hint} />
      <input
        id={f.id}
        type="text"
        value={typeof f.value === 'string' ? f.value : ''}
        placeholder={placeholder}
        inputMode={inputMode}
        spellCheck={spellCheck}
        autoComplete="off"
        aria-invalid={f.problems.length > 0 || undefined}
        aria-describedby={f.describedBy(Boolean(hint))}
        onChange={(e) => f.form.set(path, optional && e.target.value === '' ? undefined : e.target.value, f.issuePath)}
        onBlur={() => f.form.touch(f.issuePath)}
      />
      <FieldError id={f.errorId} problems={f.problems} />
    </div>
  );
}

const formatNumber = (value: unknown) => (typeof value === 'number' ? String(value) : '');

export function NumberField({ path, label, hint, issuePath, optional, unit }: BaseProps & { optional?: boolean; unit?: string }) {
  const f = useField(path, issuePath);
  const local = useLocalText(f.form, f.value, formatNumber);
  const text = local.text.trim();
  const problem = text === '' ? (optional ? undefined : 'Enter a whole number.') : /^-?\d+$/.test(text) ? undefined : `Enter a whole number (digits only), not “${text}”.`;
  useLocalIssues(f.form, f.issuePath, problem ? [problem] : []);
  return (
    <div className="config-field config-field--number">
      <label htmlFor={f.id}>{label}</label>
      <Hint id={f.hintId} hint={hint} />
      <span className="config-field__with-unit">
        <input
          id={f.id}
          type="text"
          inputMode="numeric"
          value={local.text}
          autoComplete="off"
          aria-invalid={f.problems.length > 0 || undefined}
          aria-describedby={f.describedBy(Boolean(hint))}
          onChange={(e) => {
            const next = e.target.value.trim();
            if (next === '' && optional) {
              local.change(e.target.value, { value: undefined });
              f.form.set(path, undefined, f.issuePath);
            } else if (/^-?\d+$/.test(next)) {
              local.change(e.target.value, { value: Number(next) });
              f.form.set(path, Number(next), f.issuePath);
            } else local.change(e.target.value, undefined);
          }}
          onBlur={() => f.form.touch(f.issuePath)}
        />
        {unit && <span className="config-field__unit">{unit}</span>}
      </span>
      <FieldError id={f.errorId} problems={f.problems} />
    </div>
  );
}

export function CheckField({ path, label, hint, issuePath, defaultValue = false }: BaseProps & { defaultValue?: boolean }) {
  const f = useField(path, issuePath);
  const checked = typeof f.value === 'boolean' ? f.value : defaultValue;
  return (
    <div className="config-field config-field--check">
      <input
        id={f.id}
        type="checkbox"
        checked={checked}
        aria-invalid={f.problems.length > 0 || undefined}
        aria-describedby={f.describedBy(Boolean(hint))}
        onChange={(e) => f.form.set(path, e.target.checked, f.issuePath)}
        onBlur={() => f.form.touch(f.issuePath)}
      />
      <label htmlFor={f.id}>{label}</label>
      <Hint id={f.hintId} hint={hint} />
      <FieldError id={f.errorId} problems={f.problems} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

/** Radio buttons (one value) or check boxes (a list, kept in the options' order) in a fieldset with a legend. */
export function ChoiceGroup({ path, label, hint, issuePath, options, multiple, emptyAs = 'empty' }: BaseProps & { options: readonly Option[]; multiple?: boolean; emptyAs?: 'empty' | 'undefined' }) {
  const f = useField(path, issuePath);
  const chosen: unknown[] = multiple ? (Array.isArray(f.value) ? (f.value as unknown[]) : []) : [f.value];
  function toggle(value: string, on: boolean) {
    if (!multiple) return f.form.set(path, value, f.issuePath);
    const known = options.map((o) => o.value);
    const next = [...options.filter((o) => (o.value === value ? on : chosen.includes(o.value))).map((o) => o.value), ...chosen.filter((v) => typeof v !== "string" || !known.includes(v))];
    f.form.set(path, next.length === 0 && emptyAs === 'undefined' ? undefined : next, f.issuePath);
  }
  return (
    <fieldset id={f.id} className="config-choices" aria-describedby={f.describedBy(Boolean(hint))} aria-invalid={f.problems.length > 0 || undefined}>
      <legend>{label}</legend>
      <Hint id={f.hintId} hint={hint} />
      <ul className={options.length > 6 && !options.some((o) => o.hint) ? 'config-choices__list config-choices__list--grid' : 'config-choices__list'}>
        {options.map((option, i) => (
          <li key={option.value}>
            <input
              id={`${f.id}-${i}`}
              type={multiple ? 'checkbox' : 'radio'}
              name={f.id}
              value={option.value}
              checked={chosen.includes(option.value)}
              onChange={(e) => toggle(option.value, e.target.checked)}
              onBlur={() => f.form.touch(f.issuePath)}
              aria-describedby={option.hint ? `${f.id}-${i}-hint` : undefined}
            />
            <label htmlFor={`${f.id}-${i}`}>{option.label}</label>
            {option.hint && (
              <span id={`${f.id}-${i}-hint`} className="config-field__hint">
                {option.hint}
              </span>
            )}
          </li>
        ))}
      </ul>
      <FieldError id={f.errorId} problems={f.problems} />
    </fieldset>
  );
}

export function SelectField({ path, label, hint, issuePath, options, emptyLabel }: BaseProps & { options: readonly Option[]; emptyLabel?: string }) {
  const f = useField(path, issuePath);
  const value = typeof f.value === 'string' ? f.value : '';
  const known = options.some((o) => o.value === value);
  return (
    <div className="config-field">
      <label htmlFor={f.id}>{label}</label>
      <Hint id={f.hintId} hint={hint} />
      <select
        id={f.id}
        value={value}
        aria-invalid={f.problems.length > 0 || undefined}
        aria-describedby={f.describedBy(Boolean(hint))}
        onChange={(e) => f.form.set(path, e.target.value === '' && emptyLabel !== undefined ? undefined : e.target.value, f.issuePath)}
        onBlur={() => f.form.touch(f.issuePath)}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {!known && value !== '' && <option value={value}>{value} (not found)</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={f.errorId} problems={f.problems} />
    </div>
  );
}
