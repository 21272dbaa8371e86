// The simulator contract of architecture.md: one fetch-shaped entry for every simulated AWS endpoint,
// the world's summary, the delivered messages, the virtual clock, the administrator's credentials and
// the trace. Runs unchanged in Node 20 and in browsers (WebCrypto, Request and Response only).
import { LOWER_ALPHANUMERIC, createRandom } from './core/random';
import { createClock, type Clock } from './core/clock';
import { createCredentialStore, newAccessKey, type CredentialStore } from './core/credentials';
import { createOutbox, type DeliveredMessage } from './core/outbox';
import { createRouter } from './core/router';
import { createTraceRecorder } from './core/trace';
import type { ActorId, Exchange } from './core/trace-types';
import type { WorldConfig } from './world/config';
import type { Placeholders } from './world/placeholders';
import { defaultWorld } from './world/default-world';
import { buildUserPool } from './user-pool/create';
import type { UserPoolEnv } from './user-pool/env';
import { userPoolOperations } from './user-pool/operations';
import { createUserPoolService } from './user-pool/service';
import { createIam } from './iam/create';
import { createIdentityPools } from './identity-pool/create';
import type { IdentityPoolEnv } from './identity-pool/env';
import { createStsService } from './sts/service';
import { cognitoIdentityIssuer } from './sts/web-identity-token';
import type { Iam } from './iam/iam';
import type { UserPool } from './user-pool/model';
import { buildDynamo } from './dynamodb/create';
import type { DynamoEnv } from './dynamodb/env';
import { dynamoOperations } from './dynamodb/operations';
import { createDynamoService } from './dynamodb/service';

export type { ActorId, Exchange, Note, RecordedRequest, RecordedResponse } from './core/trace-types';
export type { DeliveredMessage } from './core/outbox';
export type { WorldConfig } from './world/config';
export { defaultWorld, DEMO_PASSWORDS } from './world/default-world';

export interface WorldSummary {
  region: string;
  accountId: string;
  userPools: { id: string; name: string; domain?: string; clients: { clientId: string; name: string; hasSecret: boolean }[] }[];
  identityPools: { id: string; name: string }[];
  tables: { name: string }[];
  restApis: { id: string; name: string; stage: string; invokeUrl: string }[];
  /** HTTP APIs (API Gateway v2, $default stage): apiEndpoint is https://{id}.execute-api.{region}.amazonaws.com. */
  httpApis: { id: string; name: string; apiEndpoint: string }[];
  loadBalancers: { name: string; dnsName: string; arn: string }[];
}

export interface Simulator {
  /** Any AWS endpoint by its real URL. AWS errors come back as AWS error responses, never as throws.
   *  An unknown host rejects with a TypeError, as fetch does. `from` names the caller in the trace. */
  fetch(request: Request, init?: { from?: ActorId }): Promise<Response>;
  describe(): WorldSummary;
  messages(): DeliveredMessage[];
  clock: { now(): number; advance(ms: number): void };
  adminCredentials: { accessKeyId: string; secretAccessKey: string };
  trace(): readonly Exchange[];
}

export interface CreateSimulatorOptions {
  world?: WorldConfig;
  /** Virtual clock start, epoch ms (default: real now). */
  startTime?: number;
  /** Ids, codes and secrets are reproducible from it. */
  seed?: number;
}

/** Internals for tests of the simulator itself (not part of the contract). */
export interface SimulatorInternals {
  env: UserPoolEnv;
  credentials: CredentialStore;
  clock: Clock;
  iam: Iam;
  dynamodb: DynamoEnv;
  identityPools: IdentityPoolEnv;
}

const internals = new WeakMap<Simulator, SimulatorInternals>();
export const internalsOf = (sim: Simulator): SimulatorInternals => internals.get(sim)!;

export async function createSimulator(options: CreateSimulatorOptions = {}): Promise<Simulator> {
  // The services loaded on demand below start loading together now, so the awaits further down find them on the
  // way: in a browser one round trip for all five chunks, not five in a row. Their errors surface at those awaits.
  void Promise.all([import('./hosted-ui/service'), import('./api-gateway/service'), import('./alb/create'), import('./federation/create'), import('./federation/saml/create')]).catch(() => undefined);
  const world = structuredClone(options.world ?? defaultWorld);
  // The one read of the wall clock: the contract's default start time. Everything after reads the virtual clock.
  // eslint-disable-next-line no-restricted-properties
  const startTime = options.startTime ?? Date.now();
  const clock = createClock(startTime);
  const seed = options.seed ?? startTime % 0x7fffffff;
  const random = createRandom(seed);
  const trace = createTraceRecorder();
  const outbox = createOutbox();
  const credentials = createCredentialStore();
  const router = createRouter({ clock, random, trace });

  const admin = newAccessKey(random, 'AKIA');
  credentials.add({ ...admin, principalArn: `arn:aws:iam::${world.accountId}:user/Administrator`, isAdministrator: true });

  // Ids of the services later issues simulate; generated now so describe() is stable for a seed.
  const identityPools = world.identityPools.map((p) => ({ id: p.identityPoolId ?? `${world.region}:${random.uuid()}`, name: p.name }));
  const restApis = world.restApis.map((api) => {
    const id = api.restApiId ?? random.string(LOWER_ALPHANUMERIC, 10);
    return { id, name: api.name, stage: api.stage, invokeUrl: `https://${id}.execute-api.${world.region}.amazonaws.com/${api.stage}` };
  });
  const loadBalancers = world.loadBalancers.map((lb) => {
    const suffix = random.digits(10);
    const arnId = random.string('0123456789abcdef', 16);
    return { name: lb.name, dnsName: `${lb.name}-${suffix}.${world.region}.elb.amazonaws.com`, arn: `arn:aws:elasticloadbalancing:${world.region}:${world.accountId}:loadbalancer/app/${lb.name}/${arnId}` };
  });

  const env: UserPoolEnv = { region: world.region, accountId: world.accountId, clock, random, outbox, pools: new Map(), keys: new Map() };
  const placeholders: Record<string, string> = { albDnsName: loadBalancers[0]?.dnsName ?? 'alb.invalid' };
  for (const config of world.userPools) {
    const pool: UserPool = await buildUserPool(env, config, { placeholders, functionNames: new Set((world.functions ?? []).map((f) => f.name)) });
    env.pools.set(pool.id, pool);
  }

  // Every id the seed generated, for {{…}} placeholders in world strings (role policies, trust policies).
  const ids: Placeholders = {
    accountId: world.accountId,
    region: world.region,
    ...Object.fromEntries([...env.pools.values()].map((p) => [`userPool:${p.name}`, p.id])),
    ...Object.fromEntries(identityPools.map((p) => [`identityPool:${p.name}`, p.id])),
    ...Object.fromEntries(restApis.map((a) => [`restApi:${a.name}`, a.id])),
  };
  // [IAM] roles and the authorizer are built here.
  const iam = createIam({ roles: world.roles ?? [], ids, accountId: world.accountId, random });
  router.register(createUserPoolService(env, credentials, iam, userPoolOperations));
  // [IDENTITY-POOL] identity pools and STS are registered here.
  const identity = createIdentityPools({ world, ids: identityPools, userPools: env.pools.values(), clock, random, credentials, iam });
  router.register(identity.service);
  const sts = createStsService({ region: world.region, accountId: world.accountId, clock, random, credentials, iam, issuers: [cognitoIdentityIssuer] });
  router.register(sts);
  // [DYNAMODB] DynamoDB tables and its endpoints are registered here.
  const dynamodb = buildDynamo(world, clock, random);
  router.register(createDynamoService(dynamodb, credentials, iam, dynamoOperations));
  // [HOSTED-UI] the user pools' hosted UI and OAuth 2.0 endpoints are registered here.
  const { createHostedUiService } = await import('./hosted-ui/service');
  router.register(createHostedUiService(env, world.userPools));
  // [API-GATEWAY] REST and HTTP APIs and the Lambda functions behind them are registered here.
  const { registerApiGateway } = await import('./api-gateway/service');
  const apiGateway = registerApiGateway({ world, restApiIds: restApis.map((a) => a.id), pools: env.pools.values(), clock, random, credentials, iam }, router);
  // [ALB] load balancers, their targets and the ELB public-key endpoint are registered here.
  const { createLoadBalancers } = await import('./alb/create');
  for (const service of createLoadBalancers({ world, ids: loadBalancers, pools: env.pools.values(), clock }).services) router.register(service);
  // [FEDERATION] the simulated identity providers (Google, Facebook) are registered here.
  const { createFederation } = await import('./federation/create');
  // Its own random source, derived from the seed, so the apps' ids and secrets shift no other id of the world.
  const federation = createFederation({ region: world.region, random: createRandom(seed ^ 0x5eed_f00d), clock, pools: env.pools.values() });
  for (const service of federation.services) router.register(service);
  federation.connectIdentityPools(identity.env);
  // [SAML] the simulated SAML identity provider CorpAD is registered here.
  const { createCorpAdForWorld } = await import('./federation/saml/create');
  // Its own random source too: CorpAD's ids and certificate serial shift no other id of the world.
  router.register(createCorpAdForWorld({ region: world.region, random: createRandom(seed ^ 0x5a41_c0de), clock, pools: env.pools }).service);

  const sim: Simulator = {
    fetch: (request, init) => router.fetch(request, init),
    describe: () => ({
      region: world.region,
      accountId: world.accountId,
      userPools: [...env.pools.values()].map((p) => ({
        id: p.id,
        name: p.name,
        ...(p.domain ? { domain: p.domain } : {}),
        clients: [...p.clients.values()].map((c) => ({ clientId: c.clientId, name: c.clientName, hasSecret: c.clientSecret !== undefined })),
      })),
      identityPools: identityPools.map((p) => ({ ...p })),
      tables: world.tables.map((t) => ({ name: t.name })),
      restApis: restApis.map((a) => ({ ...a })),
      httpApis: apiGateway.httpApis.map((a) => ({ ...a })),
      loadBalancers: loadBalancers.map((l) => ({ ...l })),
    }),
    messages: () => outbox.all(),
    clock: { now: () => clock.now(), advance: (ms) => clock.advance(ms) },
    adminCredentials: { ...admin },
    trace: () => trace.all(),
  };
  internals.set(sim, { env, credentials, clock, iam, dynamodb, identityPools: identity.env });
  return sim;
}
