// Member constraints shared by many operations, as the Cognito model states them.
import type { FieldSpec } from '../../wire/validate';

export const CLIENT_ID: FieldSpec = { type: 'string', required: true, min: 1, max: 128, pattern: '[\\w+]+', sensitive: true };
export const USER_POOL_ID: FieldSpec = { type: 'string', required: true, min: 1, max: 55, pattern: '[\\w-]+_[0-9a-zA-Z]+' };
export const USERNAME: FieldSpec = { type: 'string', required: true, min: 1, max: 128, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+', sensitive: true };
// The model's pattern backtracks cubically on long input; the matcher accepts the same strings in linear time.
export const PASSWORD: FieldSpec = { type: 'string', min: 6, max: 256, pattern: '[\\S]+.*[\\S]+|[\\S]', matcher: '[\\S](?:.*[\\S])?', sensitive: true };
export const SECRET_HASH: FieldSpec = { type: 'string', min: 1, max: 128, pattern: '[\\w+=/]+', sensitive: true };
export const CONFIRMATION_CODE: FieldSpec = { type: 'string', required: true, min: 1, max: 2048, pattern: '[\\S]+' };
export const TOKEN: FieldSpec = { type: 'string', required: true, pattern: '[A-Za-z0-9-_=.]+', sensitive: true };
export const SESSION: FieldSpec = { type: 'string', min: 20, max: 2048 };
export const GROUP_NAME: FieldSpec = { type: 'string', required: true, min: 1, max: 128, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' };
export const LIMIT = (max: number): FieldSpec => ({ type: 'integer', min: 0, max });
export const PAGINATION_TOKEN: FieldSpec = { type: 'string', min: 1, pattern: '[\\S]+' };
export const CLIENT_METADATA: FieldSpec = { type: 'stringMap' };
