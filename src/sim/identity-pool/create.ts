// Assembles the identity-pool service from the world: pools with their ids, providers and roles, the login
// provider registry (user pools built in, external IdPs as placeholders until federation), the OpenID key.
import type { Clock } from '../core/clock';
import type { CredentialStore } from '../core/credentials';
import type { Random } from '../core/random';
import type { Service } from '../core/router';
import type { Iam } from '../iam/iam';
import type { UserPool } from '../user-pool/model';
import type { WorldConfig } from '../world/config';
import { buildIdentityPool } from './build';
import type { IdentityPoolEnv } from './env';
import { createOpenIdKey } from './open-id-token';
import { identityPoolOperations } from './operations';
import { externalPlaceholderProvider } from './providers/external-placeholder';
import { createLoginProviderRegistry } from './providers/registry';
import { userPoolLoginProvider } from './providers/user-pool-login';
import { createIdentityPoolService } from './service';

export interface IdentityPoolDeps {
  world: WorldConfig;
  /** The ids the simulator generated for the world's identity pools, in world order. */
  ids: { id: string; name: string }[];
  userPools: Iterable<UserPool>;
  clock: Clock;
  random: Random;
  credentials: CredentialStore;
  iam: Iam;
}

export function createIdentityPools(deps: IdentityPoolDeps): { env: IdentityPoolEnv; service: Service } {
  const { world } = deps;
  const userPools = [...deps.userPools];
  const pools = new Map(
    world.identityPools.map((config, i) => {
      const pool = buildIdentityPool(config, deps.ids[i]!.id, { region: world.region, accountId: world.accountId, now: deps.clock.now(), userPools, userPoolConfigs: world.userPools });
      return [pool.id, pool] as const;
    }),
  );
  const env: IdentityPoolEnv = {
    region: world.region,
    accountId: world.accountId,
    clock: deps.clock,
    random: deps.random,
    credentials: deps.credentials,
    iam: deps.iam,
    pools,
    providers: createLoginProviderRegistry([userPoolLoginProvider, externalPlaceholderProvider]),
    openIdKey: createOpenIdKey(world.region),
  };
  return { env, service: createIdentityPoolService(env, identityPoolOperations) };
}
