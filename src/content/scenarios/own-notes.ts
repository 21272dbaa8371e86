// Identity pool scenario 1: a signed-in user gets temporary AWS credentials and writes and reads her own notes.
import type { Scenario } from './types';
import { errorType, responseJson, SCENARIO_START } from './helpers';
import { dynamo, getCredentials, getId, signIn } from './identity-steps';

export const ownNotes: Scenario = {
  id: 'identity-pool-own-notes',
  title: 'Credentials for your own notes',
  goal: 'Trade a user pool ID token for temporary AWS credentials, then write and read your own items in DynamoDB.',
  level: 'intermediate',
  services: ['User pool', 'Identity pool', 'STS', 'IAM', 'DynamoDB'],
  minutes: 8,
  seed: 201,
  startTime: SCENARIO_START,
  outcome: 'Bob read back his own note: DynamoDB accepted his temporary credentials because IAM matched the partition key to his identity id.',
  check: (last) => last.operation === 'Query' && last.response.status === 200 && Number(responseJson(last).Count) === 1 && errorType(last) === undefined,
  async script(ctx) {
    const idToken = await signIn(ctx, 'bob', {
      title: 'Sign in',
      narration: 'Bob signs in to the user pool and gets his ID token. A user pool only proves who he is; it cannot give him AWS credentials.',
    });
    const identityId = await getId(ctx, idToken, {
      title: 'GetId',
      narration: 'The app asks the identity pool for Bob\'s identity id, presenting the ID token under the user pool\'s provider name. The identity pool fetches the user pool\'s public keys (a nested call) and verifies the token\'s signature, issuer, audience and expiry. The same user always gets the same identity id.',
      examTip: 'Identity pools (federated identities) exchange a token from a user pool, Google, Facebook, Apple, SAML or OIDC for temporary AWS credentials.',
    });
    const credentials = await getCredentials(ctx, identityId, idToken, {
      title: 'Get credentials',
      narration: 'GetCredentialsForIdentity: the identity pool chooses the role (Bob\'s group has no role, so the pool\'s authenticated role), checks the role trusts this identity pool, and returns temporary credentials from STS: an ASIA… access key, a secret and a session token, valid for one hour.',
      examTip: 'Temporary credentials come from STS and expire. Never embed long-term access keys in a mobile or web app.',
    });
    await dynamo(ctx, credentials, 'PutItem', { TableName: 'Notes', Item: { ownerId: { S: identityId }, noteId: { S: 'note-1' }, text: { S: 'Buy milk' } } }, {
      title: 'Write a note',
      narration: 'The app writes a note straight to DynamoDB, signing the request with SigV4 and the temporary credentials. IAM evaluates the role\'s policy: the item\'s partition key (dynamodb:LeadingKeys) must equal ${cognito-identity.amazonaws.com:sub}, Bob\'s identity id. It does, so the write is allowed.',
      examTip: 'Fine-grained access control: the condition key dynamodb:LeadingKeys with the policy variable ${cognito-identity.amazonaws.com:sub} limits each user to their own partition.',
    });
    await dynamo(ctx, credentials, 'Query', { TableName: 'Notes', KeyConditionExpression: 'ownerId = :me', ExpressionAttributeValues: { ':me': { S: identityId } } }, {
      title: 'Read my notes',
      narration: 'A Query on Bob\'s own partition: the only leading key is his identity id, so ForAllValues:StringEquals holds and DynamoDB returns his note.',
    });
  },
};
