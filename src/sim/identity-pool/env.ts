// What every identity-pool operation is given: the pools and their identities, the clock, the seeded random
// source, the account's credential store and IAM, the login providers and the OpenID token key.
// Operations are `(env, input, call) => output` and throw AwsError.
import type { Clock } from '../core/clock';
import type { CredentialStore } from '../core/credentials';
import type { Random } from '../core/random';
import type { ServiceContext } from '../core/router';
import type { Iam } from '../iam/iam';
import type { Shape } from '../wire/validate';
import type { IdentityPool } from './model';
import type { OpenIdKey } from './open-id-token';
import type { LoginProviderRegistry } from './providers/registry';

export interface IdentityPoolEnv {
  region: string;
  accountId: string;
  clock: Clock;
  random: Random;
  credentials: CredentialStore;
  iam: Iam;
  pools: Map<string, IdentityPool>;
  providers: LoginProviderRegistry;
  openIdKey: OpenIdKey;
}

export interface Operation<I = Record<string, unknown>, O = unknown> {
  name: string;
  /** 'none': public (no SigV4); 'sigv4': developer-credentials API, authorised by IAM. */
  auth: 'none' | 'sigv4';
  shape: Shape;
  /** For signed operations: the resource IAM authorises the action on. */
  resource?(env: IdentityPoolEnv, input: I): string;
  run(env: IdentityPoolEnv, input: I, call: ServiceContext): Promise<O>;
}

export const defineOperation = <I, O>(op: Operation<I, O>): Operation<I, O> => op;

export const identityPoolArn = (env: Pick<IdentityPoolEnv, 'region' | 'accountId'>, poolId: string) =>
  `arn:aws:cognito-identity:${env.region}:${env.accountId}:identitypool/${poolId}`;
