// Scenario 6: groups, and what cognito:groups and cognito:preferred_role say in each user's tokens.
import type { Scenario } from './types';
import { idClaims, SCENARIO_START } from './helpers';
import { DEMO } from './demo-users';

export const groupsAndRoles: Scenario = {
  id: 'groups-and-roles',
  title: 'Groups and roles in tokens',
  goal: 'Compare the tokens of alice (in admins, with a role) and bob (in readers, without one).',
  level: 'intermediate',
  services: ['User pool', 'IAM'],
  minutes: 4,
  seed: 106,
  startTime: SCENARIO_START,
  outcome: 'Bob\'s ID token says cognito:groups ["readers"] with no preferred role, while Alice\'s said ["admins"] with cognito:preferred_role AdminRole — what an identity pool uses to choose an IAM role.',
  check: (last) => {
    const claims = idClaims(last);
    return JSON.stringify(claims['cognito:groups']) === '["readers"]' && claims['cognito:preferred_role'] === undefined;
  },
  async script(ctx) {
    const pool = ctx.world.userPools[0]!;
    const web = pool.clients.find((c) => c.name === 'web')!;

    await ctx.step(
      {
        title: 'List the groups',
        narration: 'An administrator lists the pool\'s groups (a SigV4-signed call). admins has precedence 1 and the IAM role AdminRole; readers has precedence 10 and no role.',
      },
      () => ctx.idp.call('ListGroups', { UserPoolId: pool.id }, { credentials: ctx.adminCredentials, from: 'admin' }),
    );

    await ctx.step(
      {
        title: 'Alice signs in',
        narration: 'Alice is in admins. Her ID token carries cognito:groups ["admins"], cognito:roles with AdminRole\'s ARN and cognito:preferred_role = AdminRole, the role of her group with the lowest precedence. Her access token carries cognito:groups too.',
        examTip: 'Groups can map users to IAM roles. An identity pool with token-based role mapping gives the user the cognito:preferred_role (or a role from cognito:roles they ask for).',
      },
      () => ctx.idp.call('InitiateAuth', { ClientId: web.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: DEMO.alice.username, PASSWORD: DEMO.alice.password } }),
    );

    await ctx.step(
      {
        title: 'Bob signs in',
        narration: 'Bob is in readers, which has no role: his ID token lists cognito:groups ["readers"] but has no cognito:roles and no cognito:preferred_role. An identity pool would give him its default authenticated role.',
      },
      () => ctx.idp.call('InitiateAuth', { ClientId: web.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: DEMO.bob.username, PASSWORD: DEMO.bob.password } }),
    );
  },
};
