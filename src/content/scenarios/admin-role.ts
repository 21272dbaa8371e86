// Identity pool scenario 7: group-based roles — an admin gets AdminRole through the token's preferred role.
import type { Scenario } from './types';
import { responseJson, SCENARIO_START } from './helpers';
import { dynamo, getCredentials, getId, signIn } from './identity-steps';

export const adminRole: Scenario = {
  id: 'identity-pool-admin-role',
  title: 'Group roles: the admin gets AdminRole',
  goal: 'See token-based role mapping give a member of the admins group its role, and what that role may do that others may not.',
  level: 'advanced',
  services: ['User pool', 'Identity pool', 'IAM', 'DynamoDB'],
  minutes: 8,
  seed: 207,
  startTime: SCENARIO_START,
  outcome: 'Alice\'s credentials were for AdminRole (her token\'s cognito:preferred_role), so her Scan of Notes returned Bob\'s note, which his own role could never have done.',
  check: (last) => last.operation === 'Scan' && last.response.status === 200 && Number(responseJson(last).Count) >= 1,
  async script(ctx) {
    const bobToken = await signIn(ctx, 'bob', { title: 'Bob signs in', narration: 'Bob signs in to the user pool and receives his ID token.' });
    const bobId = await getId(ctx, bobToken, { title: 'Bob\'s identity', narration: 'The identity pool verifies Bob\'s ID token and gives him his identity id.' });
    const bobCredentials = await getCredentials(ctx, bobId, bobToken, { title: 'Bob\'s credentials', narration: 'Bob is in readers, which has no role: he gets the pool\'s authenticated role.' });
    await dynamo(ctx, bobCredentials, 'PutItem', { TableName: 'Notes', Item: { ownerId: { S: bobId }, noteId: { S: 'note-1' }, text: { S: 'Bob\'s private note' } } }, {
      title: 'Bob writes a note',
      narration: 'Bob writes a private note into his own partition, which the row-level policy allows.',
    });
    const aliceToken = await signIn(ctx, 'alice', {
      title: 'Alice signs in',
      narration: 'Alice is in admins, whose IAM role is AdminRole: her ID token carries cognito:roles and cognito:preferred_role = AdminRole.',
    });
    const aliceId = await getId(ctx, aliceToken, { title: 'Alice\'s identity', narration: 'The identity pool verifies Alice\'s ID token and gives her her own identity id.' });
    const aliceCredentials = await getCredentials(ctx, aliceId, aliceToken, {
      title: 'Alice\'s credentials',
      narration: 'The identity pool uses token-based role mapping for the user pool: it reads cognito:preferred_role from Alice\'s ID token, checks that AdminRole trusts this identity pool, and issues credentials for AdminRole instead of the default authenticated role.',
      examTip: 'Role-based access control with identity pools: choose the role from the token (cognito:preferred_role / cognito:roles) or from rules on claims.',
    });
    await dynamo(ctx, aliceCredentials, 'Scan', { TableName: 'Notes' }, {
      title: 'Alice scans Notes',
      narration: 'AdminRole allows dynamodb:* on Notes, with no condition on leading keys, so Alice\'s Scan returns every note, including Bob\'s.',
    });
  },
};
