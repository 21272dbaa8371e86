// CreateGroup: a named group in a pool, optionally with an IAM role and a precedence; members get its
// name in cognito:groups, and the role in cognito:roles / cognito:preferred_role.
import { AwsError } from '../../core/errors';
import { defineOperation } from '../env';
import { getPool } from '../lookup';
import type { Group } from '../model';
import { toGroupType, type GroupType } from '../user-type';
import { ROLE_ARN } from './admin-shapes';
import { GROUP_NAME, USER_POOL_ID } from './shapes';

interface Input {
  GroupName: string;
  UserPoolId: string;
  Description?: string;
  RoleArn?: string;
  Precedence?: number;
}

export const createGroup = defineOperation<Input, { Group: GroupType }>({
  name: 'CreateGroup',
  auth: 'sigv4',
  shape: {
    GroupName: GROUP_NAME,
    UserPoolId: USER_POOL_ID,
    Description: { type: 'string', max: 2048 },
    RoleArn: ROLE_ARN,
    Precedence: { type: 'integer', min: 0 },
  },
  async run(env, input, call) {
    const pool = getPool(env, input.UserPoolId);
    if (pool.groups.has(input.GroupName)) {
      throw new AwsError('GroupExistsException', `A group with the name ${input.GroupName} already exists.`);
    }
    const now = env.clock.now();
    const group: Group = {
      groupName: input.GroupName,
      ...(input.Description !== undefined ? { description: input.Description } : {}),
      ...(input.Precedence !== undefined ? { precedence: input.Precedence } : {}),
      ...(input.RoleArn !== undefined ? { roleArn: input.RoleArn } : {}),
      createdAt: now,
      lastModified: now,
    };
    pool.groups.set(group.groupName, group);
    call.note({
      kind: 'info',
      summary: `Group ${group.groupName} created${group.roleArn ? ` with role ${group.roleArn}` : ' without a role'}${group.precedence !== undefined ? ` and precedence ${group.precedence} (lower wins when a user's groups disagree on the preferred role)` : ''}.`,
    });
    return { Group: toGroupType(pool, group) };
  },
});
