// DynamoDB numbers: decimal, up to 38 significant digits, magnitudes from 1E-130 to under 1E+126.
// They travel as strings and DynamoDB stores them normalised ("1.50" comes back as "1.5", "1E2" as "100"),
// so they are kept as exact decimals here, never as binary floating point.

export interface Decimal {
  negative: boolean;
  /** Significant digits without leading or trailing zeros; '' for zero. */
  digits: string;
  /** value = digits × 10^scale */
  scale: number;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export const NUMBER_ERRORS = {
  overflow: 'Number overflow. Attempting to store a number with magnitude larger than supported range',
  underflow: 'Number underflow. Attempting to store a number with magnitude smaller than supported range',
  precision: 'Attempting to store more than 38 significant digits in a Number',
} as const;

/** Parses DynamoDB's number text; undefined when it is not a number at all. */
export function parseDecimal(text: string): Decimal | undefined {
  if (text.length > 1000 || !NUMBER.test(text)) return undefined;
  let body = text;
  let negative = false;
  if (body[0] === '+' || body[0] === '-') {
    negative = body[0] === '-';
    body = body.slice(1);
  }
  let exponent = 0;
  const e = body.search(/[eE]/);
  if (e >= 0) {
    exponent = Number(body.slice(e + 1));
    body = body.slice(0, e);
  }
  const dot = body.indexOf('.');
  const fraction = dot >= 0 ? body.slice(dot + 1) : '';
  const whole = dot >= 0 ? body.slice(0, dot) : body;
  return normalise(negative, whole + fraction, exponent - fraction.length);
}

function normalise(negative: boolean, rawDigits: string, rawScale: number): Decimal {
  let digits = rawDigits.replace(/^0+/, '');
  let scale = rawScale;
  const trimmed = digits.replace(/0+$/, '');
  scale += digits.length - trimmed.length;
  digits = trimmed;
  if (digits === '') return { negative: false, digits: '', scale: 0 };
  return { negative, digits, scale };
}

/** The power of ten of the leading digit (1.5 → 0, 150 → 2, 0.01 → -2). */
const leadingExponent = (d: Decimal) => d.digits.length - 1 + d.scale;

/** AWS's complaint about a number it cannot store, if any. */
export function decimalProblem(d: Decimal): string | undefined {
  if (d.digits === '') return undefined;
  if (leadingExponent(d) > 125) return NUMBER_ERRORS.overflow;
  if (leadingExponent(d) < -130) return NUMBER_ERRORS.underflow;
  if (d.digits.length > 38) return NUMBER_ERRORS.precision;
  return undefined;
}

/** Plain decimal notation, as DynamoDB answers: no exponent, no superfluous zeros. */
export function formatDecimal(d: Decimal): string {
  if (d.digits === '') return '0';
  const sign = d.negative ? '-' : '';
  if (d.scale >= 0) return sign + d.digits + '0'.repeat(d.scale);
  const point = d.digits.length + d.scale;
  if (point > 0) return `${sign}${d.digits.slice(0, point)}.${d.digits.slice(point)}`;
  return `${sign}0.${'0'.repeat(-point)}${d.digits}`;
}

function compareMagnitude(a: Decimal, b: Decimal): number {
  if (a.digits === '' || b.digits === '') return (a.digits === '' ? 0 : 1) - (b.digits === '' ? 0 : 1);
  const ea = leadingExponent(a);
  const eb = leadingExponent(b);
  if (ea !== eb) return ea < eb ? -1 : 1;
  const n = Math.max(a.digits.length, b.digits.length);
  const da = a.digits.padEnd(n, '0');
  const db = b.digits.padEnd(n, '0');
  return da < db ? -1 : da > db ? 1 : 0;
}

export function compareDecimals(a: Decimal, b: Decimal): number {
  const sa = a.digits === '' ? 0 : a.negative ? -1 : 1;
  const sb = b.digits === '' ? 0 : b.negative ? -1 : 1;
  if (sa !== sb) return sa < sb ? -1 : 1;
  const m = compareMagnitude(a, b);
  return sa < 0 ? 0 - m : m;
}

function toBigInt(d: Decimal, scale: number): bigint {
  const magnitude = BigInt(d.digits || '0') * 10n ** BigInt(d.scale - scale);
  return d.negative ? -magnitude : magnitude;
}

/** a + b (or a − b), exactly. */
export function addDecimals(a: Decimal, b: Decimal, subtract = false): Decimal {
  const scale = Math.min(a.scale, b.scale);
  const sum = toBigInt(a, scale) + (subtract ? -toBigInt(b, scale) : toBigInt(b, scale));
  const negative = sum < 0n;
  return normalise(negative, (negative ? -sum : sum).toString(), scale);
}

/** Normalises number text; undefined if it is not a number. */
export function canonicalNumber(text: string): string | undefined {
  const d = parseDecimal(text);
  return d ? formatDecimal(d) : undefined;
}
