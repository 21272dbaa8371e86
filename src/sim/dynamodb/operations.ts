// The typed registry of DynamoDB operations, by the name X-Amz-Target carries.
import type { Operation } from './env';
import { batchGetItemOperation } from './ops/batch-get-item';
import { batchWriteItemOperation } from './ops/batch-write-item';
import { createTableOperation } from './ops/create-table';
import { deleteItemOperation } from './ops/delete-item';
import { describeTableOperation } from './ops/describe-table';
import { getItemOperation } from './ops/get-item';
import { listTablesOperation } from './ops/list-tables';
import { putItemOperation } from './ops/put-item';
import { queryOperation } from './ops/query';
import { scanOperation } from './ops/scan';
import { updateItemOperation } from './ops/update-item';

const all = [
  createTableOperation,
  describeTableOperation,
  listTablesOperation,
  putItemOperation,
  getItemOperation,
  updateItemOperation,
  deleteItemOperation,
  queryOperation,
  scanOperation,
  batchGetItemOperation,
  batchWriteItemOperation,
] as Operation<never>[];

export const dynamoOperations: ReadonlyMap<string, Operation<never>> = new Map(all.map((op) => [op.name, op]));
