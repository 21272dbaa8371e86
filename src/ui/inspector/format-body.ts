// Bodies for reading: JSON pretty-printed, anything else as it came. Long strings (tokens, signatures)
// can be shortened so the shape of a body is visible at a glance; the full text is one toggle away.

export const LONG_VALUE = 64;

export interface FormattedBody {
  kind: 'json' | 'text';
  /** Every byte, pretty-printed when it is JSON. */
  full: string;
  /** The same with long strings shortened to their start and end. */
  short: string;
  /** How many strings `short` shortened. */
  shortened: number;
}

/** 1054 → "1,054". Not toLocaleString: its first call sets up ICU's number formatting, about 10 ms on the first render. */
const withCommas = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A long string's start and end with its length: "eyJraWQiOiJIdHZaRVZL…Hmq5w (1,054 characters)". */
export function shorten(value: string): string {
  if (value.length <= LONG_VALUE) return value;
  return `${value.slice(0, 24)}…${value.slice(-8)} (${withCommas(value.length)} characters)`;
}

export function formatBody(body: string | undefined): FormattedBody | undefined {
  if (body === undefined || body === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'text', full: body, short: body, shortened: 0 };
  }
  let shortened = 0;
  const short = JSON.stringify(
    json,
    (_key, value: unknown) => {
      if (typeof value === 'string' && value.length > LONG_VALUE) {
        shortened++;
        return shorten(value);
      }
      return value;
    },
    2,
  );
  return { kind: 'json', full: JSON.stringify(json, null, 2), short, shortened };
}
