// End to end: bob (a reader) signs in, the identity pool gives him Cognito_LearnerAuth_Role credentials
// (enhanced flow), and DynamoDB lets him use only his own Notes partition; alice's is refused. (alice is
// in the admins group, whose token-mapped AdminRole may read every note.)
import { describe, expect, it } from 'vitest';
import { GetItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { dynamoClient } from '../../../testing/sdk-handler';
import { identityLab } from '../../../testing/identity-pool-harness';
import { expectAwsError } from '../../../testing/dynamodb-harness';

describe('When bob uses the credentials the identity pool issued him', () => {
  it('reads and writes his own notes and is refused alice\'s, while alice (AdminRole) may read his', async () => {
    const lab = await identityLab({ seed: 31 });
    const alice = await lab.enhancedFlow('alice');
    const bob = await lab.enhancedFlow('bob');
    const client = (r: typeof bob.result) => dynamoClient(lab.sim, { accessKeyId: r.Credentials!.AccessKeyId!, secretAccessKey: r.Credentials!.SecretKey!, sessionToken: r.Credentials!.SessionToken! });
    const notes = client(bob.result);

    await notes.send(new PutItemCommand({ TableName: 'Notes', Item: { ownerId: { S: bob.identityId }, noteId: { S: 'n1' }, body: { S: 'hello' } } }));
    const mine = await notes.send(new QueryCommand({ TableName: 'Notes', KeyConditionExpression: 'ownerId = :me', ExpressionAttributeValues: { ':me': { S: bob.identityId } } }));
    expect(mine.Items?.map((i) => i.body?.S)).toEqual(['hello']);

    const session = `arn:aws:sts::123456789012:assumed-role/Cognito_LearnerAuth_Role/CognitoIdentityCredentials`;
    await expectAwsError(
      notes.send(new GetItemCommand({ TableName: 'Notes', Key: { ownerId: { S: alice.identityId }, noteId: { S: 'n1' } } })),
      'AccessDeniedException',
      `User: ${session} is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/Notes because no identity-based policy allows the dynamodb:GetItem action`,
    );

    const admin = await client(alice.result).send(new GetItemCommand({ TableName: 'Notes', Key: { ownerId: { S: bob.identityId }, noteId: { S: 'n1' } } }));
    expect(admin.Item?.body).toEqual({ S: 'hello' });
  });
});
