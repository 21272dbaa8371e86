// Fuzzing the expression layer with fast-check: any text as any expression, with any placeholders,
// either compiles or fails with an AwsError (ValidationException); a compiled condition evaluates and a
// compiled update applies to any item without throwing anything but AwsError.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AwsError } from '../../core/errors';
import { readMap } from '../attribute-json';
import type { AttributeValue, Item } from '../types';
import { compileExpressions, type ExpressionName } from './compile';
import { evaluateCondition } from './evaluate';
import { project } from './projection';
import { applyUpdate } from './update-apply';
import { keyConditionParts, keyQuery } from './key-condition';

const SEED = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {};
const NAMES: ExpressionName[] = ['UpdateExpression', 'ConditionExpression', 'KeyConditionExpression', 'FilterExpression', 'ProjectionExpression'];

const VOCABULARY = [
  'a', 'b', 'pk', 'sk', 'name', 'a.b', 'l[0]', 'l[1].m', '#n', '#m', ':v', ':w', ':l', ':s', '=', '<>', '<', '<=', '>', '>=',
  'AND', 'OR', 'NOT', 'and', '(', ')', '((', '))', 'BETWEEN', 'IN', ',', 'size', 'attribute_exists', 'attribute_not_exists',
  'attribute_type', 'begins_with', 'contains', 'SET', 'REMOVE', 'ADD', 'DELETE', '+', '-', 'if_not_exists', 'list_append',
  '[', ']', '.', '"', ';', 'é', '\u{1F600}', '#', ':', '0', '12', '', ' ', '\n',
];
const tokenSoup = fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 24 }).chain((tokens) => fc.constantFrom(tokens.join(' '), tokens.join('')));
const anyText = fc.oneof(tokenSoup, fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 20 }));

const scalar: fc.Arbitrary<AttributeValue> = fc.oneof(
  fc.string({ maxLength: 6 }).map((S) => ({ S })),
  fc.integer({ min: -50, max: 50 }).map((n) => ({ N: String(n) })),
  fc.constantFrom<AttributeValue>({ B: 'AAE=' }, { NULL: true }, { BOOL: true }, { SS: ['x', 'y'] }, { NS: ['1', '2'] }, { BS: ['AQ=='] }),
);
const value: fc.Arbitrary<AttributeValue> = fc.letrec<{ v: AttributeValue }>((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('v'), { maxLength: 3 }).map((L) => ({ L })), fc.dictionary(fc.constantFrom('a', 'b', 'm'), tie('v'), { maxKeys: 3 }).map((M) => ({ M }))),
})).v;
const item: fc.Arbitrary<Item> = fc.dictionary(fc.constantFrom('a', 'b', 'l', 'pk', 'sk', 'name', 'x y'), value, { maxKeys: 5 });

const request = fc.record({
  name: fc.constantFrom(...NAMES),
  text: anyText,
  names: fc.option(fc.dictionary(fc.constantFrom('#n', '#m', 'n', '#'), fc.constantFrom('a', 'l', 'name', 'x y', ''), { maxKeys: 3 }), { nil: undefined }),
  values: fc.option(fc.dictionary(fc.constantFrom(':v', ':w', ':l', ':s', 'v'), value, { maxKeys: 3 }), { nil: undefined }),
});

function onlyAwsErrors(run: () => void): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    expect(error.code).toBe('ValidationException');
    expect(error.status).toBe(400);
    expect(error.message.length).toBeGreaterThan(0);
  }
}

describe('Fuzzed expressions', () => {
  it('compile or fail with ValidationException, and compiled ones run on any item', () => {
    fc.assert(
      fc.property(request, item, ({ name, text, names, values }, target) => {
        onlyAwsErrors(() => {
          const compiled = compileExpressions({ [name]: text, ExpressionAttributeNames: names, ExpressionAttributeValues: values && readMap(values) }, NAMES);
          for (const condition of [compiled.condition, compiled.filter, compiled.keyCondition]) if (condition) evaluateCondition(condition, target);
          if (compiled.projection) project(target, compiled.projection);
          if (compiled.keyCondition) keyQuery(keyConditionParts(compiled.keyCondition), { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'N' } });
          if (compiled.update) applyUpdate(target, compiled.update);
        });
      }),
      { numRuns: 3000, ...SEED },
    );
  });

  it('never change the item they are applied to', () => {
    fc.assert(
      fc.property(fc.constantFrom('SET a = :v', 'REMOVE l[0], b', 'ADD a :v', 'DELETE a :v', 'SET l[5] = :v, b = list_append(l, :v)', 'SET a.b = if_not_exists(a.c, :v)'), value, item, (text, v, target) => {
        const before = structuredClone(target);
        onlyAwsErrors(() => {
          const { update } = compileExpressions({ UpdateExpression: text, ExpressionAttributeValues: readMap({ ':v': v }) }, ['UpdateExpression']);
          applyUpdate(target, update!);
        });
        expect(target).toEqual(before);
      }),
      { numRuns: 1000, ...SEED },
    );
  });

  it('compile when generated from the grammar, and NOT inverts them on any item', () => {
    const path = fc.constantFrom('a', 'b', 'l[0]', 'a.b', '#n', 'l[1].m');
    const leaf = fc.oneof(
      fc.tuple(path, fc.constantFrom('=', '<>', '<', '<=', '>', '>='), fc.constantFrom(':v', ':s')).map(([p, op, v]) => `${p} ${op} ${v}`),
      path.map((p) => `${p} BETWEEN :lo AND :hi`),
      path.map((p) => `${p} IN (:v, :s, :lo)`),
      path.map((p) => `attribute_exists(${p})`),
      path.map((p) => `attribute_not_exists(${p})`),
      path.map((p) => `begins_with(${p}, :s)`),
      path.map((p) => `contains(${p}, :v)`),
      path.map((p) => `attribute_type(${p}, :t)`),
      path.map((p) => `size(${p}) > :lo`),
    );
    const condition = fc.letrec<{ c: string }>((tie) => ({
      c: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.tuple(tie('c'), fc.constantFrom('AND', 'OR'), tie('c')).map(([x, op, y]) => `(${x}) ${op} (${y})`), tie('c').map((x) => `NOT (${x})`)),
    })).c;
    const all: Record<string, unknown> = { ':v': { N: '3' }, ':s': { S: 'x' }, ':lo': { N: '1' }, ':hi': { N: '5' }, ':t': { S: 'N' } };
    fc.assert(
      fc.property(condition, item, (text, target) => {
        const values = Object.fromEntries(Object.entries(all).filter(([k]) => new RegExp(`${k}\\b`).test(text)));
        const names = text.includes('#n') ? { '#n': 'name' } : undefined;
        const { condition: c } = compileExpressions({ ConditionExpression: text, ExpressionAttributeNames: names, ExpressionAttributeValues: Object.keys(values).length > 0 ? readMap(values) : undefined }, ['ConditionExpression']);
        const { condition: negated } = compileExpressions({ ConditionExpression: `NOT (${text})`, ExpressionAttributeNames: names, ExpressionAttributeValues: Object.keys(values).length > 0 ? readMap(values) : undefined }, ['ConditionExpression']);
        expect(evaluateCondition(negated!, target)).toBe(!evaluateCondition(c!, target));
      }),
      { numRuns: 1500, ...SEED },
    );
  });

  it('refuse deep nesting with a ValidationException rather than exhausting the stack', () => {
    const deep = [
      `${'('.repeat(2000)}a = :v${')'.repeat(2000)}`,
      `${'size('.repeat(700)}a${')'.repeat(700)} = :v`,
      `${'NOT ('.repeat(600)}a = :v${')'.repeat(600)}`,
    ];
    for (const text of deep) {
      expect(() => compileExpressions({ ConditionExpression: text, ExpressionAttributeValues: readMap({ ':v': { S: 'x' } }) }, ['ConditionExpression'])).toThrow(AwsError);
    }
    const update = `SET a = ${'if_not_exists(b, '.repeat(250)}:v${')'.repeat(250)}`;
    expect(() => compileExpressions({ UpdateExpression: update, ExpressionAttributeValues: readMap({ ':v': { S: 'x' } }) }, ['UpdateExpression'])).toThrow(AwsError);
  });
});
