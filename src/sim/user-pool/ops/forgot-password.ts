// ForgotPassword: a user who forgot their password asks for a reset code, sent to the verified e-mail or phone
// that the pool's account recovery setting names, valid for one hour (aws-behaviour.md §3.6). The old password
// keeps working until the reset is confirmed with ConfirmForgotPassword.
import { AwsError } from '../../core/errors';
import type { ServiceContext } from '../../core/router';
import { defineOperation, type UserPoolEnv } from '../env';
import type { Delivery } from '../codes';
import { sendCode, type CodeDeliveryDetails } from '../codes';
import { findClient, findUser } from '../lookup';
import type { AppClient, User, UserPool } from '../model';
import { countCall } from '../rate-limit';
import { checkSecretHash } from '../secret-hash';
import { hidesUserExistence, simulatedDelivery, userNotFound } from '../user-existence';
import { CLIENT_ID, CLIENT_METADATA, SECRET_HASH, USERNAME } from './shapes';
import { customMessage } from '../triggers/custom-message';

interface Input {
  ClientId: string;
  SecretHash?: string;
  Username: string;
  ClientMetadata?: Record<string, string>;
}

/** The verified channel the recovery setting allows: e-mail only, or SMS only. */
function recoveryDelivery(pool: UserPool, user: User): Delivery | undefined {
  const name = pool.accountRecovery === 'verified_phone_number' ? 'phone_number' : 'email';
  const value = user.attributes.get(name);
  if (!value || user.attributes.get(`${name}_verified`) !== 'true') return undefined;
  return { channel: name === 'email' ? 'EMAIL' : 'SMS', destination: value, attributeName: name };
}

export const forgotPassword = defineOperation<Input, { CodeDeliveryDetails?: CodeDeliveryDetails }>({
  name: 'ForgotPassword',
  auth: 'none',
  shape: { ClientId: CLIENT_ID, SecretHash: SECRET_HASH, Username: USERNAME, ClientMetadata: CLIENT_METADATA },
  async run(env, input, call) {
    const { pool, client } = findClient(env, input.ClientId);
    await checkSecretHash(call, client, input.Username, input.SecretHash);
    return requestPasswordReset(env, call, pool, client, input);
  },
});

/** ForgotPassword's rules once the app client is known: also the hosted UI's forgot-password page. */
export async function requestPasswordReset(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, input: Omit<Input, 'ClientId' | 'SecretHash'>): Promise<{ CodeDeliveryDetails?: CodeDeliveryDetails }> {
  if (pool.accountRecovery === 'admin_only') {
    call.note({ kind: 'info', summary: 'The pool\'s account recovery is "admin only": users cannot reset their own password; an administrator must.' });
    // [P] aws-behaviour.md §3.3
    throw new AwsError('NotAuthorizedException', 'Contact administrator to reset password.');
  }
  const channel = pool.accountRecovery === 'verified_phone_number' ? 'SMS' : 'EMAIL';
  const user = findUser(pool, input.Username);
  if (!user) {
    if (hidesUserExistence(client)) return simulatedDelivery(call, client, input.Username, channel, `No user ${input.Username} exists (or the alias is not verified).`);
    throw userNotFound();
  }
  if (!user.enabled) {
    // [U] A disabled user is treated like a missing one when existence errors are hidden.
    if (hidesUserExistence(client)) return simulatedDelivery(call, client, input.Username, channel, `${user.username} is disabled.`);
    throw new AwsError('NotAuthorizedException', 'User is disabled.');
  }
  if (user.status === 'FORCE_CHANGE_PASSWORD' || user.status === 'EXTERNAL_PROVIDER') {
    // A user with a temporary password must sign in with it and choose a new one (re:Post knowledge-center
    // "cognito-forgot-password"); message as reported in aws-amplify/amplify-flutter#3048. [U] for EXTERNAL_PROVIDER.
    call.note({ kind: 'info', summary: `${user.username} is ${user.status}: the password cannot be reset in this state.` });
    throw new AwsError('NotAuthorizedException', 'User password cannot be reset in the current state.');
  }
  const now = env.clock.now();
  countCall(user, 'ForgotPassword', now);
  const delivery = recoveryDelivery(pool, user);
  if (!delivery) {
    call.note({ kind: 'info', summary: `${user.username} has no verified ${channel === 'EMAIL' ? 'e-mail address' : 'phone number'}, so a reset code has nowhere safe to go.` });
    // [P] aws-behaviour.md §3.3; also quoted in re:Post knowledge-center "cognito-forgot-password".
    throw new AwsError('InvalidParameterException', 'Cannot reset password for the user as there is no registered/verified email or phone_number');
  }
  const custom = await customMessage(env, call, pool, user, { triggerSource: 'CustomMessage_ForgotPassword', clientId: client.clientId, clientMetadata: input.ClientMetadata });
  const { issued, details } = sendCode(env, call, 'forgot-password', delivery, custom);
  user.codes['forgot-password'] = issued;
  call.note({ kind: 'info', summary: `The old password of ${user.username} still works until the reset is confirmed; only the newest reset code is valid.` });
  return { CodeDeliveryDetails: details };
}
