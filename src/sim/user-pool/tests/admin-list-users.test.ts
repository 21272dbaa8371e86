import { describe, expect, it } from 'vitest';
import { AdminCreateUserCommand, AdminDisableUserCommand, AdminGetUserCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createSimulator } from '../../index';
import { cognitoClient } from '../../../testing/sdk-handler';
import { START } from './admin-harness';

async function world() {
  const sim = await createSimulator({ seed: 61, startTime: START });
  const admin = cognitoClient(sim);
  const poolId = sim.describe().userPools[0]!.id;
  const list = async (Filter?: string) => (await admin.send(new ListUsersCommand({ UserPoolId: poolId, ...(Filter !== undefined ? { Filter } : {}) }))).Users!.map((u) => u.Username);
  return { sim, admin, poolId, list };
}

const GOOGLE = 'Google_104857600000000000001';
const CORP = 'CorpAD_carol.corp';

describe('When an administrator lists users', () => {
  it('returns every user as a UserType when there is no filter', async () => {
    const { admin, poolId, list } = await world();
    expect(await list()).toEqual(['alice', 'bob', GOOGLE, CORP]);
    expect(await list('')).toEqual(['alice', 'bob', GOOGLE, CORP]);
    const { Users } = await admin.send(new ListUsersCommand({ UserPoolId: poolId }));
    expect(Users![0]).toMatchObject({ Username: 'alice', Enabled: true, UserStatus: 'CONFIRMED' });
    expect(Users![0]!.UserCreateDate!.getTime()).toBe(START);
    expect(Users![0]!.Attributes).toContainEqual({ Name: 'email', Value: 'alice@example.com' });
  });

  it('matches an attribute exactly with =, ignoring case except for the username', async () => {
    const { list } = await world();
    expect(await list('email = "alice@example.com"')).toEqual(['alice']);
    expect(await list('email = "ALICE@example.com"')).toEqual(['alice']);
    expect(await list('email = "alice@example"')).toEqual([]);
    expect(await list('username = "bob"')).toEqual(['bob']);
    expect(await list('username = "BOB"')).toEqual([]);
    expect(await list('name="Bob Builder"')).toEqual(['bob']);
  });

  it('matches a prefix with ^= and sorts by the searched attribute', async () => {
    const { list } = await world();
    expect(await list('username ^= "Google_"')).toEqual([GOOGLE]);
    expect(await list('email ^= "b"')).toEqual(['bob']);
    expect(await list('name ^= "c"')).toEqual([CORP]);
    // alice@example.com < bob@example.com < carol@corp.example < gina.google@gmail.example
    expect(await list('email ^= ""')).toEqual(['alice', 'bob', CORP, GOOGLE]);
  });

  it('filters on cognito:user_status (case-insensitive) and on status Enabled/Disabled (case-sensitive)', async () => {
    const { admin, poolId, list } = await world();
    await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'dana', MessageAction: 'SUPPRESS' }));
    expect(await list('cognito:user_status = "EXTERNAL_PROVIDER"')).toEqual([GOOGLE, CORP]);
    expect(await list('cognito:user_status = "force_change_password"')).toEqual(['dana']);
    expect(await list('cognito:user_status ^= "CONF"')).toEqual(['alice', 'bob']);
    await admin.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'bob' }));
    expect(await list('status = "Disabled"')).toEqual(['bob']);
    expect(await list('status = "disabled"')).toEqual([]);
    expect(await list('status = "Enabled"')).toEqual(['alice', GOOGLE, CORP, 'dana']);
  });

  it('filters on sub and on values with escaped quotes', async () => {
    const { admin, poolId, list } = await world();
    const alice = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }));
    expect(await list(`sub = "${alice.UserAttributes![0]!.Value}"`)).toEqual(['alice']);
    await admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'quinn', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'name', Value: 'Quinn "Q" Jones' }] }));
    expect(await list('name = "Quinn \\"Q\\" Jones"')).toEqual(['quinn']);
  });

  it('answers InvalidParameterException for a malformed filter or an attribute that cannot be searched', async () => {
    const { list } = await world();
    for (const filter of ['foo', 'email = alice@example.com', 'email == "a"', 'email = "a" and name = "b"', '= "a"']) {
      await expect(list(filter)).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Error while parsing filter.' });
    }
    await expect(list('custom:team = "blue"')).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Invalid search attribute: custom:team' });
    await expect(list('locale = "en"')).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Invalid search attribute: locale' });
    await expect(list(`email ^= "${'a'.repeat(250)}"`)).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringMatching(/^1 validation error detected: Value 'email \^= "a+"' at 'filter' failed to satisfy constraint: Member must have length less than or equal to 256$/),
    });
  });

  it('returns only the AttributesToGet', async () => {
    const { admin, poolId } = await world();
    const { Users } = await admin.send(new ListUsersCommand({ UserPoolId: poolId, AttributesToGet: ['email'], Filter: 'username = "alice"' }));
    expect(Users).toHaveLength(1);
    expect(Users![0]!.Attributes).toEqual([{ Name: 'email', Value: 'alice@example.com' }]);
    const all = await admin.send(new ListUsersCommand({ UserPoolId: poolId, AttributesToGet: [], Filter: 'username = "alice"' }));
    expect(all.Users![0]!.Attributes!.map((a) => a.Name)).toEqual(['sub', 'email', 'email_verified', 'name']);
  });

  it('pages with Limit and PaginationToken, and refuses a token replayed with another filter', async () => {
    const { admin, poolId } = await world();
    const first = await admin.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 3 }));
    expect(first.Users!.map((u) => u.Username)).toEqual(['alice', 'bob', GOOGLE]);
    expect(first.PaginationToken).toEqual(expect.any(String));
    const second = await admin.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 3, PaginationToken: first.PaginationToken }));
    expect(second.Users!.map((u) => u.Username)).toEqual([CORP]);
    expect(second.PaginationToken).toBeUndefined();
    const error = await admin.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 3, PaginationToken: first.PaginationToken, Filter: 'email ^= "a"' })).catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'InvalidParameterException' });
    expect((error as Error).message).toMatch(new RegExp(`^Paging marker ${first.PaginationToken} is invalid for request [0-9a-f-]{36}$`));
  });

  it('keeps Limit within 0–60 and answers ResourceNotFoundException for an unknown pool', async () => {
    const { admin } = await world();
    await expect(admin.send(new ListUsersCommand({ UserPoolId: 'us-east-1_Nope12345', Limit: 61 }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60",
    });
    await expect(admin.send(new ListUsersCommand({ UserPoolId: 'us-east-1_Nope12345' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_Nope12345 does not exist.',
    });
  });
});
