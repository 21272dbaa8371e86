// A claim's value as a learner reads it: times also as ISO dates (and exp relative to the step's virtual
// time), lists and objects as compact JSON, everything else as it is.
import { TIME_CLAIMS } from './claim-explanations';
import { describeExpiry, isoTime } from './relative-time';

export function formatClaimValue(name: string, value: unknown, at: number): string {
  if (typeof value === 'number' && TIME_CLAIMS.has(name)) {
    const ms = value * 1000;
    return name === 'exp' ? `${value} — ${isoTime(ms)}, ${describeExpiry(ms, at).text}` : `${value} — ${isoTime(ms)}`;
  }
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? String(value);
}
