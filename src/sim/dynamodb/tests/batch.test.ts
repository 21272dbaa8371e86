// BatchGetItem and BatchWriteItem through the real AWS SDK.
import { describe, expect, it } from 'vitest';
import { BatchGetItemCommand, BatchWriteItemCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { expectAwsError, lastExchange, world } from '../../../testing/dynamodb-harness';

const note = (ownerId: string, noteId: string) => ({ ownerId: { S: ownerId }, noteId: { S: noteId } });

describe('When items are written and read in batches', () => {
  it('puts and deletes across tables, then reads them back from both', async () => {
    const { sim, admin } = await world();
    const write = await admin.send(new BatchWriteItemCommand({
      RequestItems: {
        Notes: [{ PutRequest: { Item: { ...note('u1', 'a'), body: { S: 'A' } } } }, { PutRequest: { Item: note('u2', 'b') } }],
        Catalog: [{ DeleteRequest: { Key: { sku: { S: 'MUG-042' } } } }],
      },
      ReturnConsumedCapacity: 'TOTAL',
    }));
    expect(write.UnprocessedItems).toEqual({});
    expect(write.ConsumedCapacity).toEqual([{ TableName: 'Notes', CapacityUnits: 2 }, { TableName: 'Catalog', CapacityUnits: 1 }]);
    expect(lastExchange(sim).notes.filter((n) => n.kind === 'policy')).toHaveLength(2);

    const read = await admin.send(new BatchGetItemCommand({
      RequestItems: {
        Notes: { Keys: [note('u1', 'a'), note('u2', 'b'), note('u3', 'missing')], ProjectionExpression: 'noteId, body' },
        Catalog: { Keys: [{ sku: { S: 'MUG-042' } }, { sku: { S: 'BOOK-001' } }] },
      },
    }));
    expect(read.Responses?.Notes).toEqual([{ noteId: { S: 'a' }, body: { S: 'A' } }, { noteId: { S: 'b' } }]);
    expect(read.Responses?.Catalog?.map((i) => i.sku?.S)).toEqual(['BOOK-001']);
    expect(read.UnprocessedKeys).toEqual({});
  });

  it('authorises each table with the leading keys of all its keys', async () => {
    const { sim, admin } = await world();
    await admin.send(new BatchGetItemCommand({ RequestItems: { Notes: { Keys: [note('u1', 'a'), note('u1', 'b'), note('u2', 'c')] } } }));
    const policy = lastExchange(sim).notes.find((n) => n.kind === 'policy');
    expect(policy).toMatchObject({ evaluation: { request: { action: 'dynamodb:BatchGetItem', context: { 'dynamodb:LeadingKeys': ['u1', 'u2'] } } } });
  });

  it('refuses duplicate keys, and writes nothing', async () => {
    const { admin } = await world();
    await expectAwsError(
      admin.send(new BatchWriteItemCommand({ RequestItems: { Notes: [{ PutRequest: { Item: note('u1', 'a') } }, { DeleteRequest: { Key: note('u1', 'a') } }] } })),
      'ValidationException',
      'Provided list of item keys contains duplicates',
    );
    await expectAwsError(admin.send(new BatchGetItemCommand({ RequestItems: { Notes: { Keys: [note('u1', 'a'), note('u1', 'a')] } } })), 'ValidationException', 'Provided list of item keys contains duplicates');
    expect((await admin.send(new GetItemCommand({ TableName: 'Notes', Key: note('u1', 'a') }))).Item).toBeUndefined();
  });

  it('refuses more than 100 keys to read', async () => {
    const { admin } = await world();
    const keys = Array.from({ length: 101 }, (_, i) => note('u', `n${i}`));
    await expectAwsError(admin.send(new BatchGetItemCommand({ RequestItems: { Notes: { Keys: keys.slice(0, 60) }, Catalog: { Keys: keys.slice(60).map((_, i) => ({ sku: { S: `s${i}` } })) } } })), 'ValidationException', 'Too many items requested for the BatchGetItem call');
  });

  it('refuses more than 25 writes to one table', async () => {
    const { admin } = await world();
    const puts = Array.from({ length: 26 }, (_, i) => ({ PutRequest: { Item: note('u', `n${i}`) } }));
    await expectAwsError(
      admin.send(new BatchWriteItemCommand({ RequestItems: { Notes: puts } })),
      'ValidationException',
      "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]",
    );
  });

  it('refuses a request to a table that does not exist', async () => {
    const { admin } = await world();
    await expectAwsError(admin.send(new BatchGetItemCommand({ RequestItems: { Nope: { Keys: [{ id: { S: 'x' } }] } } })), 'ResourceNotFoundException', 'Requested resource not found');
  });

  it('refuses an item that does not fit the schema', async () => {
    const { admin } = await world();
    await expectAwsError(
      admin.send(new BatchWriteItemCommand({ RequestItems: { Notes: [{ PutRequest: { Item: { ownerId: { S: 'u' } } } }] } })),
      'ValidationException',
      'One or more parameter values were invalid: Missing the key noteId in the item',
    );
  });
});
