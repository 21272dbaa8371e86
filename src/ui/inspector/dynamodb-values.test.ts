import { describe, expect, it } from 'vitest';
import { formatAttribute, itemColumns } from './dynamodb-values';

describe('formatAttribute', () => {
  it.each([
    [{ S: 'alice' }, 'alice (S)'],
    [{ S: '' }, '"" (S)'],
    [{ N: '42' }, '42 (N)'],
    [{ B: 'aGk=' }, 'aGk= (B)'],
    [{ BOOL: false }, 'false (BOOL)'],
    [{ NULL: true }, 'null (NULL)'],
    [{ SS: ['a', 'b'] }, '["a","b"] (SS)'],
    [{ NS: ['1', '2.5'] }, '["1","2.5"] (NS)'],
    [{ M: { n: { N: '1' } } }, '{"n":{"N":"1"}} (M)'],
    [{ L: [{ S: 'x' }, { BOOL: true }] }, '[{"S":"x"},{"BOOL":true}] (L)'],
    [{ S: 'a', N: '1' }, '{"S":"a","N":"1"}'],
    [{ N: 42 }, '{"N":42}'],
    ['plain', '"plain"'],
  ])('%j reads "%s"', (value, text) => {
    expect(formatAttribute(value)).toBe(text);
  });
});

describe('itemColumns', () => {
  it('puts the key attributes first, then the others in the order they first appear', () => {
    const items = [
      { title: { S: 't' }, noteId: { S: 'n' }, ownerId: { S: 'o' } },
      { ownerId: { S: 'o' }, body: { S: 'b' }, noteId: { S: 'm' } },
    ];
    expect(itemColumns(items, ['ownerId', 'noteId'])).toEqual(['ownerId', 'noteId', 'title', 'body']);
    expect(itemColumns(items, [])).toEqual(['title', 'noteId', 'ownerId', 'body']);
  });

  it('leaves out key names no item has', () => {
    expect(itemColumns([{ sku: { S: 'a' } }], ['ownerId', 'sku'])).toEqual(['sku']);
  });
});
