// How fast a Query is on one partition of a big table: 100,000 items across 1,000 partitions (100 each),
// built directly in the simulator's state. Run with `npm run bench` (vitest bench --run).
//   (a) Query through sim.fetch (SigV4 verification, IAM authorisation, parsing, storage, JSON);
//   (b) the same partition read at the storage level alone;
//   (c) a sort-key range with Limit, through sim.fetch.
import { bench, describe } from 'vitest';
import { createSimulator, internalsOf } from '../index';
import { signSigV4 } from '../sigv4/verify';
import { utf8 } from '../../lib/encoding';
import { putItem, queryPartition } from './storage';
import { newTable } from './tables';

const START = Date.UTC(2026, 0, 1, 12);
const PARTITIONS = 1000;
const PER_PARTITION = 100;
const ENDPOINT = 'https://dynamodb.us-east-1.amazonaws.com/';

const sim = await createSimulator({ seed: 5, startTime: START });
const env = internalsOf(sim).dynamodb;
const table = newTable(env, 'Bench', { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'N' } }, { billingMode: 'PAY_PER_REQUEST' });
env.tables.set(table.name, table);
for (let p = 0; p < PARTITIONS; p++) {
  for (let s = 0; s < PER_PARTITION; s++) {
    putItem(table.store, { pk: { S: `user-${p}` }, sk: { N: String(s) }, title: { S: `note ${s} of user ${p}` }, stars: { N: String(s % 5) } });
  }
}
if (table.store.itemCount !== PARTITIONS * PER_PARTITION) throw new Error('the bench table was not built');

/** A request signed once: the virtual clock does not move, so its signature stays valid. */
async function signed(body: unknown): Promise<() => Request> {
  const text = JSON.stringify(body);
  const headers = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.Query' };
  const auth = await signSigV4({ method: 'POST', url: ENDPOINT, headers, body: utf8.encode(text) }, sim.adminCredentials, { service: 'dynamodb', region: 'us-east-1', now: sim.clock.now() });
  return () => new Request(ENDPOINT, { method: 'POST', headers: { ...headers, ...auth }, body: text });
}

const wholePartition = await signed({ TableName: 'Bench', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'user-500' } } });
const rangeWithLimit = await signed({ TableName: 'Bench', KeyConditionExpression: 'pk = :p AND sk BETWEEN :a AND :b', ExpressionAttributeValues: { ':p': { S: 'user-777' }, ':a': { N: '40' }, ':b': { N: '90' } }, Limit: 10 });

async function send(request: () => Request, expected: number): Promise<void> {
  const res = await sim.fetch(request());
  const out = (await res.json()) as { Count?: number };
  if (res.status !== 200 || out.Count !== expected) throw new Error(`Query answered ${res.status}: ${JSON.stringify(out).slice(0, 200)}`);
}

describe(`Query on one partition of ${PARTITIONS * PER_PARTITION} items in ${PARTITIONS} partitions`, () => {
  bench('(a) Query, 100 items, through sim.fetch', () => send(wholePartition, 100), { time: 1500 });
  bench('(b) the same partition, storage only', () => {
    let n = 0;
    for (const entry of queryPartition(table.store, { S: 'user-500' }, undefined, true)) n += entry.size > 0 ? 1 : 0;
    if (n !== PER_PARTITION) throw new Error('wrong count');
  }, { time: 1500 });
  bench('(c) Query, sort-key range with Limit 10, through sim.fetch', () => send(rangeWithLimit, 10), { time: 1500 });
});
