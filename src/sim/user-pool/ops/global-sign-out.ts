// GlobalSignOut: a signed-in user signs out everywhere. Every refresh token of theirs is revoked, and their
// access tokens fail on Cognito's APIs with "Access Token has been revoked" (aws-behaviour.md §3.11).
import { defineOperation } from '../env';
import { authenticateAccessToken } from '../access-token';
import { revokeAllForUser } from '../revocation';
import { TOKEN } from './shapes';

export const globalSignOut = defineOperation<{ AccessToken: string }, Record<string, never>>({
  name: 'GlobalSignOut',
  auth: 'none',
  shape: { AccessToken: TOKEN },
  async run(env, input, call) {
    const { pool, user } = await authenticateAccessToken(env, call, input.AccessToken);
    revokeAllForUser(call, pool, user.username);
    return {};
  },
});
