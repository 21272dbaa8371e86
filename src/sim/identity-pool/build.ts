// Builds identity pools from the world: user pool app clients named "{poolName}/{clientName}" become
// CognitoIdentityProviders, external providers become Logins keys (accounts.google.com, graph.facebook.com,
// a SAML provider's ARN), roles named in the world become ARNs, and role mappings are keyed as AWS keys them.
import type { UserPool } from '../user-pool/model';
import type { IdentityPoolConfig, IdentityPoolRoleMappingConfig, UserPoolConfig } from '../world/config';
import type { CognitoProvider, IdentityPool, RoleMapping } from './model';

export interface BuildDeps {
  region: string;
  accountId: string;
  now: number;
  userPools: Iterable<UserPool>;
  userPoolConfigs: UserPoolConfig[];
}

// Stand-ins only: the simulated Google and Facebook (src/sim/federation/create.ts) replace them at start-up with the
// ids of the web app registered there, which are derived from the seed.
const PLACEHOLDER_APP_IDS: Record<string, string> = {
  'accounts.google.com': 'learner-lab.apps.googleusercontent.com',
  'graph.facebook.com': '100000000000001',
};

type External = { kind: 'social'; key: string } | { kind: 'saml' | 'oidc'; key: string; arn: string };

function externalProvider(name: string, deps: BuildDeps): External {
  const declared = deps.userPoolConfigs.flatMap((p) => p.identityProviders ?? []).find((p) => p.name === name);
  const type = declared?.type ?? name;
  switch (type) {
    case 'Google':
      return { kind: 'social', key: 'accounts.google.com' };
    case 'Facebook':
      return { kind: 'social', key: 'graph.facebook.com' };
    case 'SAML': {
      const arn = `arn:aws:iam::${deps.accountId}:saml-provider/${name}`;
      return { kind: 'saml', key: arn, arn };
    }
    case 'OIDC':
      return { kind: 'oidc', key: name, arn: `arn:aws:iam::${deps.accountId}:oidc-provider/${name}` };
    default:
      throw new Error(`world: unknown external identity provider ${name}`);
  }
}

function cognitoProvider(ref: string, pool: IdentityPoolConfig, deps: BuildDeps): CognitoProvider {
  const [poolName, clientName] = ref.split('/');
  const userPool = [...deps.userPools].find((p) => p.name === poolName);
  const client = userPool && [...userPool.clients.values()].find((c) => c.clientName === clientName);
  if (!userPool || !client) throw new Error(`world: identity pool ${pool.name}: unknown app client ${ref}`);
  return { ProviderName: `cognito-idp.${deps.region}.amazonaws.com/${userPool.id}`, ClientId: client.clientId, ServerSideTokenCheck: false };
}

function roleMapping(config: IdentityPoolRoleMappingConfig, roleArn: (name: string) => string): RoleMapping {
  return {
    Type: config.type,
    AmbiguousRoleResolution: config.ambiguousRoleResolution,
    ...(config.type === 'Rules'
      ? { RulesConfiguration: { Rules: (config.rules ?? []).map((r) => ({ Claim: r.claim, MatchType: r.matchType, Value: r.value, RoleARN: roleArn(r.roleName) })) } }
      : {}),
  };
}

export function buildIdentityPool(config: IdentityPoolConfig, id: string, deps: BuildDeps): IdentityPool {
  const roleArn = (name: string) => `arn:aws:iam::${deps.accountId}:role/${name}`;
  const cognitoProviders = config.userPoolClients.map((ref) => cognitoProvider(ref, config, deps));
  const externals = config.externalProviders.map((name) => ({ name, ...externalProvider(name, deps) }));
  const mappingKeyOf = (provider: string): string => {
    if (provider.includes('/')) {
      const p = cognitoProvider(provider, config, deps);
      return `${p.ProviderName}:${p.ClientId}`;
    }
    const external = externals.find((e) => e.name === provider) ?? { ...externalProvider(provider, deps), name: provider };
    return external.key;
  };
  const roleMappings: Record<string, RoleMapping> = {};
  if (config.roleMapping === 'token') {
    for (const p of cognitoProviders) roleMappings[`${p.ProviderName}:${p.ClientId}`] = { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' };
  }
  for (const mapping of config.roleMappings ?? []) roleMappings[mappingKeyOf(mapping.provider)] = roleMapping(mapping, roleArn);

  return {
    id,
    name: config.name,
    arn: `arn:aws:cognito-identity:${deps.region}:${deps.accountId}:identitypool/${id}`,
    allowUnauthenticated: config.allowUnauthenticatedIdentities,
    allowClassicFlow: config.allowClassicFlow,
    cognitoProviders,
    supportedLoginProviders: Object.fromEntries(externals.filter((e) => e.kind === 'social').map((e) => [e.key, PLACEHOLDER_APP_IDS[e.key] ?? e.name])),
    openIdConnectProviderArns: externals.flatMap((e) => (e.kind === 'oidc' ? [e.arn] : [])),
    samlProviderArns: externals.flatMap((e) => (e.kind === 'saml' ? [e.arn] : [])),
    roles: { authenticated: roleArn(config.authenticatedRoleName), unauthenticated: roleArn(config.unauthenticatedRoleName) },
    roleMappings,
    identities: new Map(),
    byLogin: new Map(),
    createdAt: deps.now,
  };
}
