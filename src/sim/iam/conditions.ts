// A statement's Condition block. Operators AND, keys within an operator AND, a key's values OR (for a
// negated operator: the request value must match none of them). A missing key fails a positive operator
// and passes a negated one; `…IfExists` passes it too; `Null` tests presence itself. ForAllValues: every
// request value must match (true when the key is missing or empty); ForAnyValue: at least one must
// (false when missing or empty). A single-valued operator never matches a multivalued key.
import type { ContextLookup, ContextValue } from './context';
import { NO_VALUE } from './explain';
import { BASE_OPERATORS, type BaseOperator } from './operators';
import type { ConditionExplanation, ConditionValue, Statement } from './types';
import { literalOf, parsePolicyString, resolveTokens, type Resolution } from './variables';

export interface ParsedOperator {
  set?: 'ForAllValues' | 'ForAnyValue';
  base: BaseOperator | 'Null';
  ifExists: boolean;
}

const OPERATOR = /^(?:(forallvalues|foranyvalue):)?(.+?)(ifexists)?$/i;
const parsedOperators = new Map<string, ParsedOperator | undefined>();

/** "ForAllValues:StringEqualsIfExists" → its parts; undefined for an operator IAM does not have. */
export function parseOperator(name: string): ParsedOperator | undefined {
  if (parsedOperators.has(name)) return parsedOperators.get(name);
  const m = OPERATOR.exec(name);
  let parsed: ParsedOperator | undefined;
  if (m) {
    const set = m[1] === undefined ? undefined : m[1].toLowerCase() === 'forallvalues' ? 'ForAllValues' : 'ForAnyValue';
    const ifExists = m[3] !== undefined;
    const baseName = m[2]!.toLowerCase();
    const base = baseName === 'null' ? (ifExists ? undefined : 'Null') : BASE_OPERATORS.get(baseName);
    if (base) parsed = { ...(set ? { set } : {}), base, ifExists };
  }
  parsedOperators.set(name, parsed);
  return parsed;
}

const asStrings = (value: ConditionValue): string[] => (Array.isArray(value) ? value : [value]).map((v) => String(v));
const requestValuesOf = (value: ContextValue | undefined): string[] | undefined => (value === undefined ? undefined : typeof value === 'string' ? [value] : [...value]);

/** One (operator, key) pair of a Condition block, explained. */
export function evaluateCondition(
  operator: string,
  key: string,
  value: ConditionValue,
  context: ContextLookup,
  variables: boolean,
  substitutions: Record<string, string>,
  unresolved: string[],
): ConditionExplanation {
  const written = asStrings(value);
  const requestValue = context.get(key);
  const base: ConditionExplanation = { operator, key, policyValues: written, requestValues: requestValuesOf(requestValue), matched: false };
  const parsed = parseOperator(operator);
  if (!parsed) return { ...base, note: `${operator} is not an IAM condition operator` };

  if (parsed.base === 'Null') {
    const absent = requestValue === undefined;
    return { ...base, matched: written.some((v) => v.toLowerCase() === (absent ? 'true' : 'false')) };
  }

  const op = parsed.base;
  const resolutions: Resolution[] = written.map((v) => resolveTokens(parsePolicyString(v, op.variables && variables), context, substitutions));
  const policyValues = resolutions.map((r, i) => (r.ok ? literalOf(r.pieces) : written[i]!));
  const changed = policyValues.some((v, i) => v !== written[i]);
  const missing = resolutions.flatMap((r) => (r.ok ? [] : [r.unresolved]));
  for (const name of missing) if (!unresolved.includes(name)) unresolved.push(name);
  const explained = (matched: boolean, note?: string): ConditionExplanation => ({
    ...base,
    policyValues,
    ...(changed ? { writtenValues: written } : {}),
    matched,
    ...(note ? { note } : missing.length ? { note: `${NO_VALUE} ${missing.join(', ')}` } : {}),
  });

  // One request value against all the policy values.
  const test = (r: string): boolean =>
    op.negated ? resolutions.every((res) => res.ok && op.test(r, res.pieces) === false) : resolutions.some((res) => res.ok && op.test(r, res.pieces) === true);

  if (parsed.set === undefined) {
    if (requestValue === undefined) {
      if (parsed.ifExists) return explained(true, `${key} is not in the request, so …IfExists is true`);
      return explained(op.negated, `${key} is not in the request`);
    }
    if (typeof requestValue !== 'string') return explained(false, `${key} is multivalued: a single-valued operator never matches it (use ForAllValues: or ForAnyValue:)`);
    return explained(test(requestValue));
  }
  if (requestValue === undefined || requestValue.length === 0) {
    const matched = parsed.set === 'ForAllValues' || (requestValue === undefined && parsed.ifExists);
    return explained(matched, `${key} has no values in the request, so ${parsed.set} is ${matched}`);
  }
  const values = typeof requestValue === 'string' ? [requestValue] : requestValue;
  return explained(parsed.set === 'ForAllValues' ? values.every(test) : values.some(test));
}

/** Every (operator, key) of a statement's Condition, in the order written. */
export function evaluateConditions(
  condition: Statement['Condition'],
  context: ContextLookup,
  variables: boolean,
  substitutions: Record<string, string>,
  unresolved: string[],
): ConditionExplanation[] {
  const out: ConditionExplanation[] = [];
  for (const [operator, keys] of Object.entries(condition ?? {})) {
    for (const [key, value] of Object.entries(keys)) out.push(evaluateCondition(operator, key, value, context, variables, substitutions, unresolved));
  }
  return out;
}
