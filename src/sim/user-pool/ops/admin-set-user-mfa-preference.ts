// AdminSetUserMFAPreference: an administrator (SigV4-signed, IAM permission cognito-idp:AdminSetUserMFAPreference)
// sets a user's second factors and preferred one, by username, alias or sub. Same rules as the user's own
// SetUserMFAPreference (../mfa/preferences.ts): TOTP can be turned on only once the user has verified a software
// token, which only the user can do [V ISS aws/aws-sdk-js-v3#4645].
import { defineOperation } from '../env';
import { getPool } from '../lookup';
import { applyMfaPreference, MFA_PREFERENCE_SHAPE, type MfaPreferenceInput } from '../mfa/preferences';
import { requireAdminUser } from '../user-type';
import { USERNAME, USER_POOL_ID } from './shapes';

export const adminSetUserMfaPreference = defineOperation<MfaPreferenceInput & { Username: string; UserPoolId: string }, Record<string, never>>({
  name: 'AdminSetUserMFAPreference',
  auth: 'sigv4',
  shape: { ...MFA_PREFERENCE_SHAPE, Username: USERNAME, UserPoolId: USER_POOL_ID },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    const user = requireAdminUser(pool, input.Username);
    applyMfaPreference(call, pool, user, input, env.clock.now());
    return {};
  },
});
