// Field constraints shared by DynamoDB operations, as the service model states them.
import type { FieldSpec } from '../../wire/validate';

export const TABLE_NAME: FieldSpec = { type: 'string', required: true, min: 3, max: 255, pattern: '[a-zA-Z0-9_.-]+' };
export const RETURN_CONSUMED_CAPACITY: FieldSpec = { type: 'string', enum: ['INDEXES', 'TOTAL', 'NONE'] };
export const RETURN_VALUES: FieldSpec = { type: 'string', enum: ['NONE', 'ALL_OLD', 'UPDATED_OLD', 'ALL_NEW', 'UPDATED_NEW'] };
export const RETURN_VALUES_ON_FAILURE: FieldSpec = { type: 'string', enum: ['ALL_OLD', 'NONE'] };
export const RETURN_ITEM_COLLECTION_METRICS: FieldSpec = { type: 'string', enum: ['SIZE', 'NONE'] };
export const SELECT: FieldSpec = { type: 'string', enum: ['ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'SPECIFIC_ATTRIBUTES', 'COUNT'] };
export const EXPRESSION: FieldSpec = { type: 'string' };
export const NAMES: FieldSpec = { type: 'stringMap' };
/** A map of attribute values: present and an object; its values are read by attribute-json. */
export const ATTRIBUTE_MAP: FieldSpec = { type: 'object', fields: {} };
export const REQUIRED_ATTRIBUTE_MAP: FieldSpec = { type: 'object', required: true, fields: {} };
export const INDEX_NAME: FieldSpec = { type: 'string', min: 3, max: 255, pattern: '[a-zA-Z0-9_.-]+' };

export interface ExpressionMembers {
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: unknown;
  ReturnConsumedCapacity?: 'INDEXES' | 'TOTAL' | 'NONE';
}
