// Query and Scan through the real AWS SDK: key conditions, order, filters, projection, Select, and
// pages with Limit and ExclusiveStartKey.
import { describe, expect, it } from 'vitest';
import { BatchWriteItemCommand, QueryCommand, ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { expectAwsError, lastExchange, world } from '../../../testing/dynamodb-harness';

async function seedNotes(admin: DynamoDBClient) {
  const puts = [];
  for (const owner of ['alice', 'bob']) {
    for (let i = 1; i <= 5; i++) puts.push({ PutRequest: { Item: { ownerId: { S: owner }, noteId: { S: `n${i}` }, stars: { N: String(i) }, title: { S: `${owner} ${i}` } } } });
  }
  await admin.send(new BatchWriteItemCommand({ RequestItems: { Notes: puts } }));
}

const ids = (items: Record<string, AttributeValue>[] | undefined) => (items ?? []).map((i) => i.noteId?.S ?? i.sku?.S);
const aliceIs = { ':o': { S: 'alice' } };

describe('When a partition is queried', () => {
  it('returns its items in sort-key order, or reversed', async () => {
    const { admin } = await world();
    await seedNotes(admin);
    const forward = await admin.send(new QueryCommand({ TableName: 'Notes', KeyConditionExpression: 'ownerId = :o', ExpressionAttributeValues: aliceIs }));
    expect(ids(forward.Items)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(forward).toMatchObject({ Count: 5, ScannedCount: 5 });
    expect(forward.LastEvaluatedKey).toBeUndefined();
    const backward = await admin.send(new QueryCommand({ TableName: 'Notes', KeyConditionExpression: 'ownerId = :o', ExpressionAttributeValues: aliceIs, ScanIndexForward: false }));
    expect(ids(backward.Items)).toEqual(['n5', 'n4', 'n3', 'n2', 'n1']);
  });

  it('narrows by sort key, then filters what it read', async () => {
    const { admin } = await world();
    await seedNotes(admin);
    const out = await admin.send(new QueryCommand({
      TableName: 'Notes',
      KeyConditionExpression: 'ownerId = :o AND noteId BETWEEN :a AND :b',
      FilterExpression: 'stars >= :min',
      ProjectionExpression: 'noteId, stars',
      ExpressionAttributeValues: { ...aliceIs, ':a': { S: 'n2' }, ':b': { S: 'n4' }, ':min': { N: '3' } },
      ReturnConsumedCapacity: 'TOTAL',
    }));
    expect(out.Items).toEqual([{ noteId: { S: 'n3' }, stars: { N: '3' } }, { noteId: { S: 'n4' }, stars: { N: '4' } }]);
    expect(out).toMatchObject({ Count: 2, ScannedCount: 3, ConsumedCapacity: { TableName: 'Notes', CapacityUnits: 0.5 } });
  });

  it('pages with Limit and ExclusiveStartKey, counting items read, not returned', async () => {
    const { admin } = await world();
    await seedNotes(admin);
    const seen: (string | undefined)[] = [];
    let start: Record<string, AttributeValue> | undefined;
    const pages: number[] = [];
    do {
      const page = await admin.send(new QueryCommand({
        TableName: 'Notes', KeyConditionExpression: 'ownerId = :o', FilterExpression: 'stars <> :two', ExpressionAttributeValues: { ...aliceIs, ':two': { N: '2' } }, Limit: 2, ExclusiveStartKey: start,
      }));
      seen.push(...ids(page.Items));
      pages.push(page.ScannedCount!);
      start = page.LastEvaluatedKey;
    } while (start);
    expect(seen).toEqual(['n1', 'n3', 'n4', 'n5']);
    expect(pages).toEqual([2, 2, 1]);
  });

  it('counts without items when Select is COUNT', async () => {
    const { admin } = await world();
    await seedNotes(admin);
    const out = await admin.send(new QueryCommand({ TableName: 'Notes', KeyConditionExpression: 'ownerId = :o AND begins_with(noteId, :p)', ExpressionAttributeValues: { ...aliceIs, ':p': { S: 'n' } }, Select: 'COUNT' }));
    expect(out.Items).toBeUndefined();
    expect(out.Count).toBe(5);
  });

  it.each([
    ['no key condition', {}, 'Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.'],
    ['a sort key alone', { KeyConditionExpression: 'noteId = :n', ExpressionAttributeValues: { ':n': { S: 'n1' } } }, 'Query condition missed key schema element: ownerId'],
    ['a range on the partition key', { KeyConditionExpression: 'ownerId > :o', ExpressionAttributeValues: aliceIs }, 'Query key condition not supported'],
    ['OR in a key condition', { KeyConditionExpression: 'ownerId = :o OR ownerId = :p', ExpressionAttributeValues: { ...aliceIs, ':p': { S: 'bob' } } }, 'Invalid operator used in KeyConditionExpression: OR'],
    ['a filter on a key', { KeyConditionExpression: 'ownerId = :o', FilterExpression: 'noteId = :n', ExpressionAttributeValues: { ...aliceIs, ':n': { S: 'n1' } } }, 'Filter Expression can only contain non-primary key attributes: Primary key attribute: noteId'],
    ['a syntax error', { KeyConditionExpression: 'ownerId = :o AND begins_with noteId, :p', ExpressionAttributeValues: { ...aliceIs, ':p': { S: 'n' } } }, 'Invalid KeyConditionExpression: Syntax error; token: "noteId", near: "begins_with noteId,"'],
    ['an unused value', { KeyConditionExpression: 'ownerId = :o', ExpressionAttributeValues: { ...aliceIs, ':x': { S: 'x' } } }, 'Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}'],
    ['an undefined value', { KeyConditionExpression: 'ownerId = :who' }, 'Invalid KeyConditionExpression: An expression attribute value used in expression is not defined; attribute value: :who'],
    ['a projection with Select ALL_ATTRIBUTES', { KeyConditionExpression: 'ownerId = :o', ExpressionAttributeValues: aliceIs, ProjectionExpression: 'title', Select: 'ALL_ATTRIBUTES' as const }, '1 validation error detected: Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES'],
    ['an index the table lacks', { KeyConditionExpression: 'ownerId = :o', ExpressionAttributeValues: aliceIs, IndexName: 'ByTitle' }, 'The table does not have the specified index: ByTitle'],
    ['a start key of another partition', { KeyConditionExpression: 'ownerId = :o', ExpressionAttributeValues: aliceIs, ExclusiveStartKey: { ownerId: { S: 'bob' }, noteId: { S: 'n1' } } }, 'The provided starting key is outside query boundaries based on provided conditions'],
    ['a start key without its sort key', { KeyConditionExpression: 'ownerId = :o', ExpressionAttributeValues: aliceIs, ExclusiveStartKey: { ownerId: { S: 'alice' } } }, 'The provided starting key is invalid: The provided key element does not match the schema'],
    ['a Limit of zero', { KeyConditionExpression: 'ownerId = :o', ExpressionAttributeValues: aliceIs, Limit: 0 }, "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"],
  ])('refuses %s', async (_, input, message) => {
    const { admin } = await world();
    await expectAwsError(admin.send(new QueryCommand({ TableName: 'Notes', ...input })), 'ValidationException', message);
  });
});

describe('When a table is scanned', () => {
  it('reads the seeded Catalog, across partitions in a stable order', async () => {
    const { sim, admin } = await world();
    const first = await admin.send(new ScanCommand({ TableName: 'Catalog' }));
    expect(first.Count).toBe(3);
    expect(new Set(ids(first.Items))).toEqual(new Set(['BOOK-001', 'MUG-042', 'STICKER-7']));
    const again = await admin.send(new ScanCommand({ TableName: 'Catalog' }));
    expect(ids(again.Items)).toEqual(ids(first.Items));
    expect(lastExchange(sim).notes.find((n) => n.kind === 'policy')).toMatchObject({ evaluation: { request: { action: 'dynamodb:Scan', context: { 'dynamodb:Select': 'ALL_ATTRIBUTES' } } } });
  });

  it('pages through the table and filters with functions', async () => {
    const { admin } = await world();
    await seedNotes(admin);
    const all: (string | undefined)[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await admin.send(new ScanCommand({ TableName: 'Notes', Limit: 3, ExclusiveStartKey: start, FilterExpression: 'contains(title, :b) AND size(title) > :n', ExpressionAttributeValues: { ':b': { S: 'bob' }, ':n': { N: '3' } } }));
      all.push(...(page.Items ?? []).map((i) => i.title?.S));
      start = page.LastEvaluatedKey;
    } while (start);
    expect(all.sort()).toEqual(['bob 1', 'bob 2', 'bob 3', 'bob 4', 'bob 5']);
  });

  it('splits into segments that together cover the table', async () => {
    const { admin } = await world();
    await seedNotes(admin);
    const counts = await Promise.all([0, 1].map(async (Segment) => (await admin.send(new ScanCommand({ TableName: 'Notes', Segment, TotalSegments: 2 }))).Count!));
    expect(counts[0]! + counts[1]!).toBe(10);
  });

  it('refuses a segment beyond the total', async () => {
    const { admin } = await world();
    await expectAwsError(admin.send(new ScanCommand({ TableName: 'Notes', Segment: 2, TotalSegments: 2 })), 'ValidationException', 'The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 2 is not less than TotalSegments: 2');
  });
});
