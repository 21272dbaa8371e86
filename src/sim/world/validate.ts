// The rules the AWS console and API enforce on the parts of a world the sandbox's forms edit: ranges, required
// fields and references between parts (a group's role, a client's identity providers and scopes, an identity pool's
// app clients and roles, an API's authorizers…). Pure: a world in, the issues out, empty when the world is valid.
// It never throws, whatever it is given: an imported world may be anything. A world it accepts builds without error
// (src/sim's builders throw on what these rules refuse).
//
// Sources, cited per rule: [V CUP-API] the Amazon Cognito user pools API reference (PasswordPolicyType,
// TokenValidityUnitsType, CreateUserPoolClient, CreateGroup, CreateUserPoolDomain, CreateIdentityProvider,
// CreateResourceServer); [V CFN] AWS CloudFormation's AWS::Cognito::* reference, which repeats the API's limits;
// [V CID-API] the identity pools API reference (CreateIdentityPool, SetIdentityPoolRoles); [V IAM-API] CreateRole;
// [V DDB-API] CreateTable; [V ELB-API] CreateRule and AuthenticateCognitoActionConfig; [V APIGW] CreateAuthorizer.
// Messages are the console's wording where known [P], else plain words [U].
import type { AppClientConfig, IdentityPoolConfig, RoleConfig, UserPoolConfig, WorldConfig } from './config';
import { checkValidity } from '../user-pool/validity';

export interface WorldIssue {
  /** Where, e.g. "userPools[0].passwordPolicy.MinimumLength". */
  path: string;
  /** The console's reason, e.g. "Minimum length must be between 6 and 99". */
  message: string;
}

type Issues = WorldIssue[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const list = <T>(v: T[] | undefined | unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The app client's system scopes [V CUP-API CreateUserPoolClient AllowedOAuthScopes]. */
export const STANDARD_SCOPES = ['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin'] as const;
const AUTH_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH'];
const TIME_UNITS = ['seconds', 'minutes', 'hours', 'days'];
const TRIGGERS = ['preSignUp', 'postConfirmation', 'preTokenGeneration', 'customMessage', 'defineAuthChallenge', 'createAuthChallenge', 'verifyAuthChallengeResponse'];
const MAX_INT32 = 2_147_483_647;

function duplicates(names: string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const n of names) (seen.has(n) ? twice : seen).add(n);
  return twice;
}

function uniqueNames(issues: Issues, items: { name?: unknown }[], path: string, what: string): void {
  const twice = duplicates(items.map((i) => str(i.name)));
  items.forEach((item, i) => {
    if (twice.has(str(item.name))) issues.push({ path: `${path}[${i}].name`, message: `Another ${what} is already called ${str(item.name)}: names must be unique` });
  });
}

// ---------------------------------------------------------------------------------------------------------------

export function validateWorld(world: WorldConfig): WorldIssue[] {
  const issues: Issues = [];
  try {
    check(world, issues);
  } catch (error) {
    issues.push({ path: '', message: `The world could not be read: ${error instanceof Error ? error.message : String(error)}` });
  }
  return issues;
}

function check(world: WorldConfig, issues: Issues): void {
  if (!isRecord(world)) {
    issues.push({ path: '', message: 'The world is not an object' });
    return;
  }
  if (typeof world.region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(world.region)) issues.push({ path: 'region', message: 'Region must be an AWS Region such as us-east-1' });
  if (typeof world.accountId !== 'string' || !/^\d{12}$/.test(world.accountId)) issues.push({ path: 'accountId', message: 'Account ID must be 12 digits' });
  for (const key of ['roles', 'userPools', 'identityPools', 'tables', 'restApis', 'loadBalancers'] as const) {
    if (!Array.isArray(world[key])) issues.push({ path: key, message: `${key} must be a list` });
  }
  if (issues.length > 0) return;

  const roles = new Set(world.roles.map((r) => str(r.name)));
  const functions = new Set(list<{ name: string }>(world.functions).map((f) => str(f.name)));
  const pools = new Map(world.userPools.map((p) => [str(p.name), p]));

  checkRoles(world, issues);
  world.userPools.forEach((pool, i) => checkUserPool(pool, `userPools[${i}]`, roles, functions, issues));
  uniqueNames(issues, world.userPools, 'userPools', 'user pool');
  world.identityPools.forEach((pool, i) => checkIdentityPool(pool, `identityPools[${i}]`, world, roles, issues));
  uniqueNames(issues, world.identityPools, 'identityPools', 'identity pool');
  checkTables(world, issues);
  checkApis(world, pools, roles, functions, issues);
  checkLoadBalancers(world, pools, issues);
  uniqueNames(issues, list(world.functions), 'functions', 'function');
}

// ---------------------------------------------------------------------------------------------------------------
// IAM

function placeholdersIn(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') for (const m of value.matchAll(/\{\{([\w:-]+)\}\}/g)) out.add(m[1]!);
  else if (Array.isArray(value)) value.forEach((v) => placeholdersIn(v, out));
  else if (isRecord(value)) Object.values(value).forEach((v) => placeholdersIn(v, out));
}

function checkRoles(world: WorldConfig, issues: Issues): void {
  const known = new Set([
    'accountId',
    'region',
    ...world.userPools.map((p) => `userPool:${str(p.name)}`),
    ...world.identityPools.map((p) => `identityPool:${str(p.name)}`),
    ...world.restApis.map((a) => `restApi:${str(a.name)}`),
  ]);
  world.roles.forEach((role: RoleConfig, i) => {
    const path = `roles[${i}]`;
    // [V IAM-API CreateRole] RoleName: 1–64 characters of [\w+=,.@-].
    if (!/^[\w+=,.@-]{1,64}$/.test(str(role.name))) issues.push({ path: `${path}.name`, message: 'Role name must be 1 to 64 letters, digits or +=,.@-_' });
    // [V IAM-API CreateRole] MaxSessionDuration: 3600–43200 seconds.
    if (role.maxSessionDuration !== undefined && !(isInt(role.maxSessionDuration) && role.maxSessionDuration >= 3600 && role.maxSessionDuration <= 43200)) {
      issues.push({ path: `${path}.maxSessionDuration`, message: 'Maximum session duration must be between 1 hour (3600 seconds) and 12 hours (43200 seconds)' });
    }
    if (!isRecord(role.trustPolicy)) issues.push({ path: `${path}.trustPolicy`, message: 'A role needs a trust policy' });
    if (!Array.isArray(role.policies)) {
      issues.push({ path: `${path}.policies`, message: 'policies must be a list' });
      return;
    }
    role.policies.forEach((policy, j) => {
      const at = `${path}.policies[${j}]`;
      if (!isRecord(policy) || !str(policy.name)) {
        issues.push({ path: `${at}.name`, message: 'A policy needs a name' });
        return;
      }
      const statements = isRecord(policy.document) ? policy.document.Statement : undefined;
      const all = Array.isArray(statements) ? statements : statements === undefined ? [] : [statements];
      if (!isRecord(policy.document) || all.length === 0) issues.push({ path: `${at}.document.Statement`, message: 'A policy needs at least one statement' });
      all.forEach((s, k) => {
        if (!isRecord(s) || (s.Effect !== 'Allow' && s.Effect !== 'Deny')) issues.push({ path: `${at}.document.Statement[${k}].Effect`, message: 'Effect must be Allow or Deny' });
        else if (s.Action === undefined && s.NotAction === undefined) issues.push({ path: `${at}.document.Statement[${k}].Action`, message: 'A statement needs an Action or a NotAction' });
      });
    });
    uniqueNames(issues, role.policies.filter(isRecord), `${path}.policies`, 'policy of this role');
    const used = new Set<string>();
    placeholdersIn([role.trustPolicy, role.policies], used);
    for (const key of used) if (!known.has(key)) issues.push({ path, message: `The policies name {{${key}}}, which is nothing this world has` });
  });
  uniqueNames(issues, world.roles, 'roles', 'role');
}

// ---------------------------------------------------------------------------------------------------------------
// User pools

function checkUserPool(pool: UserPoolConfig, path: string, roles: Set<string>, functions: Set<string>, issues: Issues): void {
  if (!isRecord(pool)) return;
  // [V CUP-API CreateUserPool] PoolName: 1–128 characters of [\w\s+=,.@-].
  if (!/^[\w\s+=,.@-]{1,128}$/.test(str(pool.name))) issues.push({ path: `${path}.name`, message: 'User pool name must be 1 to 128 letters, digits, spaces or +=,.@-_' });

  const policy = pool.passwordPolicy;
  if (policy !== undefined) {
    // [V CUP-API PasswordPolicyType] MinimumLength 6–99; TemporaryPasswordValidityDays 0–365.
    if (policy.MinimumLength !== undefined && !(isInt(policy.MinimumLength) && policy.MinimumLength >= 6 && policy.MinimumLength <= 99)) {
      issues.push({ path: `${path}.passwordPolicy.MinimumLength`, message: 'Minimum length must be between 6 and 99' });
    }
    if (policy.TemporaryPasswordValidityDays !== undefined && !(isInt(policy.TemporaryPasswordValidityDays) && policy.TemporaryPasswordValidityDays >= 0 && policy.TemporaryPasswordValidityDays <= 365)) {
      issues.push({ path: `${path}.passwordPolicy.TemporaryPasswordValidityDays`, message: 'Temporary passwords must expire after 0 to 365 days' });
    }
    for (const flag of ['RequireUppercase', 'RequireLowercase', 'RequireNumbers', 'RequireSymbols'] as const) {
      if (policy[flag] !== undefined && typeof policy[flag] !== 'boolean') issues.push({ path: `${path}.passwordPolicy.${flag}`, message: `${flag} must be true or false` });
    }
  }

  const mfa = pool.mfaConfiguration ?? 'OFF';
  if (!['OFF', 'OPTIONAL', 'ON'].includes(mfa)) issues.push({ path: `${path}.mfaConfiguration`, message: 'MFA enforcement must be OFF, OPTIONAL or ON' });
  else if (mfa !== 'OFF' && list(pool.mfaFactors).length === 0) {
    // [V ISS aws/aws-sdk-js#4186] SetUserPoolMfaConfig's InvalidParameterException.
    issues.push({ path: `${path}.mfaFactors`, message: "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration." });
  }
  list<string>(pool.mfaFactors).forEach((f, i) => {
    if (f !== 'SMS' && f !== 'TOTP') issues.push({ path: `${path}.mfaFactors[${i}]`, message: 'An MFA factor is SMS or TOTP' });
  });
  if (pool.unusedAccountValidityDays !== undefined && !(isInt(pool.unusedAccountValidityDays) && pool.unusedAccountValidityDays >= 0 && pool.unusedAccountValidityDays <= 365)) {
    issues.push({ path: `${path}.unusedAccountValidityDays`, message: 'Unused accounts must expire after 0 to 365 days' });
  }
  if (pool.usernameAttributes?.length && pool.aliasAttributes?.length) {
    // [V CUP-API CreateUserPool] UsernameAttributes and AliasAttributes are mutually exclusive.
    issues.push({ path: `${path}.aliasAttributes`, message: 'A pool signs in with either username attributes or aliases, not both' });
  }

  if (pool.domainPrefix !== undefined) {
    // [V CUP-API CreateUserPoolDomain] 1–63 characters, ^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$. [P] The console also
    // refuses prefixes containing aws, amazon or cognito.
    const prefix = str(pool.domainPrefix);
    if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(prefix)) issues.push({ path: `${path}.domainPrefix`, message: 'Domain prefix can contain only lowercase letters, numbers and hyphens, and cannot begin or end with a hyphen (at most 63 characters)' });
    else if (/aws|amazon|cognito/.test(prefix)) issues.push({ path: `${path}.domainPrefix`, message: 'Domain prefix cannot contain the reserved words aws, amazon or cognito' });
  }

  const groups = list<NonNullable<UserPoolConfig['groups']>[number]>(pool.groups);
  groups.forEach((g, i) => {
    const at = `${path}.groups[${i}]`;
    // [V CUP-API CreateGroup] GroupName 1–128; Precedence a non-negative integer (0–2147483647).
    if (!str(g.name) || str(g.name).length > 128) issues.push({ path: `${at}.name`, message: 'Group name must be 1 to 128 characters' });
    if (g.precedence !== undefined && !(isInt(g.precedence) && g.precedence >= 0 && g.precedence <= MAX_INT32)) issues.push({ path: `${at}.precedence`, message: 'Precedence must be a whole number, 0 or more' });
    if (g.roleName !== undefined && !roles.has(g.roleName)) issues.push({ path: `${at}.roleName`, message: `The IAM role ${g.roleName} does not exist in this account` });
  });
  uniqueNames(issues, groups, `${path}.groups`, 'group of this pool');
  const groupNames = new Set(groups.map((g) => str(g.name)));

  const providers = list<NonNullable<UserPoolConfig['identityProviders']>[number]>(pool.identityProviders);
  providers.forEach((p, i) => {
    const at = `${path}.identityProviders[${i}]`;
    if (!['Google', 'Facebook', 'SAML', 'OIDC'].includes(str(p.type))) issues.push({ path: `${at}.type`, message: 'Provider type must be Google, Facebook, SAML or OIDC' });
    // [V CUP-API CreateIdentityProvider] ProviderName 1–32; social providers are named after their type.
    else if ((p.type === 'Google' || p.type === 'Facebook') && p.name !== p.type) issues.push({ path: `${at}.name`, message: `A ${p.type} provider must be called ${p.type}` });
    if (!/^[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]{0,30}$/u.test(str(p.name)) || p.name === 'COGNITO') issues.push({ path: `${at}.name`, message: 'Provider name must be 2 to 32 characters, not COGNITO' });
  });
  uniqueNames(issues, providers, `${path}.identityProviders`, 'identity provider of this pool');
  const providerNames = new Set(providers.map((p) => str(p.name)));

  for (const [trigger, fn] of Object.entries(isRecord(pool.lambdaTriggers) ? pool.lambdaTriggers : {})) {
    if (fn === undefined) continue;
    if (!TRIGGERS.includes(trigger)) issues.push({ path: `${path}.lambdaTriggers.${trigger}`, message: `${trigger} is not a Lambda trigger of a user pool` });
    else if (typeof fn !== 'string' || !functions.has(fn)) issues.push({ path: `${path}.lambdaTriggers.${trigger}`, message: `The Lambda function ${String(fn)} does not exist` });
  }

  const servers = list<NonNullable<UserPoolConfig['resourceServers']>[number]>(pool.resourceServers);
  const customScopes = new Set<string>();
  servers.forEach((s, i) => {
    const at = `${path}.resourceServers[${i}]`;
    // [V CUP-API CreateResourceServer] Identifier 1–256 of [\x21\x23-\x5B\x5D-\x7E]+; ScopeName 1–256 of [\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+.
    if (!/^[\x21\x23-\x5B\x5D-\x7E]{1,256}$/.test(str(s.identifier))) issues.push({ path: `${at}.identifier`, message: 'Resource server identifier must be 1 to 256 printable characters without spaces, quotes or backslashes' });
    list<{ name: string }>(s.scopes).forEach((scope, j) => {
      if (!/^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]{1,256}$/.test(str(scope.name))) issues.push({ path: `${at}.scopes[${j}].name`, message: 'Scope name must be 1 to 256 printable characters without spaces, slashes, quotes or backslashes' });
      customScopes.add(`${str(s.identifier)}/${str(scope.name)}`);
    });
  });

  const clients = list<AppClientConfig>(pool.clients);
  clients.forEach((c, i) => checkClient(c, `${path}.clients[${i}]`, providerNames, customScopes, issues));
  uniqueNames(issues, clients, `${path}.clients`, 'app client of this pool');

  list<NonNullable<UserPoolConfig['users']>[number]>(pool.users).forEach((u, i) => {
    if (!str(u.username)) issues.push({ path: `${path}.users[${i}].username`, message: 'A user needs a username' });
    list<string>(u.groups).forEach((g, j) => {
      if (!groupNames.has(g)) issues.push({ path: `${path}.users[${i}].groups[${j}]`, message: `Group ${g} does not exist in this pool` });
    });
  });
  const twice = duplicates(list<{ username: string }>(pool.users).map((u) => str(u.username).toLowerCase()));
  list<{ username: string }>(pool.users).forEach((u, i) => {
    if (twice.has(str(u.username).toLowerCase())) issues.push({ path: `${path}.users[${i}].username`, message: `Another user is already called ${u.username}` });
  });
}

/** A callback or sign-out URL as CreateUserPoolClient takes it. */
function urlProblem(url: string): string | undefined {
  // [V CUP-API CreateUserPoolClient CallbackURLs] an absolute URI, no fragment; HTTPS except http://localhost;
  // app schemes such as myapp://example are allowed. Up to 1024 characters.
  const filled = url.replace(/\{albDnsName\}/g, 'alb.example');
  let parsed: URL;
  try {
    parsed = new URL(filled);
  } catch {
    return `${url} is not an absolute URL`;
  }
  if (url.length > 1024) return 'A URL may have at most 1024 characters';
  if (parsed.hash || url.includes('#')) return `${url} must not include a fragment (#…)`;
  if (parsed.protocol === 'http:' && parsed.hostname !== 'localhost') return `${url} must use HTTPS (plain HTTP is allowed only for http://localhost)`;
  return undefined;
}

function checkClient(c: AppClientConfig, path: string, providers: Set<string>, customScopes: Set<string>, issues: Issues): void {
  if (!isRecord(c)) return;
  // [V CUP-API CreateUserPoolClient] ClientName 1–128 of [\w\s+=,.@-].
  if (!/^[\w\s+=,.@-]{1,128}$/.test(str(c.name))) issues.push({ path: `${path}.name`, message: 'App client name must be 1 to 128 letters, digits, spaces or +=,.@-_' });
  list<string>(c.explicitAuthFlows).forEach((f, i) => {
    if (!AUTH_FLOWS.includes(f)) issues.push({ path: `${path}.explicitAuthFlows[${i}]`, message: `${f} is not an authentication flow` });
  });

  const units = isRecord(c.tokenValidityUnits) ? c.tokenValidityUnits : {};
  for (const [k, v] of Object.entries(units)) if (!TIME_UNITS.includes(str(v))) issues.push({ path: `${path}.tokenValidityUnits.${k}`, message: 'The unit must be seconds, minutes, hours or days' });
  // [V CUP-API TokenValidityUnitsType] ID and access tokens 5 minutes – 1 day; refresh tokens 60 minutes – 10 years.
  const validity = (kind: 'idToken' | 'accessToken' | 'refreshToken', field: 'idTokenValidity' | 'accessTokenValidity' | 'refreshTokenValidity', unit: 'IdToken' | 'AccessToken' | 'RefreshToken', fallback: string) => {
    const value = c[field];
    if (value === undefined || (field === 'refreshTokenValidity' && value === 0)) return;
    const u = str(units[unit]) || fallback;
    if (!isInt(value) || value <= 0 || !TIME_UNITS.includes(u)) {
      issues.push({ path: `${path}.${field}`, message: 'Token validity must be a whole number, more than 0' });
      return;
    }
    const problem = checkValidity(kind, value, u as 'seconds');
    if (problem) issues.push({ path: `${path}.${field}`, message: problem.replace(/\.$/, '') });
  };
  validity('idToken', 'idTokenValidity', 'IdToken', 'hours');
  validity('accessToken', 'accessTokenValidity', 'AccessToken', 'hours');
  validity('refreshToken', 'refreshTokenValidity', 'RefreshToken', 'days');
  // [V CUP-API CreateUserPoolClient] AuthSessionValidity: 3–15 minutes.
  if (c.authSessionValidity !== undefined && !(isInt(c.authSessionValidity) && c.authSessionValidity >= 3 && c.authSessionValidity <= 15)) {
    issues.push({ path: `${path}.authSessionValidity`, message: 'Authentication flow session duration must be between 3 and 15 minutes' });
  }

  const flows = list<string>(c.allowedOAuthFlows);
  flows.forEach((f, i) => {
    if (!['code', 'implicit', 'client_credentials'].includes(f)) issues.push({ path: `${path}.allowedOAuthFlows[${i}]`, message: `${f} is not an OAuth grant type` });
  });
  const callbacks = list<string>(c.callbackUrls);
  callbacks.forEach((u, i) => {
    const problem = urlProblem(str(u));
    if (problem) issues.push({ path: `${path}.callbackUrls[${i}]`, message: problem });
  });
  list<string>(c.logoutUrls).forEach((u, i) => {
    const problem = urlProblem(str(u));
    if (problem) issues.push({ path: `${path}.logoutUrls[${i}]`, message: problem });
  });
  // [V CUP-API CreateUserPoolClient] CallbackURLs and LogoutURLs: at most 100 each.
  if (callbacks.length > 100) issues.push({ path: `${path}.callbackUrls`, message: 'An app client may have at most 100 callback URLs' });
  if ((flows.includes('code') || flows.includes('implicit')) && callbacks.length === 0) {
    // [P] the console: a code or implicit grant needs an allowed callback URL to send the browser back to.
    issues.push({ path: `${path}.callbackUrls`, message: 'The authorization code and implicit grants need at least one callback URL' });
  }
  if (flows.includes('client_credentials')) {
    // [P] CreateUserPoolClient's InvalidOAuthFlowException messages.
    if (flows.includes('code') || flows.includes('implicit')) issues.push({ path: `${path}.allowedOAuthFlows`, message: 'client_credentials flow can not be selected along with code flow or implicit flow.' });
    if (!c.generateSecret && c.clientSecret === undefined) issues.push({ path: `${path}.generateSecret`, message: 'client_credentials flow can not be selected if client does not have a client secret.' });
  }
  const scopes = list<string>(c.allowedOAuthScopes);
  scopes.forEach((s, i) => {
    const standard = (STANDARD_SCOPES as readonly string[]).includes(s);
    if (!standard && !customScopes.has(s)) issues.push({ path: `${path}.allowedOAuthScopes[${i}]`, message: `${s} is neither a standard scope nor a scope of this pool's resource servers` });
    else if (standard && flows.includes('client_credentials')) issues.push({ path: `${path}.allowedOAuthScopes[${i}]`, message: 'The client credentials grant allows only custom scopes of a resource server' });
  });
  if (flows.length > 0 && scopes.length === 0) issues.push({ path: `${path}.allowedOAuthScopes`, message: 'An app client with OAuth grants needs at least one allowed scope' });
  list<string>(c.supportedIdentityProviders).forEach((p, i) => {
    // [P] CreateUserPoolClient: "The provider <name> does not exist for User Pool <id>".
    if (p !== 'COGNITO' && !providers.has(p)) issues.push({ path: `${path}.supportedIdentityProviders[${i}]`, message: `The provider ${p} does not exist for this user pool` });
  });
  if (c.preventUserExistenceErrors !== undefined && c.preventUserExistenceErrors !== 'ENABLED' && c.preventUserExistenceErrors !== 'LEGACY') {
    issues.push({ path: `${path}.preventUserExistenceErrors`, message: 'Prevent user existence errors is ENABLED or LEGACY' });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Identity pools

function checkIdentityPool(pool: IdentityPoolConfig, path: string, world: WorldConfig, roles: Set<string>, issues: Issues): void {
  if (!isRecord(pool)) return;
  // [V CID-API CreateIdentityPool] IdentityPoolName 1–128 of [\w\s+=,.@-].
  if (!/^[\w\s+=,.@-]{1,128}$/.test(str(pool.name))) issues.push({ path: `${path}.name`, message: 'Identity pool name must be 1 to 128 letters, digits, spaces or +=,.@-_' });
  if (typeof pool.allowUnauthenticatedIdentities !== 'boolean') issues.push({ path: `${path}.allowUnauthenticatedIdentities`, message: 'Guest access must be on or off' });
  // [V CID-API SetIdentityPoolRoles] the roles must exist.
  if (!roles.has(str(pool.authenticatedRoleName))) issues.push({ path: `${path}.authenticatedRoleName`, message: `The IAM role ${str(pool.authenticatedRoleName) || '(none)'} does not exist in this account` });
  if (!roles.has(str(pool.unauthenticatedRoleName))) issues.push({ path: `${path}.unauthenticatedRoleName`, message: `The IAM role ${str(pool.unauthenticatedRoleName) || '(none)'} does not exist in this account` });
  const clientRefs = new Set(world.userPools.flatMap((p) => list<AppClientConfig>(p.clients).map((c) => `${str(p.name)}/${str(c.name)}`)));
  list<string>(pool.userPoolClients).forEach((ref, i) => {
    if (!clientRefs.has(ref)) issues.push({ path: `${path}.userPoolClients[${i}]`, message: `There is no app client ${ref} (user pool/app client)` });
  });
  const declared = new Set(world.userPools.flatMap((p) => list<{ name: string }>(p.identityProviders).map((i) => str(i.name))));
  list<string>(pool.externalProviders).forEach((name, i) => {
    if (!declared.has(name) && name !== 'Google' && name !== 'Facebook') issues.push({ path: `${path}.externalProviders[${i}]`, message: `${name} is not an identity provider of this world` });
  });
  if (pool.roleMapping !== undefined && pool.roleMapping !== 'token' && pool.roleMapping !== 'none') issues.push({ path: `${path}.roleMapping`, message: 'Role mapping is token or none' });
  list<NonNullable<IdentityPoolConfig['roleMappings']>[number]>(pool.roleMappings).forEach((m, i) => {
    const at = `${path}.roleMappings[${i}]`;
    if (!clientRefs.has(str(m.provider)) && !list<string>(pool.externalProviders).includes(str(m.provider))) issues.push({ path: `${at}.provider`, message: `${str(m.provider)} is not a provider of this identity pool` });
    if (m.type !== 'Token' && m.type !== 'Rules') issues.push({ path: `${at}.type`, message: 'A role mapping is Token or Rules' });
    if (m.ambiguousRoleResolution !== 'AuthenticatedRole' && m.ambiguousRoleResolution !== 'Deny') issues.push({ path: `${at}.ambiguousRoleResolution`, message: 'Role resolution is AuthenticatedRole or Deny' });
    const rules = list<{ claim: string; matchType: string; value: string; roleName: string }>(m.rules);
    // [V CID-API RulesConfigurationType] 1–25 rules.
    if (m.type === 'Rules' && (rules.length < 1 || rules.length > 25)) issues.push({ path: `${at}.rules`, message: 'A rules mapping needs 1 to 25 rules' });
    rules.forEach((r, j) => {
      if (!str(r.claim)) issues.push({ path: `${at}.rules[${j}].claim`, message: 'A rule needs a claim' });
      if (!['Equals', 'Contains', 'StartsWith', 'NotEqual'].includes(str(r.matchType))) issues.push({ path: `${at}.rules[${j}].matchType`, message: 'Match type is Equals, Contains, StartsWith or NotEqual' });
      if (!roles.has(str(r.roleName))) issues.push({ path: `${at}.rules[${j}].roleName`, message: `The IAM role ${str(r.roleName)} does not exist in this account` });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// DynamoDB

function checkTables(world: WorldConfig, issues: Issues): void {
  world.tables.forEach((t, i) => {
    const path = `tables[${i}]`;
    // [V DDB-API CreateTable] TableName 3–255 of [a-zA-Z0-9_.-]; key attribute names 1–255; types S, N or B.
    if (!/^[a-zA-Z0-9_.-]{3,255}$/.test(str(t.name))) issues.push({ path: `${path}.name`, message: 'Table name must be 3 to 255 letters, digits, underscores, hyphens or dots' });
    if (!isRecord(t.partitionKey) || !str(t.partitionKey.name)) issues.push({ path: `${path}.partitionKey.name`, message: 'A table needs a partition key' });
    else if (!['S', 'N', 'B'].includes(str(t.partitionKey.type))) issues.push({ path: `${path}.partitionKey.type`, message: 'A key is a String (S), Number (N) or Binary (B)' });
    if (t.sortKey !== undefined) {
      if (!isRecord(t.sortKey) || !str(t.sortKey.name)) issues.push({ path: `${path}.sortKey.name`, message: 'A sort key needs a name' });
      else if (!['S', 'N', 'B'].includes(str(t.sortKey.type))) issues.push({ path: `${path}.sortKey.type`, message: 'A key is a String (S), Number (N) or Binary (B)' });
      else if (isRecord(t.partitionKey) && t.sortKey.name === t.partitionKey.name) issues.push({ path: `${path}.sortKey.name`, message: 'The sort key must be another attribute than the partition key' });
    }
  });
  uniqueNames(issues, world.tables, 'tables', 'table');
}

// ---------------------------------------------------------------------------------------------------------------
// API Gateway and the load balancer: only the references, which the simulator needs to start

function checkApis(world: WorldConfig, pools: Map<string, UserPoolConfig>, roles: Set<string>, functions: Set<string>, issues: Issues): void {
  world.restApis.forEach((api, i) => {
    const path = `restApis[${i}]`;
    if (!/^[a-zA-Z0-9_-]{1,128}$/.test(str(api.stage))) issues.push({ path: `${path}.stage`, message: 'Stage name must be 1 to 128 letters, digits, hyphens or underscores' });
    const authorizers = list<NonNullable<typeof api.authorizers>[number]>(api.authorizers);
    authorizers.forEach((a, j) => {
      const at = `${path}.authorizers[${j}]`;
      if (a.type === 'COGNITO_USER_POOLS') {
        const names = list<string>(a.userPools);
        if (names.length === 0) issues.push({ path: `${at}.userPools`, message: 'A Cognito authorizer needs at least one user pool' });
        names.forEach((n, k) => {
          if (!pools.has(n)) issues.push({ path: `${at}.userPools[${k}]`, message: `There is no user pool ${n}` });
        });
      } else if (a.type === 'TOKEN' || a.type === 'REQUEST') {
        if (!functions.has(str(a.functionName))) issues.push({ path: `${at}.functionName`, message: `The Lambda function ${str(a.functionName) || '(none)'} does not exist` });
      } else issues.push({ path: `${at}.type`, message: 'An authorizer is COGNITO_USER_POOLS, TOKEN or REQUEST' });
      // [V APIGW CreateAuthorizer] authorizerResultTtlInSeconds: 0–3600.
      if (a.resultTtlInSeconds !== undefined && !(isInt(a.resultTtlInSeconds) && a.resultTtlInSeconds >= 0 && a.resultTtlInSeconds <= 3600)) issues.push({ path: `${at}.resultTtlInSeconds`, message: 'Authorization caching must last 0 to 3600 seconds' });
    });
    const byName = new Map(authorizers.map((a) => [str(a.name), a]));
    list<NonNullable<typeof api.routes>[number]>(api.routes).forEach((r, j) => {
      const at = `${path}.routes[${j}]`;
      if (!['COGNITO_USER_POOLS', 'AWS_IAM', 'NONE', 'CUSTOM'].includes(str(r.authorization))) issues.push({ path: `${at}.authorization`, message: 'Authorization is COGNITO_USER_POOLS, AWS_IAM, NONE or CUSTOM' });
      if (r.authorization === 'COGNITO_USER_POOLS') {
        const a = r.authorizer !== undefined ? byName.get(r.authorizer) : authorizers.find((x) => x.type === 'COGNITO_USER_POOLS');
        if (!a || a.type !== 'COGNITO_USER_POOLS') issues.push({ path: `${at}.authorizer`, message: 'This method needs a Cognito user pool authorizer of the API' });
      }
      if (r.authorization === 'CUSTOM') {
        const a = r.authorizer !== undefined ? byName.get(r.authorizer) : undefined;
        if (!a || (a.type !== 'TOKEN' && a.type !== 'REQUEST')) issues.push({ path: `${at}.authorizer`, message: 'This method needs a Lambda authorizer of the API' });
      }
      checkIntegration(r.integration, `${at}.integration`, roles, functions, issues);
    });
  });
  uniqueNames(issues, world.restApis, 'restApis', 'REST API');
  list<NonNullable<WorldConfig['httpApis']>[number]>(world.httpApis).forEach((api, i) => {
    const path = `httpApis[${i}]`;
    const authorizers = list<NonNullable<typeof api.authorizers>[number]>(api.authorizers);
    authorizers.forEach((a, j) => {
      const pool = pools.get(str(a.userPool));
      if (!pool) issues.push({ path: `${path}.authorizers[${j}].userPool`, message: `There is no user pool ${str(a.userPool)}` });
      list<string>(a.audience).forEach((ref, k) => {
        const [poolName, clientName] = ref.split('/');
        const p = pools.get(poolName ?? '');
        if (!p || !list<AppClientConfig>(p.clients).some((c) => c.name === clientName)) issues.push({ path: `${path}.authorizers[${j}].audience[${k}]`, message: `There is no app client ${ref} (user pool/app client)` });
      });
    });
    list<NonNullable<typeof api.routes>[number]>(api.routes).forEach((r, j) => {
      if (r.authorization === 'JWT' && !authorizers.some((a) => a.name === r.authorizer)) issues.push({ path: `${path}.routes[${j}].authorizer`, message: 'This route needs a JWT authorizer of the API' });
      checkIntegration(r.integration, `${path}.routes[${j}].integration`, roles, functions, issues);
    });
  });
}

function checkIntegration(integration: unknown, path: string, roles: Set<string>, functions: Set<string>, issues: Issues): void {
  if (!isRecord(integration)) return;
  if (integration.type === 'lambda' && !functions.has(str(integration.functionName))) issues.push({ path: `${path}.functionName`, message: `The Lambda function ${str(integration.functionName) || '(none)'} does not exist` });
  if (integration.type === 'dynamodb' && !roles.has(str(integration.roleName))) issues.push({ path: `${path}.roleName`, message: `The IAM role ${str(integration.roleName) || '(none)'} does not exist in this account` });
}

function checkLoadBalancers(world: WorldConfig, pools: Map<string, UserPoolConfig>, issues: Issues): void {
  world.loadBalancers.forEach((lb, i) => {
    const path = `loadBalancers[${i}]`;
    const targets = new Set(list<{ name: string }>(lb.targets).map((t) => str(t.name)));
    const priorities = new Set<number>();
    list<NonNullable<typeof lb.rules>[number]>(lb.rules).forEach((r, j) => {
      const at = `${path}.rules[${j}]`;
      // [V ELB-API CreateRule] Priority 1–50000, unique per listener.
      if (r.priority !== undefined) {
        if (!(isInt(r.priority) && r.priority >= 1 && r.priority <= 50000)) issues.push({ path: `${at}.priority`, message: 'Rule priority must be between 1 and 50000' });
        else if (priorities.has(r.priority)) issues.push({ path: `${at}.priority`, message: `Another rule already has priority ${r.priority}` });
        else priorities.add(r.priority);
      }
      if (r.forward && !targets.has(str(r.forward.target))) issues.push({ path: `${at}.forward.target`, message: `There is no target ${str(r.forward.target)}` });
      if (r.action === 'authenticate-cognito') {
        const auth = r.authenticate;
        const pool = auth ? pools.get(str(auth.userPool)) : undefined;
        const client = pool ? list<AppClientConfig>(pool.clients).find((c) => c.name === auth?.userPoolClient) : undefined;
        if (!auth || !pool) issues.push({ path: `${at}.authenticate.userPool`, message: `There is no user pool ${str(auth?.userPool)}` });
        else if (!client) issues.push({ path: `${at}.authenticate.userPoolClient`, message: `There is no app client ${str(auth.userPoolClient)} in ${pool.name}` });
        else {
          // [V ELB listener-authenticate-users.html] the client must have a secret and allow the code grant; the pool needs a domain.
          if (!client.generateSecret && client.clientSecret === undefined) issues.push({ path: `${at}.authenticate.userPoolClient`, message: `App client ${client.name} has no client secret; the load balancer needs one` });
          if (!list<string>(client.allowedOAuthFlows).includes('code')) issues.push({ path: `${at}.authenticate.userPoolClient`, message: `App client ${client.name} does not allow the authorization code grant` });
          if (!pool.domainPrefix && !auth.userPoolDomain) issues.push({ path: `${at}.authenticate.userPool`, message: `User pool ${pool.name} has no domain` });
        }
      }
    });
    if (lb.defaultAction?.type === 'forward' && !targets.has(str(lb.defaultAction.target))) issues.push({ path: `${path}.defaultAction.target`, message: `There is no target ${str(lb.defaultAction.target)}` });
  });
  uniqueNames(issues, world.loadBalancers, 'loadBalancers', 'load balancer');
}
