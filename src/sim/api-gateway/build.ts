// Deploys the world's APIs: REST APIs under the ids createSimulator generated, HTTP APIs under their own ids
// (from the seed unless the world gives one), with authorizers resolved to user pools, clients and functions.
// A world that names something that does not exist fails here, as a CloudFormation deployment would.
import { LOWER_ALPHANUMERIC, type Random } from '../core/random';
import { issuerOf } from '../user-pool/env';
import type { UserPool } from '../user-pool/model';
import type { HttpApiConfig, HttpAuthorizerConfig, RestAuthorizerConfig, RestRouteConfig } from '../world/api-config';
import type { RestApiConfig } from '../world/config';
import type { CognitoAuthorizer, HttpApi, HttpRoute, IdentitySource, JwtAuthorizer, LambdaAuthorizer, PoolIssuer, RestApi, RestAuthorizer, RestRoute } from './model';

export interface BuildInput {
  region: string;
  restApis: readonly RestApiConfig[];
  /** The ids createSimulator generated for restApis, in the same order. */
  restApiIds: readonly string[];
  httpApis: readonly HttpApiConfig[];
  pools: Iterable<UserPool>;
  functionNames: ReadonlySet<string>;
  random: Random;
}

const DEFAULT_TTL_SECONDS = 300;
const segmentsOf = (path: string) => path.split('/').filter((s) => s !== '');
const executeApiHost = (id: string, region: string) => `${id}.execute-api.${region}.amazonaws.com`;

function poolIssuer(region: string, pools: readonly UserPool[], name: string, where: string): PoolIssuer {
  const pool = pools.find((p) => p.name === name);
  if (!pool) throw new Error(`world: ${where} names an unknown user pool ${name}`);
  const issuer = issuerOf({ region }, pool.id);
  return { poolId: pool.id, poolName: pool.name, issuer, jwksUrl: `${issuer}/.well-known/jwks.json` };
}

/** method.request.header.X / method.request.querystring.Y, comma-separated. */
export function parseIdentitySources(expression: string, where: string): IdentitySource[] {
  return expression
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const match = /^method\.request\.(header|querystring)\.(.+)$/.exec(s);
      if (!match) throw new Error(`world: ${where} has an identity source API Gateway does not accept: ${s}`);
      return { location: match[1] as IdentitySource['location'], name: match[2]!, expression: s };
    });
}

function restAuthorizer(config: RestAuthorizerConfig, region: string, pools: readonly UserPool[], functions: ReadonlySet<string>): RestAuthorizer {
  const where = `authorizer ${config.name}`;
  const sources = parseIdentitySources(config.identitySource, where);
  if (config.type === 'COGNITO_USER_POOLS') {
    const header = sources[0];
    if (sources.length !== 1 || header?.location !== 'header') throw new Error(`world: ${where} needs exactly one header as its identity source`);
    const names = config.userPools ?? [];
    if (names.length === 0) throw new Error(`world: ${where} names no user pool`);
    return {
      kind: 'cognito',
      name: config.name,
      header: header.name,
      pools: names.map((n) => poolIssuer(region, pools, n, where)),
      ...(config.identityValidationExpression ? { audiencePattern: config.identityValidationExpression } : {}),
    } satisfies CognitoAuthorizer;
  }
  if (!config.functionName || !functions.has(config.functionName)) throw new Error(`world: ${where} names an unknown function ${config.functionName ?? '(none)'}`);
  if (config.type === 'TOKEN' && (sources.length !== 1 || sources[0]!.location !== 'header')) throw new Error(`world: ${where} (TOKEN) needs exactly one header as its identity source`);
  const ttl = config.resultTtlInSeconds ?? DEFAULT_TTL_SECONDS;
  if (ttl < 0 || ttl > 3600) throw new Error(`world: ${where} caches for ${ttl} s; API Gateway allows 0–3600`);
  return {
    kind: 'lambda',
    type: config.type,
    name: config.name,
    functionName: config.functionName,
    sources,
    ttlMs: ttl * 1000,
    ...(config.identityValidationExpression ? { validation: new RegExp(`^(?:${config.identityValidationExpression})$`) } : {}),
  } satisfies LambdaAuthorizer;
}

function restRoute(config: RestRouteConfig, authorizers: Map<string, RestAuthorizer>, api: string, pools: readonly UserPool[], region: string, random: Random): RestRoute {
  const where = `${api} ${config.method} ${config.path}`;
  let authorizer: RestAuthorizer | undefined;
  if (config.authorization === 'COGNITO_USER_POOLS') {
    authorizer = config.authorizer ? authorizers.get(config.authorizer) : [...authorizers.values()].find((a) => a.kind === 'cognito');
    // A world without authorizers: one Cognito authorizer for every user pool, on the Authorization header.
    authorizer ??= { kind: 'cognito', name: 'CognitoAuthorizer', header: 'Authorization', pools: pools.map((p) => poolIssuer(region, pools, p.name, where)) };
    if (authorizer.kind !== 'cognito') throw new Error(`world: ${where} uses ${config.authorizer} as a Cognito authorizer`);
  } else if (config.authorization === 'CUSTOM') {
    authorizer = config.authorizer ? authorizers.get(config.authorizer) : undefined;
    if (authorizer?.kind !== 'lambda') throw new Error(`world: ${where} (CUSTOM) needs a Lambda authorizer, not ${config.authorizer ?? 'none'}`);
  }
  return {
    method: config.method.toUpperCase(),
    path: config.path,
    segments: segmentsOf(config.path),
    resourceId: random.string(LOWER_ALPHANUMERIC, 6),
    authorization: config.authorization,
    scopes: config.scopes ?? [],
    integration: config.integration ?? { type: 'mock', body: JSON.stringify({ message: `${config.method} ${config.path} has no integration in this world` }) },
    ...(authorizer ? { authorizer } : {}),
    ...(config.throttling ? { throttling: config.throttling } : {}),
  };
}

function jwtAuthorizer(config: HttpAuthorizerConfig, region: string, pools: readonly UserPool[]): JwtAuthorizer {
  const where = `JWT authorizer ${config.name}`;
  const pool = poolIssuer(region, pools, config.userPool, where);
  const clients = config.audience.map((entry) => {
    const [poolName, clientName] = entry.split('/');
    const owner = pools.find((p) => p.name === poolName);
    const client = owner && [...owner.clients.values()].find((c) => c.clientName === clientName);
    if (!client) throw new Error(`world: ${where} names an unknown app client ${entry}`);
    return client;
  });
  const source = config.identitySource ?? '$request.header.Authorization';
  const header = /^\$request\.header\.(.+)$/.exec(source)?.[1];
  if (!header) throw new Error(`world: ${where} has an identity source other than a header: ${source}`);
  return { name: config.name, pool, header, audience: clients.map((c) => c.clientId), audienceNames: config.audience };
}

function checkIntegration(integration: RestRoute['integration'], functions: ReadonlySet<string>, where: string): void {
  if (integration.type === 'lambda' && !functions.has(integration.functionName)) throw new Error(`world: ${where} integrates with an unknown function ${integration.functionName}`);
}

export function buildApis(input: BuildInput): { rest: RestApi[]; http: HttpApi[] } {
  const pools = [...input.pools];
  const rest = input.restApis.map((config, i): RestApi => {
    const authorizers = new Map((config.authorizers ?? []).map((a) => [a.name, restAuthorizer(a, input.region, pools, input.functionNames)]));
    const routes = config.routes.map((r) => restRoute(r, authorizers, config.name, pools, input.region, input.random));
    for (const r of routes) checkIntegration(r.integration, input.functionNames, `${config.name} ${r.method} ${r.path}`);
    const id = input.restApiIds[i]!;
    return { kind: 'rest', id, name: config.name, stage: config.stage, host: executeApiHost(id, input.region), routes, ...(config.throttling ? { throttling: config.throttling } : {}) };
  });
  const http = input.httpApis.map((config): HttpApi => {
    const authorizers = new Map((config.authorizers ?? []).map((a) => [a.name, jwtAuthorizer(a, input.region, pools)]));
    const id = config.apiId ?? input.random.string(LOWER_ALPHANUMERIC, 10);
    const routes = config.routes.map((r): HttpRoute => {
      const where = `${config.name} ${r.method} ${r.path}`;
      const authorizer = r.authorization === 'JWT' ? (r.authorizer ? authorizers.get(r.authorizer) : [...authorizers.values()][0]) : undefined;
      if (r.authorization === 'JWT' && !authorizer) throw new Error(`world: ${where} needs a JWT authorizer`);
      checkIntegration(r.integration, input.functionNames, where);
      return {
        method: r.method.toUpperCase(),
        path: r.path,
        segments: segmentsOf(r.path),
        authorization: r.authorization,
        scopes: r.scopes ?? [],
        integration: r.integration,
        ...(authorizer ? { authorizer } : {}),
        ...(r.throttling ? { throttling: r.throttling } : {}),
      };
    });
    return { kind: 'http', id, name: config.name, host: executeApiHost(id, input.region), routes, ...(config.throttling ? { throttling: config.throttling } : {}) };
  });
  return { rest, http };
}
