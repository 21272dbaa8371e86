// Verifying a user's own e-mail or phone number after sign-up (UpdateUserAttributes,
// GetUserAttributeVerificationCode, VerifyUserAttribute): only these two attributes can be verified,
// a code goes to the new value, and a verified value that signs someone in can belong to one user only.
import { AwsError } from '../core/errors';
import type { Delivery } from './codes';
import type { User, UserPool } from './model';

export type VerifiableAttribute = 'email' | 'phone_number';

export const isVerifiable = (name: string): name is VerifiableAttribute => name === 'email' || name === 'phone_number';

export function requireVerifiable(name: string): VerifiableAttribute {
  // [P] The message as an SDK user reported it (aws-amplify/amplify-js#3652).
  if (!isVerifiable(name)) throw new AwsError('InvalidParameterException', 'invalid attribute name. Only phone_number and email can be verified');
  return name;
}

export const deliveryTo = (name: VerifiableAttribute, value: string): Delivery => ({
  channel: name === 'email' ? 'EMAIL' : 'SMS',
  destination: value,
  attributeName: name,
});

/** Another user who signs in with this value (a verified alias, or the username attribute), if any. */
export function otherHolder(pool: UserPool, user: User, name: VerifiableAttribute, value: string): User | undefined {
  const asAlias = pool.aliasAttributes.includes(name);
  const asUsername = pool.usernameAttributes.includes(name);
  if (!asAlias && !asUsername) return undefined;
  const lower = value.toLowerCase();
  return [...pool.users.values()].find(
    (u) => u !== user && u.attributes.get(name)?.toLowerCase() === lower && (asUsername || u.attributes.get(`${name}_verified`) === 'true'),
  );
}

/** [P] aws-behaviour.md §3.1 (the wording moto and real captures show). */
export const aliasExists = (name: VerifiableAttribute): AwsError =>
  new AwsError('AliasExistsException', `An account with the given ${name === 'email' ? 'email' : 'phone number'} already exists.`);
