// Identity pool scenario 2: reading another user's notes is denied, and the Policy view shows why.
import type { Scenario } from './types';
import { errorType, SCENARIO_START } from './helpers';
import { dynamo, getCredentials, getId, signIn } from './identity-steps';

export const othersNotesDenied: Scenario = {
  id: 'identity-pool-others-notes-denied',
  title: 'Someone else\'s notes: denied',
  goal: 'See IAM refuse a read of another user\'s partition, and read the policy evaluation that explains it.',
  level: 'intermediate',
  services: ['Identity pool', 'IAM', 'DynamoDB'],
  minutes: 7,
  seed: 202,
  startTime: SCENARIO_START,
  outcome: 'DynamoDB refused Bob\'s GetItem on Alice\'s partition with AccessDeniedException: the leading key was Alice\'s identity id, not his, so no statement allowed it.',
  check: (last) => last.operation === 'GetItem' && last.response.status === 400 && errorType(last)?.endsWith('AccessDeniedException') === true,
  async script(ctx) {
    const aliceToken = await signIn(ctx, 'alice', { title: 'Alice signs in', narration: 'Alice signs in to the user pool and receives her ID token, which proves who she is to the identity pool.' });
    const aliceId = await getId(ctx, aliceToken, {
      title: 'Alice\'s identity',
      narration: 'Her app gets her identity id from the identity pool. Bob will try to use it as a partition key.',
    });
    const bobToken = await signIn(ctx, 'bob', { title: 'Bob signs in', narration: 'Now Bob signs in to the user pool with his own password and gets his own ID token.' });
    const bobId = await getId(ctx, bobToken, { title: 'Bob\'s identity', narration: 'Bob gets his own identity id: a different one, because the identity pool keys identities by the login\'s subject.' });
    const credentials = await getCredentials(ctx, bobId, bobToken, {
      title: 'Bob\'s credentials',
      narration: 'Bob gets temporary credentials for the authenticated role Cognito_LearnerAuth_Role. Whatever he does with them, IAM substitutes his identity id for ${cognito-identity.amazonaws.com:sub}.',
    });
    await dynamo(ctx, credentials, 'GetItem', { TableName: 'Notes', Key: { ownerId: { S: aliceId }, noteId: { S: 'note-1' } } }, {
      title: 'Read Alice\'s note',
      narration: 'Bob signs a GetItem for a key in Alice\'s partition. The request\'s dynamodb:LeadingKeys is Alice\'s identity id, but the policy requires every leading key to equal Bob\'s. The condition fails, no other statement allows the call, and DynamoDB answers AccessDeniedException naming Bob\'s assumed role. Open the Policy tab to see each statement and the substituted variable.',
      examTip: 'IAM evaluation: an explicit Deny beats any Allow; without a matching Allow the request is implicitly denied.',
    });
  },
};
