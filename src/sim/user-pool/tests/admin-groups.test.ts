import { describe, expect, it } from 'vitest';
import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CreateGroupCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { createSimulator, DEMO_PASSWORDS } from '../../index';
import { cognitoClient } from '../../../testing/sdk-handler';
import { START } from './admin-harness';

async function world() {
  const sim = await createSimulator({ seed: 71, startTime: START });
  const admin = cognitoClient(sim);
  const app = cognitoClient(sim);
  const pool = sim.describe().userPools[0]!;
  const signIn = async (USERNAME: string, PASSWORD: string) => {
    const out = await app.send(new InitiateAuthCommand({ ClientId: pool.clients[0]!.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } }));
    return { id: decodeJwt(out.AuthenticationResult!.IdToken!), access: decodeJwt(out.AuthenticationResult!.AccessToken!) };
  };
  const groupsOf = async (Username: string) =>
    (await admin.send(new AdminListGroupsForUserCommand({ UserPoolId: pool.id, Username }))).Groups!.map((g) => g.GroupName);
  return { sim, admin, poolId: pool.id, signIn, groupsOf };
}

const ROLE = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

describe('When an administrator creates a group', () => {
  it('returns the group with its role, precedence and dates, and lists it with the others', async () => {
    const { sim, admin, poolId } = await world();
    sim.clock.advance(1_500);
    const { Group } = await admin.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'editors', Description: 'Edit notes', RoleArn: ROLE('EditorRole'), Precedence: 5 }));
    expect(Group).toMatchObject({ GroupName: 'editors', UserPoolId: poolId, Description: 'Edit notes', RoleArn: ROLE('EditorRole'), Precedence: 5 });
    expect(Group!.CreationDate!.getTime()).toBe(START + 1_500);
    const { Groups } = await admin.send(new ListGroupsCommand({ UserPoolId: poolId }));
    expect(Groups!.map((g) => [g.GroupName, g.Precedence, g.RoleArn])).toEqual([
      ['admins', 1, ROLE('AdminRole')],
      ['readers', 10, undefined],
      ['editors', 5, ROLE('EditorRole')],
    ]);
  });

  it('refuses a name already taken and a RoleArn that is not an ARN', async () => {
    const { admin, poolId } = await world();
    await expect(admin.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'admins' }))).rejects.toMatchObject({
      name: 'GroupExistsException',
      message: 'A group with the name admins already exists.',
    });
    await expect(admin.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'odd', RoleArn: 'this-is-not-a-role-arn' }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringMatching(/^1 validation error detected: Value 'this-is-not-a-role-arn' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:/),
    });
    await expect(admin.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'neg', Precedence: -1 }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value '-1' at 'precedence' failed to satisfy constraint: Member must have value greater than or equal to 0",
    });
    await expect(admin.send(new CreateGroupCommand({ UserPoolId: 'us-east-1_Nope12345', GroupName: 'x' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_Nope12345 does not exist.',
    });
  });

  it('lists groups a page at a time', async () => {
    const { admin, poolId } = await world();
    const first = await admin.send(new ListGroupsCommand({ UserPoolId: poolId, Limit: 1 }));
    expect(first.Groups!.map((g) => g.GroupName)).toEqual(['admins']);
    const second = await admin.send(new ListGroupsCommand({ UserPoolId: poolId, Limit: 1, NextToken: first.NextToken }));
    expect(second.Groups!.map((g) => g.GroupName)).toEqual(['readers']);
    expect(second.NextToken).toBeUndefined();
  });
});

describe('When an administrator adds a user to a group', () => {
  it('lists the membership and puts the groups and roles into the next tokens', async () => {
    const { admin, poolId, signIn, groupsOf } = await world();
    const before = await signIn('bob', DEMO_PASSWORDS.bob);
    expect(before.id['cognito:groups']).toEqual(['readers']);
    expect(before.id['cognito:roles']).toBeUndefined();

    await admin.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'bob', GroupName: 'admins' }));
    expect(await groupsOf('bob')).toEqual(['admins', 'readers']);
    const after = await signIn('bob', DEMO_PASSWORDS.bob);
    expect(after.id['cognito:groups']).toEqual(['admins', 'readers']);
    expect(after.id['cognito:roles']).toEqual([ROLE('AdminRole')]);
    expect(after.id['cognito:preferred_role']).toBe(ROLE('AdminRole'));
    expect(after.access['cognito:groups']).toEqual(['admins', 'readers']);
  });

  it('orders groups by precedence and picks the preferred role of the lowest one', async () => {
    const { admin, poolId, signIn } = await world();
    await admin.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'editors', RoleArn: ROLE('EditorRole'), Precedence: 0 }));
    await admin.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'alice', GroupName: 'editors' }));
    const { id } = await signIn('alice', DEMO_PASSWORDS.alice);
    expect(id['cognito:groups']).toEqual(['editors', 'admins']);
    expect(id['cognito:roles']).toEqual([ROLE('EditorRole'), ROLE('AdminRole')]);
    expect(id['cognito:preferred_role']).toBe(ROLE('EditorRole'));
  });

  it('answers Group not found and User does not exist', async () => {
    const { admin, poolId, groupsOf } = await world();
    await expect(admin.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'bob', GroupName: 'ghosts' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Group not found.',
    });
    await expect(admin.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'zed', GroupName: 'admins' }))).rejects.toMatchObject({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
    expect(await groupsOf('bob')).toEqual(['readers']);
  });
});

describe('When an administrator removes a user from a group', () => {
  it('drops the group from the list and from the next tokens', async () => {
    const { admin, poolId, signIn, groupsOf } = await world();
    await admin.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: 'alice', GroupName: 'admins' }));
    expect(await groupsOf('alice')).toEqual([]);
    const { id } = await signIn('alice', DEMO_PASSWORDS.alice);
    expect(id['cognito:groups']).toBeUndefined();
    expect(id['cognito:preferred_role']).toBeUndefined();
    await admin.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: 'alice', GroupName: 'admins' }));
    expect(await groupsOf('alice')).toEqual([]);
  });

  it('answers Group not found and User does not exist', async () => {
    const { admin, poolId } = await world();
    await expect(admin.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: 'alice', GroupName: 'ghosts' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Group not found.',
    });
    await expect(admin.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: 'zed', GroupName: 'admins' }))).rejects.toMatchObject({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
  });
});

describe('When an administrator lists the groups of a user', () => {
  it('returns GroupType entries, a page at a time', async () => {
    const { admin, poolId } = await world();
    await admin.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'alice', GroupName: 'readers' }));
    const first = await admin.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'alice', Limit: 1 }));
    expect(first.Groups).toHaveLength(1);
    expect(first.Groups![0]).toMatchObject({ GroupName: 'admins', UserPoolId: poolId, Precedence: 1, RoleArn: ROLE('AdminRole'), Description: 'Administrators of the learner app' });
    const second = await admin.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'alice', Limit: 1, NextToken: first.NextToken }));
    expect(second.Groups!.map((g) => g.GroupName)).toEqual(['readers']);
    expect(second.NextToken).toBeUndefined();
    await expect(admin.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'zed' }))).rejects.toMatchObject({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
  });
});
