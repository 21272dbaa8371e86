// The grammar checks the IAM console's policy editor runs as you type, with its wording
// [V IAMDOC access-analyzer-reference-policy-checks.md: the console's finding messages], each pinned to the
// statement (and element) it is about. Identity policies may not name a Principal and need a Resource;
// a role's trust policy needs a Principal.

export type PolicyKind = 'identity' | 'trust';

export interface PolicyProblem {
  /** Within the document, e.g. "Statement[1].Effect" ('' for the document itself). */
  path: string;
  /** The statement it is about, from 0, when it is about one. */
  statement?: number;
  message: string;
}

const TOP_ELEMENTS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_ELEMENTS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const VERSIONS = ['2012-10-17', '2008-10-17'];
const BASE_OPERATORS = [
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null',
].map((name) => name.toLowerCase());

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const mismatch = (type: string) => `Data type mismatch: The text does not match the expected JSON data type ${type}.`;

/** "ForAnyValue:StringLike", "StringEqualsIfExists", "Null"… */
export function isConditionOperator(name: string): boolean {
  let rest = name;
  const set = /^(ForAllValues|ForAnyValue):/i.exec(rest);
  if (set) rest = rest.slice(set[0].length);
  if (/IfExists$/i.test(rest) && rest.toLowerCase() !== 'null') rest = rest.slice(0, -'IfExists'.length);
  return BASE_OPERATORS.includes(rest.toLowerCase());
}

function checkStrings(value: unknown, path: string, statement: number, problems: PolicyProblem[], each?: (text: string, path: string) => string | undefined) {
  const list = Array.isArray(value) ? value : [value];
  list.forEach((item, i) => {
    const at = Array.isArray(value) ? `${path}[${i}]` : path;
    if (typeof item !== 'string') problems.push({ path: at, statement, message: mismatch('String') });
    else {
      const message = each?.(item, at);
      if (message) problems.push({ path: at, statement, message });
    }
  });
}

const actionProblem = (action: string) =>
  action === '*' || /^[a-z0-9-]+:[A-Za-z0-9*?]+$/.test(action) ? undefined : `Invalid action: The action ${action} does not exist. Write actions as service:Action, e.g. dynamodb:GetItem.`;

function checkStatement(statement: unknown, index: number, path: string, kind: PolicyKind, problems: PolicyProblem[]) {
  const add = (at: string, message: string) => problems.push({ path: at, statement: index, message });
  if (!isObject(statement)) return add(path, mismatch('Object'));
  for (const key of Object.keys(statement)) if (!STATEMENT_ELEMENTS.has(key)) add(`${path}.${key}`, `Invalid policy element: The policy element ${key} is not valid.`);
  const { Sid, Effect, Condition } = statement;
  if (Sid !== undefined) {
    if (typeof Sid !== 'string') add(`${path}.Sid`, mismatch('String'));
    else if (!/^[A-Za-z0-9]*$/.test(Sid)) add(`${path}.Sid`, 'Unsupported Sid: Update the characters in the Sid element to use one of the following character types: [a-z, A-Z, 0-9]');
  }
  if (Effect === undefined) add(path, 'Missing effect: Add an Effect element to the policy statement with a value of Allow or Deny.');
  else if (typeof Effect !== 'string') add(`${path}.Effect`, mismatch('String'));
  else if (Effect !== 'Allow' && Effect !== 'Deny') add(`${path}.Effect`, `Invalid effect: The effect ${Effect} is not valid. Use Allow or Deny.`);

  const pair = (a: string, b: string) => {
    if (a in statement && b in statement) add(`${path}.${b}`, `Unsupported element combination: The policy elements ${a} and ${b} can not be used in the same statement. Remove one of these elements.`);
  };
  pair('Action', 'NotAction');
  pair('Resource', 'NotResource');
  pair('Principal', 'NotPrincipal');
  if (!('Action' in statement) && !('NotAction' in statement)) add(path, 'Missing action: Add an Action or NotAction element to the policy statement.');
  for (const key of ['Action', 'NotAction'] as const) if (key in statement) checkStrings(statement[key], `${path}.${key}`, index, problems, actionProblem);
  for (const key of ['Resource', 'NotResource'] as const) if (key in statement) checkStrings(statement[key], `${path}.${key}`, index, problems);

  const hasPrincipal = 'Principal' in statement || 'NotPrincipal' in statement;
  if (kind === 'identity') {
    if (!('Resource' in statement) && !('NotResource' in statement)) add(path, 'Missing resource: Add a Resource or NotResource element to the policy statement.');
    if (hasPrincipal) add(`${path}.${'Principal' in statement ? 'Principal' : 'NotPrincipal'}`, 'Unsupported principal: The policy type IDENTITY_POLICY does not support the Principal element. Remove the Principal element.');
  } else if (!hasPrincipal) add(path, 'Missing principal: Add a Principal element to the policy statement.');
  else if (statement.Principal !== undefined && statement.Principal !== '*' && !isObject(statement.Principal)) add(`${path}.Principal`, mismatch('Object'));

  if (Condition !== undefined) {
    if (!isObject(Condition)) return add(`${path}.Condition`, mismatch('Object'));
    for (const [operator, block] of Object.entries(Condition)) {
      const at = `${path}.Condition.${operator}`;
      if (!isConditionOperator(operator)) add(at, `Invalid condition operator: The condition operator ${operator} is not valid. Use a valid condition operator.`);
      else if (!isObject(block)) add(at, mismatch('Object'));
    }
  }
}

/** Every problem of a policy document (already read from JSON), in document order. */
export function checkPolicy(document: unknown, kind: PolicyKind): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (!isObject(document)) return [{ path: '', message: mismatch('Object') }];
  for (const key of Object.keys(document)) if (!TOP_ELEMENTS.has(key)) problems.push({ path: key, message: `Invalid policy element: The policy element ${key} is not valid.` });
  const { Version, Statement } = document;
  if (Version !== undefined && (typeof Version !== 'string' || !VERSIONS.includes(Version))) {
    problems.push({ path: 'Version', message: `Invalid version: The version ${String(Version)} is not valid. Use one of the following versions: ${VERSIONS.join(', ')}` });
  }
  if (Statement === undefined || (Array.isArray(Statement) && Statement.length === 0)) {
    problems.push({ path: '', message: 'Missing statement: Add a statement to the policy' });
  } else if (Array.isArray(Statement)) {
    Statement.forEach((s, i) => checkStatement(s, i, `Statement[${i}]`, kind, problems));
  } else if (isObject(Statement)) {
    checkStatement(Statement, 0, 'Statement', kind, problems);
  } else {
    problems.push({ path: 'Statement', message: mismatch('Object') });
  }
  return problems;
}
