// Fine-grained access control: a signed-in learner's role session (Cognito_LearnerAuth_Role) may read and
// write only the Notes items whose partition key is its own identity id, may not Scan Notes, and may read
// the Catalog. The session is put straight into the credential store, as the identity pool would issue it.
import { describe, expect, it } from 'vitest';
import { BatchGetItemCommand, GetItemCommand, PutItemCommand, QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { internalsOf, type Simulator } from '../../index';
import { dynamoClient } from '../../../testing/sdk-handler';
import { START, expectAwsError, lastExchange, rawCall, world } from '../../../testing/dynamodb-harness';

const ACCOUNT = '123456789012';
const ROLE = 'Cognito_LearnerAuth_Role';
const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE}/CognitoIdentityCredentials`;
const ME = 'us-east-1:11111111-1111-1111-1111-111111111111';
const SOMEONE_ELSE = 'us-east-1:22222222-2222-2222-2222-222222222222';
const NOTES_ARN = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/Notes`;

function learnerCredentials(sim: Simulator, sub = ME) {
  const record = {
    accessKeyId: 'ASIAQLEARNERSESSION1',
    secretAccessKey: 'learner/secret/key/0123456789abcdefghijklm',
    sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN',
    expiresAt: START + 60 * 60 * 1000,
    principalArn: SESSION_ARN,
    isAdministrator: false,
    session: {
      roleName: ROLE,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/${ROLE}`,
      sessionName: 'CognitoIdentityCredentials',
      sessionPolicies: [],
      context: { 'cognito-identity.amazonaws.com:sub': sub, 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool', 'cognito-identity.amazonaws.com:amr': ['authenticated'] },
    },
  };
  internalsOf(sim).credentials.add(record);
  return { accessKeyId: record.accessKeyId, secretAccessKey: record.secretAccessKey, sessionToken: record.sessionToken };
}

async function learnerWorld() {
  const { sim, admin } = await world(21);
  const learner = dynamoClient(sim, learnerCredentials(sim));
  return { sim, admin, learner };
}

const denied = (action: string, resource = NOTES_ARN) => `User: ${SESSION_ARN} is not authorized to perform: dynamodb:${action} on resource: ${resource} because no identity-based policy allows the dynamodb:${action} action`;

describe('When a learner uses her role session on Notes', () => {
  it('writes, reads and queries her own partition', async () => {
    const { sim, learner } = await learnerWorld();
    await learner.send(new PutItemCommand({ TableName: 'Notes', Item: { ownerId: { S: ME }, noteId: { S: 'n1' }, body: { S: 'mine' } } }));
    const got = await learner.send(new GetItemCommand({ TableName: 'Notes', Key: { ownerId: { S: ME }, noteId: { S: 'n1' } } }));
    expect(got.Item?.body).toEqual({ S: 'mine' });
    const query = await learner.send(new QueryCommand({ TableName: 'Notes', KeyConditionExpression: 'ownerId = :me', ExpressionAttributeValues: { ':me': { S: ME } } }));
    expect(query.Count).toBe(1);
    const policy = lastExchange(sim).notes.find((n) => n.kind === 'policy');
    expect(policy).toMatchObject({ principalArn: SESSION_ARN, evaluation: { decision: 'Allow', request: { action: 'dynamodb:Query', resource: NOTES_ARN, context: { 'dynamodb:LeadingKeys': [ME] } } } });
  });

  it("is refused another owner's note, with AWS's AccessDenied text naming role, action and table", async () => {
    const { sim, admin, learner } = await learnerWorld();
    await admin.send(new PutItemCommand({ TableName: 'Notes', Item: { ownerId: { S: SOMEONE_ELSE }, noteId: { S: 'n1' }, body: { S: 'secret' } } }));
    const error = await expectAwsError(learner.send(new GetItemCommand({ TableName: 'Notes', Key: { ownerId: { S: SOMEONE_ELSE }, noteId: { S: 'n1' } } })), 'AccessDeniedException', denied('GetItem'));
    expect(error.$metadata).toMatchObject({ httpStatusCode: 400 });
    expect(lastExchange(sim).notes.map((n) => n.kind)).toEqual(['sigv4', 'policy', 'error']);
    expect(lastExchange(sim).notes.find((n) => n.kind === 'policy')).toMatchObject({ evaluation: { decision: 'ImplicitDeny', request: { context: { 'dynamodb:LeadingKeys': [SOMEONE_ELSE] } } } });
    await expectAwsError(learner.send(new PutItemCommand({ TableName: 'Notes', Item: { ownerId: { S: SOMEONE_ELSE }, noteId: { S: 'n2' } } })), 'AccessDeniedException', denied('PutItem'));
  });

  it('is refused a Scan of Notes, which names no leading key', async () => {
    const { learner } = await learnerWorld();
    await expectAwsError(learner.send(new ScanCommand({ TableName: 'Notes' })), 'AccessDeniedException', denied('Scan'));
  });

  it('is refused BatchGetItem on Notes, which the role does not grant, even for her own keys', async () => {
    const { learner } = await learnerWorld();
    await expectAwsError(learner.send(new BatchGetItemCommand({ RequestItems: { Notes: { Keys: [{ ownerId: { S: ME }, noteId: { S: 'n1' } }] } } })), 'AccessDeniedException', denied('BatchGetItem'));
  });

  it('sends AccessDeniedException as DynamoDB does: namespaced, with a capital Message', async () => {
    const { sim } = await learnerWorld();
    const out = await rawCall(sim, 'Scan', { TableName: 'Notes' }, { credentials: learnerCredentials(sim) });
    expect(out.status).toBe(400);
    expect(out.body).toEqual({ __type: 'com.amazon.coral.service#AccessDeniedException', Message: denied('Scan') });
  });

  it('is refused before the table is looked up, so a missing table is not revealed', async () => {
    const { learner } = await learnerWorld();
    await expectAwsError(learner.send(new GetItemCommand({ TableName: 'Secrets', Key: { id: { S: 'x' } } })), 'AccessDeniedException', denied('GetItem', `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/Secrets`));
  });
});

describe('When a learner reads the Catalog', () => {
  it('may get, query and scan it', async () => {
    const { learner } = await learnerWorld();
    expect((await learner.send(new GetItemCommand({ TableName: 'Catalog', Key: { sku: { S: 'BOOK-001' } } }))).Item?.title).toEqual({ S: 'Identity on AWS, illustrated' });
    expect((await learner.send(new ScanCommand({ TableName: 'Catalog' }))).Count).toBe(3);
    expect((await learner.send(new QueryCommand({ TableName: 'Catalog', KeyConditionExpression: 'sku = :s', ExpressionAttributeValues: { ':s': { S: 'MUG-042' } } }))).Count).toBe(1);
  });

  it('may not write to it', async () => {
    const { learner } = await learnerWorld();
    await expectAwsError(learner.send(new PutItemCommand({ TableName: 'Catalog', Item: { sku: { S: 'FREE-1' } } })), 'AccessDeniedException', denied('PutItem', `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/Catalog`));
  });
});

describe('When the session has expired', () => {
  it('is refused with ExpiredTokenException', async () => {
    const { sim, learner } = await learnerWorld();
    sim.clock.advance(61 * 60 * 1000);
    const error = await learner.send(new GetItemCommand({ TableName: 'Catalog', Key: { sku: { S: 'BOOK-001' } } })).catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'ExpiredTokenException' });
  });
});

describe('The condition keys IAM is given', () => {
  const contextOf = (sim: Simulator) => (lastExchange(sim).notes.find((n) => n.kind === 'policy') as { evaluation: { request: { context: Record<string, unknown> } } }).evaluation.request.context;

  it('for a write: the leading key, every attribute written or tested, ReturnValues and ReturnConsumedCapacity', async () => {
    const { sim, learner } = await learnerWorld();
    await learner.send(new PutItemCommand({ TableName: 'Notes', Item: { ownerId: { S: ME }, noteId: { S: 'n1' }, body: { S: 'b' } }, ConditionExpression: 'attribute_not_exists(locked)', ReturnValues: 'ALL_OLD', ReturnConsumedCapacity: 'TOTAL' }));
    expect(contextOf(sim)).toMatchObject({
      'dynamodb:LeadingKeys': [ME],
      'dynamodb:Attributes': ['ownerId', 'noteId', 'body', 'locked'],
      'dynamodb:ReturnValues': 'ALL_OLD',
      'dynamodb:ReturnConsumedCapacity': 'TOTAL',
    });
  });

  it('for a projected Query: the keys and projected attributes, and Select SPECIFIC_ATTRIBUTES', async () => {
    const { sim, learner } = await learnerWorld();
    await learner.send(new QueryCommand({ TableName: 'Notes', KeyConditionExpression: 'ownerId = :me', ProjectionExpression: 'body', ExpressionAttributeValues: { ':me': { S: ME } } }));
    expect(contextOf(sim)).toMatchObject({ 'dynamodb:LeadingKeys': [ME], 'dynamodb:Attributes': ['ownerId', 'noteId', 'body'], 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' });
  });

  it('for a Scan: no leading keys at all', async () => {
    const { sim, admin } = await learnerWorld();
    await admin.send(new ScanCommand({ TableName: 'Notes' }));
    expect(contextOf(sim)['dynamodb:LeadingKeys']).toBeUndefined();
  });
});
