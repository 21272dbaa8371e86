// Gives a parsed condition its meaning: placeholders resolved, reserved words refused, functions checked
// (known name, use as condition or operand, number and types of operands), with AWS's messages.
import { compareScalars } from '../attribute-values';
import { ATTRIBUTE_TYPES, typeOf, type AttributeType, type AttributeValue } from '../types';
import { pathText, type Condition, type ConditionFunction, type Operand, type RawCondition, type RawOperand } from './ast';
import { resolveElements, resolveValue, type Placeholders, type Problems } from './context';

/** The order in which AWS reports problems of a condition [P dynalite, captured from DynamoDB]. */
export const CONDITION_PROBLEM_ORDER = ['parens', 'unknownFunction', 'misusedFunction', 'reserved', 'placeholder', 'operand', 'distinct', 'function'] as const;

const ARITY: Record<string, number> = { attribute_exists: 1, attribute_not_exists: 1, attribute_type: 2, begins_with: 2, contains: 2, size: 1 };
/** [P] AWS allows at most 100 operands on the right of IN. */
const MAX_IN_OPERANDS = 100;

const misused = (problems: Problems, name: string) => problems.add('misusedFunction', `The function is not allowed to be used this way in an expression; function: ${name}`);
const operandType = (problems: Problems, name: string, type: string) => problems.add('function', `Incorrect operand type for operator or function; operator or function: ${name}, operand type: ${type}`);

/** The type an operand is known to have before any item is read: a value's own, N for size(). */
function knownType(operand: Operand): AttributeType | undefined {
  if (operand.kind === 'value') return typeOf(operand.value);
  if (operand.kind === 'size') return 'N';
  return undefined;
}

function checkArity(name: string, args: RawOperand[], problems: Problems): void {
  if (ARITY[name] !== undefined && ARITY[name] !== args.length) {
    problems.add('operand', `Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${args.length}`);
  }
}

function checkDistinct(name: string, a: Operand | undefined, b: Operand | undefined, problems: Problems): void {
  if (a?.kind === 'path' && b?.kind === 'path' && a.path.length === b.path.length && a.path.every((p, i) => p === b.path[i])) {
    problems.add('distinct', `The first operand must be distinct from the remaining operands for this operator or function; operator: ${name}, first operand: ${pathText(a.path)}`);
  }
}

/** An operand; only size() may be called here, other functions are conditions. */
export function checkOperand(raw: RawOperand, ctx: Placeholders, problems: Problems): Operand {
  switch (raw.kind) {
    case 'path': return { kind: 'path', path: resolveElements(raw.elements, ctx, problems) };
    case 'value': return { kind: 'value', value: resolveValue(raw.placeholder, ctx, problems) };
    case 'arith': return checkOperand(raw.left, ctx, problems);
    case 'call': {
      if (ARITY[raw.name] === undefined) problems.add('unknownFunction', `Invalid function name; function: ${raw.name}`);
      else if (raw.name !== 'size') misused(problems, raw.name);
      const args = raw.args.map((a) => checkOperand(a, ctx, problems));
      checkArity(raw.name, raw.args, problems);
      const type = args[0] && knownType(args[0]);
      if (raw.name === 'size' && (type === 'N' || type === 'BOOL' || type === 'NULL')) operandType(problems, 'size', type);
      return { kind: 'size', arg: args[0] ?? { kind: 'path', path: [] } };
    }
  }
}

const display = (v: AttributeValue) => `{${typeOf(v)}:${String((v as Record<string, unknown>)[typeOf(v)])}}`;

function checkBetween(low: Operand, high: Operand, problems: Problems): void {
  if (low.kind !== 'value' || high.kind !== 'value') return;
  const bounds = `lower bound operand: AttributeValue: ${display(low.value)}, upper bound operand: AttributeValue: ${display(high.value)}`;
  if (typeOf(low.value) !== typeOf(high.value)) {
    problems.add('function', `The BETWEEN operator requires same data type for lower and upper bounds; ${bounds}`);
  } else if ((compareScalars(low.value, high.value) ?? 0) > 0) {
    problems.add('function', `The BETWEEN operator requires upper bound to be greater than or equal to lower bound; ${bounds}`);
  }
}

function checkFunctionCondition(name: string, rawArgs: RawOperand[], ctx: Placeholders, problems: Problems): Condition {
  if (ARITY[name] === undefined) problems.add('unknownFunction', `Invalid function name; function: ${name}`);
  else if (name === 'size') misused(problems, name);
  const args = rawArgs.map((a) => checkOperand(a, ctx, problems));
  checkArity(name, rawArgs, problems);
  if (rawArgs.length === 2) checkDistinct(name, args[0], args[1], problems);
  switch (name) {
    case 'attribute_exists': case 'attribute_not_exists':
      if (args[0] && args[0].kind !== 'path') problems.add('function', `Operator or function requires a document path; operator or function: ${name}`);
      break;
    case 'begins_with':
      for (const arg of args) {
        const type = knownType(arg);
        if (type && type !== 'S' && type !== 'B') operandType(problems, name, type);
      }
      break;
    case 'attribute_type': {
      const second = args[1];
      if (!second) break;
      const type = knownType(second);
      if (type !== 'S') operandType(problems, name, type ?? '{NS,SS,L,BS,N,M,B,BOOL,NULL,S}');
      else if (second.kind === 'value' && 'S' in second.value && !(ATTRIBUTE_TYPES as readonly string[]).includes(second.value.S)) {
        problems.add('function', `Invalid attribute type name found; type: ${second.value.S}, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}`);
      }
      break;
    }
  }
  return { kind: 'function', name: name as ConditionFunction, args };
}

export function checkCondition(raw: RawCondition, ctx: Placeholders, problems: Problems): Condition {
  switch (raw.kind) {
    case 'and': case 'or':
      return { kind: raw.kind, left: checkCondition(raw.left, ctx, problems), right: checkCondition(raw.right, ctx, problems) };
    case 'not':
      return { kind: 'not', operand: checkCondition(raw.operand, ctx, problems) };
    case 'call':
      return checkFunctionCondition(raw.name, raw.args, ctx, problems);
    case 'compare': {
      const left = checkOperand(raw.left, ctx, problems);
      const right = checkOperand(raw.right, ctx, problems);
      checkDistinct(raw.op, left, right, problems);
      return { kind: 'compare', op: raw.op, left, right };
    }
    case 'between': {
      const subject = checkOperand(raw.subject, ctx, problems);
      const low = checkOperand(raw.low, ctx, problems);
      const high = checkOperand(raw.high, ctx, problems);
      checkBetween(low, high, problems);
      return { kind: 'between', subject, low, high };
    }
    case 'in': {
      const subject = checkOperand(raw.subject, ctx, problems);
      const list = raw.list.map((o) => checkOperand(o, ctx, problems));
      if (list.length > MAX_IN_OPERANDS) problems.add('operand', `The IN operator is provided with too many operands; number of operands: ${list.length}`);
      return { kind: 'in', subject, list };
    }
  }
}
