// Builds the account's DynamoDB from the world: its tables with their seed items.
import type { Clock } from '../core/clock';
import type { Random } from '../core/random';
import type { WorldConfig } from '../world/config';
import type { DynamoEnv } from './env';
import { buildTable } from './tables';

export function buildDynamo(world: Pick<WorldConfig, 'region' | 'accountId' | 'tables'>, clock: Clock, random: Random): DynamoEnv {
  const env: DynamoEnv = { region: world.region, accountId: world.accountId, clock, random, tables: new Map() };
  for (const config of world.tables) env.tables.set(config.name, buildTable(env, config));
  return env;
}
