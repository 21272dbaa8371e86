// AdminResetUserPassword: the current password stops working (status RESET_REQUIRED, so sign-in answers
// PasswordResetRequiredException) and a reset code goes to the verified e-mail or phone, as with
// ForgotPassword; the user finishes with ConfirmForgotPassword.
import { AwsError } from '../../core/errors';
import { defineOperation } from '../env';
import { deliveryChannel } from '../attributes';
import { sendCode } from '../codes';
import { getPool } from '../lookup';
import { requireAdminUser } from '../user-type';
import { CLIENT_METADATA, USERNAME, USER_POOL_ID } from './shapes';

export const adminResetUserPassword = defineOperation<{ UserPoolId: string; Username: string; ClientMetadata?: Record<string, string> }, Record<string, never>>({
  name: 'AdminResetUserPassword',
  auth: 'sigv4',
  shape: { UserPoolId: USER_POOL_ID, Username: USERNAME, ClientMetadata: CLIENT_METADATA },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    const user = requireAdminUser(pool, input.Username);
    if (!user.enabled) throw new AwsError('NotAuthorizedException', 'User is disabled.');
    if (user.status === 'FORCE_CHANGE_PASSWORD' || user.status === 'UNCONFIRMED') {
      // [P] Seen for users who never replaced their temporary password (aws-amplify/amplify-flutter#3048).
      throw new AwsError('NotAuthorizedException', 'User password cannot be reset in the current state.');
    }
    const channel = deliveryChannel(user, { requireVerified: true });
    // [P] aws-behaviour.md §3.3.
    if (!channel) throw new AwsError('InvalidParameterException', 'Cannot reset password for the user as there is no registered/verified email or phone_number');
    const { issued } = sendCode(env, call, 'forgot-password', channel);
    user.codes['forgot-password'] = issued;
    user.status = 'RESET_REQUIRED';
    user.lastModified = env.clock.now();
    call.note({ kind: 'user-changed', summary: `${user.username} must reset the password (status RESET_REQUIRED): the old password no longer signs in, and the code sent lets the user choose a new one.`, username: user.username, change: 'RESET_REQUIRED' });
    return {};
  },
});
