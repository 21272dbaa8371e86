// What every DynamoDB operation is given: the account's tables, the clock, and a way to ask IAM
// whether the caller may do this to that table with these condition keys. Operations are
// `(env, input, ctx) => output` and throw AwsError.
import type { Clock } from '../core/clock';
import type { Random } from '../core/random';
import type { ServiceContext } from '../core/router';
import type { Shape } from '../wire/validate';
import type { TableStore } from './storage';
import type { KeySchema, KeyType } from './types';

export interface Table {
  name: string;
  arn: string;
  id: string;
  /** epoch ms */
  createdAt: number;
  schema: KeySchema;
  attributeDefinitions: { AttributeName: string; AttributeType: KeyType }[];
  billingMode: 'PROVISIONED' | 'PAY_PER_REQUEST';
  provisioned: { read: number; write: number };
  store: TableStore;
}

export interface DynamoEnv {
  region: string;
  accountId: string;
  clock: Clock;
  random: Random;
  tables: Map<string, Table>;
}

/** The DynamoDB condition keys of a request (6.3 of the reference). */
export interface DynamoConditionKeys {
  /** Partition-key values the request touches. */
  LeadingKeys?: string[];
  /** Top-level attribute names it reads or writes, keys included. */
  Attributes?: string[];
  Select?: string;
  ReturnValues?: string;
  ReturnConsumedCapacity?: string;
}

export interface OpContext {
  call: ServiceContext;
  /**
   * Asks IAM whether the caller may perform `action` (default: this operation) on the table (undefined:
   * on "*"), adding the evaluation to the trace; throws AccessDeniedException with AWS's text when not.
   */
  authorize(tableName: string | undefined, keys: DynamoConditionKeys, action?: string): void;
}

export interface Operation<I = Record<string, unknown>, O = unknown> {
  name: string;
  /** The model's constraints on the scalar members (maps of attribute values are read separately). */
  shape: Shape;
  run(env: DynamoEnv, input: I, ctx: OpContext): O;
}

export const defineOperation = <I, O>(op: Operation<I, O>): Operation<I, O> => op;

export const tableArn = (env: Pick<DynamoEnv, 'region' | 'accountId'>, name: string) => `arn:aws:dynamodb:${env.region}:${env.accountId}:table/${name}`;
