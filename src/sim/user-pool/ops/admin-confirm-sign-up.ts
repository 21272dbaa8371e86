// AdminConfirmSignUp: the administrator confirms an UNCONFIRMED user without a code (for pools that
// confirm users on the back end). It does not verify the user's e-mail or phone.
import { AwsError } from '../../core/errors';
import { defineOperation } from '../env';
import { getPool } from '../lookup';
import { requireAdminUser } from '../user-type';
import { CLIENT_METADATA, USERNAME, USER_POOL_ID } from './shapes';
import { NO_CLIENT } from '../triggers/invoke';
import { postConfirmation } from '../triggers/post-confirmation';

export const adminConfirmSignUp = defineOperation<{ UserPoolId: string; Username: string; ClientMetadata?: Record<string, string> }, Record<string, never>>({
  name: 'AdminConfirmSignUp',
  auth: 'sigv4',
  shape: { UserPoolId: USER_POOL_ID, Username: USERNAME, ClientMetadata: CLIENT_METADATA },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    const user = requireAdminUser(pool, input.Username);
    if (user.status !== 'UNCONFIRMED') {
      throw new AwsError('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.status}`);
    }
    user.status = 'CONFIRMED';
    delete user.codes['sign-up'];
    user.lastModified = env.clock.now();
    call.note({ kind: 'user-changed', summary: `The administrator confirmed ${user.username} without a code; the status is now CONFIRMED (no attribute was verified).`, username: user.username, change: 'confirmed' });
    // [TRIGGERS] AdminConfirmSignUp fires PostConfirmation_ConfirmSignUp too [V COGDOC user-pool-lambda-post-confirmation.md].
    await postConfirmation(env, call, pool, user, { triggerSource: 'PostConfirmation_ConfirmSignUp', clientId: NO_CLIENT, clientMetadata: input.ClientMetadata });
    return {};
  },
});
