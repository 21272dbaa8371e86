// CreateTable: a table with a partition key and an optional sort key, provisioned or on demand.
// Secondary indexes are not simulated.
import { AwsError } from '../../core/errors';
import { defineOperation } from '../env';
import { describeTable, newTable } from '../tables';
import type { KeySchema, KeyType } from '../types';
import { TABLE_NAME } from './shapes';

interface CreateTableInput {
  TableName: string;
  AttributeDefinitions: { AttributeName: string; AttributeType: KeyType }[];
  KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
  BillingMode?: 'PROVISIONED' | 'PAY_PER_REQUEST';
  ProvisionedThroughput?: { ReadCapacityUnits: number; WriteCapacityUnits: number };
  LocalSecondaryIndexes?: unknown[];
  GlobalSecondaryIndexes?: unknown[];
}

const INVALID = 'One or more parameter values were invalid: ';
const invalid = (message: string): never => {
  throw new AwsError('ValidationException', message);
};

/** The model's rules beyond single fields [P dynalite, captured from DynamoDB]. */
function schemaOf(input: CreateTableInput): KeySchema {
  if (input.BillingMode === 'PAY_PER_REQUEST') {
    if (input.ProvisionedThroughput) invalid(`${INVALID}Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST`);
  } else if (!input.ProvisionedThroughput) {
    invalid(`${INVALID}ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED`);
  }
  const definitions = input.AttributeDefinitions.map((d) => d.AttributeName);
  const keys = input.KeySchema.map((k) => k.AttributeName);
  if (keys.length > definitions.length) invalid('Invalid KeySchema: Some index key attribute have no definition');
  if (keys.some((k) => !definitions.includes(k))) {
    invalid(`${INVALID}Some index key attributes are not defined in AttributeDefinitions. Keys: [${keys.join(', ')}], AttributeDefinitions: [${definitions.join(', ')}]`);
  }
  if (keys.length === 2 && keys[0] === keys[1]) invalid('Both the Hash Key and the Range Key element in the KeySchema have the same name');
  if (input.KeySchema[0]!.KeyType !== 'HASH') invalid('Invalid KeySchema: The first KeySchemaElement is not a HASH key type');
  if (input.KeySchema[1] && input.KeySchema[1].KeyType !== 'RANGE') invalid('Invalid KeySchema: The second KeySchemaElement is not a RANGE key type');
  if (keys.length !== definitions.length) invalid(`${INVALID}Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions`);
  // [U] Not an AWS message: the simulator has no secondary indexes and says so rather than ignore them.
  if (input.LocalSecondaryIndexes || input.GlobalSecondaryIndexes) invalid('Cognito Lab does not simulate secondary indexes: create the table without LocalSecondaryIndexes and GlobalSecondaryIndexes');
  const typeOf = (name: string) => input.AttributeDefinitions.find((d) => d.AttributeName === name)!.AttributeType;
  return { partitionKey: { name: keys[0]!, type: typeOf(keys[0]!) }, ...(keys[1] ? { sortKey: { name: keys[1], type: typeOf(keys[1]) } } : {}) };
}

const KEY_NAME = { type: 'string', required: true, min: 1, max: 255 } as const;

export const createTableOperation = defineOperation<CreateTableInput, { TableDescription: Record<string, unknown> }>({
  name: 'CreateTable',
  shape: {
    TableName: TABLE_NAME,
    AttributeDefinitions: { type: 'list', required: true, of: { type: 'object', fields: { AttributeName: KEY_NAME, AttributeType: { type: 'string', required: true, enum: ['S', 'N', 'B'] } } } },
    KeySchema: { type: 'list', required: true, min: 1, max: 2, of: { type: 'object', fields: { AttributeName: KEY_NAME, KeyType: { type: 'string', required: true, enum: ['HASH', 'RANGE'] } } } },
    BillingMode: { type: 'string', enum: ['PROVISIONED', 'PAY_PER_REQUEST'] },
    ProvisionedThroughput: { type: 'object', fields: { ReadCapacityUnits: { type: 'integer', required: true, min: 1 }, WriteCapacityUnits: { type: 'integer', required: true, min: 1 } } },
    LocalSecondaryIndexes: { type: 'list', of: { type: 'object', fields: {} } },
    GlobalSecondaryIndexes: { type: 'list', of: { type: 'object', fields: {} } },
  },
  run(env, input, ctx) {
    const schema = schemaOf(input);
    ctx.authorize(input.TableName, {});
    if (env.tables.has(input.TableName)) throw new AwsError('ResourceInUseException', `Table already exists: ${input.TableName}`);
    const provisioned = input.ProvisionedThroughput ? { read: input.ProvisionedThroughput.ReadCapacityUnits, write: input.ProvisionedThroughput.WriteCapacityUnits } : undefined;
    const table = newTable(env, input.TableName, schema, { billingMode: input.BillingMode ?? 'PROVISIONED', ...(provisioned ? { provisioned } : {}) });
    env.tables.set(table.name, table);
    ctx.call.note({ kind: 'info', summary: `CreateTable created ${table.name} (partition key ${schema.partitionKey.name}${schema.sortKey ? `, sort key ${schema.sortKey.name}` : ''}). It answers CREATING; the simulated table is ready at once.` });
    return { TableDescription: describeTable(table, 'CREATING') };
  },
});
