// DescribeTable: the table's schema, status, throughput and counts.
import { AwsError } from '../../core/errors';
import { defineOperation } from '../env';
import { describeTable } from '../tables';
import { TABLE_NAME } from './shapes';

export const describeTableOperation = defineOperation<{ TableName: string }, { Table: Record<string, unknown> }>({
  name: 'DescribeTable',
  shape: { TableName: TABLE_NAME },
  run(env, input, ctx) {
    ctx.authorize(input.TableName, {});
    const table = env.tables.get(input.TableName);
    if (!table) throw new AwsError('ResourceNotFoundException', `Requested resource not found: Table: ${input.TableName} not found`);
    return { Table: describeTable(table) };
  },
});
