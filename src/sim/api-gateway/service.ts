// API Gateway's data plane, {apiId}.execute-api.{region}.amazonaws.com, for the world's REST and HTTP APIs,
// and the wiring createSimulator calls: the Lambda functions, the gateway, and what describe() shows of HTTP APIs.
import type { Clock } from '../core/clock';
import type { CredentialStore } from '../core/credentials';
import type { Random } from '../core/random';
import type { Router, Service } from '../core/router';
import type { Iam } from '../iam/iam';
import { buildFunctions, createLambdaService } from '../lambda/service';
import type { UserPool } from '../user-pool/model';
import type { WorldConfig } from '../world/config';
import { buildApis } from './build';
import type { GatewayEnv } from './env';
import { handleHttpRequest } from './http-api';
import { createJwksCache } from './jwt-check';
import type { DeployedApi } from './model';
import { handleRestRequest } from './rest-api';
import { createThrottle } from './throttle';

export interface ApiGatewayDeps {
  world: WorldConfig;
  /** The REST API ids createSimulator generated, in the world's order. */
  restApiIds: readonly string[];
  pools: Iterable<UserPool>;
  clock: Clock;
  random: Random;
  credentials: CredentialStore;
  iam: Iam;
}

export interface HttpApiSummary {
  id: string;
  name: string;
  apiEndpoint: string;
}

export function createApiGatewayService(env: GatewayEnv, apis: readonly DeployedApi[]): Service {
  const byHost = new Map(apis.map((api) => [api.host, api]));
  return {
    actor: 'api-gateway',
    handles: (host) => byHost.has(host),
    handle(call) {
      const api = byHost.get(call.url.hostname.toLowerCase())!;
      return api.kind === 'rest' ? handleRestRequest(env, call, api) : handleHttpRequest(env, call, api);
    },
  };
}

/** Registers the Lambda endpoint and API Gateway with the router; returns the HTTP APIs for describe(). */
export function registerApiGateway(deps: ApiGatewayDeps, router: Pick<Router, 'register'>): { httpApis: HttpApiSummary[] } {
  const { world } = deps;
  const functions = buildFunctions(world.functions ?? [], world.region, world.accountId);
  const apis = buildApis({
    region: world.region,
    restApis: world.restApis,
    restApiIds: deps.restApiIds,
    httpApis: world.httpApis ?? [],
    pools: deps.pools,
    functionNames: new Set(functions.keys()),
    random: deps.random,
  });
  const env: GatewayEnv = {
    region: world.region,
    accountId: world.accountId,
    clock: deps.clock,
    random: deps.random,
    credentials: deps.credentials,
    iam: deps.iam,
    jwks: createJwksCache(),
    throttle: createThrottle(),
    decisions: new Map(),
    sessions: new Map(),
  };
  router.register(createLambdaService({ region: world.region, accountId: world.accountId, credentials: deps.credentials, iam: deps.iam }, functions));
  router.register(createApiGatewayService(env, [...apis.rest, ...apis.http]));
  return { httpApis: apis.http.map((api) => ({ id: api.id, name: api.name, apiEndpoint: `https://${api.host}` })) };
}
