// The administrator (SigV4-signed) operations of cognito-idp, by name.
import type { Operation } from '../env';
import { adminAddUserToGroup } from './admin-add-user-to-group';
import { adminConfirmSignUp } from './admin-confirm-sign-up';
import { adminCreateUser } from './admin-create-user';
import { adminDeleteUser } from './admin-delete-user';
import { adminDisableUser } from './admin-disable-user';
import { adminEnableUser } from './admin-enable-user';
import { adminGetUser } from './admin-get-user';
import { adminInitiateAuth } from './admin-initiate-auth';
import { adminListGroupsForUser } from './admin-list-groups-for-user';
import { adminRemoveUserFromGroup } from './admin-remove-user-from-group';
import { adminRespondToAuthChallenge } from './admin-respond-to-auth-challenge';
import { adminResetUserPassword } from './admin-reset-user-password';
import { adminSetUserMfaPreference } from './admin-set-user-mfa-preference';
import { adminSetUserPassword } from './admin-set-user-password';
import { adminUserGlobalSignOut } from './admin-user-global-sign-out';
import { createGroup } from './create-group';
import { describeUserPool } from './describe-user-pool';
import { describeUserPoolClient } from './describe-user-pool-client';
import { listGroups } from './list-groups';
import { listUserPoolClients } from './list-user-pool-clients';
import { listUserPools } from './list-user-pools';
import { listUsers } from './list-users';

export const adminOperations: Operation<never>[] = [
  listUserPools,
  describeUserPool,
  listUserPoolClients,
  describeUserPoolClient,
  listUsers,
  adminCreateUser,
  adminGetUser,
  adminConfirmSignUp,
  adminDeleteUser,
  adminDisableUser,
  adminEnableUser,
  adminSetUserPassword,
  adminResetUserPassword,
  adminInitiateAuth,
  adminUserGlobalSignOut,
  createGroup,
  listGroups,
  adminAddUserToGroup,
  adminRemoveUserFromGroup,
  adminListGroupsForUser,
  adminRespondToAuthChallenge,
  adminSetUserMfaPreference,
] as Operation<never>[];
