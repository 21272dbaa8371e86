// ResendConfirmationCode: a new sign-up code for an unconfirmed user, sent where SignUp sent the first one
// (an auto-verified e-mail or phone). The new code replaces the old one, which stops working.
import { AwsError } from '../../core/errors';
import type { ServiceContext } from '../../core/router';
import { defineOperation, type UserPoolEnv } from '../env';
import { sendCode, type CodeDeliveryDetails, type Delivery } from '../codes';
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

/** The first of e-mail and phone that the user has and the pool verifies automatically. */
function signUpDelivery(pool: UserPool, user: User): Delivery | undefined {
  for (const name of ['email', 'phone_number'] as const) {
    const value = user.attributes.get(name);
    if (value && pool.autoVerifiedAttributes.includes(name)) return { channel: name === 'email' ? 'EMAIL' : 'SMS', destination: value, attributeName: name };
  }
  return undefined;
}

export const resendConfirmationCode = defineOperation<Input, { CodeDeliveryDetails?: CodeDeliveryDetails }>({
  name: 'ResendConfirmationCode',
  auth: 'none',
  shape: { ClientId: CLIENT_ID, SecretHash: SECRET_HASH, Username: USERNAME, ClientMetadata: CLIENT_METADATA },
  async run(env, input, call) {
    const { pool, client } = findClient(env, input.ClientId);
    await checkSecretHash(call, client, input.Username, input.SecretHash);
    return resendSignUpCode(env, call, pool, client, input);
  },
});

/** ResendConfirmationCode's rules once the app client is known: also the hosted UI's "Send a new code" link. */
export async function resendSignUpCode(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, input: Omit<Input, 'ClientId' | 'SecretHash'>): Promise<{ CodeDeliveryDetails?: CodeDeliveryDetails }> {
  const channel = pool.autoVerifiedAttributes.includes('email') || !pool.autoVerifiedAttributes.includes('phone_number') ? 'EMAIL' : 'SMS';
  const user = findUser(pool, input.Username);
  if (!user) {
    if (hidesUserExistence(client)) return simulatedDelivery(call, client, input.Username, channel, `No user ${input.Username} exists.`);
    throw userNotFound();
  }
  if (!user.enabled) {
    // [U] A disabled user is treated like a missing one when existence errors are hidden.
    if (hidesUserExistence(client)) return simulatedDelivery(call, client, input.Username, channel, `${user.username} is disabled.`);
    throw new AwsError('NotAuthorizedException', 'User is disabled.');
  }
  if (user.status !== 'UNCONFIRMED') {
    call.note({ kind: 'info', summary: `${user.username} is ${user.status}: there is nothing left to confirm.` });
    // [P] The message AWS gives for a user who no longer needs a sign-up code.
    throw new AwsError('InvalidParameterException', 'User is already confirmed.');
  }
  const now = env.clock.now();
  countCall(user, 'ResendConfirmationCode', now);
  const delivery = signUpDelivery(pool, user);
  if (!delivery) {
    // [P] AWS's message when the pool verifies neither e-mail nor phone automatically.
    throw new AwsError('InvalidParameterException', 'Cannot resend codes. Auto verification not turned on.');
  }
  const custom = await customMessage(env, call, pool, user, { triggerSource: 'CustomMessage_ResendCode', clientId: client.clientId, clientMetadata: input.ClientMetadata });
  const { issued, details } = sendCode(env, call, 'sign-up', delivery, custom);
  const replaced = user.codes['sign-up'] !== undefined;
  user.codes['sign-up'] = issued;
  if (replaced) call.note({ kind: 'info', summary: `The previous sign-up code of ${user.username} no longer works: only the newest one does.` });
  return { CodeDeliveryDetails: details };
}
