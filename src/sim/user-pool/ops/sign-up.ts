// SignUp: a new, unconfirmed user; a confirmation code goes to the e-mail (or phone) to verify.
import { AwsError } from '../../core/errors';
import type { ServiceContext } from '../../core/router';
import { defineOperation, type UserPoolEnv } from '../env';
import { attributeListShape, deliveryChannel, readAttributes, requireAttributes, type AttributeType } from '../attributes';
import { sendCode, type CodeDeliveryDetails } from '../codes';
import { findClient, findUser, userKey } from '../lookup';
import { newUser } from '../create';
import type { AppClient, UserPool } from '../model';
import { assertPasswordConforms, hashPassword } from '../passwords';
import { checkSecretHash } from '../secret-hash';
import { CLIENT_ID, PASSWORD, SECRET_HASH, USERNAME } from './shapes';
import { applyPreSignUp, preSignUp } from '../triggers/pre-sign-up';
import { customMessage } from '../triggers/custom-message';

interface Input {
  ClientId: string;
  SecretHash?: string;
  Username: string;
  Password: string;
  UserAttributes?: AttributeType[];
  ValidationData?: AttributeType[];
  ClientMetadata?: Record<string, string>;
}

export const signUp = defineOperation<Input, { UserConfirmed: boolean; UserSub: string; CodeDeliveryDetails?: CodeDeliveryDetails }>({
  name: 'SignUp',
  auth: 'none',
  shape: {
    ClientId: CLIENT_ID,
    SecretHash: SECRET_HASH,
    Username: USERNAME,
    Password: { ...PASSWORD, required: true },
    UserAttributes: attributeListShape,
    ValidationData: attributeListShape,
    ClientMetadata: { type: 'stringMap' },
  },
  async run(env, input, call) {
    const { pool, client } = findClient(env, input.ClientId);
    await checkSecretHash(call, client, input.Username, input.SecretHash);
    return signUpUser(env, call, pool, client, input);
  },
});

/** SignUp's rules once the app client is known: also the hosted UI's sign-up page, which needs no SECRET_HASH. */
export async function signUpUser(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, input: Omit<Input, 'ClientId' | 'SecretHash'>): Promise<{ UserConfirmed: boolean; UserSub: string; CodeDeliveryDetails?: CodeDeliveryDetails }> {
  if (!pool.allowSelfSignUp) throw new AwsError('NotAuthorizedException', 'SignUp is not permitted for this user pool');
  if (pool.usernameAttributes.length > 0 && !input.Username.includes('@') && !input.Username.startsWith('+')) {
    throw new AwsError('InvalidParameterException', 'Username should be either an email or a phone number.');
  }
  const attributes = readAttributes(input.UserAttributes, { allowVerifiedFlags: false });
  if (pool.usernameAttributes.includes('email') && input.Username.includes('@')) attributes.set('email', input.Username);
  if (pool.usernameAttributes.includes('phone_number') && input.Username.startsWith('+')) attributes.set('phone_number', input.Username);
  requireAttributes(pool, attributes);
  // With e-mail or phone as the username attribute, Cognito makes the username a UUID.
  const username = pool.usernameAttributes.length > 0 ? env.random.uuid() : input.Username;
  if (pool.users.has(userKey(username)) || (pool.usernameAttributes.length > 0 && findUser(pool, input.Username))) {
    throw pool.usernameAttributes.length > 0
      ? new AwsError('UsernameExistsException', 'An account with the given email already exists.')
      : new AwsError('UsernameExistsException', 'User already exists');
  }
  assertPasswordConforms(pool.passwordPolicy, input.Password);
  call.note({ kind: 'password-policy', summary: 'The password meets the pool\'s policy. Only a salt and an SRP verifier computed from it are stored, never the password itself.', outcome: 'accepted' });

  // [TRIGGERS] the pre sign-up trigger may refuse the sign-up, or confirm and verify the user at once.
  const verdict = await preSignUp(env, call, pool, { triggerSource: 'PreSignUp_SignUp', userName: username, attributes, clientId: client.clientId, validationData: input.ValidationData, clientMetadata: input.ClientMetadata });
  const user = newUser(env, username, attributes, 'UNCONFIRMED');
  user.password = await hashPassword(env.random, pool, user, input.Password);
  pool.users.set(userKey(username), user);
  call.note({ kind: 'user-changed', summary: `User ${username} was created with status UNCONFIRMED and sub ${user.sub}.`, username, change: 'created' });
  applyPreSignUp(call, pool, user, verdict);
  if (user.status === 'CONFIRMED') return { UserConfirmed: true, UserSub: user.sub };

  const delivery = deliveryChannel(user, { requireVerified: false });
  const autoVerify = delivery && pool.autoVerifiedAttributes.includes(delivery.attributeName);
  if (!delivery || !autoVerify) return { UserConfirmed: false, UserSub: user.sub };
  const custom = await customMessage(env, call, pool, user, { triggerSource: 'CustomMessage_SignUp', clientId: client.clientId, clientMetadata: input.ClientMetadata });
  const { issued, details } = sendCode(env, call, 'sign-up', delivery, custom);
  user.codes['sign-up'] = issued;
  return { UserConfirmed: false, UserSub: user.sub, CodeDeliveryDetails: details };
}
