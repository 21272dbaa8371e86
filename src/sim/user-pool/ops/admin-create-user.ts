// AdminCreateUser: an administrator creates a user with a temporary password (given or generated),
// status FORCE_CHANGE_PASSWORD, and an invitation carrying both; at first sign-in the user meets the
// NEW_PASSWORD_REQUIRED challenge. MessageAction RESEND renews the temporary password of such a user,
// SUPPRESS sends nothing.
import { AwsError } from '../../core/errors';
import type { ServiceContext } from '../../core/router';
import { newUser } from '../create';
import { defineOperation, type UserPoolEnv } from '../env';
import { attributeListShape, readAttributes, type AttributeType } from '../attributes';
import { planInvitation, type DeliveryMedium } from '../invitation';
import { findUser, getPool, userKey } from '../lookup';
import type { UserPool } from '../model';
import { assertPasswordConforms, generateTemporaryPassword, hashPassword } from '../passwords';
import { requireAdminUser, toUserType, type UserType } from '../user-type';
import { ADMIN_PASSWORD, DELIVERY_MEDIUMS } from './admin-shapes';
import { CLIENT_METADATA, USERNAME, USER_POOL_ID } from './shapes';
import { customMessage } from '../triggers/custom-message';
import { sendInvitationWithTexts } from '../triggers/custom-invitation';
import { NO_CLIENT } from '../triggers/invoke';
import { preSignUp } from '../triggers/pre-sign-up';

interface Input {
  UserPoolId: string;
  Username: string;
  UserAttributes?: AttributeType[];
  ValidationData?: AttributeType[];
  TemporaryPassword?: string;
  ForceAliasCreation?: boolean;
  MessageAction?: 'RESEND' | 'SUPPRESS';
  DesiredDeliveryMediums?: DeliveryMedium[];
  ClientMetadata?: Record<string, string>;
}

const DAY_MS = 86_400_000;

/** The temporary password: the one given (which must meet the policy) or a generated one that does. */
function temporaryPassword(env: UserPoolEnv, call: ServiceContext, pool: UserPool, given: string | undefined): string {
  if (given === undefined) {
    call.note({ kind: 'password-policy', summary: 'No TemporaryPassword was given, so Cognito generated one that meets the pool\'s policy.', outcome: 'accepted' });
    return generateTemporaryPassword(env.random, pool.passwordPolicy);
  }
  assertPasswordConforms(pool.passwordPolicy, given);
  call.note({ kind: 'password-policy', summary: 'The temporary password meets the pool\'s policy. Only a salt and an SRP verifier computed from it are stored, never the password itself.', outcome: 'accepted' });
  return given;
}

/** Verified e-mail or phone aliases already held by another user: refused unless ForceAliasCreation moves them. */
function claimAliases(call: ServiceContext, pool: UserPool, attributes: Map<string, string>, force: boolean): void {
  for (const attr of ['email', 'phone_number'] as const) {
    const value = attributes.get(attr)?.toLowerCase();
    if (!value || !pool.aliasAttributes.includes(attr) || attributes.get(`${attr}_verified`) !== 'true') continue;
    const other = [...pool.users.values()].find((u) => u.attributes.get(attr)?.toLowerCase() === value && u.attributes.get(`${attr}_verified`) === 'true');
    if (!other) continue;
    // [P] aws-behaviour.md §3.1 wording of AliasExistsException.
    if (!force) throw new AwsError('AliasExistsException', `An account with the given ${attr === 'email' ? 'email' : 'phone number'} already exists.`);
    other.attributes.set(`${attr}_verified`, 'false');
    call.note({ kind: 'user-changed', summary: `ForceAliasCreation moved the ${attr} alias from ${other.username} to the new user.`, username: other.username, change: 'alias removed' });
  }
}

async function resend(env: UserPoolEnv, call: ServiceContext, pool: UserPool, input: Input): Promise<{ User: UserType }> {
  const user = requireAdminUser(pool, input.Username);
  if (user.status !== 'FORCE_CHANGE_PASSWORD') {
    // [U] Message; the code is the one the model declares for a user in the wrong state.
    throw new AwsError('UnsupportedUserStateException', `Resend not possible. ${user.username} status is not FORCE_CHANGE_PASSWORD`);
  }
  const password = temporaryPassword(env, call, pool, input.TemporaryPassword);
  const plan = planInvitation(user.attributes, input.DesiredDeliveryMediums);
  const expiresAt = env.clock.now() + pool.passwordPolicy.TemporaryPasswordValidityDays * DAY_MS;
  user.password = await hashPassword(env.random, pool, user, password, expiresAt);
  user.lastModified = env.clock.now();
  call.note({ kind: 'user-changed', summary: `MessageAction RESEND: ${user.username} has a new temporary password, valid until ${new Date(expiresAt).toISOString()}; the old one no longer works.`, username: user.username, change: 'temporary password renewed' });
  const custom = plan.targets.length > 0 ? await customMessage(env, call, pool, user, { triggerSource: 'CustomMessage_AdminCreateUser', clientId: NO_CLIENT, clientMetadata: input.ClientMetadata }) : undefined;
  sendInvitationWithTexts(env, call, plan, { username: user.username, password, expiresAt }, custom);
  return { User: toUserType(user) };
}

export const adminCreateUser = defineOperation<Input, { User: UserType }>({
  name: 'AdminCreateUser',
  auth: 'sigv4',
  shape: {
    UserPoolId: USER_POOL_ID,
    Username: USERNAME,
    UserAttributes: attributeListShape,
    ValidationData: attributeListShape,
    TemporaryPassword: ADMIN_PASSWORD,
    ForceAliasCreation: { type: 'boolean' },
    MessageAction: { type: 'string', enum: ['RESEND', 'SUPPRESS'] },
    DesiredDeliveryMediums: DELIVERY_MEDIUMS,
    ClientMetadata: CLIENT_METADATA,
  },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    if (input.MessageAction === 'RESEND') return resend(env, call, pool, input);

    const byAttribute = pool.usernameAttributes.length > 0;
    if (byAttribute && !input.Username.includes('@') && !input.Username.startsWith('+')) {
      throw new AwsError('InvalidParameterException', 'Username should be either an email or a phone number.');
    }
    const attributes = readAttributes(input.UserAttributes, { allowVerifiedFlags: true });
    if (pool.usernameAttributes.includes('email') && input.Username.includes('@')) attributes.set('email', input.Username);
    if (pool.usernameAttributes.includes('phone_number') && input.Username.startsWith('+')) attributes.set('phone_number', input.Username);
    if (pool.users.has(userKey(input.Username)) || (byAttribute && findUser(pool, input.Username))) {
      throw byAttribute
        ? new AwsError('UsernameExistsException', 'An account with the given email already exists.')
        : new AwsError('UsernameExistsException', 'User account already exists');
    }
    const password = temporaryPassword(env, call, pool, input.TemporaryPassword);
    const suppress = input.MessageAction === 'SUPPRESS';
    const plan = suppress ? undefined : planInvitation(attributes, input.DesiredDeliveryMediums);
    // With e-mail or phone as the username attribute, Cognito makes the username a UUID.
    const username = byAttribute ? env.random.uuid() : input.Username;
    // [TRIGGERS] the pre sign-up trigger may refuse the user (Cognito ignores the rest of its answer here).
    await preSignUp(env, call, pool, { triggerSource: 'PreSignUp_AdminCreateUser', userName: username, attributes, clientId: NO_CLIENT, validationData: input.ValidationData, clientMetadata: input.ClientMetadata });
    claimAliases(call, pool, attributes, input.ForceAliasCreation === true);

    const user = newUser(env, username, attributes, 'FORCE_CHANGE_PASSWORD');
    const expiresAt = env.clock.now() + pool.passwordPolicy.TemporaryPasswordValidityDays * DAY_MS;
    user.password = await hashPassword(env.random, pool, user, password, expiresAt);
    pool.users.set(userKey(username), user);
    call.note({ kind: 'user-changed', summary: `The administrator created ${username} with status FORCE_CHANGE_PASSWORD: the temporary password only lets the user choose a new one, until ${new Date(expiresAt).toISOString()}.`, username, change: 'created' });

    const custom = plan && plan.targets.length > 0 ? await customMessage(env, call, pool, user, { triggerSource: 'CustomMessage_AdminCreateUser', clientId: NO_CLIENT, clientMetadata: input.ClientMetadata }) : undefined;
    if (plan) sendInvitationWithTexts(env, call, plan, { username, password, expiresAt }, custom);
    else call.note({ kind: 'info', summary: 'MessageAction SUPPRESS: no invitation was sent; the administrator has to pass the temporary password on some other way.' });
    return { User: toUserType(user) };
  },
});
