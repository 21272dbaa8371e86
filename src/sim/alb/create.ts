// Builds the world's load balancers and the three services they need: the listeners at each DNS name
// (actor 'alb'), the instances behind them (actor 'target') and the regional ELB public-key endpoint.
// The load balancers draw ids, keys and cookie IVs from their own seeded stream, derived from their ARNs
// (which the simulator's seed already fixed): adding or using a load balancer never shifts the ids the
// other services draw from the simulator's stream.
import type { Clock } from '../core/clock';
import { createRandom } from '../core/random';
import type { Service } from '../core/router';
import type { UserPool } from '../user-pool/model';
import type { WorldConfig } from '../world/config';
import { buildLoadBalancer } from './build';
import type { AlbEnv } from './model';
import { createPublicKeyService } from './public-keys';
import { createAlbService } from './service';
import { createCookieKey } from './session-cookie';
import { createAlbSigningKey } from './signing-key';
import { createTargetService } from './targets';

export interface LoadBalancersInput {
  world: Pick<WorldConfig, 'region' | 'accountId' | 'loadBalancers'>;
  /** The ids createSimulator generated, in the world's order. */
  ids: { name: string; dnsName: string; arn: string }[];
  pools: Iterable<UserPool>;
  clock: Clock;
}

/** FNV-1a over the text: a 32-bit seed. */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export function createLoadBalancers(input: LoadBalancersInput): { env: AlbEnv; services: Service[] } {
  const random = createRandom(seedOf(`${input.world.region}|${input.ids.map((i) => i.arn).join('|')}`));
  const pools = [...input.pools];
  const balancers = input.world.loadBalancers.map((config, i) =>
    buildLoadBalancer({ region: input.world.region, accountId: input.world.accountId, config, ids: input.ids[i]!, pools, random }),
  );
  const env: AlbEnv = {
    region: input.world.region,
    accountId: input.world.accountId,
    clock: input.clock,
    random,
    balancers,
    signingKey: createAlbSigningKey(random),
    cookieKey: createCookieKey(random),
    pending: new Map(),
    jwks: new Map(),
  };
  return { env, services: [createAlbService(env), createTargetService(env), createPublicKeyService(env)] };
}
