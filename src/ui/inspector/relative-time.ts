// Times in the inspector are virtual: relative to the moment of the step being shown, never the wall
// clock, so "expires in 59 min 12 s" reads the same every time a learner returns to that step.

const UNITS = [
  { ms: 86_400_000, one: 'day', many: 'days' },
  { ms: 3_600_000, one: 'h', many: 'h' },
  { ms: 60_000, one: 'min', many: 'min' },
  { ms: 1_000, one: 's', many: 's' },
] as const;

/** A duration in words, its two largest units: "59 min 12 s", "30 days", "1 h 1 min"; under a second is "0 s". */
export function formatDuration(ms: number): string {
  let rest = Math.floor(Math.abs(ms) / 1000) * 1000;
  const parts: string[] = [];
  for (const unit of UNITS) {
    const count = Math.floor(rest / unit.ms);
    rest -= count * unit.ms;
    if (count > 0 || parts.length > 0) parts.push(`${count} ${count === 1 ? unit.one : unit.many}`);
    if (parts.length === 2) break;
  }
  const shown = parts.filter((p) => !p.startsWith('0 '));
  return shown.length ? shown.join(' ') : '0 s';
}

/** How an expiry looks from a moment: "expires in 59 min 12 s", "expired 3 min ago". At the instant itself it has expired. */
export function describeExpiry(expiresAt: number, at: number): { expired: boolean; text: string } {
  const left = expiresAt - at;
  if (left > 0) return { expired: false, text: `expires in ${formatDuration(left)}` };
  if (left > -1000) return { expired: true, text: 'expired just now' };
  return { expired: true, text: `expired ${formatDuration(left)} ago` };
}

/** ISO 8601 in UTC for an epoch-milliseconds time; the raw number if it is out of range. */
export function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}
