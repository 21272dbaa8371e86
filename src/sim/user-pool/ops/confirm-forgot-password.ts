// ConfirmForgotPassword: the reset code from ForgotPassword and a new password that meets the policy set the
// password. A user waiting on a temporary password or a required reset becomes CONFIRMED. Signed-in sessions
// are not ended: tokens already issued keep working.
import { AwsError } from '../../core/errors';
import type { ServiceContext } from '../../core/router';
import { defineOperation, type UserPoolEnv } from '../env';
import { checkCode } from '../codes';
import { findClient, findUser } from '../lookup';
import type { AppClient, UserPool } from '../model';
import { hashPassword, policyViolation } from '../passwords';
import { countCall } from '../rate-limit';
import { checkSecretHash } from '../secret-hash';
import { hidesUserExistence, userNotFound } from '../user-existence';
import { CLIENT_ID, CLIENT_METADATA, CONFIRMATION_CODE, PASSWORD, SECRET_HASH, USERNAME } from './shapes';
import { postConfirmation } from '../triggers/post-confirmation';

interface Input {
  ClientId: string;
  SecretHash?: string;
  Username: string;
  ConfirmationCode: string;
  Password: string;
  ClientMetadata?: Record<string, string>;
}

const mismatch = () => new AwsError('CodeMismatchException', 'Invalid verification code provided, please try again.');

export const confirmForgotPassword = defineOperation<Input, Record<string, never>>({
  name: 'ConfirmForgotPassword',
  auth: 'none',
  shape: {
    ClientId: CLIENT_ID,
    SecretHash: SECRET_HASH,
    Username: USERNAME,
    ConfirmationCode: CONFIRMATION_CODE,
    Password: { ...PASSWORD, required: true },
    ClientMetadata: CLIENT_METADATA,
  },
  async run(env, input, call) {
    const { pool, client } = findClient(env, input.ClientId);
    await checkSecretHash(call, client, input.Username, input.SecretHash);
    return confirmPasswordReset(env, call, pool, client, input);
  },
});

/** ConfirmForgotPassword's rules once the app client is known: also the hosted UI's reset page. */
export async function confirmPasswordReset(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, input: Omit<Input, 'ClientId' | 'SecretHash'>): Promise<Record<string, never>> {
  const user = findUser(pool, input.Username);
  if (!user || !user.enabled) {
    // aws-behaviour.md §3.4: with ENABLED a missing or disabled user looks like a wrong code.
    if (hidesUserExistence(client)) {
      call.note({ kind: 'info', summary: `${user ? `${user.username} is disabled` : `No user ${input.Username} exists`}. PreventUserExistenceErrors is ENABLED, so the answer is the same as for a wrong code.` });
      throw mismatch();
    }
    if (!user) throw userNotFound();
    // [U] LEGACY's answer for a disabled user.
    throw new AwsError('NotAuthorizedException', 'User is disabled.');
  }
  const now = env.clock.now();
  countCall(user, 'ConfirmForgotPassword', now);
  // [U] The policy is checked before the code, so a weak password does not use up the code.
  const violation = policyViolation(pool.passwordPolicy, input.Password);
  if (violation) {
    call.note({ kind: 'password-policy', summary: `The new password breaks the pool's policy: ${violation}. The reset code is still valid.`, outcome: 'rejected', rule: violation });
    throw new AwsError('InvalidPasswordException', `Password does not conform to policy: ${violation}`);
  }
  checkCode(call, 'forgot-password', user.codes['forgot-password'], input.ConfirmationCode, now);
  delete user.codes['forgot-password'];
  user.password = await hashPassword(env.random, pool, user, input.Password);
  const before = user.status;
  if (before === 'FORCE_CHANGE_PASSWORD' || before === 'RESET_REQUIRED') user.status = 'CONFIRMED';
  user.lastModified = now;
  call.note({ kind: 'password-policy', summary: 'The new password meets the pool\'s policy. Only a salt and an SRP verifier computed from it are stored, never the password itself.', outcome: 'accepted' });
  call.note({
    kind: 'user-changed',
    summary: `${user.username} has a new password; the old one no longer works${user.status !== before ? ` and the status changed from ${before} to CONFIRMED` : ''}. Tokens already issued stay valid.`,
    username: user.username,
    change: user.status !== before ? 'password reset, CONFIRMED' : 'password reset',
  });
  // [TRIGGERS] after the reset, which stands even when the function fails.
  await postConfirmation(env, call, pool, user, { triggerSource: 'PostConfirmation_ConfirmForgotPassword', clientId: client.clientId, clientMetadata: input.ClientMetadata });
  return {};
}
