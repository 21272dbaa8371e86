// Small labelled form controls for the act forms: a text field and a select, each with an optional hint.
import { useId, type FormEvent, type ReactNode } from 'react';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  type?: 'text' | 'password' | 'email' | 'tel';
  autoComplete?: string;
  placeholder?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'text';
}

export function TextField({ label, value, onChange, hint, type = 'text', autoComplete = 'off', placeholder, required, inputMode }: TextFieldProps) {
  const id = useId();
  return (
    <div className="act-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        placeholder={placeholder}
        required={required}
        inputMode={inputMode}
        spellCheck={false}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <span id={`${id}-hint`} className="act-field__hint">
          {hint}
        </span>
      )}
    </div>
  );
}

export interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: NoInfer<T>; label: string }[];
  onChange(value: NoInfer<T>): void;
  hint?: string;
}

export function SelectField<T extends string>({ label, value, options, onChange, hint }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="act-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <span id={`${id}-hint`} className="act-field__hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/** A titled card that is one action's form: named by its heading, submitted with Enter or its button. */
export function ActForm({ title, children, note, wide, onSubmit }: { title: string; children: ReactNode; note?: ReactNode; wide?: boolean; onSubmit(): void }) {
  const id = useId();
  return (
    <form
      className={wide ? 'act-card act-card--wide' : 'act-card'}
      aria-labelledby={id}
      noValidate
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h4 id={id} className="act-card__title">
        {title}
      </h4>
      {note}
      {children}
    </form>
  );
}
