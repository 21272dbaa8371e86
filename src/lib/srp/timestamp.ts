// The TIMESTAMP of a PASSWORD_VERIFIER answer: Java's `EEE MMM d HH:mm:ss z yyyy` in UTC with English names, the
// day of the month not zero-padded, e.g. `Tue Mar 5 09:03:07 UTC 2024` [V aws-behaviour.md §3.8; amazon-cognito-
// identity-js DateHelper]. The signature covers the exact string, so a zero-padded day signs something else.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const two = (n: number): string => String(n).padStart(2, '0');

/** The TIMESTAMP for a moment (epoch milliseconds). */
export function formatSrpTimestamp(epochMs: number): string {
  const d = new Date(epochMs);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

const PATTERN = /^([A-Za-z]{3}) ([A-Za-z]{3}) (\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2}) ([A-Za-z]{3}) (\d{4})$/;
const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();

/**
 * The moment a TIMESTAMP names, read as Java's parser reads that pattern: names in any case, a day or time field of
 * one or two digits, the weekday read but not checked against the date, the zone UTC or GMT. Undefined when the text
 * does not fit the pattern at all. [U] Zones other than UTC/GMT: Java would accept other names; the simulator does not.
 */
export function parseSrpTimestamp(text: string): number | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  const [, day, month, date, hh, mm, ss, zone, year] = m as unknown as string[];
  const monthIndex = MONTHS.indexOf(title(month!));
  if (!DAYS.includes(title(day!)) || monthIndex < 0 || !['UTC', 'GMT'].includes(zone!.toUpperCase())) return undefined;
  const [d, h, min, s, y] = [date, hh, mm, ss, year].map(Number) as [number, number, number, number, number];
  if (d < 1 || d > 31 || h > 23 || min > 59 || s > 59) return undefined;
  const at = Date.UTC(y, monthIndex, d, h, min, s);
  // 31 February and the like do not exist.
  if (new Date(at).getUTCMonth() !== monthIndex) return undefined;
  return at;
}
