// Input constraints of cognito-identity's model (BOTO cognito-identity 2014-06-30 shapes).
import type { FieldSpec } from '../../wire/validate';

export const IDENTITY_POOL_ID: FieldSpec = { type: 'string', required: true, min: 1, max: 55, pattern: '[\\w-]+:[0-9a-f-]+' };
export const IDENTITY_ID: FieldSpec = { type: 'string', required: true, min: 1, max: 55, pattern: '[\\w-]+:[0-9a-f-]+' };
export const ACCOUNT_ID: FieldSpec = { type: 'string', min: 1, max: 15, pattern: '\\d+' };
/** LoginsMap: at most 10 entries; keys 1–128 characters, tokens 1–50000 (checked by checkLogins). */
export const LOGINS: FieldSpec = { type: 'stringMap', sensitive: true };
export const ROLE_ARN: FieldSpec = { type: 'string', min: 20, max: 2048 };
export const MAX_RESULTS: FieldSpec = { type: 'integer', required: true, min: 1, max: 60 };
export const NEXT_TOKEN: FieldSpec = { type: 'string', min: 1, max: 65535, pattern: '[\\S]+' };
