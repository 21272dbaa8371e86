// CreateTable, DescribeTable and ListTables through the real AWS SDK, and the wire details the SDK hides:
// both host forms, namespaced error codes, "Message" on AccessDenied, SigV4 failures, x-amz-crc32.
import { describe, expect, it } from 'vitest';
import { CreateTableCommand, DescribeTableCommand, ListTablesCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { dynamoClient } from '../../../testing/sdk-handler';
import { crc32 } from '../crc32';
import { START, expectAwsError, rawCall, world } from '../../../testing/dynamodb-harness';

describe('When the administrator manages tables', () => {
  it('creates a table that answers CREATING, then is ACTIVE and usable', async () => {
    const { sim, admin } = await world();
    const created = await admin.send(new CreateTableCommand({
      TableName: 'Scores',
      AttributeDefinitions: [{ AttributeName: 'player', AttributeType: 'S' }, { AttributeName: 'score', AttributeType: 'N' }],
      KeySchema: [{ AttributeName: 'player', KeyType: 'HASH' }, { AttributeName: 'score', KeyType: 'RANGE' }],
      BillingMode: 'PAY_PER_REQUEST',
    }));
    expect(created.TableDescription).toMatchObject({ TableName: 'Scores', TableStatus: 'CREATING', TableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/Scores', ItemCount: 0 });
    expect(created.TableDescription?.CreationDateTime?.getTime()).toBe(START);
    for (const score of ['10', '9', '100']) await admin.send(new PutItemCommand({ TableName: 'Scores', Item: { player: { S: 'p' }, score: { N: score } } }));
    const described = await admin.send(new DescribeTableCommand({ TableName: 'Scores' }));
    expect(described.Table).toMatchObject({ TableStatus: 'ACTIVE', ItemCount: 3, BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' } });
    const query = await admin.send(new QueryCommand({ TableName: 'Scores', KeyConditionExpression: 'player = :p AND score > :s', ExpressionAttributeValues: { ':p': { S: 'p' }, ':s': { N: '9' } } }));
    expect(query.Items?.map((i) => i.score?.N)).toEqual(['10', '100']);
    expect(sim.describe().tables.map((t) => t.name)).toEqual(['Notes', 'Catalog']);
  });

  it('lists tables in name order, a page at a time', async () => {
    const { admin } = await world();
    expect((await admin.send(new ListTablesCommand({}))).TableNames).toEqual(['Catalog', 'Notes']);
    const page = await admin.send(new ListTablesCommand({ Limit: 1 }));
    expect(page).toMatchObject({ TableNames: ['Catalog'], LastEvaluatedTableName: 'Catalog' });
    expect((await admin.send(new ListTablesCommand({ ExclusiveStartTableName: 'Catalog' }))).TableNames).toEqual(['Notes']);
  });

  it('describes the seeded tables', async () => {
    const { admin } = await world();
    const { Table } = await admin.send(new DescribeTableCommand({ TableName: 'Notes' }));
    expect(Table?.KeySchema).toEqual([{ AttributeName: 'ownerId', KeyType: 'HASH' }, { AttributeName: 'noteId', KeyType: 'RANGE' }]);
    expect((await admin.send(new DescribeTableCommand({ TableName: 'Catalog' }))).Table?.ItemCount).toBe(3);
  });

  it.each([
    ['an existing name', { TableName: 'Notes', AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' as const }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' as const }], BillingMode: 'PAY_PER_REQUEST' as const }, 'ResourceInUseException', 'Table already exists: Notes'],
    ['no throughput on a provisioned table', { TableName: 'Tab1', AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' as const }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' as const }] }, 'ValidationException', 'One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED'],
    ['an undefined key attribute', { TableName: 'Tab1', AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' as const }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }], BillingMode: 'PAY_PER_REQUEST' as const }, 'ValidationException', 'One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [pk], AttributeDefinitions: [id]'],
    ['a RANGE key first', { TableName: 'Tab1', AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' as const }], KeySchema: [{ AttributeName: 'id', KeyType: 'RANGE' as const }], BillingMode: 'PAY_PER_REQUEST' as const }, 'ValidationException', 'Invalid KeySchema: The first KeySchemaElement is not a HASH key type'],
    ['a name too short', { TableName: 'T', AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' as const }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' as const }], BillingMode: 'PAY_PER_REQUEST' as const }, 'ValidationException', "1 validation error detected: Value 'T' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3"],
  ])('refuses a table with %s', async (_, input, name, message) => {
    const { admin } = await world();
    await expectAwsError(admin.send(new CreateTableCommand(input)), name, message);
  });

  it('says which table it could not find', async () => {
    const { admin } = await world();
    await expectAwsError(admin.send(new DescribeTableCommand({ TableName: 'Nope' })), 'ResourceNotFoundException', 'Requested resource not found: Table: Nope not found');
  });
});

describe('On the wire', () => {
  it('answers on the account-based host too', async () => {
    const { sim } = await world();
    const out = await rawCall(sim, 'ListTables', {}, { host: '123456789012.ddb.us-east-1.amazonaws.com' });
    expect(out).toMatchObject({ status: 200, body: { TableNames: ['Catalog', 'Notes'] } });
    expect(out.headers.get('content-type')).toBe('application/x-amz-json-1.0');
  });

  it('namespaces error codes as DynamoDB does, and signs the body with x-amz-crc32', async () => {
    const { sim } = await world();
    const missing = await rawCall(sim, 'DescribeTable', { TableName: 'Nope' });
    expect(missing.body).toEqual({ __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'Requested resource not found: Table: Nope not found' });
    const invalid = await rawCall(sim, 'GetItem', { TableName: 'Notes', Key: {} });
    expect(invalid.body.__type).toBe('com.amazon.coral.validate#ValidationException');
    const unknown = await rawCall(sim, 'DropEverything', {});
    expect(unknown.body).toEqual({ __type: 'com.amazon.coral.service#UnknownOperationException' });
    const res = await sim.fetch(new Request('https://dynamodb.us-east-1.amazonaws.com/', { method: 'POST', headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables' }, body: '{}' }));
    const text = await res.text();
    expect(res.headers.get('x-amz-crc32')).toBe(String(crc32(text)));
  });

  it('refuses an unsigned request, an unknown key and a wrong secret', async () => {
    const { sim } = await world();
    const unsigned = await rawCall(sim, 'ListTables', {}, { sign: false });
    expect(unsigned.body).toEqual({ __type: 'com.amazon.coral.service#MissingAuthenticationTokenException', message: 'Request is missing Authentication Token' });
    const stranger = dynamoClient(sim, { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
    await expectAwsError(stranger.send(new ListTablesCommand({})), 'UnrecognizedClientException', 'The security token included in the request is invalid.');
    const forger = dynamoClient(sim, { accessKeyId: sim.adminCredentials.accessKeyId, secretAccessKey: 'x'.repeat(40) });
    const error = await forger.send(new ListTablesCommand({})).catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'InvalidSignatureException' });
    expect(sim.trace().at(-1)!.notes[0]).toMatchObject({ kind: 'sigv4', outcome: 'invalid', code: 'InvalidSignatureException' });
  });

  it('refuses a body that is not JSON, or of the wrong shape', async () => {
    const { sim } = await world();
    const broken = await rawCall(sim, 'GetItem', '{"TableName":');
    expect(broken).toMatchObject({ status: 400, body: { __type: 'com.amazon.coral.service#SerializationException' } });
    const wrongType = await rawCall(sim, 'GetItem', { TableName: 'Notes', Key: { ownerId: 'u1' } });
    expect(wrongType.body).toEqual({ __type: 'com.amazon.coral.service#SerializationException', Message: 'Unexpected value type in payload' });
  });
});

describe('When a request uses the legacy parameters', () => {
  it('says the simulator does not implement them, rather than ignore them', async () => {
    const { sim } = await world();
    const out = await rawCall(sim, 'UpdateItem', { TableName: 'Notes', Key: { ownerId: { S: 'u' }, noteId: { S: 'n' } }, AttributeUpdates: { a: { Action: 'PUT', Value: { S: 'x' } } } });
    expect(out.status).toBe(400);
    expect(out.body.message).toMatch(/^Cognito Lab does not simulate the legacy parameters AttributeUpdates/);
  });
});
