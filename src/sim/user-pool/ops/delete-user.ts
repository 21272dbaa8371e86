// DeleteUser: a signed-in user deletes their own account. The user, their group memberships, refresh tokens
// and open sign-in sessions are gone; their access tokens then fail with "User does not exist.", and a new
// account with the same username later is a different user (a new sub) that old tokens cannot reach.
import { defineOperation } from '../env';
import { authenticateAccessToken } from '../access-token';
import { userKey } from '../lookup';
import { TOKEN } from './shapes';

export const deleteUser = defineOperation<{ AccessToken: string }, Record<string, never>>({
  name: 'DeleteUser',
  auth: 'none',
  shape: { AccessToken: TOKEN },
  async run(env, input, call) {
    const { pool, user } = await authenticateAccessToken(env, call, input.AccessToken);
    const key = userKey(user.username);
    pool.users.delete(key);
    pool.memberships.delete(key);
    let refreshTokens = 0;
    for (const [token, record] of pool.refreshTokens) {
      if (userKey(record.username) === key) {
        pool.refreshTokens.delete(token);
        refreshTokens++;
      }
    }
    for (const [jti, family] of pool.tokenFamilies) if (userKey(family.username) === key) pool.tokenFamilies.delete(jti);
    for (const [id, session] of pool.sessions) if (userKey(session.username) === key) pool.sessions.delete(id);
    call.note({
      kind: 'user-changed',
      summary: `${user.username} deleted their own account (sub ${user.sub}). Their ${refreshTokens} refresh token${refreshTokens === 1 ? ' is' : 's are'} forgotten, and their access tokens no longer work on Cognito's APIs, though they still verify offline until they expire.`,
      username: user.username,
      change: 'deleted',
    });
    return {};
  },
});
