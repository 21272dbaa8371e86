// What every user-pool operation is given: the pools, the clock, the seeded random source, the outbox
// and each pool's signing keys. Operations are `(env, input, call) => output` and throw AwsError.
import type { Clock } from '../core/clock';
import type { Outbox } from '../core/outbox';
import type { Random } from '../core/random';
import type { ServiceContext } from '../core/router';
import type { Shape } from '../wire/validate';
import type { PoolKeys } from './keys';
import type { UserPool } from './model';

export interface UserPoolEnv {
  region: string;
  accountId: string;
  clock: Clock;
  random: Random;
  outbox: Outbox;
  pools: Map<string, UserPool>;
  keys: Map<string, PoolKeys>;
}

export interface Operation<I = Record<string, unknown>, O = unknown> {
  name: string;
  /** 'none': public (no SigV4; the token, session or client id is the credential); 'sigv4': administrator API. */
  auth: 'none' | 'sigv4';
  shape: Shape;
  run(env: UserPoolEnv, input: I, call: ServiceContext): Promise<O>;
}

/** Declares an operation with its input type checked against its own shape by the caller. */
export const defineOperation = <I, O>(op: Operation<I, O>): Operation<I, O> => op;

export const issuerOf = (env: Pick<UserPoolEnv, 'region'>, poolId: string) => `https://cognito-idp.${env.region}.amazonaws.com/${poolId}`;
