// The document paths an expression reads or writes, for IAM's dynamodb:Attributes and for the
// UPDATED_OLD / UPDATED_NEW answers of UpdateItem.
import type { Condition, Operand, Path, UpdateAction, UpdateValue } from './ast';

function operandPaths(operand: Operand, out: Path[]): void {
  if (operand.kind === 'path') out.push(operand.path);
  else if (operand.kind === 'size') operandPaths(operand.arg, out);
}

export function conditionPaths(condition: Condition | undefined, out: Path[] = []): Path[] {
  if (!condition) return out;
  switch (condition.kind) {
    case 'and': case 'or':
      conditionPaths(condition.left, out);
      conditionPaths(condition.right, out);
      break;
    case 'not': conditionPaths(condition.operand, out); break;
    case 'compare': operandPaths(condition.left, out); operandPaths(condition.right, out); break;
    case 'between': [condition.subject, condition.low, condition.high].forEach((o) => operandPaths(o, out)); break;
    case 'in': [condition.subject, ...condition.list].forEach((o) => operandPaths(o, out)); break;
    case 'function': condition.args.forEach((o) => operandPaths(o, out)); break;
  }
  return out;
}

function valuePaths(value: UpdateValue, out: Path[]): void {
  switch (value.kind) {
    case 'path': out.push(value.path); break;
    case 'if_not_exists': out.push(value.path); valuePaths(value.fallback, out); break;
    case 'list_append': case 'arith': valuePaths(value.left, out); valuePaths(value.right, out); break;
    case 'value': break;
  }
}

/** The paths the update writes (targets). */
export const updateTargets = (actions: UpdateAction[] | undefined): Path[] => (actions ?? []).map((a) => a.path);

/** Every path the update writes or reads. */
export function updatePaths(actions: UpdateAction[] | undefined): Path[] {
  const out: Path[] = [];
  for (const action of actions ?? []) {
    out.push(action.path);
    if (action.kind === 'set') valuePaths(action.value, out);
  }
  return out;
}
