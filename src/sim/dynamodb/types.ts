// DynamoDB's data as the wire carries it: attribute values in DynamoDB JSON, items, key schemas.

export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] }
  | { M: Record<string, AttributeValue> }
  | { L: AttributeValue[] }
  | { NULL: true }
  | { BOOL: boolean };

export type AttributeType = 'S' | 'N' | 'B' | 'SS' | 'NS' | 'BS' | 'M' | 'L' | 'NULL' | 'BOOL';
export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL'];

export type Item = Record<string, AttributeValue>;

export type KeyType = 'S' | 'N' | 'B';

export interface KeyAttribute {
  name: string;
  type: KeyType;
}

export interface KeySchema {
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
}

/** The type tag of a value (its only member). */
export function typeOf(value: AttributeValue): AttributeType {
  for (const key in value) return key as AttributeType;
  /* c8 ignore next */
  return 'NULL';
}

/** The payload of a value of a known type. */
export function payload<T extends AttributeType>(value: AttributeValue, type: T): Extract<AttributeValue, Record<T, unknown>>[T] | undefined {
  return (value as Record<string, unknown>)[type] as Extract<AttributeValue, Record<T, unknown>>[T] | undefined;
}

/** The names of the key attributes, partition key first. */
export const keyNames = (schema: KeySchema): string[] => (schema.sortKey ? [schema.partitionKey.name, schema.sortKey.name] : [schema.partitionKey.name]);
