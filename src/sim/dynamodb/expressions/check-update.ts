// Gives a parsed UpdateExpression its meaning: each section once, placeholders resolved, no two paths
// overlapping, ADD and DELETE given the types they accept, functions checked, with AWS's messages.
import { typeOf, type AttributeType } from '../types';
import type { Path, RawOperand, RawUpdate, UpdateAction, UpdateValue } from './ast';
import { checkPaths, resolveElements, resolveValue, type Placeholders, type Problems } from './context';

/** The order in which AWS reports problems of an update expression [P dynalite, captured from DynamoDB]. */
export const UPDATE_PROBLEM_ORDER = ['reserved', 'unknownFunction', 'section', 'name', 'value', 'pathOverlap', 'pathConflict', 'operand', 'function'] as const;

const TYPE_NAMES: Partial<Record<AttributeType, string>> = { S: 'STRING', N: 'NUMBER', B: 'BINARY', NULL: 'NULL', BOOL: 'BOOLEAN', L: 'LIST', M: 'MAP' };
const ARITY: Record<string, number> = { if_not_exists: 2, list_append: 2 };

function operandTypes(name: string, args: UpdateValue[], expected: AttributeType, problems: Problems): void {
  for (const arg of args) {
    const type = arg.kind === 'value' ? typeOf(arg.value) : undefined;
    if (type && type !== expected) problems.add('function', `Incorrect operand type for operator or function; operator or function: ${name}, operand type: ${type}`);
  }
}

function checkValue(raw: RawOperand, ctx: Placeholders, problems: Problems): UpdateValue {
  switch (raw.kind) {
    case 'path': return { kind: 'path', path: resolveElements(raw.elements, ctx, problems, 'name') };
    case 'value': return { kind: 'value', value: resolveValue(raw.placeholder, ctx, problems, 'value') };
    case 'arith': {
      const left = checkValue(raw.left, ctx, problems);
      const right = checkValue(raw.right, ctx, problems);
      operandTypes(raw.op, [left, right], 'N', problems);
      return { kind: 'arith', op: raw.op, left, right };
    }
    case 'call': {
      if (ARITY[raw.name] === undefined) problems.add('unknownFunction', `Invalid function name; function: ${raw.name}`);
      const args = raw.args.map((a) => checkValue(a, ctx, problems));
      if (ARITY[raw.name] !== undefined && ARITY[raw.name] !== args.length) {
        problems.add('function', `Incorrect number of operands for operator or function; operator or function: ${raw.name}, number of operands: ${args.length}`);
      }
      const [first = { kind: 'path', path: [] }, second = first] = args;
      if (raw.name === 'if_not_exists') {
        if (first.kind !== 'path') problems.add('function', 'Operator or function requires a document path; operator or function: if_not_exists');
        return { kind: 'if_not_exists', path: first.kind === 'path' ? first.path : [], fallback: second };
      }
      operandTypes(raw.name, args, 'L', problems);
      return { kind: 'list_append', left: first, right: second };
    }
  }
}

export function checkUpdate(raw: RawUpdate, ctx: Placeholders, problems: Problems): UpdateAction[] {
  const seen = new Set<string>();
  const actions: UpdateAction[] = [];
  const paths: Path[] = [];
  for (const section of raw.sections) {
    if (seen.has(section.keyword)) problems.add('section', `The "${section.keyword}" section can only be used once in an update expression;`);
    seen.add(section.keyword);
    for (const action of section.actions) {
      const path = resolveElements(action.path.elements, ctx, problems, 'name');
      paths.push(path);
      if (action.kind === 'remove') {
        actions.push({ kind: 'remove', path });
      } else if (action.kind === 'set') {
        actions.push({ kind: 'set', path, value: checkValue(action.value, ctx, problems) });
      } else {
        const value = checkValue(action.value, ctx, problems);
        const v = value.kind === 'value' ? value.value : { NULL: true as const };
        const type = typeOf(v);
        const accepted = type === 'SS' || type === 'NS' || type === 'BS' || (action.kind === 'add' && type === 'N');
        if (value.kind === 'value' && !accepted) {
          problems.add('operand', `Incorrect operand type for operator or function; operator: ${action.kind.toUpperCase()}, operand type: ${TYPE_NAMES[type] ?? type}`);
        }
        actions.push({ kind: action.kind, path, value: v });
      }
    }
  }
  checkPaths(paths, problems);
  return actions;
}
