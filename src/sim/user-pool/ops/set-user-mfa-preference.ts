// SetUserMFAPreference: a signed-in user turns their second factors on or off and picks the preferred one, with
// their access token (which must carry aws.cognito.signin.user.admin, as every self-service operation's does).
// The rules are in ../mfa/preferences.ts, shared with AdminSetUserMFAPreference.
import { defineOperation } from '../env';
import { authenticateAccessToken } from '../access-token';
import { applyMfaPreference, MFA_PREFERENCE_SHAPE, type MfaPreferenceInput } from '../mfa/preferences';
import { TOKEN } from './shapes';

export const setUserMfaPreference = defineOperation<MfaPreferenceInput & { AccessToken: string }, Record<string, never>>({
  name: 'SetUserMFAPreference',
  auth: 'none',
  shape: { ...MFA_PREFERENCE_SHAPE, AccessToken: TOKEN },
  async run(env, input, call) {
    const { pool, user } = await authenticateAccessToken(env, call, input.AccessToken);
    applyMfaPreference(call, pool, user, input, env.clock.now());
    return {};
  },
});
