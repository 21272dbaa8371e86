// AdminSetUserPassword: Permanent sets the user's password and makes them CONFIRMED (federated users
// too, per the API reference); otherwise it is a temporary password, the status FORCE_CHANGE_PASSWORD,
// and it expires after the pool's TemporaryPasswordValidityDays.
import { defineOperation } from '../env';
import { getPool } from '../lookup';
import { assertPasswordConforms, hashPassword } from '../passwords';
import { requireAdminUser } from '../user-type';
import { ADMIN_PASSWORD } from './admin-shapes';
import { USERNAME, USER_POOL_ID } from './shapes';

interface Input {
  UserPoolId: string;
  Username: string;
  Password: string;
  Permanent?: boolean;
}

export const adminSetUserPassword = defineOperation<Input, Record<string, never>>({
  name: 'AdminSetUserPassword',
  auth: 'sigv4',
  shape: { UserPoolId: USER_POOL_ID, Username: USERNAME, Password: { ...ADMIN_PASSWORD, required: true }, Permanent: { type: 'boolean' } },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    const user = requireAdminUser(pool, input.Username);
    assertPasswordConforms(pool.passwordPolicy, input.Password);
    call.note({ kind: 'password-policy', summary: 'The new password meets the pool\'s policy. Only a salt and an SRP verifier computed from it are stored, never the password itself.', outcome: 'accepted' });
    const now = env.clock.now();
    if (input.Permanent === true) {
      user.password = await hashPassword(env.random, pool, user, input.Password);
      user.status = 'CONFIRMED';
      call.note({ kind: 'user-changed', summary: `The administrator set a permanent password for ${user.username}; the status is now CONFIRMED and the user signs in with it directly.`, username: user.username, change: 'password set, CONFIRMED' });
    } else {
      const expiresAt = now + pool.passwordPolicy.TemporaryPasswordValidityDays * 86_400_000;
      user.password = await hashPassword(env.random, pool, user, input.Password, expiresAt);
      user.status = 'FORCE_CHANGE_PASSWORD';
      call.note({ kind: 'user-changed', summary: `The administrator set a temporary password for ${user.username} (status FORCE_CHANGE_PASSWORD): it only leads to NEW_PASSWORD_REQUIRED, until ${new Date(expiresAt).toISOString()}.`, username: user.username, change: 'temporary password set' });
    }
    delete user.codes['forgot-password'];
    user.lastModified = now;
    return {};
  },
});
