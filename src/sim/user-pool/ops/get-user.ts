// GetUser: the signed-in user reads their own attributes with their access token.
import { defineOperation } from '../env';
import { authenticateAccessToken } from '../access-token';
import { toAttributeList, type AttributeType } from '../attributes';
import { mfaSettingsOf } from '../mfa/preferences';
import { TOKEN } from './shapes';

export const getUser = defineOperation<{ AccessToken: string }, { Username: string; UserAttributes: AttributeType[]; MFAOptions?: unknown[]; PreferredMfaSetting?: string; UserMFASettingList?: string[] }>({
  name: 'GetUser',
  auth: 'none',
  shape: { AccessToken: TOKEN },
  async run(env, input, call) {
    const { user } = await authenticateAccessToken(env, call, input.AccessToken);
    return { Username: user.username, UserAttributes: toAttributeList(user), ...mfaSettingsOf(user) };
  },
});
