// A table of valid and invalid expressions with the ValidationException text AWS gives for each.
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../core/errors';
import { readMap } from '../attribute-json';
import { compileExpressions, type ExpressionName, type ExpressionRequest } from './compile';
import { keyConditionParts, keyQuery } from './key-condition';

type Case = [string, Omit<ExpressionRequest, 'ExpressionAttributeValues'> & { values?: Record<string, unknown> }, string | null];

const S = (s: string) => ({ S: s });
const N = (n: string) => ({ N: n });
const ALL: ExpressionName[] = ['UpdateExpression', 'ConditionExpression', 'KeyConditionExpression', 'FilterExpression', 'ProjectionExpression'];

function compile(request: Case[1], accepted: ExpressionName[] = ALL) {
  const { values, ...rest } = request;
  return compileExpressions({ ...rest, ...(values ? { ExpressionAttributeValues: readMap(values) } : {}) }, accepted);
}

function messageOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    expect(error.code).toBe('ValidationException');
    return error.message;
  }
}

const cases: Case[] = [
  // Conditions that parse and check.
  ['a comparison', { ConditionExpression: 'price > :p', values: { ':p': N('10') } }, null],
  ['AND, OR, NOT and parentheses', { ConditionExpression: '(a = :v OR b <> :v) AND NOT c < :v', values: { ':v': N('1') } }, null],
  ['BETWEEN and IN', { ConditionExpression: 'a BETWEEN :lo AND :hi AND b IN (:lo, :hi)', values: { ':lo': N('1'), ':hi': N('2') } }, null],
  ['functions and document paths', { ConditionExpression: 'attribute_exists(a.b[2].c) AND begins_with(#n, :p) AND size(tags) > :z AND contains(tags, :p) AND attribute_type(a, :t)', ExpressionAttributeNames: { '#n': 'name' }, values: { ':p': S('x'), ':z': N('0'), ':t': S('M') } }, null],
  ['keywords in any case', { ConditionExpression: 'a = :v and not b = :v or c between :v AnD :v', values: { ':v': N('1') } }, null],
  ['an update with every section', { UpdateExpression: 'SET a = :v, b = b + :one, c = if_not_exists(c, :zero) - :one, l = list_append(l, :l) REMOVE d, e[1] ADD n :one, s :ss DELETE t :ss', values: { ':v': S('x'), ':one': N('1'), ':zero': N('0'), ':l': { L: [S('y')] }, ':ss': { SS: ['q'] } } }, null],
  ['a projection', { ProjectionExpression: 'a, b.c, d[0], #s', ExpressionAttributeNames: { '#s': 'status' } }, null],

  // Syntax errors: the token and what is near it.
  ['a dangling comma', { UpdateExpression: 'SET a = :v,', values: { ':v': S('x') } }, 'Invalid UpdateExpression: Syntax error; token: "<EOF>", near: ","'],
  ['ADD without a value placeholder', { UpdateExpression: 'ADD str_set bad_value' }, 'Invalid UpdateExpression: Syntax error; token: "bad_value", near: "str_set bad_value"'],
  ['a doubled comparator', { ConditionExpression: 'a = = :v', values: { ':v': S('x') } }, 'Invalid ConditionExpression: Syntax error; token: "=", near: "= = :v"'],
  ['a character no expression has', { FilterExpression: 'a = :v;', values: { ':v': S('x') } }, 'Invalid FilterExpression: Syntax error; token: ";", near: ":v;"'],
  ['a hyphenated attribute name', { ConditionExpression: 'user-id = :v', values: { ':v': S('x') } }, 'Invalid ConditionExpression: Syntax error; token: "-", near: "user-id"'],
  ['begins_with without parentheses', { KeyConditionExpression: 'pk = :pk AND begins_with sk, :sk', values: { ':pk': S('a'), ':sk': S('b') } }, 'Invalid KeyConditionExpression: Syntax error; token: "sk", near: "begins_with sk,"'],
  ['a missing section keyword', { UpdateExpression: 'a = :v', values: { ':v': S('x') } }, 'Invalid UpdateExpression: Syntax error; token: "a", near: "a ="'],
  ['an unclosed parenthesis', { ConditionExpression: '(a = :v', values: { ':v': S('x') } }, 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: ":v"'],
  ['a value in a projection', { ProjectionExpression: 'a, :v' }, 'Invalid ProjectionExpression: Syntax error; token: ":v", near: ", :v"'],
  ['an empty expression', { FilterExpression: '' }, 'Invalid FilterExpression: The expression can not be empty;'],

  // Meaning.
  ['a reserved word', { ConditionExpression: 'name = :v', values: { ':v': S('x') } }, 'Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name'],
  ['a reserved word in a projection', { ProjectionExpression: 'title, Status' }, 'Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: Status'],
  ['an undefined name', { ConditionExpression: '#a = :v', values: { ':v': S('x') } }, 'Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #a'],
  ['an undefined value', { UpdateExpression: 'SET a = :nope' }, 'Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :nope'],
  ['an unused value', { ConditionExpression: 'a = :v', values: { ':v': S('x'), ':w': S('y') } }, 'Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}'],
  ['unused names', { ProjectionExpression: 'a', ExpressionAttributeNames: { '#x': 'x', '#y': 'y' } }, 'Value provided in ExpressionAttributeNames unused in expressions: keys: {#x, #y}'],
  ['empty values', { ConditionExpression: 'a = b', values: {} }, 'ExpressionAttributeValues must not be empty'],
  ['empty names', { ConditionExpression: 'a = b', ExpressionAttributeNames: {} }, 'ExpressionAttributeNames must not be empty'],
  ['a value key without a colon', { ConditionExpression: 'a = b', values: { v: S('x') } }, 'ExpressionAttributeValues contains invalid key: Syntax error; key: "v"'],
  ['a name key without a hash', { ConditionExpression: 'a = b', ExpressionAttributeNames: { n: 'x' } }, 'ExpressionAttributeNames contains invalid key: Syntax error; key: "n"'],
  ['an invalid value', { ConditionExpression: 'a = :v', values: { ':v': N('ten') } }, 'ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a numeric value: ten for key :v'],
  ['an unknown function', { ConditionExpression: 'starts_with(a, :v)', values: { ':v': S('x') } }, 'Invalid ConditionExpression: Invalid function name; function: starts_with'],
  ['function names are case-sensitive', { ConditionExpression: 'BegIns_WiTh(a, :v)', values: { ':v': S('x') } }, 'Invalid ConditionExpression: Invalid function name; function: BegIns_WiTh'],
  ['an unknown function beats a reserved word', { ConditionExpression: 'name = :v AND foo(a)', values: { ':v': S('x') } }, 'Invalid ConditionExpression: Invalid function name; function: foo'],
  ['size() as a condition', { ConditionExpression: 'size(a)' }, 'Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size'],
  ['a condition function as an operand', { ConditionExpression: 'attribute_exists(a) = :v', values: { ':v': { BOOL: true } } }, 'Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists'],
  ['too few operands', { ConditionExpression: 'begins_with(a)' }, 'Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1'],
  ['begins_with on a number', { ConditionExpression: 'begins_with(a, :n)', values: { ':n': N('1') } }, 'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N'],
  ['attribute_exists on a value', { ConditionExpression: 'attribute_exists(:v)', values: { ':v': S('x') } }, 'Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists'],
  ['an unknown type name', { ConditionExpression: 'attribute_type(a, :t)', values: { ':t': S('STRING') } }, 'Invalid ConditionExpression: Invalid attribute type name found; type: STRING, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}'],
  ['the same path on both sides', { ConditionExpression: 'a.b = a.b' }, 'Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a, b]'],
  ['BETWEEN bounds of two types', { ConditionExpression: 'a BETWEEN :b AND :a', values: { ':b': N('1'), ':a': S('a') } }, 'Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}'],
  ['BETWEEN bounds in the wrong order', { ConditionExpression: 'a BETWEEN :b AND :a', values: { ':b': S('b'), ':a': S('a') } }, 'Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}'],
  ['redundant parentheses', { ConditionExpression: '((a = :v))', values: { ':v': S('x') } }, 'Invalid ConditionExpression: The expression has redundant parentheses;'],
  ['a section used twice', { UpdateExpression: 'SET a = :v SET b = :v', values: { ':v': S('x') } }, 'Invalid UpdateExpression: The "SET" section can only be used once in an update expression;'],
  ['overlapping update paths', { UpdateExpression: 'SET a = :v REMOVE a.b', values: { ':v': S('x') } }, 'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]'],
  ['conflicting update paths', { UpdateExpression: 'SET a.b = :v REMOVE a[0]', values: { ':v': S('x') } }, 'Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]'],
  ['ADD of a string', { UpdateExpression: 'ADD a :s', values: { ':s': S('x') } }, 'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING'],
  ['DELETE of a number', { UpdateExpression: 'DELETE a :n', values: { ':n': N('1') } }, 'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER'],
  ['+ on a string', { UpdateExpression: 'SET a = a + :s', values: { ':s': S('x') } }, 'Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S'],
  ['list_append of a string', { UpdateExpression: 'SET a = list_append(a, :s)', values: { ':s': S('x') } }, 'Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S'],
  ['if_not_exists on a value', { UpdateExpression: 'SET a = if_not_exists(:s, :s)', values: { ':s': S('x') } }, 'Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists'],
  ['size() in an update', { UpdateExpression: 'SET a = size(b)' }, 'Invalid UpdateExpression: Invalid function name; function: size'],
  ['overlapping projection paths', { ProjectionExpression: 'a.b, a' }, 'Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]'],
  ['names without expressions', { ExpressionAttributeNames: { '#a': 'a' } }, 'ExpressionAttributeNames can only be specified when using expressions'],
  ['an expression over 4 KB', { FilterExpression: `a = :v AND ${'b'.repeat(4100)} = :v`, values: { ':v': S('x') } }, 'Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size: 4116'],
  ['more than 300 operators', { FilterExpression: Array.from({ length: 151 }, () => 'a = :v').join(' AND '), values: { ':v': S('x') } }, 'Invalid FilterExpression: The expression contains too many operators; operator count: 301'],
];

describe('Expressions and the messages AWS answers them with', () => {
  it.each(cases)('%s', (_, request, expected) => {
    expect(messageOf(() => compile(request))).toBe(expected);
  });

  it('says which expressions are missing when values come alone', () => {
    expect(messageOf(() => compile({ values: { ':v': S('x') } }, ['UpdateExpression', 'ConditionExpression']))).toBe(
      'ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and ConditionExpression are null',
    );
    expect(messageOf(() => compile({ values: { ':v': S('x') } }, ['ConditionExpression']))).toBe('ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null');
  });
});

const notes = { partitionKey: { name: 'ownerId', type: 'S' as const }, sortKey: { name: 'noteId', type: 'S' as const } };
const catalog = { partitionKey: { name: 'sku', type: 'S' as const } };

function keyMessage(expression: string, values: Record<string, unknown>, schema: typeof notes | typeof catalog = notes): string | null {
  return messageOf(() => {
    const { keyCondition } = compile({ KeyConditionExpression: expression, values });
    keyQuery(keyConditionParts(keyCondition!), schema);
  });
}

describe('Key conditions', () => {
  const v = { ':o': S('u1'), ':n': S('n1'), ':m': S('n9') };
  it.each([
    ['ownerId = :o', { ':n': undefined, ':m': undefined }, null],
    ['ownerId = :o AND noteId BETWEEN :n AND :m', {}, null],
    [':o = ownerId AND begins_with(noteId, :n)', { ':m': undefined }, null],
    ['ownerId = :o OR noteId = :n', { ':m': undefined }, 'Invalid operator used in KeyConditionExpression: OR'],
    ['ownerId = :o AND NOT noteId = :n', { ':m': undefined }, 'Invalid operator used in KeyConditionExpression: NOT'],
    ['ownerId <> :o', { ':n': undefined, ':m': undefined }, 'Invalid operator used in KeyConditionExpression: <>'],
    ['ownerId = :o AND contains(noteId, :n)', { ':m': undefined }, 'Invalid operator used in KeyConditionExpression: contains'],
    ['ownerId = :o AND noteId > size(ownerId)', { ':n': undefined, ':m': undefined }, 'KeyConditionExpressions cannot contain nested operations'],
    ['ownerId = :o AND noteId = ownerId', { ':n': undefined, ':m': undefined }, 'Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition'],
    ['ownerId = :o AND :n < size(noteId)', { ':m': undefined }, 'KeyConditionExpressions cannot contain nested operations'],
    ['ownerId.x = :o', { ':n': undefined, ':m': undefined }, 'KeyConditionExpressions cannot have conditions on nested attributes'],
    ['ownerId = :o AND ownerId = :n', { ':m': undefined }, 'KeyConditionExpressions must only contain one condition per key'],
    ['noteId = :n', { ':o': undefined, ':m': undefined }, 'Query condition missed key schema element: ownerId'],
    ['ownerId = :o AND title = :n', { ':m': undefined }, 'Query condition missed key schema element: noteId'],
    ['ownerId > :o', { ':n': undefined, ':m': undefined }, 'Query key condition not supported'],
    ['ownerId = :o AND noteId = :n AND title = :m', {}, 'Conditions can be of length 1 or 2 only'],
  ] as const)('%s', (expression, overrides, expected) => {
    const values = Object.fromEntries(Object.entries({ ...v, ...overrides }).filter(([, x]) => x !== undefined));
    expect(keyMessage(expression, values)).toBe(expected);
  });

  it('refuses a second condition on a table without a sort key', () => {
    expect(keyMessage('sku = :o AND title = :n', { ':o': S('a'), ':n': S('b') }, catalog)).toBe('Query key condition not supported');
  });

  it('refuses values of the wrong type for the key', () => {
    expect(keyMessage('ownerId = :o', { ':o': N('1') })).toBe('One or more parameter values were invalid: Condition parameter type does not match schema type');
  });
});
