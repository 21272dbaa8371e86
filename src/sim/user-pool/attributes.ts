// User attributes: the AttributeType list on the wire ({Name, Value}) versus the map the pool keeps,
// AWS's masking of delivery destinations, and which attributes are standard, mutable and verifiable.
import { AwsError } from '../core/errors';
import type { User, UserPool } from './model';

export interface AttributeType {
  Name: string;
  Value?: string;
}

export const STANDARD_ATTRIBUTES = new Set([
  'address', 'birthdate', 'email', 'email_verified', 'family_name', 'gender', 'given_name', 'locale',
  'middle_name', 'name', 'nickname', 'phone_number', 'phone_number_verified', 'picture', 'preferred_username',
  'profile', 'sub', 'updated_at', 'website', 'zoneinfo', 'identities',
]);

export const attributeListShape = {
  type: 'list' as const,
  of: {
    type: 'object' as const,
    fields: {
      Name: { type: 'string' as const, required: true, min: 1, max: 32, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' },
      Value: { type: 'string' as const, max: 2048, sensitive: true },
    },
  },
};

/** Checks names against the pool's schema and returns them as a map. */
export function readAttributes(list: AttributeType[] | undefined, options: { allowVerifiedFlags: boolean }): Map<string, string> {
  const out = new Map<string, string>();
  for (const { Name, Value } of list ?? []) {
    if (!STANDARD_ATTRIBUTES.has(Name) && !Name.startsWith('custom:')) {
      // [P] AWS's wording for an attribute outside the pool's schema.
      throw new AwsError('InvalidParameterException', `Attributes did not conform to the schema: ${Name}: Attribute does not exist in the schema.\n`);
    }
    if (Name === 'sub') throw new AwsError('InvalidParameterException', 'Cannot modify the non-mutable attribute sub');
    if (!options.allowVerifiedFlags && (Name === 'email_verified' || Name === 'phone_number_verified')) continue;
    out.set(Name, Value ?? '');
  }
  if (out.has('email') && !/^[^@\s]+@[^@\s]+$/.test(out.get('email')!)) {
    throw new AwsError('InvalidParameterException', 'Invalid email address format.');
  }
  if (out.has('phone_number') && !/^\+[1-9]\d{4,14}$/.test(out.get('phone_number')!)) {
    throw new AwsError('InvalidParameterException', 'Invalid phone number format.');
  }
  return out;
}

export function requireAttributes(pool: UserPool, attributes: Map<string, string>): void {
  const missing = pool.requiredAttributes.filter((name) => !attributes.get(name));
  if (missing.length > 0) {
    throw new AwsError(
      'InvalidParameterException',
      `Attributes did not conform to the schema: ${missing.map((m) => `${m}: The attribute ${m} is required`).join(', ')}`,
    );
  }
}

export function toAttributeList(user: User): AttributeType[] {
  const list: AttributeType[] = [{ Name: 'sub', Value: user.sub }];
  for (const [Name, Value] of user.attributes) if (Name !== 'sub') list.push({ Name, Value });
  return list;
}

/** j***@e*** for e-mail, +*******1234 for phone numbers, as AWS shows a delivery destination. */
export function maskDestination(channel: 'EMAIL' | 'SMS', destination: string): string {
  if (channel === 'EMAIL') {
    const [local = '', domain = ''] = destination.split('@');
    return `${local.charAt(0)}***@${domain.charAt(0)}***`;
  }
  return `+${'*'.repeat(Math.max(destination.length - 5, 1))}${destination.slice(-4)}`;
}

/** The channel a code for this user goes to: verified e-mail first, then phone (or unverified when allowed). */
export function deliveryChannel(user: User, options: { requireVerified: boolean }):
  | { channel: 'EMAIL' | 'SMS'; destination: string; attributeName: 'email' | 'phone_number' }
  | undefined {
  const email = user.attributes.get('email');
  const phone = user.attributes.get('phone_number');
  const ok = (name: 'email' | 'phone_number') => !options.requireVerified || user.attributes.get(`${name}_verified`) === 'true';
  if (email && ok('email')) return { channel: 'EMAIL', destination: email, attributeName: 'email' };
  if (phone && ok('phone_number')) return { channel: 'SMS', destination: phone, attributeName: 'phone_number' };
  return undefined;
}
