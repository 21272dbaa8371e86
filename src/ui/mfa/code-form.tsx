// A six-digit code form: a labelled numeric input (digits only, pasted spaces dropped) and a submit button;
// Enter submits. Anything but six digits is caught here, as an app would, before a request is made.
import { useId, useState, type FormEvent } from 'react';

export interface CodeFormProps {
  label: string;
  submitLabel: string;
  busy: boolean;
  onSubmit(code: string): void;
}

export function CodeForm({ label, submitLabel, busy, onSubmit }: CodeFormProps) {
  const id = useId();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!/^\d{6}$/.test(value)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onSubmit(value);
  }

  return (
    <form className="totp-lab__form" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-code`}>{label}</label>
      <div className="totp-lab__row">
        <input
          id={`${id}-code`}
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          value={value}
          aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={invalid || undefined}
          onChange={(e) => {
            setValue(e.target.value.replace(/\D/g, '').slice(0, 6));
            setInvalid(false);
          }}
        />
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </div>
      <span id={`${id}-hint`} className="totp-lab__hint">
        Six digits; Enter sends them.
      </span>
      {invalid && (
        <span id={`${id}-error`} role="alert" className="totp-lab__hint totp-lab__invalid">
          Type the six digits the authenticator shows.
        </span>
      )}
    </form>
  );
}
