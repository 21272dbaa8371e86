import { beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../sim/index';
import { findDynamoCalls, isDynamoDbExchange } from './find-items';
import { ALICE_ID, BOB_ID, getBobsNote, getCredentials, initiateAuth, queryEmpty, queryOwnNotes } from './aws-exchanges.testkit';

let getItem: Exchange;
let query: Exchange;
let empty: Exchange;
beforeAll(async () => {
  [getItem, query, empty] = await Promise.all([getBobsNote(), queryOwnNotes(), queryEmpty()]);
});

function dynamo(target: string, request: object, response: object): Exchange {
  return {
    ...initiateAuth(),
    to: 'dynamodb',
    operation: target,
    request: { method: 'POST', url: 'https://123456789012.ddb.us-east-1.amazonaws.com/', headers: { 'X-Amz-Target': `DynamoDB_20120810.${target}` }, body: JSON.stringify(request) },
    response: { status: 200, headers: {}, body: JSON.stringify(response) },
  };
}

describe('findDynamoCalls', () => {
  it('takes a denied GetItem’s Key from the request, naming the key attributes by it', () => {
    expect(findDynamoCalls(getItem)).toEqual([
      expect.objectContaining({ operation: 'GetItem', table: 'Notes', keyNames: ['ownerId', 'noteId'], groups: [{ label: 'Key in the request', items: [{ ownerId: { S: BOB_ID }, noteId: { S: 'n-001' } }] }] }),
    ]);
  });

  it('takes a Query’s items, counts and LastEvaluatedKey, and its key names from that key', () => {
    const [call] = findDynamoCalls(query);
    expect(call?.groups.map((g) => [g.label, g.items.length])).toEqual([
      ['Items returned', 2],
      ['Last evaluated key (pass it as ExclusiveStartKey for the next page)', 1],
    ]);
    expect(call).toMatchObject({ count: 2, scannedCount: 2, keyNames: ['ownerId', 'noteId'] });
  });

  it('keeps a Query that found nothing, with an empty list', () => {
    expect(findDynamoCalls(empty)[0]?.groups).toEqual([{ label: 'Items returned', items: [] }]);
  });

  it('reads PutItem’s Item and UpdateItem’s Attributes, on a nested call, recognised by its target header', () => {
    const put = dynamo('PutItem', { TableName: 'Notes', Item: { ownerId: { S: ALICE_ID }, noteId: { S: 'n-9' } } }, {});
    const update = dynamo('UpdateItem', { TableName: 'Notes', Key: { ownerId: { S: ALICE_ID }, noteId: { S: 'n-9' } } }, { Attributes: { title: { S: 'new' } } });
    const calls = findDynamoCalls(initiateAuth(), [{ ...put, to: 'lambda' }, update]);
    expect(calls.map((c) => [c.operation, c.groups.map((g) => g.label)])).toEqual([
      ['PutItem', ['Item in the request']],
      ['UpdateItem', ['Key in the request', 'Attributes returned']],
    ]);
  });

  it('finds nothing in calls without items, such as ListTables or a user-pool call', () => {
    expect(findDynamoCalls(dynamo('ListTables', {}, { TableNames: ['Notes'] }))).toEqual([]);
    expect(findDynamoCalls(initiateAuth(), getCredentials().nested)).toEqual([]);
    expect(isDynamoDbExchange(initiateAuth())).toBe(false);
  });
});
