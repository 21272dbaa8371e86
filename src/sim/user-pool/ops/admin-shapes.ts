// Member constraints of the administrator operations that ops/shapes.ts does not already hold, as the
// Cognito model (botocore cognito-idp 2016-04-18) states them.
import type { FieldSpec } from '../../wire/validate';

/** PasswordType (TemporaryPassword, AdminSetUserPassword's Password): no minimum in the model; the policy judges length. */
export const ADMIN_PASSWORD: FieldSpec = { type: 'string', max: 256, pattern: '[\\S]+', sensitive: true };
/** PoolQueryLimitType (ListUserPools) and QueryLimit (ListUserPoolClients): 1–60. */
export const MAX_RESULTS: FieldSpec = { type: 'integer', min: 1, max: 60 };
/** PaginationKey (ListUserPoolClients, ListGroups, AdminListGroupsForUser). */
export const PAGINATION_KEY: FieldSpec = { type: 'string', min: 1, max: 131072, pattern: '[\\S]+' };
/** PaginationKeyType (ListUserPools). */
export const PAGINATION_KEY_TYPE: FieldSpec = { type: 'string', min: 1, pattern: '[\\S]+' };
export const ATTRIBUTE_NAME: FieldSpec = { type: 'string', min: 1, max: 32, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+' };
export const DELIVERY_MEDIUMS: FieldSpec = { type: 'list', of: { type: 'string', enum: ['SMS', 'EMAIL'] } };
export const ROLE_ARN: FieldSpec = {
  type: 'string',
  min: 20,
  max: 2048,
  pattern: 'arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?',
};

/** AWS's page size when a list's limit is left out (or, [U], given as 0). */
export const DEFAULT_PAGE_SIZE = 60;
export const pageSize = (limit: number | undefined): number => (limit === undefined || limit === 0 ? DEFAULT_PAGE_SIZE : limit);
