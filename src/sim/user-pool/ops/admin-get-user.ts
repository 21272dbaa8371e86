// AdminGetUser: one user's attributes and status, by username, alias or sub.
import { defineOperation } from '../env';
import { getPool } from '../lookup';
import { mfaSettingsOf } from '../mfa/preferences';
import { requireAdminUser, toUserType, type UserType } from '../user-type';
import { USERNAME, USER_POOL_ID } from './shapes';

type Output = Omit<UserType, 'Attributes'> & { UserAttributes: UserType['Attributes'] } & ReturnType<typeof mfaSettingsOf>;

export const adminGetUser = defineOperation<{ UserPoolId: string; Username: string }, Output>({
  name: 'AdminGetUser',
  auth: 'sigv4',
  shape: { UserPoolId: USER_POOL_ID, Username: USERNAME },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    const user = requireAdminUser(pool, input.Username);
    const { Attributes, ...rest } = toUserType(user);
    call.note({ kind: 'info', summary: `${user.username} is ${user.status} and ${user.enabled ? 'enabled' : 'disabled'}.` });
    return { Username: rest.Username, UserAttributes: Attributes, UserCreateDate: rest.UserCreateDate, UserLastModifiedDate: rest.UserLastModifiedDate, Enabled: rest.Enabled, UserStatus: rest.UserStatus, ...mfaSettingsOf(user) };
  },
});
