import { describe, expect, it } from 'vitest';
import { createTableStore, deleteItem, getItem, partitionId, putItem, queryPartition, scanTable } from './storage';
import type { Item, KeySchema } from './types';

const schema: KeySchema = { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'N' } };
const item = (pk: string, sk: string, extra: Item = {}): Item => ({ pk: { S: pk }, sk: { N: sk }, ...extra });
const sortKeys = (entries: Iterable<{ item: Item }>) => [...entries].map((e) => (e.item.sk as { N: string }).N);

function table() {
  const t = createTableStore(schema);
  for (const sk of ['10', '-2', '3.5', '100', '0']) putItem(t, item('a', sk));
  putItem(t, item('b', '1'));
  return t;
}

describe('Table storage', () => {
  it('orders a partition by number value, not by text', () => {
    expect(sortKeys(queryPartition(table(), { S: 'a' }, undefined, true))).toEqual(['-2', '0', '3.5', '10', '100']);
    expect(sortKeys(queryPartition(table(), { S: 'a' }, undefined, false))).toEqual(['100', '10', '3.5', '0', '-2']);
  });

  it('answers each sort-key condition from the ordered partition', () => {
    const t = table();
    const q = (condition: Parameters<typeof queryPartition>[2]) => sortKeys(queryPartition(t, { S: 'a' }, condition, true));
    expect(q({ op: 'EQ', value: { N: '3.5' } })).toEqual(['3.5']);
    expect(q({ op: 'LT', value: { N: '3.5' } })).toEqual(['-2', '0']);
    expect(q({ op: 'LE', value: { N: '3.5' } })).toEqual(['-2', '0', '3.5']);
    expect(q({ op: 'GT', value: { N: '3.5' } })).toEqual(['10', '100']);
    expect(q({ op: 'GE', value: { N: '10' } })).toEqual(['10', '100']);
    expect(q({ op: 'BETWEEN', low: { N: '0' }, high: { N: '10' } })).toEqual(['0', '3.5', '10']);
  });

  it('continues after an exclusive start key, in either direction', () => {
    const t = table();
    expect(sortKeys(queryPartition(t, { S: 'a' }, undefined, true, { N: '3.5' }))).toEqual(['10', '100']);
    expect(sortKeys(queryPartition(t, { S: 'a' }, undefined, false, { N: '3.5' }))).toEqual(['0', '-2']);
  });

  it('orders strings by UTF-8 bytes and finds prefixes', () => {
    const t = createTableStore({ partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'S' } });
    for (const sk of ['b', 'ab', '\u{1F600}', '\uFFFD', 'a', 'abc']) putItem(t, { pk: { S: 'p' }, sk: { S: sk } });
    const all = [...queryPartition(t, { S: 'p' }, undefined, true)].map((e) => (e.item.sk as { S: string }).S);
    expect(all).toEqual(['a', 'ab', 'abc', 'b', '\uFFFD', '\u{1F600}']);
    const prefixed = [...queryPartition(t, { S: 'p' }, { op: 'BEGINS_WITH', value: { S: 'ab' } }, true)].map((e) => (e.item.sk as { S: string }).S);
    expect(prefixed).toEqual(['ab', 'abc']);
  });

  it('replaces, deletes and keeps its counts', () => {
    const t = table();
    expect(t.itemCount).toBe(6);
    const old = putItem(t, item('a', '10', { note: { S: 'new' } }));
    expect(old).toEqual(item('a', '10'));
    expect(getItem(t, item('a', '10'))).toEqual(item('a', '10', { note: { S: 'new' } }));
    expect(deleteItem(t, item('b', '1'))).toEqual(item('b', '1'));
    expect(t.partitions.has(partitionId({ S: 'b' }))).toBe(false);
    expect(t.itemCount).toBe(5);
  });

  it('scans partitions in a stable hash order and resumes after a key', () => {
    const t = createTableStore({ partitionKey: { name: 'pk', type: 'S' } });
    for (let i = 0; i < 50; i++) putItem(t, { pk: { S: `k${i}` } });
    const order = [...scanTable(t)].map((e) => (e.item.pk as { S: string }).S);
    expect(new Set(order).size).toBe(50);
    expect(order).not.toEqual([...order].sort());
    const resumed = [...scanTable(t, { pk: { S: order[19]! } })].map((e) => (e.item.pk as { S: string }).S);
    expect(resumed).toEqual(order.slice(20));
    deleteItem(t, { pk: { S: order[19]! } });
    const afterDeleted = [...scanTable(t, { pk: { S: order[19]! } })].map((e) => (e.item.pk as { S: string }).S);
    expect(afterDeleted).toEqual(order.slice(20));
  });

  it('splits a parallel scan into disjoint segments that cover the table', () => {
    const t = createTableStore({ partitionKey: { name: 'pk', type: 'S' } });
    for (let i = 0; i < 40; i++) putItem(t, { pk: { S: `k${i}` } });
    const segments = [0, 1, 2].map((segment) => [...scanTable(t, undefined, { segment, total: 3 })].length);
    expect(segments.reduce((a, b) => a + b, 0)).toBe(40);
  });

  it('treats "constructor" and "__proto__" as ordinary attribute names', () => {
    const t = createTableStore({ partitionKey: { name: 'constructor', type: 'S' } });
    const key = JSON.parse('{"constructor":{"S":"x"}}') as Item;
    putItem(t, key);
    expect(getItem(t, key)).toEqual(key);
  });
});
