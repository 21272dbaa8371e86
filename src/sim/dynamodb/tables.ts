// Tables: built from the world's TableConfig (seed items in DynamoDB JSON) or by CreateTable, and
// described as DescribeTable answers. ItemCount and TableSizeBytes are live here; AWS refreshes them
// about every six hours.
import { AwsError } from '../core/errors';
import { itemFrom } from './attribute-json';
import type { DynamoEnv, Table } from './env';
import { tableArn } from './env';
import { checkItem } from './ops/common';
import { createTableStore, putItem } from './storage';
import type { KeySchema } from './types';
import type { TableConfig } from '../world/config';

export function newTable(env: DynamoEnv, name: string, schema: KeySchema, options: { billingMode: Table['billingMode']; provisioned?: Table['provisioned'] }): Table {
  const attributes = schema.sortKey ? [schema.partitionKey, schema.sortKey] : [schema.partitionKey];
  return {
    name,
    arn: tableArn(env, name),
    id: env.random.uuid(),
    createdAt: env.clock.now(),
    schema,
    attributeDefinitions: attributes.map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
    billingMode: options.billingMode,
    provisioned: options.provisioned ?? { read: 0, write: 0 },
    store: createTableStore(schema),
  };
}

/** A world table, on-demand, with its seed items stored (each checked as PutItem would). */
export function buildTable(env: DynamoEnv, config: TableConfig): Table {
  const schema: KeySchema = { partitionKey: { ...config.partitionKey }, ...(config.sortKey ? { sortKey: { ...config.sortKey } } : {}) };
  const table = newTable(env, config.name, schema, { billingMode: 'PAY_PER_REQUEST' });
  for (const raw of config.items ?? []) {
    try {
      const item = itemFrom(raw);
      checkItem(table, item);
      putItem(table.store, item);
    } catch (error) {
      // A world that cannot load is a bug in the world, not an AWS answer.
      throw new Error(`world: table ${config.name} has an invalid seed item: ${error instanceof AwsError ? error.message : String(error)}`, { cause: error });
    }
  }
  return table;
}

/** CreateTable answers CREATING; the simulated table is ACTIVE at once, for every later request. */
export function describeTable(table: Table, status: 'CREATING' | 'ACTIVE' = 'ACTIVE'): Record<string, unknown> {
  const created = table.createdAt / 1000;
  return {
    AttributeDefinitions: table.attributeDefinitions.map((d) => ({ ...d })),
    TableName: table.name,
    KeySchema: [
      { AttributeName: table.schema.partitionKey.name, KeyType: 'HASH' },
      ...(table.schema.sortKey ? [{ AttributeName: table.schema.sortKey.name, KeyType: 'RANGE' }] : []),
    ],
    TableStatus: status,
    CreationDateTime: created,
    ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: table.provisioned.read, WriteCapacityUnits: table.provisioned.write },
    TableSizeBytes: table.store.sizeBytes,
    ItemCount: table.store.itemCount,
    TableArn: table.arn,
    TableId: table.id,
    ...(table.billingMode === 'PAY_PER_REQUEST' ? { BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: created } } : {}),
    DeletionProtectionEnabled: false,
  };
}
