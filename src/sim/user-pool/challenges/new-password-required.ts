// NEW_PASSWORD_REQUIRED: a user an administrator created signs in with the temporary password and must choose a
// new one (and give any required attribute still missing). What follows is what follows any first factor.
import { AwsError } from '../../core/errors';
import { requireUserByUsername } from '../lookup';
import { assertPasswordConforms, hashPassword } from '../passwords';
import { takeSession } from '../sessions';
import { requireAttributes, STANDARD_ATTRIBUTES } from '../attributes';
import { afterFirstFactor } from '../sign-in-next';
import type { ChallengeAnswer } from './registry';

export const newPasswordRequired: ChallengeAnswer = async (env, call, pool, client, sessionId, responses) => {
  if (!responses.USERNAME) throw new AwsError('InvalidParameterException', 'Missing required parameter USERNAME');
  if (!responses.NEW_PASSWORD) throw new AwsError('InvalidParameterException', 'Missing required parameter NEW_PASSWORD');
  const session = takeSession(env, pool, client, sessionId, 'NEW_PASSWORD_REQUIRED');
  const user = requireUserByUsername(pool, session.username);
  assertPasswordConforms(pool.passwordPolicy, responses.NEW_PASSWORD);
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
  user.password = await hashPassword(env.random, responses.NEW_PASSWORD);
  user.status = 'CONFIRMED';
  user.lastModified = env.clock.now();
  call.note({ kind: 'user-changed', summary: `${user.username} chose a new password; the temporary one no longer works and the status is now CONFIRMED.`, username: user.username, change: 'password set, CONFIRMED' });
  return afterFirstFactor(env, call, pool, client, user);
};
