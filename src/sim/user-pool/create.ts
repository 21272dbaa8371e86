// Builds a user pool's state from its world configuration: ids from the seed, AWS's defaults for
// everything left out, demo users with hashed passwords and group memberships.
import { LOWER_ALPHANUMERIC, ALPHANUMERIC } from '../core/random';
import type { UserConfig, UserPoolConfig, AppClientConfig } from '../world/config';
import type { UserPoolEnv } from './env';
import { createPoolKeys } from './keys';
import type { AppClient, User, UserPool } from './model';
import type { MfaFactorName } from './mfa/model';
import { DEFAULT_PASSWORD_POLICY, hashPassword } from './passwords';
import { checkValidity, DEFAULT_VALIDITY } from './validity';
import { lambdaTriggersOf } from './triggers/config';

export interface BuildContext {
  /** Replaces {albDnsName}-style placeholders in callback URLs with this world's values. */
  placeholders: Record<string, string>;
  /** The world's Lambda functions by name: every trigger must name one. */
  functionNames?: ReadonlySet<string>;
}

export function newUser(env: UserPoolEnv, username: string, attributes: Map<string, string>, status: User['status']): User {
  const now = env.clock.now();
  return {
    username,
    sub: env.random.uuid(),
    attributes,
    status,
    enabled: true,
    createdAt: now,
    lastModified: now,
    codes: {},
    attributeCodes: new Map(),
    failedSignIns: 0,
    recentCalls: new Map(),
  };
}

function buildClient(env: UserPoolEnv, config: AppClientConfig, build: BuildContext): AppClient {
  const now = env.clock.now();
  const fill = (url: string) => url.replace(/\{(\w+)\}/g, (m, key: string) => build.placeholders[key] ?? m);
  const clientId = config.clientId ?? env.random.string(LOWER_ALPHANUMERIC, 26);
  const clientSecret = config.clientSecret ?? (config.generateSecret ? env.random.string(LOWER_ALPHANUMERIC, 51) : undefined);
  const units = {
    IdToken: config.tokenValidityUnits?.IdToken ?? DEFAULT_VALIDITY.idToken.unit,
    AccessToken: config.tokenValidityUnits?.AccessToken ?? DEFAULT_VALIDITY.accessToken.unit,
    RefreshToken: config.tokenValidityUnits?.RefreshToken ?? DEFAULT_VALIDITY.refreshToken.unit,
  };
  // A refresh validity of 0 means AWS's default of 30 days.
  const refreshTokenValidity = config.refreshTokenValidity || DEFAULT_VALIDITY.refreshToken.value;
  const refreshUnit = config.refreshTokenValidity ? units.RefreshToken : DEFAULT_VALIDITY.refreshToken.unit;
  const idTokenValidity = config.idTokenValidity ?? DEFAULT_VALIDITY.idToken.value;
  const accessTokenValidity = config.accessTokenValidity ?? DEFAULT_VALIDITY.accessToken.value;
  const problem =
    checkValidity('idToken', idTokenValidity, units.IdToken) ??
    checkValidity('accessToken', accessTokenValidity, units.AccessToken) ??
    checkValidity('refreshToken', refreshTokenValidity, refreshUnit);
  if (problem) throw new Error(`world: app client ${config.name}: ${problem}`);
  const authSessionValidity = config.authSessionValidity ?? DEFAULT_VALIDITY.authSessionMinutes;
  if (authSessionValidity < 3 || authSessionValidity > 15) throw new Error(`world: app client ${config.name}: AuthSessionValidity must be between 3 and 15 minutes.`);
  return {
    clientId,
    clientName: config.name,
    ...(clientSecret ? { clientSecret } : {}),
    explicitAuthFlows: [...config.explicitAuthFlows],
    preventUserExistenceErrors: config.preventUserExistenceErrors ?? 'LEGACY',
    enableTokenRevocation: config.enableTokenRevocation ?? true,
    idTokenValidity,
    accessTokenValidity,
    refreshTokenValidity,
    tokenValidityUnits: { ...units, RefreshToken: refreshUnit },
    authSessionValidity,
    allowedOAuthFlows: [...(config.allowedOAuthFlows ?? [])],
    allowedOAuthScopes: [...(config.allowedOAuthScopes ?? [])],
    callbackUrls: (config.callbackUrls ?? []).map(fill),
    logoutUrls: (config.logoutUrls ?? []).map(fill),
    supportedIdentityProviders: [...(config.supportedIdentityProviders ?? ['COGNITO'])],
    ...(config.readAttributes ? { readAttributes: [...config.readAttributes] } : {}),
    ...(config.writeAttributes ? { writeAttributes: [...config.writeAttributes] } : {}),
    createdAt: now,
    lastModified: now,
  };
}

async function addUser(env: UserPoolEnv, pool: UserPool, config: UserConfig): Promise<void> {
  const attributes = new Map(Object.entries(config.attributes ?? {}));
  const user = newUser(env, config.username, attributes, config.status ?? 'CONFIRMED');
  user.enabled = config.enabled ?? true;
  if (config.password !== undefined) user.password = await hashPassword(env.random, pool, user, config.password);
  pool.users.set(config.username.toLowerCase(), user);
  for (const group of config.groups ?? []) {
    if (!pool.groups.has(group)) throw new Error(`world: user ${config.username} is in unknown group ${group}`);
    const set = pool.memberships.get(config.username.toLowerCase()) ?? new Set<string>();
    set.add(group);
    pool.memberships.set(config.username.toLowerCase(), set);
  }
}

/** The pool's second factors: none when MFA is OFF, at least one otherwise (as SetUserPoolMfaConfig insists). */
function mfaFactorsOf(config: UserPoolConfig): MfaFactorName[] {
  if ((config.mfaConfiguration ?? 'OFF') === 'OFF') return [];
  const factors = [...new Set(config.mfaFactors ?? [])];
  // [V ISS aws/aws-sdk-js#4186, anomalyco/sst#5177] AWS's InvalidParameterException for this configuration.
  if (factors.length === 0) throw new Error(`world: user pool ${config.name}: Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.`);
  return factors;
}

export async function buildUserPool(env: UserPoolEnv, config: UserPoolConfig, build: BuildContext): Promise<UserPool> {
  const now = env.clock.now();
  const id = config.userPoolId ?? `${env.region}_${env.random.string(ALPHANUMERIC, 9)}`;
  const pool: UserPool = {
    id,
    name: config.name,
    arn: `arn:aws:cognito-idp:${env.region}:${env.accountId}:userpool/${id}`,
    region: env.region,
    createdAt: now,
    lastModified: now,
    usernameAttributes: [...(config.usernameAttributes ?? [])],
    aliasAttributes: [...(config.aliasAttributes ?? [])],
    autoVerifiedAttributes: [...(config.autoVerifiedAttributes ?? [])],
    requiredAttributes: [...(config.requiredAttributes ?? [])],
    passwordPolicy: { ...DEFAULT_PASSWORD_POLICY, ...config.passwordPolicy },
    mfaConfiguration: config.mfaConfiguration ?? 'OFF',
    mfaFactors: mfaFactorsOf(config),
    allowSelfSignUp: config.allowSelfSignUp ?? true,
    accountRecovery: config.accountRecovery ?? 'verified_email',
    unusedAccountValidityDays: config.unusedAccountValidityDays ?? 7,
    ...lambdaTriggersOf(config, build.functionNames ?? new Set()),
    ...(config.domainPrefix ? { domain: config.domainPrefix } : {}),
    identityProviders: (config.identityProviders ?? []).map((p) => ({ name: p.name, type: p.type, ...(p.attributeMapping ? { attributeMapping: { ...p.attributeMapping } } : {}) })),
    clients: new Map(),
    users: new Map(),
    groups: new Map(),
    memberships: new Map(),
    sessions: new Map(),
    tokenFamilies: new Map(),
    refreshTokens: new Map(),
    srpChallenges: new Map(),
  };
  env.keys.set(id, createPoolKeys(env.random));
  for (const clientConfig of config.clients) {
    const client = buildClient(env, clientConfig, build);
    pool.clients.set(client.clientId, client);
  }
  for (const g of config.groups ?? []) {
    pool.groups.set(g.name, {
      groupName: g.name,
      ...(g.description !== undefined ? { description: g.description } : {}),
      ...(g.precedence !== undefined ? { precedence: g.precedence } : {}),
      ...(g.roleName ? { roleArn: `arn:aws:iam::${env.accountId}:role/${g.roleName}` } : {}),
      createdAt: now,
      lastModified: now,
    });
  }
  for (const u of config.users ?? []) await addUser(env, pool, u);
  return pool;
}
