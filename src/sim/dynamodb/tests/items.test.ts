// PutItem, GetItem, UpdateItem and DeleteItem through the real AWS SDK, as the administrator.
import { describe, expect, it } from 'vitest';
import { DeleteItemCommand, GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { expectAwsError, lastExchange, world } from '../../../testing/dynamodb-harness';

const Notes = 'Notes';
const key = (ownerId = 'u1', noteId = 'n1') => ({ ownerId: { S: ownerId }, noteId: { S: noteId } });

describe('When an item is put and read back', () => {
  it('stores it whole and returns it by key, with numbers normalised', async () => {
    const { sim, admin } = await world();
    await admin.send(new PutItemCommand({ TableName: Notes, Item: { ...key(), title: { S: 'First' }, stars: { N: '1.50' }, tags: { SS: ['a', 'b'] } } }));
    const out = await admin.send(new GetItemCommand({ TableName: Notes, Key: key() }));
    expect(out.Item).toEqual({ ...key(), title: { S: 'First' }, stars: { N: '1.5' }, tags: { SS: ['a', 'b'] } });
    expect(lastExchange(sim).operation).toBe('GetItem');
    expect(lastExchange(sim).notes.map((n) => n.kind)).toEqual(['sigv4', 'policy', 'info']);
  });

  it('answers a missing item with no Item, not an error', async () => {
    const { admin } = await world();
    const out = await admin.send(new GetItemCommand({ TableName: Notes, Key: key('nobody') }));
    expect(out.Item).toBeUndefined();
  });

  it('projects the attributes asked for, through names placeholders', async () => {
    const { admin } = await world();
    await admin.send(new PutItemCommand({ TableName: Notes, Item: { ...key(), title: { S: 'T' }, status: { S: 'draft' }, meta: { M: { a: { N: '1' }, b: { L: [{ S: 'x' }, { S: 'y' }] } } } } }));
    const out = await admin.send(new GetItemCommand({ TableName: Notes, Key: key(), ProjectionExpression: '#s, meta.b[1]', ExpressionAttributeNames: { '#s': 'status' } }));
    expect(out.Item).toEqual({ status: { S: 'draft' }, meta: { M: { b: { L: [{ S: 'y' }] } } } });
  });

  it('returns the replaced item with ReturnValues ALL_OLD, and capacity when asked', async () => {
    const { admin } = await world();
    await admin.send(new PutItemCommand({ TableName: Notes, Item: { ...key(), v: { N: '1' } } }));
    const out = await admin.send(new PutItemCommand({ TableName: Notes, Item: { ...key(), v: { N: '2' } }, ReturnValues: 'ALL_OLD', ReturnConsumedCapacity: 'TOTAL' }));
    expect(out.Attributes).toEqual({ ...key(), v: { N: '1' } });
    expect(out.ConsumedCapacity).toEqual({ TableName: Notes, CapacityUnits: 1 });
  });
});

describe('When a write carries a condition', () => {
  it('refuses a put whose condition fails, and can return the item it protected', async () => {
    const { admin } = await world();
    await admin.send(new PutItemCommand({ TableName: Notes, Item: { ...key(), v: { N: '1' } } }));
    const condition = { ConditionExpression: 'attribute_not_exists(ownerId)' };
    await expectAwsError(admin.send(new PutItemCommand({ TableName: Notes, Item: key(), ...condition })), 'ConditionalCheckFailedException', 'The conditional request failed');
    const error = await expectAwsError(
      admin.send(new PutItemCommand({ TableName: Notes, Item: key(), ...condition, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' })),
      'ConditionalCheckFailedException',
      'The conditional request failed',
    );
    expect(error.Item).toEqual({ ...key(), v: { N: '1' } });
  });

  it('deletes only when the condition holds', async () => {
    const { admin } = await world();
    await admin.send(new PutItemCommand({ TableName: Notes, Item: { ...key(), v: { N: '1' } } }));
    await expectAwsError(
      admin.send(new DeleteItemCommand({ TableName: Notes, Key: key(), ConditionExpression: 'v > :n', ExpressionAttributeValues: { ':n': { N: '5' } } })),
      'ConditionalCheckFailedException',
      'The conditional request failed',
    );
    const out = await admin.send(new DeleteItemCommand({ TableName: Notes, Key: key(), ConditionExpression: 'v < :n', ExpressionAttributeValues: { ':n': { N: '5' } }, ReturnValues: 'ALL_OLD' }));
    expect(out.Attributes).toEqual({ ...key(), v: { N: '1' } });
    expect((await admin.send(new GetItemCommand({ TableName: Notes, Key: key() }))).Item).toBeUndefined();
  });
});

describe('When an item is updated', () => {
  it('creates it if absent and applies SET, ADD, REMOVE and DELETE', async () => {
    const { admin } = await world();
    const first = await admin.send(new UpdateItemCommand({
      TableName: Notes,
      Key: key(),
      UpdateExpression: 'SET title = :t, visits = if_not_exists(visits, :zero) + :one, tags = :tags ADD likes :one',
      ExpressionAttributeValues: { ':t': { S: 'Hello' }, ':zero': { N: '0' }, ':one': { N: '1' }, ':tags': { L: [{ S: 'x' }] } },
      ReturnValues: 'ALL_NEW',
    }));
    expect(first.Attributes).toEqual({ ...key(), title: { S: 'Hello' }, visits: { N: '1' }, tags: { L: [{ S: 'x' }] }, likes: { N: '1' } });
    const second = await admin.send(new UpdateItemCommand({
      TableName: Notes,
      Key: key(),
      UpdateExpression: 'SET visits = visits + :one, tags = list_append(tags, :more) REMOVE title ADD labels :labels',
      ExpressionAttributeValues: { ':one': { N: '1' }, ':more': { L: [{ S: 'y' }] }, ':labels': { SS: ['red', 'blue'] } },
      ReturnValues: 'UPDATED_OLD',
    }));
    expect(second.Attributes).toEqual({ visits: { N: '1' }, tags: { L: [{ S: 'x' }] }, title: { S: 'Hello' } });
    const third = await admin.send(new UpdateItemCommand({
      TableName: Notes,
      Key: key(),
      UpdateExpression: 'DELETE labels :red',
      ExpressionAttributeValues: { ':red': { SS: ['red'] } },
      ReturnValues: 'UPDATED_NEW',
    }));
    expect(third.Attributes).toEqual({ labels: { SS: ['blue'] } });
    const item = (await admin.send(new GetItemCommand({ TableName: Notes, Key: key() }))).Item;
    expect(item).toEqual({ ...key(), visits: { N: '2' }, tags: { L: [{ S: 'x' }, { S: 'y' }] }, likes: { N: '1' }, labels: { SS: ['blue'] } });
  });

  it('refuses to change a key attribute', async () => {
    const { admin } = await world();
    await expectAwsError(
      admin.send(new UpdateItemCommand({ TableName: Notes, Key: key(), UpdateExpression: 'SET noteId = :n', ExpressionAttributeValues: { ':n': { S: 'n2' } } })),
      'ValidationException',
      'One or more parameter values were invalid: Cannot update attribute noteId. This attribute is part of the key',
    );
  });

  it('refuses arithmetic on an attribute the item lacks, or of the wrong type, and changes nothing', async () => {
    const { admin } = await world();
    await admin.send(new PutItemCommand({ TableName: Notes, Item: { ...key(), title: { S: 'T' } } }));
    await expectAwsError(
      admin.send(new UpdateItemCommand({ TableName: Notes, Key: key(), UpdateExpression: 'SET visits = visits + :one', ExpressionAttributeValues: { ':one': { N: '1' } } })),
      'ValidationException',
      'The provided expression refers to an attribute that does not exist in the item',
    );
    await expectAwsError(
      admin.send(new UpdateItemCommand({ TableName: Notes, Key: key(), UpdateExpression: 'SET a = :one, title = title + :one', ExpressionAttributeValues: { ':one': { N: '1' } } })),
      'ValidationException',
      'An operand in the update expression has an incorrect data type',
    );
    await expectAwsError(
      admin.send(new UpdateItemCommand({ TableName: Notes, Key: key(), UpdateExpression: 'SET nested.deep = :one', ExpressionAttributeValues: { ':one': { N: '1' } } })),
      'ValidationException',
      'The document path provided in the update expression is invalid for update',
    );
    expect((await admin.send(new GetItemCommand({ TableName: Notes, Key: key() }))).Item).toEqual({ ...key(), title: { S: 'T' } });
  });

  it('reports an invalid expression with AWS message', async () => {
    const { admin } = await world();
    await expectAwsError(
      admin.send(new UpdateItemCommand({ TableName: Notes, Key: key(), UpdateExpression: 'SET status = :s', ExpressionAttributeValues: { ':s': { S: 'x' } } })),
      'ValidationException',
      'Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status',
    );
    await expectAwsError(
      admin.send(new UpdateItemCommand({ TableName: Notes, Key: key(), UpdateExpression: 'SET a = :s,', ExpressionAttributeValues: { ':s': { S: 'x' } } })),
      'ValidationException',
      'Invalid UpdateExpression: Syntax error; token: "<EOF>", near: ","',
    );
  });
});

describe('When an item or key does not fit the table', () => {
  it.each([
    ['no sort key', { ownerId: { S: 'u1' } }, 'One or more parameter values were invalid: Missing the key noteId in the item'],
    ['a number partition key', { ownerId: { N: '1' }, noteId: { S: 'n' } }, 'One or more parameter values were invalid: Type mismatch for key ownerId expected: S actual: N'],
    ['an empty partition key', { ownerId: { S: '' }, noteId: { S: 'n' } }, 'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: ownerId'],
    ['a number that is not one', { ...key(), n: { N: 'ten' } }, 'The parameter cannot be converted to a numeric value: ten'],
    ['an empty string set', { ...key(), s: { SS: [] } }, 'One or more parameter values were invalid: An string set  may not be empty'],
    ['a string set with duplicates', { ...key(), s: { SS: ['a', 'a'] } }, 'One or more parameter values were invalid: Input collection [a, a] contains duplicates.'],
    ['an item over 400 KB', { ...key(), big: { S: 'x'.repeat(400 * 1024) } }, 'Item size has exceeded the maximum allowed size'],
  ])('refuses PutItem of an item with %s', async (_, item, message) => {
    const { admin } = await world();
    await expectAwsError(admin.send(new PutItemCommand({ TableName: Notes, Item: item as never })), 'ValidationException', message);
  });

  it('refuses a key with missing or extra attributes', async () => {
    const { admin } = await world();
    const message = 'The provided key element does not match the schema';
    await expectAwsError(admin.send(new GetItemCommand({ TableName: Notes, Key: { ownerId: { S: 'u1' } } })), 'ValidationException', message);
    await expectAwsError(admin.send(new DeleteItemCommand({ TableName: Notes, Key: { ...key(), title: { S: 'x' } } })), 'ValidationException', message);
  });

  it('refuses ReturnValues PutItem cannot give', async () => {
    const { admin } = await world();
    await expectAwsError(admin.send(new PutItemCommand({ TableName: Notes, Item: key(), ReturnValues: 'ALL_NEW' })), 'ValidationException', 'ReturnValues can only be ALL_OLD or NONE');
  });

  it('answers ResourceNotFoundException for a table that does not exist', async () => {
    const { admin } = await world();
    await expectAwsError(admin.send(new GetItemCommand({ TableName: 'Nope', Key: key() })), 'ResourceNotFoundException', 'Requested resource not found');
    await expectAwsError(admin.send(new PutItemCommand({ TableName: 'Nope', Item: key() })), 'ResourceNotFoundException', 'Requested resource not found');
  });
});
