// Fuzzing the DynamoDB endpoint with fast-check, signed as the administrator so requests get past SigV4:
// any body to any operation is answered (never a rejection, never a 500) with 200 or a well-formed
// DynamoDB error; and requests that are wrong by construction always get a 4xx and change no table.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { internalsOf, type Simulator } from '../../index';
import { dynamoOperations } from '../operations';
import { rawCall, world } from '../../../testing/dynamodb-harness';

const SEED = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {};
const TIMEOUT = 60_000;
const OPERATIONS = ['PutItem', 'GetItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem', 'CreateTable', 'DescribeTable', 'ListTables'];
const ERROR_TYPE = /^(com\.amazonaws\.dynamodb\.v20120810|com\.amazon\.coral\.validate|com\.amazon\.coral\.service)#[A-Za-z]+$/;

let sim: Simulator;
beforeAll(async () => {
  ({ sim } = await world(99));
});

/** Everything the tables hold, to check that a refused request changed nothing. */
const snapshot = () => JSON.stringify([...internalsOf(sim).dynamodb.tables.values()].map((t) => [t.name, [...t.store.partitions.values()].map((p) => p.entries.map((e) => e.item))]));

function expectWellFormed(out: Awaited<ReturnType<typeof rawCall>>, allowSuccess: boolean): void {
  expect(out.headers.get('content-type')).toBe('application/x-amz-json-1.0');
  if (allowSuccess && out.status === 200) return;
  expect(out.status, JSON.stringify(out.body)).toBeGreaterThanOrEqual(400);
  expect(out.status).toBeLessThan(500);
  const type = out.body.__type;
  expect(typeof type === 'string' && ERROR_TYPE.test(type), JSON.stringify(out.body)).toBe(true);
  expect(out.headers.get('x-amzn-errortype')).toBe(`${String(type).split('#')[1]}:`);
  const message = out.body.message ?? out.body.Message;
  if (!String(type).endsWith('UnknownOperationException')) expect(typeof message).toBe('string');
}

const key = { ownerId: { S: 'u1' }, noteId: { S: 'n1' } };
const base: Record<string, Record<string, unknown>> = {
  PutItem: { TableName: 'Notes', Item: { ...key, v: { N: '1' } }, ConditionExpression: 'attribute_not_exists(v)' },
  GetItem: { TableName: 'Notes', Key: key, ProjectionExpression: 'v' },
  UpdateItem: { TableName: 'Notes', Key: key, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': { N: '2' } } },
  DeleteItem: { TableName: 'Notes', Key: key },
  Query: { TableName: 'Notes', KeyConditionExpression: 'ownerId = :o', ExpressionAttributeValues: { ':o': { S: 'u1' } } },
  Scan: { TableName: 'Catalog', FilterExpression: 'price > :p', ExpressionAttributeValues: { ':p': { N: '1' } } },
  BatchWriteItem: { RequestItems: { Notes: [{ PutRequest: { Item: key } }] } },
};

/** For each member, values that are wrong for it whatever the rest of the request says. */
const WRONG: Record<string, fc.Arbitrary<unknown>> = {
  TableName: fc.constantFrom<unknown>(12, [], 'x', 'NoSuchTable', 'Bad Name!', { S: 'Notes' }),
  Limit: fc.constantFrom<unknown>(0, -1, 'ten', true),
  ReturnValues: fc.constantFrom<unknown>('BOGUS', 7),
  ConsistentRead: fc.constantFrom<unknown>('yes', 1),
  Select: fc.constantFrom<unknown>('EVERYTHING', 3),
  ReturnConsumedCapacity: fc.constantFrom<unknown>('ALL', false),
  Key: fc.constantFrom<unknown>('text', 7, [], {}, { ownerId: 'u1' }, { ownerId: { S: 'u1', N: '1' }, noteId: { S: 'n' } }, { ownerId: {}, noteId: { S: 'n' } }),
  Item: fc.constantFrom<unknown>('text', 7, [], {}, { ownerId: { S: 'u1' } }, { ownerId: { S: '' }, noteId: { S: 'n' } }, { ownerId: { N: 'x' }, noteId: { S: 'n' } }),
  ExpressionAttributeValues: fc.constantFrom<unknown>('text', [], {}, { ':v': { N: 'NaN' } }, { v: { S: 'x' } }, { ':v': { SS: [] } }),
  RequestItems: fc.constantFrom<unknown>('text', {}, { Notes: [] }, { Notes: [{}] }, { Notes: [{ PutRequest: {} }] }),
  ...Object.fromEntries(['ConditionExpression', 'UpdateExpression', 'KeyConditionExpression', 'FilterExpression', 'ProjectionExpression'].map((m) => [m, fc.string({ maxLength: 30 }).map((s) => `${s} ; $`)])),
};
const breakage = fc.constantFrom(...Object.keys(WRONG)).chain((member) => WRONG[member]!.map((value) => ({ member, value })));

describe('Fuzzing the DynamoDB endpoint', () => {
  it('answers any JSON body to any operation with 200 or a well-formed DynamoDB error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...OPERATIONS, 'NoSuchOperation'), fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(fc.constantFrom('TableName', 'Key', 'Item', 'KeyConditionExpression', 'Limit', 'RequestItems', 'ExpressionAttributeValues'), fc.jsonValue({ maxDepth: 3 }))), async (operation, body) => {
        expectWellFormed(await rawCall(sim, operation, body), true);
      }),
      { numRuns: 800, ...SEED },
    );
  }, TIMEOUT);

  it('answers a request broken by construction with a 4xx, and changes no table', async () => {
    const operations = Object.keys(base);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operations), breakage, async (operation, { member, value }) => {
        fc.pre(member in dynamoOperations.get(operation)!.shape);
        const body = { ...base[operation], [member]: value };
        const before = snapshot();
        const out = await rawCall(sim, operation, body);
        expectWellFormed(out, false);
        expect(snapshot()).toBe(before);
      }),
      { numRuns: 600, ...SEED },
    );
  }, TIMEOUT);

  it('answers broken bytes and unsupported protocols with well-formed errors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }).filter((s) => { try { JSON.parse(s); return false; } catch { return s.trim() !== ''; } }), async (text) => {
        expectWellFormed(await rawCall(sim, 'GetItem', text), false);
      }),
      { numRuns: 200, ...SEED },
    );
  }, TIMEOUT);
});
