// The administrator API's views of users and groups (UserType, GroupType), with dates as epoch seconds
// (JSON numbers, fractional like AWS's), and finding a user the way Admin* operations do.
import { AwsError } from '../core/errors';
import { toAttributeList, type AttributeType } from './attributes';
import { findUser } from './lookup';
import type { Group, User, UserPool, UserStatus } from './model';

export const epochSeconds = (ms: number): number => ms / 1000;

export interface UserType {
  Username: string;
  Attributes: AttributeType[];
  UserCreateDate: number;
  UserLastModifiedDate: number;
  Enabled: boolean;
  UserStatus: UserStatus;
}

/** UserType as AdminCreateUser and ListUsers return it; `attributesToGet` narrows the attributes. */
export function toUserType(user: User, attributesToGet?: readonly string[]): UserType {
  const all = toAttributeList(user);
  const wanted = attributesToGet && attributesToGet.length > 0 ? new Set(attributesToGet) : undefined;
  return {
    Username: user.username,
    Attributes: wanted ? all.filter((a) => wanted.has(a.Name)) : all,
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.lastModified),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

export interface GroupType {
  GroupName: string;
  UserPoolId: string;
  Description?: string;
  RoleArn?: string;
  Precedence?: number;
  LastModifiedDate: number;
  CreationDate: number;
}

export function toGroupType(pool: UserPool, group: Group): GroupType {
  return {
    GroupName: group.groupName,
    UserPoolId: pool.id,
    ...(group.description !== undefined ? { Description: group.description } : {}),
    ...(group.roleArn !== undefined ? { RoleArn: group.roleArn } : {}),
    ...(group.precedence !== undefined ? { Precedence: group.precedence } : {}),
    LastModifiedDate: epochSeconds(group.lastModified),
    CreationDate: epochSeconds(group.createdAt),
  };
}

/**
 * The user an Admin* operation names: "typically the username, but it can be any of their alias
 * attributes … [or] the sub of a local user" (AdminGetUser's Username member, botocore model).
 */
export function requireAdminUser(pool: UserPool, name: string): User {
  const user = findUser(pool, name) ?? [...pool.users.values()].find((u) => u.sub === name);
  if (!user) throw new AwsError('UserNotFoundException', 'User does not exist.');
  return user;
}

export function requireGroup(pool: UserPool, groupName: string): Group {
  const group = pool.groups.get(groupName);
  if (!group) throw new AwsError('ResourceNotFoundException', 'Group not found.');
  return group;
}

/** The groups a user is in, in the pool's order of groups. */
export function groupsOf(pool: UserPool, user: User): Group[] {
  const names = pool.memberships.get(user.username.toLowerCase()) ?? new Set<string>();
  return [...pool.groups.values()].filter((g) => names.has(g.groupName));
}
