// Compiles a request's expressions as DynamoDB validates them, in its order: the placeholder maps
// first, then UpdateExpression, ConditionExpression, KeyConditionExpression, FilterExpression and
// ProjectionExpression (each "Invalid <Name>: …"), then placeholders the request defined but never used.
// Everything wrong ends as an AwsError (ValidationException), never as any other exception.
import { AwsError } from '../../core/errors';
import { utf8Length } from '../attribute-values';
import { checkValue, type RawValue } from '../attribute-json';
import type { AttributeValue } from '../types';
import type { Condition, Path, RawCondition, UpdateAction } from './ast';
import { CONDITION_PROBLEM_ORDER, checkCondition } from './check-condition';
import { UPDATE_PROBLEM_ORDER, checkUpdate } from './check-update';
import { parseConditionTokens } from './condition-parser';
import { checkPaths, resolveElements, Problems, type Placeholders } from './context';
import { ExpressionProblem, TokenStream, tokenize } from './tokens';
import { parseProjectionTokens, parseUpdateTokens } from './update-parser';

export type ExpressionName = 'UpdateExpression' | 'ConditionExpression' | 'KeyConditionExpression' | 'FilterExpression' | 'ProjectionExpression';

export interface ExpressionRequest {
  UpdateExpression?: string;
  ConditionExpression?: string;
  KeyConditionExpression?: string;
  FilterExpression?: string;
  ProjectionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  /** As read from the request (types checked, values not yet). */
  ExpressionAttributeValues?: Record<string, RawValue>;
}

export interface CompiledExpressions {
  update?: UpdateAction[];
  condition?: Condition;
  keyCondition?: Condition;
  filter?: Condition;
  projection?: Path[];
}

/** AWS's limits on each expression string: 4 KB (in UTF-8) and 300 operators and functions. */
export const MAX_EXPRESSION_BYTES = 4096;
export const MAX_OPERATORS = 300;
const PROJECTION_PROBLEM_ORDER = ['reserved', 'placeholder', 'pathOverlap', 'pathConflict'] as const;

const invalid = (message: string) => new AwsError('ValidationException', message);

function placeholders(request: ExpressionRequest, accepted: readonly ExpressionName[]): Placeholders {
  const used = accepted.filter((name) => request[name] !== undefined);
  const names = request.ExpressionAttributeNames;
  const rawValues = request.ExpressionAttributeValues;
  if (names !== undefined && used.length === 0) throw invalid('ExpressionAttributeNames can only be specified when using expressions');
  const valueExpressions = accepted.filter((name) => name !== 'ProjectionExpression');
  if (rawValues !== undefined && valueExpressions.length > 0 && valueExpressions.every((name) => request[name] === undefined)) {
    throw invalid(`ExpressionAttributeValues can only be specified when using expressions: ${valueExpressions.join(' and ')} ${valueExpressions.length > 1 ? 'are' : 'is'} null`);
  }
  if (names !== undefined) {
    if (Object.keys(names).length === 0) throw invalid('ExpressionAttributeNames must not be empty');
    for (const key of Object.keys(names)) if (!/^#[0-9a-zA-Z_]+$/.test(key)) throw invalid(`ExpressionAttributeNames contains invalid key: Syntax error; key: "${key}"`);
  }
  let values: Record<string, AttributeValue> | undefined;
  if (rawValues !== undefined) {
    if (Object.keys(rawValues).length === 0) throw invalid('ExpressionAttributeValues must not be empty');
    for (const key of Object.keys(rawValues)) if (!/^:[0-9a-zA-Z_]+$/.test(key)) throw invalid(`ExpressionAttributeValues contains invalid key: Syntax error; key: "${key}"`);
    values = {};
    for (const [key, raw] of Object.entries(rawValues)) {
      const checked = checkValue(raw);
      if ('problem' in checked) throw invalid(`ExpressionAttributeValues contains invalid value: ${checked.problem} for key ${key}`);
      values[key] = checked.value;
    }
  }
  return { names, values, unusedNames: new Set(Object.keys(names ?? {})), unusedValues: new Set(Object.keys(values ?? {})) };
}

/** Tokenises and parses one expression, turning the parser's complaint into AWS's error. */
function parse<T>(name: ExpressionName, text: string, parser: (stream: TokenStream) => T): T {
  if (text === '') throw invalid(`Invalid ${name}: The expression can not be empty;`);
  const bytes = utf8Length(text);
  if (bytes > MAX_EXPRESSION_BYTES) throw invalid(`Invalid ${name}: Expression size has exceeded the maximum allowed size; expression size: ${bytes}`);
  try {
    return parser(new TokenStream(tokenize(text)));
  } catch (error) {
    if (error instanceof ExpressionProblem) throw invalid(`Invalid ${name}: ${error.detail}`);
    throw error;
  }
}

function operatorLimit(name: ExpressionName, count: number): void {
  if (count > MAX_OPERATORS) throw invalid(`Invalid ${name}: The expression contains too many operators; operator count: ${count}`);
}

function conditionOf(name: ExpressionName, text: string, ctx: Placeholders): Condition {
  const parsed = parse(name, text, parseConditionTokens);
  operatorLimit(name, parsed.operators);
  const problems = new Problems();
  if (parsed.redundantParens) problems.add('parens', 'The expression has redundant parentheses;');
  const condition = checkCondition(parsed.condition as RawCondition, ctx, problems);
  const problem = problems.first(CONDITION_PROBLEM_ORDER);
  if (problem) throw invalid(`Invalid ${name}: ${problem}`);
  return condition;
}

/** Validates and compiles every expression of a request; `accepted` are the operation's, in AWS's order. */
export function compileExpressions(request: ExpressionRequest, accepted: readonly ExpressionName[]): CompiledExpressions {
  const ctx = placeholders(request, accepted);
  const out: CompiledExpressions = {};
  if (request.UpdateExpression !== undefined) {
    const parsed = parse('UpdateExpression', request.UpdateExpression, parseUpdateTokens);
    operatorLimit('UpdateExpression', parsed.operators);
    const problems = new Problems();
    out.update = checkUpdate(parsed.update, ctx, problems);
    const problem = problems.first(UPDATE_PROBLEM_ORDER);
    if (problem) throw invalid(`Invalid UpdateExpression: ${problem}`);
  }
  if (request.ConditionExpression !== undefined) out.condition = conditionOf('ConditionExpression', request.ConditionExpression, ctx);
  if (request.KeyConditionExpression !== undefined) out.keyCondition = conditionOf('KeyConditionExpression', request.KeyConditionExpression, ctx);
  if (request.FilterExpression !== undefined) out.filter = conditionOf('FilterExpression', request.FilterExpression, ctx);
  if (request.ProjectionExpression !== undefined) {
    const raw = parse('ProjectionExpression', request.ProjectionExpression, parseProjectionTokens);
    const problems = new Problems();
    out.projection = raw.map((p) => resolveElements(p.elements, ctx, problems));
    checkPaths(out.projection, problems);
    const problem = problems.first(PROJECTION_PROBLEM_ORDER);
    if (problem) throw invalid(`Invalid ProjectionExpression: ${problem}`);
  }
  if (ctx.unusedNames.size > 0) throw invalid(`Value provided in ExpressionAttributeNames unused in expressions: keys: {${[...ctx.unusedNames].join(', ')}}`);
  if (ctx.unusedValues.size > 0) throw invalid(`Value provided in ExpressionAttributeValues unused in expressions: keys: {${[...ctx.unusedValues].join(', ')}}`);
  return out;
}
