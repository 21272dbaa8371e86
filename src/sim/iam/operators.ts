// The base condition operators of IAM, each as a test of one request value against one policy value.
// Negated operators (StringNotEquals, ArnNotLike, NotIpAddress…) keep their positive test here; the
// negation, missing keys, IfExists and the set operators are applied in ./conditions.ts.
import { inCidr } from './ip-address';
import { literalOf, type Piece } from './variables';
import { arnConditionMatch, globMatch } from './wildcard';

export interface BaseOperator {
  name: string;
  negated: boolean;
  /** Policy variables are substituted for string and ARN operators only (IAM: "You can't use a policy
   *  variable with other operators, such as Numeric, Date, Boolean, Binary, IP Address, or Null"). */
  variables: boolean;
  /** true / false, or undefined when a value is not of the operator's type (never a match). */
  test(requestValue: string, policyValue: readonly Piece[]): boolean | undefined;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseNumber(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined;
}

/** Epoch seconds, or ISO-8601 (a time without an offset is read as UTC); epoch ms back. */
export function parseDate(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const zone = m[3] === undefined ? 'Z' : m[3] === 'Z' ? 'Z' : m[3].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const ms = Date.parse(m[2] === undefined ? `${m[1]}T00:00:00Z` : `${m[1]}T${m[2]}${zone}`);
  return Number.isNaN(ms) ? undefined : ms;
}

const parseBool = (text: string): boolean | undefined => (/^true$/i.test(text) ? true : /^false$/i.test(text) ? false : undefined);

type Compare = (a: number, b: number) => boolean;

function comparing(parse: (text: string) => number | undefined, compare: Compare) {
  return (requestValue: string, policyValue: readonly Piece[]): boolean | undefined => {
    const r = parse(requestValue);
    const p = parse(literalOf(policyValue));
    return r === undefined || p === undefined ? undefined : compare(r, p);
  };
}

const op = (name: string, negated: boolean, variables: boolean, test: BaseOperator['test']): BaseOperator => ({ name, negated, variables, test });

const stringEquals: BaseOperator['test'] = (r, p) => r === literalOf(p);
const stringEqualsIgnoreCase: BaseOperator['test'] = (r, p) => r.toLowerCase() === literalOf(p).toLowerCase();
const stringLike: BaseOperator['test'] = (r, p) => globMatch(p, r);
const arnLike: BaseOperator['test'] = (r, p) => arnConditionMatch(p, r);

const orderings: [string, Compare][] = [
  ['Equals', (r, p) => r === p],
  ['LessThan', (r, p) => r < p],
  ['LessThanEquals', (r, p) => r <= p],
  ['GreaterThan', (r, p) => r > p],
  ['GreaterThanEquals', (r, p) => r >= p],
];

const all: BaseOperator[] = [
  op('StringEquals', false, true, stringEquals),
  op('StringNotEquals', true, true, stringEquals),
  op('StringEqualsIgnoreCase', false, true, stringEqualsIgnoreCase),
  op('StringNotEqualsIgnoreCase', true, true, stringEqualsIgnoreCase),
  op('StringLike', false, true, stringLike),
  op('StringNotLike', true, true, stringLike),
  ...orderings.map(([suffix, compare]) => op(`Numeric${suffix}`, false, false, comparing(parseNumber, compare))),
  op('NumericNotEquals', true, false, comparing(parseNumber, (r, p) => r === p)),
  ...orderings.map(([suffix, compare]) => op(`Date${suffix}`, false, false, comparing(parseDate, compare))),
  op('DateNotEquals', true, false, comparing(parseDate, (r, p) => r === p)),
  op('Bool', false, false, (r, p) => {
    const a = parseBool(r);
    const b = parseBool(literalOf(p));
    return a === undefined || b === undefined ? undefined : a === b;
  }),
  op('BinaryEquals', false, false, (r, p) => r === literalOf(p)),
  op('IpAddress', false, false, (r, p) => inCidr(r, literalOf(p))),
  op('NotIpAddress', true, false, (r, p) => inCidr(r, literalOf(p))),
  op('ArnEquals', false, true, arnLike),
  op('ArnLike', false, true, arnLike),
  op('ArnNotEquals', true, true, arnLike),
  op('ArnNotLike', true, true, arnLike),
];

/** Base operators by lower-case name (operator names are matched case-insensitively, as IAM does). */
export const BASE_OPERATORS: ReadonlyMap<string, BaseOperator> = new Map(all.map((o) => [o.name.toLowerCase(), o]));
