// Identity pool scenario 6: why Scan is missing from the row-level policy (ForAllValues with no leading keys).
import type { Scenario } from './types';
import { errorType, SCENARIO_START } from './helpers';
import { dynamo, getCredentials, getId, signIn } from './identity-steps';

export const scanAndForAllValues: Scenario = {
  id: 'identity-pool-why-no-scan',
  title: 'Why Scan is not in the policy',
  goal: 'See that a Query on your own partition is allowed while a Scan is refused, and why the policy must never allow Scan.',
  level: 'advanced',
  services: ['Identity pool', 'IAM', 'DynamoDB'],
  minutes: 6,
  seed: 206,
  startTime: SCENARIO_START,
  outcome: 'The Scan was denied because the policy does not list dynamodb:Scan. Had it been listed, ForAllValues over an empty set of leading keys would have been true, and the Scan would have read every user\'s notes.',
  check: (last) => last.operation === 'Scan' && last.response.status === 400 && errorType(last)?.endsWith('AccessDeniedException') === true,
  async script(ctx) {
    const idToken = await signIn(ctx, 'bob', { title: 'Sign in', narration: 'Bob signs in to the user pool and receives his ID token.' });
    const identityId = await getId(ctx, idToken, { title: 'GetId', narration: 'The identity pool verifies the ID token and gives Bob his identity id: the value his notes\' partition key must equal.' });
    const credentials = await getCredentials(ctx, identityId, idToken, { title: 'Credentials', narration: 'Bob gets temporary credentials for Cognito_LearnerAuth_Role, whose policy limits him to his own partition.' });
    await dynamo(ctx, credentials, 'Query', { TableName: 'Notes', KeyConditionExpression: 'ownerId = :me', ExpressionAttributeValues: { ':me': { S: identityId } } }, {
      title: 'Query my partition',
      narration: 'A Query names exactly one partition key, Bob\'s identity id, so dynamodb:LeadingKeys = [his id] and ForAllValues:StringEquals holds: allowed.',
    });
    await dynamo(ctx, credentials, 'Scan', { TableName: 'Notes' }, {
      title: 'Scan the table',
      narration: 'A Scan reads every partition and has no leading keys at all. ForAllValues:StringEquals over an empty set is TRUE (every one of zero values matches), so if the policy allowed dynamodb:Scan, this Scan would return everyone\'s notes. That is why the row-level policy lists GetItem, PutItem, UpdateItem, DeleteItem and Query, and never Scan. Here Scan is not listed, so it is implicitly denied.',
      examTip: 'ForAllValues is true when the request has no values for the key; ForAnyValue is false. Pair ForAllValues conditions with actions that always carry the key.',
    });
  },
};
