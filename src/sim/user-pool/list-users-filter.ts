// ListUsers' Filter: `attribute = "value"` (exact) or `attribute ^= "value"` (starts with), one
// attribute at a time, quotes inside the value escaped with a backslash; an empty filter lists everyone.
// Only these can be searched (botocore ListUsersRequest.Filter; COGDOC how-to-manage-user-accounts.md):
// username (case-sensitive), email, phone_number, name, given_name, family_name, preferred_username,
// cognito:user_status ("Status" in the console, case-insensitive), status ("Enabled" in the console:
// Enabled or Disabled, case-sensitive) and sub. The guide adds that searches are otherwise
// case-insensitive and that results come sorted by the searched attribute, ascending.
import { AwsError } from '../core/errors';
import type { User } from './model';

export const SEARCHABLE_ATTRIBUTES = [
  'username', 'email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username', 'cognito:user_status', 'status', 'sub',
] as const;

export type SearchableAttribute = (typeof SEARCHABLE_ATTRIBUTES)[number];

export interface UserFilter {
  attribute: SearchableAttribute;
  operator: '=' | '^=';
  value: string;
}

const CASE_SENSITIVE = new Set<SearchableAttribute>(['username', 'status']);

const FILTER = /^\s*([^\s=^"]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/su;

/** Parses a filter; undefined for an empty one. Throws AWS's InvalidParameterException otherwise. */
export function parseUserFilter(filter: string | undefined): UserFilter | undefined {
  if (filter === undefined || filter.trim() === '') return undefined;
  const match = FILTER.exec(filter);
  // [V] message: a real response quoted in aws/aws-sdk-php#1088 for Filter "foo".
  if (!match) throw new AwsError('InvalidParameterException', 'Error while parsing filter.');
  const [, name = '', operator, raw = ''] = match;
  if (!(SEARCHABLE_ATTRIBUTES as readonly string[]).includes(name)) {
    // [P] moto's wording for a custom or unindexed attribute; AWS documents only that such searches are refused.
    throw new AwsError('InvalidParameterException', `Invalid search attribute: ${name}`);
  }
  return { attribute: name as SearchableAttribute, operator: operator as '=' | '^=', value: raw.replace(/\\(.)/gsu, '$1') };
}

/** The value a filter compares for this user, or undefined when the user has none. */
export function searchedValue(user: User, attribute: SearchableAttribute): string | undefined {
  switch (attribute) {
    case 'username':
      return user.username;
    case 'sub':
      return user.sub;
    case 'cognito:user_status':
      return user.status;
    case 'status':
      return user.enabled ? 'Enabled' : 'Disabled';
    default:
      return user.attributes.get(attribute);
  }
}

export function matchesFilter(user: User, filter: UserFilter): boolean {
  const raw = searchedValue(user, filter.attribute);
  if (raw === undefined) return false;
  const fold = (s: string) => (CASE_SENSITIVE.has(filter.attribute) ? s : s.toLowerCase());
  const value = fold(raw);
  const wanted = fold(filter.value);
  return filter.operator === '=' ? value === wanted : value.startsWith(wanted);
}

/** The users a filter selects, sorted by the searched attribute (pool order when there is no filter). */
export function selectUsers(users: Iterable<User>, filter: UserFilter | undefined): User[] {
  const all = [...users];
  if (!filter) return all;
  const key = (u: User) => searchedValue(u, filter.attribute) ?? '';
  return all.filter((u) => matchesFilter(u, filter)).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export const describeFilter = (filter: UserFilter): string =>
  `${filter.attribute} ${filter.operator === '=' ? 'equals' : 'starts with'} "${filter.value}"${CASE_SENSITIVE.has(filter.attribute) ? ' (case-sensitive)' : ' (case-insensitive)'}`;
