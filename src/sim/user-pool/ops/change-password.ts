// ChangePassword: a signed-in user, proving who they are with their access token and current password,
// chooses a new one that meets the pool's policy. Tokens already issued stay valid.
import { AwsError } from '../../core/errors';
import { defineOperation } from '../env';
import { authenticateAccessToken } from '../access-token';
import { hashPassword, passwordMatches, policyViolation } from '../passwords';
import { countCall } from '../rate-limit';
import { PASSWORD, TOKEN } from './shapes';

interface Input {
  PreviousPassword?: string;
  ProposedPassword: string;
  AccessToken: string;
}

export const changePassword = defineOperation<Input, Record<string, never>>({
  name: 'ChangePassword',
  auth: 'none',
  shape: { PreviousPassword: PASSWORD, ProposedPassword: { ...PASSWORD, required: true }, AccessToken: TOKEN },
  async run(env, input, call) {
    const { pool, user } = await authenticateAccessToken(env, call, input.AccessToken);
    const now = env.clock.now();
    countCall(user, 'ChangePassword', now);
    if (user.password) {
      // The model makes PreviousPassword optional only for passwordless users. [U] message.
      if (input.PreviousPassword === undefined) throw new AwsError('InvalidParameterException', 'Missing required parameter PreviousPassword');
      if (!(await passwordMatches(pool, user, input.PreviousPassword))) {
        call.note({ kind: 'password-checked', summary: `The current password given for ${user.username} is wrong, so the password is not changed.`, username: user.username, outcome: 'incorrect' });
        throw new AwsError('NotAuthorizedException', 'Incorrect username or password.');
      }
      call.note({ kind: 'password-checked', summary: `The current password of ${user.username} is correct.`, username: user.username, outcome: 'correct' });
    }
    const violation = policyViolation(pool.passwordPolicy, input.ProposedPassword);
    if (violation) {
      call.note({ kind: 'password-policy', summary: `The proposed password breaks the pool's policy: ${violation}.`, outcome: 'rejected', rule: violation });
      throw new AwsError('InvalidPasswordException', `Password does not conform to policy: ${violation}`);
    }
    call.note({ kind: 'password-policy', summary: 'The proposed password meets the pool\'s policy. Only a salt and an SRP verifier computed from it are stored, never the password itself.', outcome: 'accepted' });
    user.password = await hashPassword(env.random, pool, user, input.ProposedPassword);
    user.lastModified = now;
    call.note({ kind: 'user-changed', summary: `${user.username} changed their password; the old one no longer works. Tokens already issued stay valid.`, username: user.username, change: 'password changed' });
    return {};
  },
});
