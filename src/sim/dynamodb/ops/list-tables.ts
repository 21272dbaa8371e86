// ListTables: the account's table names in this region, in order, a page at a time.
import { defineOperation } from '../env';

interface ListTablesInput {
  ExclusiveStartTableName?: string;
  Limit?: number;
}

export const listTablesOperation = defineOperation<ListTablesInput, { TableNames: string[]; LastEvaluatedTableName?: string }>({
  name: 'ListTables',
  shape: {
    ExclusiveStartTableName: { type: 'string', min: 3, max: 255, pattern: '[a-zA-Z0-9_.-]+' },
    Limit: { type: 'integer', min: 1, max: 100 },
  },
  run(env, input, ctx) {
    ctx.authorize(undefined, {});
    const names = [...env.tables.keys()].sort().filter((n) => input.ExclusiveStartTableName === undefined || n > input.ExclusiveStartTableName);
    const limit = input.Limit ?? 100;
    const page = names.slice(0, limit);
    return { TableNames: page, ...(names.length > limit ? { LastEvaluatedTableName: page[page.length - 1]! } : {}) };
  },
});
