// The sandbox's virtual clock: the time the simulator is at, and buttons that move it on. Codes, tokens,
// credentials and sessions then expire on the next calls, as they would after the same wait on AWS.
import { useId } from 'react';

export const CLOCK_STEPS: readonly { ms: number; label: string }[] = [
  { ms: 5 * 60_000, label: '+5 minutes' },
  { ms: 60 * 60_000, label: '+1 hour' },
  { ms: 24 * 60 * 60_000, label: '+1 day' },
];

/** A virtual time as UTC, to the second: "2026-05-04 09:00:00 UTC". */
export function formatVirtualTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export interface ClockControlsProps {
  now: number;
  busy: boolean;
  onAdvance(ms: number): void;
}

export function ClockControls({ now, busy, onAdvance }: ClockControlsProps) {
  const id = useId();
  return (
    <section className="act-clock" aria-labelledby={id}>
      <h3 id={id} className="act-group__title">
        Virtual clock
      </h3>
      <p className="act-clock__now">
        Now: <time dateTime={new Date(now).toISOString()}>{formatVirtualTime(now)}</time>
      </p>
      <div className="act-row" role="group" aria-label="Move the clock on">
        {CLOCK_STEPS.map((step) => (
          <button key={step.ms} type="button" className="button button--secondary" disabled={busy} onClick={() => onAdvance(step.ms)}>
            {step.label}
          </button>
        ))}
      </div>
      <p className="act-field__hint">Codes, tokens, credentials and sessions expire on the next calls, as after the same wait on AWS.</p>
    </section>
  );
}
