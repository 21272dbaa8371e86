// What compiled expressions mean on items: comparisons with absent attributes and mixed types,
// functions, document paths, and every update action.
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../core/errors';
import { readMap } from '../attribute-json';
import type { Item } from '../types';
import { compileExpressions } from './compile';
import { evaluateCondition } from './evaluate';
import { project } from './projection';
import { applyUpdate, UPDATE_ERRORS } from './update-apply';

const item: Item = {
  label: { S: 'Widget' },
  price: { N: '10' },
  tags: { SS: ['red', 'blue'] },
  parts: { L: [{ S: 'a' }, { N: '2' }, { M: { deep: { S: 'x' } } }] },
  info: { M: { core: { M: { n: { N: '1' } } }, flag: { BOOL: true } } },
  bin: { B: 'AQID' },
  nada: { NULL: true },
};

const values = (v: Record<string, unknown>) => (Object.keys(v).length ? readMap(v) : undefined);
const holds = (text: string, v: Record<string, unknown> = {}) =>
  evaluateCondition(compileExpressions({ ConditionExpression: text, ExpressionAttributeNames: text.includes('#n') ? { '#n': 'label' } : undefined, ExpressionAttributeValues: values(v) }, ['ConditionExpression']).condition!, item);
const update = (text: string, v: Record<string, unknown> = {}, target: Item = item) =>
  applyUpdate(target, compileExpressions({ UpdateExpression: text, ExpressionAttributeValues: values(v) }, ['UpdateExpression']).update!);

describe('Conditions on an item', () => {
  it.each([
    ['#n = :s', { ':s': { S: 'Widget' } }, true],
    ['price = :s', { ':s': { S: '10' } }, false],
    ['price <> :s', { ':s': { S: '10' } }, true],
    ['absent <> :s', { ':s': { S: 'x' } }, true],
    ['absent = :s', { ':s': { S: 'x' } }, false],
    ['price < :big', { ':big': { N: '9.5e1' } }, true],
    ['price > :s', { ':s': { S: 'a' } }, false],
    ['price BETWEEN :lo AND :hi', { ':lo': { N: '10' }, ':hi': { N: '10' } }, true],
    ['price IN (:a, :b)', { ':a': { N: '1' }, ':b': { N: '10.0' } }, true],
    ['tags = :same', { ':same': { SS: ['blue', 'red'] } }, true],
    ['attribute_exists(info.core.n) AND attribute_not_exists(info.core.m)', {}, true],
    ['attribute_exists(parts[2].deep) AND attribute_not_exists(parts[3])', {}, true],
    ['attribute_type(nada, :t) AND attribute_type(info.flag, :b)', { ':t': { S: 'NULL' }, ':b': { S: 'BOOL' } }, true],
    ['begins_with(#n, :p) AND begins_with(bin, :bp)', { ':p': { S: 'Wid' }, ':bp': { B: 'AQ==' } }, true],
    ['contains(#n, :s) AND contains(tags, :r) AND contains(parts, :two)', { ':s': { S: 'dge' }, ':r': { S: 'red' }, ':two': { N: '2' } }, true],
    ['contains(price, :s)', { ':s': { S: '1' } }, false],
    ['size(#n) = :six AND size(tags) = :two AND size(parts) = :three AND size(bin) = :three AND size(info) = :two', { ':six': { N: '6' }, ':two': { N: '2' }, ':three': { N: '3' } }, true],
    ['size(price) > :z', { ':z': { N: '0' } }, false],
    ['NOT price = :p OR #n = :s', { ':p': { N: '10' }, ':s': { S: 'Widget' } }, true],
    ['(price = :p OR #n = :x) AND NOT (tags = :e)', { ':p': { N: '1' }, ':x': { S: 'x' }, ':e': { SS: ['q'] } }, false],
  ])('%s is %s', (text, v, expected) => {
    expect(holds(text, v)).toBe(expected);
  });
});

describe('Updates of an item', () => {
  it('computes every SET from the item as it was', () => {
    const out = update('SET price = price + :one, was = price', { ':one': { N: '1' } });
    expect(out.price).toEqual({ N: '11' });
    expect(out.was).toEqual({ N: '10' });
    expect(item.price).toEqual({ N: '10' });
  });

  it('sets inside maps and lists, appending past the end of a parts', () => {
    const out = update('SET info.core.m = :v, parts[1] = :v, parts[9] = :w', { ':v': { S: 'v' }, ':w': { S: 'w' } });
    expect((out.info as { M: Item }).M.core).toEqual({ M: { n: { N: '1' }, m: { S: 'v' } } });
    expect(out.parts).toEqual({ L: [{ S: 'a' }, { S: 'v' }, { M: { deep: { S: 'x' } } }, { S: 'w' }] });
  });

  it('removes parts elements by their original indexes', () => {
    expect(update('REMOVE parts[0], parts[2], label').parts).toEqual({ L: [{ N: '2' }] });
    expect(update('REMOVE label').label).toBeUndefined();
  });

  it('adds to numbers and sets, and deletes from sets, removing an emptied set', () => {
    const out = update('ADD price :n, tags :more, fresh :one DELETE blobs :none', { ':n': { N: '-0.5' }, ':more': { SS: ['red', 'green'] }, ':one': { N: '1' }, ':none': { BS: ['AQ=='] } });
    expect(out).toMatchObject({ price: { N: '9.5' }, tags: { SS: ['red', 'blue', 'green'] }, fresh: { N: '1' } });
    expect(update('DELETE tags :all', { ':all': { SS: ['red', 'blue'] } }).tags).toBeUndefined();
  });

  it('appends lists and fills absent attributes with if_not_exists', () => {
    const out = update('SET parts = list_append(:first, parts), count2 = if_not_exists(count2, :zero), price = if_not_exists(price, :zero)', { ':first': { L: [{ S: 'z' }] }, ':zero': { N: '0' } });
    expect((out.parts as { L: unknown[] }).L[0]).toEqual({ S: 'z' });
    expect(out.count2).toEqual({ N: '0' });
    expect(out.price).toEqual({ N: '10' });
  });

  it.each([
    ['SET x = absent', {}, UPDATE_ERRORS.missing],
    ['SET x = label + :one', { ':one': { N: '1' } }, UPDATE_ERRORS.dataType],
    ['SET x = list_append(price, :l)', { ':l': { L: [] } }, UPDATE_ERRORS.dataType],
    ['ADD tags :n', { ':n': { N: '1' } }, UPDATE_ERRORS.dataType],
    ['DELETE label :s', { ':s': { SS: ['W'] } }, UPDATE_ERRORS.dataType],
    ['SET nope.deeper = :one', { ':one': { N: '1' } }, UPDATE_ERRORS.documentPath],
    ['SET price[0] = :one', { ':one': { N: '1' } }, UPDATE_ERRORS.documentPath],
    ['SET price = :huge + :huge', { ':huge': { N: '9e125' } }, 'Number overflow. Attempting to store a number with magnitude larger than supported range'],
  ])('refuses %s', (text, v, message) => {
    expect(() => update(text, v)).toThrow(new AwsError('ValidationException', message));
  });
});

describe('Projections', () => {
  it('keep the paths asked for, rebuilding maps and lists around them', () => {
    expect(project(item, [['label'], ['info', 'core', 'n'], ['parts', 2, 'deep'], ['parts', 0], ['absent']])).toEqual({
      label: { S: 'Widget' },
      info: { M: { core: { M: { n: { N: '1' } } } } },
      parts: { L: [{ S: 'a' }, { M: { deep: { S: 'x' } } }] },
    });
  });
});
