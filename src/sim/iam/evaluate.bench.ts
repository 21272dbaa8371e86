// How fast IAM decides: the default world's row-level policy (dynamodb:LeadingKeys must equal
// ${cognito-identity.amazonaws.com:sub}) for an allowed and a denied PutItem, first the bare evaluation
// (every statement of the role's three policies explained), then the whole authorizer (context merge,
// global keys, AWS's message and the note's plain-words summary). hz = evaluations per second.
// Run with `npm run bench`.
import { bench, describe } from 'vitest';
import type { CredentialRecord } from '../core/credentials';
import { createRandom } from '../core/random';
import { defaultWorld } from '../world/default-world';
import { createIam } from './create';
import { evaluate } from './evaluate';

const ACCOUNT = '123456789012';
const ALICE = 'us-east-1:aaaaaaaa-0000-4000-8000-000000000001';
const BOB = 'us-east-1:bbbbbbbb-0000-4000-8000-000000000002';
const NOTES = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/Notes`;
const NOW = Date.UTC(2026, 0, 1, 12);
const ids = { accountId: ACCOUNT, region: 'us-east-1', 'identityPool:LearnerIdentities': 'us-east-1:pool', 'restApi:NotesApi': 'a1b2c3d4e5', 'userPool:LearnerPool': 'us-east-1_AbCdEfGhI' };

const iam = createIam({ roles: defaultWorld.roles, ids, accountId: ACCOUNT, random: createRandom(1) });
const role = iam.roles.get('Cognito_LearnerAuth_Role')!;
const alice: CredentialRecord = {
  accessKeyId: 'ASIAEXAMPLE000000001',
  secretAccessKey: 's'.repeat(40),
  principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role.roleName}/CognitoIdentityCredentials`,
  isAdministrator: false,
  session: { roleName: role.roleName, roleArn: role.arn, sessionName: 'CognitoIdentityCredentials', sessionPolicies: [], context: { 'cognito-identity.amazonaws.com:sub': ALICE } },
};

const putItem = (owner: string) => ({ action: 'dynamodb:PutItem', resource: NOTES, context: { 'cognito-identity.amazonaws.com:sub': ALICE, 'dynamodb:LeadingKeys': [owner] } });
const expect = (decision: string, wanted: string) => {
  if (decision !== wanted) throw new Error(`expected ${wanted}, got ${decision}`);
};

describe('IAM evaluations per second, LeadingKeys policy (Cognito_LearnerAuth_Role, 3 policies)', () => {
  bench('evaluate(): PutItem on her own partition (allowed)', () => {
    expect(evaluate({ identityPolicies: role.policies, request: putItem(ALICE) }).decision, 'Allow');
  });
  bench("evaluate(): PutItem on bob's partition (denied)", () => {
    expect(evaluate({ identityPolicies: role.policies, request: putItem(BOB) }).decision, 'ImplicitDeny');
  });
  bench('iam.authorize() with note and message: allowed', () => {
    expect(iam.authorize(alice, putItem(ALICE), NOW).evaluation.decision, 'Allow');
  });
  bench('iam.authorize() with note and message: denied', () => {
    expect(iam.authorize(alice, putItem(BOB), NOW).evaluation.decision, 'ImplicitDeny');
  });
});
