// ConfirmSignUp: the code from the sign-up message confirms the account (and verifies the address it
// went to). Wrong, expired, used and over-guessed codes get AWS's errors.
import { AwsError } from '../../core/errors';
import type { ServiceContext } from '../../core/router';
import { defineOperation, type UserPoolEnv } from '../env';
import { checkCode } from '../codes';
import { findClient, findUser } from '../lookup';
import type { AppClient, User, UserPool } from '../model';
import { countCall } from '../rate-limit';
import { checkSecretHash } from '../secret-hash';
import { CLIENT_ID, CLIENT_METADATA, CONFIRMATION_CODE, SECRET_HASH, USERNAME } from './shapes';
import { postConfirmation } from '../triggers/post-confirmation';

interface Input {
  ClientId: string;
  SecretHash?: string;
  Username: string;
  ConfirmationCode: string;
  ForceAliasCreation?: boolean;
  ClientMetadata?: Record<string, string>;
}

export const confirmSignUp = defineOperation<Input, Record<string, never>>({
  name: 'ConfirmSignUp',
  auth: 'none',
  shape: {
    ClientId: CLIENT_ID,
    SecretHash: SECRET_HASH,
    Username: USERNAME,
    ConfirmationCode: CONFIRMATION_CODE,
    ForceAliasCreation: { type: 'boolean' },
    ClientMetadata: CLIENT_METADATA,
  },
  async run(env, input, call) {
    const { pool, client } = findClient(env, input.ClientId);
    await checkSecretHash(call, client, input.Username, input.SecretHash);
    await confirmSignUpUser(env, call, pool, client, input);
    return {};
  },
});

/** ConfirmSignUp's rules once the app client is known, returning the confirmed user: also the hosted UI's confirmation page. */
export async function confirmSignUpUser(env: UserPoolEnv, call: ServiceContext, pool: UserPool, client: AppClient, input: Omit<Input, 'ClientId' | 'SecretHash'>): Promise<User> {
  const user = findUser(pool, input.Username);
  if (!user) {
    // [P] aws-behaviour.md §3.4: with PreventUserExistenceErrors the answer looks like a wrong code.
    if (client.preventUserExistenceErrors === 'ENABLED') throw new AwsError('CodeMismatchException', 'Invalid verification code provided, please try again.');
    throw new AwsError('UserNotFoundException', 'Username/client id combination not found.');
  }
  if (user.status !== 'UNCONFIRMED') {
    throw new AwsError('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.status}`);
  }
  const now = env.clock.now();
  countCall(user, 'ConfirmSignUp', now);
  checkCode(call, 'sign-up', user.codes['sign-up'], input.ConfirmationCode, now);

  // An alias (e-mail) already verified on another account: AliasExistsException unless forced.
  const verifiedAttribute = user.attributes.get('email') !== undefined ? 'email' : user.attributes.get('phone_number') !== undefined ? 'phone_number' : undefined;
  if (verifiedAttribute && pool.aliasAttributes.includes(verifiedAttribute)) {
    const value = user.attributes.get(verifiedAttribute)!.toLowerCase();
    const other = [...pool.users.values()].find((u) => u !== user && u.attributes.get(verifiedAttribute)?.toLowerCase() === value && u.attributes.get(`${verifiedAttribute}_verified`) === 'true');
    if (other) {
      if (!input.ForceAliasCreation) {
        throw new AwsError('AliasExistsException', `An account with the given ${verifiedAttribute === 'email' ? 'email' : 'phone number'} already exists.`);
      }
      other.attributes.set(`${verifiedAttribute}_verified`, 'false');
      call.note({ kind: 'user-changed', summary: `ForceAliasCreation moved the ${verifiedAttribute} alias from ${other.username} to ${user.username}.`, username: other.username, change: 'alias removed' });
    }
  }
  // Used up only now: after an AliasExistsException the same code may be sent again with ForceAliasCreation.
  delete user.codes['sign-up'];
  user.status = 'CONFIRMED';
  if (verifiedAttribute && pool.autoVerifiedAttributes.includes(verifiedAttribute)) user.attributes.set(`${verifiedAttribute}_verified`, 'true');
  user.lastModified = now;
  call.note({ kind: 'user-changed', summary: `${user.username} is now CONFIRMED${verifiedAttribute ? ` and ${verifiedAttribute} is verified` : ''}.`, username: user.username, change: 'confirmed' });
  // [TRIGGERS] after the confirmation, which stands even when the function fails.
  await postConfirmation(env, call, pool, user, { triggerSource: 'PostConfirmation_ConfirmSignUp', clientId: client.clientId, clientMetadata: input.ClientMetadata });
  return user;
}
