// NEW_PASSWORD_REQUIRED: a user an administrator created signs in with the temporary password and must choose a
// new one (and give any required attribute still missing). What follows is what follows any first factor.
import { AwsError } from '../../core/errors';
import { requireUserByUsername } from '../lookup';
import { assertPasswordConforms, hashPassword } from '../passwords';
import { takeSession } from '../sessions';
import { requireAttributes, STANDARD_ATTRIBUTES } from '../attributes';
import { afterFirstFactor } from '../sign-in-next';
import type { ServiceContext } from '../../core/router';
import type { UserPoolEnv } from '../env';
import type { User, UserPool } from '../model';
import type { ChallengeAnswer } from './registry';

export const newPasswordRequired: ChallengeAnswer = async (env, call, pool, client, sessionId, responses) => {
  if (!responses.USERNAME) throw new AwsError('InvalidParameterException', 'Missing required parameter USERNAME');
  if (!responses.NEW_PASSWORD) throw new AwsError('InvalidParameterException', 'Missing required parameter NEW_PASSWORD');
  const session = takeSession(env, pool, client, sessionId, 'NEW_PASSWORD_REQUIRED');
  const user = requireUserByUsername(pool, session.username);
  await setNewPassword(env, call, pool, user, responses.NEW_PASSWORD, responses);
  return afterFirstFactor(env, call, pool, client, user);
};

/**
 * The new password (and any `userAttributes.<name>` answers) of a user who signed in with a temporary password: the
 * pool's policy and required attributes, then CONFIRMED. Also the hosted UI's change-password page.
 */
export async function setNewPassword(env: UserPoolEnv, call: ServiceContext, pool: UserPool, user: User, newPassword: string, responses: Record<string, string>): Promise<void> {
  assertPasswordConforms(pool.passwordPolicy, newPassword);
  const updates = new Map<string, string>();
  for (const [key, value] of Object.entries(responses)) {
    if (!key.startsWith('userAttributes.')) continue;
    const name = key.slice('userAttributes.'.length);
    if (!STANDARD_ATTRIBUTES.has(name) && !name.startsWith('custom:')) {
      throw new AwsError('InvalidParameterException', `Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.\n`);
    }
    updates.set(name, value);
  }
  requireAttributes(pool, new Map([...user.attributes, ...updates]));
  for (const [k, v] of updates) user.attributes.set(k, v);
  user.password = await hashPassword(env.random, pool, user, newPassword);
  user.status = 'CONFIRMED';
  user.lastModified = env.clock.now();
  call.note({ kind: 'user-changed', summary: `${user.username} chose a new password; the temporary one no longer works and the status is now CONFIRMED.`, username: user.username, change: 'password set, CONFIRMED' });
}
