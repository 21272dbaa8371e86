// validateWorld: the default world and every scenario's world are valid (no false alarms), each rule refuses its
// case with the path and the console's reason, garbage never throws, and a world it accepts builds.
import { describe, expect, it } from 'vitest';
import { defaultWorld } from './default-world';
import type { WorldConfig } from './config';
import { validateWorld } from './validate';
import { scenarios } from '../../content/scenarios/index';
import { createSimulator } from '../index';

function edited(change: (w: WorldConfig) => void): WorldConfig {
  const w = structuredClone(defaultWorld);
  change(w);
  return w;
}

const pool = (w: WorldConfig) => w.userPools[0]!;
const web = (w: WorldConfig) => w.userPools[0]!.clients[0]!;

describe('valid worlds', () => {
  it('accepts the default world', () => {
    expect(validateWorld(defaultWorld)).toEqual([]);
  });

  it("accepts every scenario's world", () => {
    for (const s of scenarios.filter((x) => x.world)) expect({ id: s.id, issues: validateWorld(s.world!(structuredClone(defaultWorld))) }).toEqual({ id: s.id, issues: [] });
  });

  it('accepts the edges of each range (MinimumLength 6 and 99, validity 5 minutes and 1 day, precedence 0, http://localhost)', () => {
    const w = edited((x) => {
      pool(x).passwordPolicy = { MinimumLength: 99, TemporaryPasswordValidityDays: 0 };
      web(x).idTokenValidity = 5;
      web(x).tokenValidityUnits = { IdToken: 'minutes', AccessToken: 'days', RefreshToken: 'minutes' };
      web(x).accessTokenValidity = 1;
      web(x).refreshTokenValidity = 60;
      web(x).authSessionValidity = 15;
      web(x).callbackUrls = ['http://localhost:5173/callback', 'myapp://signed-in'];
      pool(x).groups![0]!.precedence = 0;
    });
    expect(validateWorld(w)).toEqual([]);
  });
});

// One case per rule: the edit, the path it names, and the reason's words.
const RULES: [string, (w: WorldConfig) => void, string, RegExp][] = [
  ['region', (w) => void (w.region = 'moon-1'), 'region', /AWS Region/],
  ['account id', (w) => void (w.accountId = '1234'), 'accountId', /12 digits/],
  ['password MinimumLength below 6', (w) => void (pool(w).passwordPolicy = { MinimumLength: 5 }), 'userPools[0].passwordPolicy.MinimumLength', /^Minimum length must be between 6 and 99$/],
  ['password MinimumLength above 99', (w) => void (pool(w).passwordPolicy = { MinimumLength: 100 }), 'userPools[0].passwordPolicy.MinimumLength', /between 6 and 99/],
  ['TemporaryPasswordValidityDays above 365', (w) => void (pool(w).passwordPolicy = { TemporaryPasswordValidityDays: 366 }), 'userPools[0].passwordPolicy.TemporaryPasswordValidityDays', /0 to 365 days/],
  ['password rule not a boolean', (w) => void (pool(w).passwordPolicy = { RequireSymbols: 'yes' as unknown as boolean }), 'userPools[0].passwordPolicy.RequireSymbols', /true or false/],
  ['MFA ON with no factor', (w) => void ((pool(w).mfaConfiguration = 'ON'), (pool(w).mfaFactors = [])), 'userPools[0].mfaFactors', /can't disable all MFAs/],
  ['unknown MFA factor', (w) => void (pool(w).mfaFactors = ['TOTP', 'EMAIL' as 'SMS']), 'userPools[0].mfaFactors[1]', /SMS or TOTP/],
  ['MFA enforcement value', (w) => void (pool(w).mfaConfiguration = 'MAYBE' as 'ON'), 'userPools[0].mfaConfiguration', /OFF, OPTIONAL or ON/],
  ['unused account validity', (w) => void (pool(w).unusedAccountValidityDays = 400), 'userPools[0].unusedAccountValidityDays', /0 to 365/],
  ['username attributes and aliases together', (w) => void (pool(w).usernameAttributes = ['email']), 'userPools[0].aliasAttributes', /not both/],
  ['pool name', (w) => void (pool(w).name = ''), 'userPools[0].name', /1 to 128/],
  ['domain prefix pattern', (w) => void (pool(w).domainPrefix = '-Learner'), 'userPools[0].domainPrefix', /lowercase letters, numbers and hyphens/],
  ['domain prefix reserved word', (w) => void (pool(w).domainPrefix = 'my-cognito-app'), 'userPools[0].domainPrefix', /reserved words aws, amazon or cognito/],
  ['group precedence negative', (w) => void (pool(w).groups![0]!.precedence = -1), 'userPools[0].groups[0].precedence', /0 or more/],
  ['group names a missing role', (w) => void (pool(w).groups![1]!.roleName = 'NoSuchRole'), 'userPools[0].groups[1].roleName', /NoSuchRole does not exist/],
  ['group name length', (w) => void (pool(w).groups![1]!.name = 'x'.repeat(129)), 'userPools[0].groups[1].name', /1 to 128/],
  ['duplicate group', (w) => void (pool(w).groups![1]!.name = 'admins'), 'userPools[0].groups[1].name', /already called admins/],
  ['user in a missing group', (w) => void (pool(w).users![1]!.groups = ['editors']), 'userPools[0].users[1].groups[0]', /Group editors does not exist/],
  ['duplicate user', (w) => void (pool(w).users![1]!.username = 'ALICE'), 'userPools[0].users[1].username', /already called ALICE/],
  ['social provider named otherwise', (w) => void (pool(w).identityProviders![0]!.name = 'Gmail'), 'userPools[0].identityProviders[0].name', /must be called Google/],
  ['provider type', (w) => void (pool(w).identityProviders![2]!.type = 'LDAP' as 'SAML'), 'userPools[0].identityProviders[2].type', /Google, Facebook, SAML or OIDC/],
  ['trigger names a missing function', (w) => void (pool(w).lambdaTriggers = { preSignUp: 'nope' }), 'userPools[0].lambdaTriggers.preSignUp', /function nope does not exist/],
  ['unknown trigger', (w) => void (pool(w).lambdaTriggers = { onBirthday: 'notes-profile' } as never), 'userPools[0].lambdaTriggers.onBirthday', /not a Lambda trigger/],
  ['resource server identifier', (w) => void (pool(w).resourceServers![0]!.identifier = 'has space'), 'userPools[0].resourceServers[0].identifier', /printable characters/],
  ['client name', (w) => void (web(w).name = 'web/app'), 'userPools[0].clients[0].name', /1 to 128/],
  ['duplicate client', (w) => void (pool(w).clients[1]!.name = 'web'), 'userPools[0].clients[1].name', /already called web/],
  ['unknown auth flow', (w) => void (web(w).explicitAuthFlows = ['ALLOW_MAGIC' as 'ALLOW_USER_SRP_AUTH']), 'userPools[0].clients[0].explicitAuthFlows[0]', /not an authentication flow/],
  ['ID token validity above a day', (w) => void (web(w).idTokenValidity = 25), 'userPools[0].clients[0].idTokenValidity', /^ID token validity must be between 5 minutes and 1 day$/],
  ['access token validity below 5 minutes', (w) => void ((web(w).accessTokenValidity = 4), (web(w).tokenValidityUnits = { AccessToken: 'minutes' })), 'userPools[0].clients[0].accessTokenValidity', /Access token validity must be between 5 minutes and 1 day/],
  ['refresh token validity above 10 years', (w) => void (web(w).refreshTokenValidity = 3651), 'userPools[0].clients[0].refreshTokenValidity', /Refresh token validity must be between 60 minutes and 3650 days/],
  ['validity unit', (w) => void (web(w).tokenValidityUnits = { IdToken: 'weeks' as 'days' }), 'userPools[0].clients[0].tokenValidityUnits.IdToken', /seconds, minutes, hours or days/],
  ['AuthSessionValidity below 3', (w) => void (web(w).authSessionValidity = 2), 'userPools[0].clients[0].authSessionValidity', /between 3 and 15 minutes/],
  ['callback over plain HTTP', (w) => void (web(w).callbackUrls = ['http://app.example/callback']), 'userPools[0].clients[0].callbackUrls[0]', /must use HTTPS .*localhost/],
  ['callback with a fragment', (w) => void (web(w).callbackUrls = ['https://app.example/callback#x']), 'userPools[0].clients[0].callbackUrls[0]', /fragment/],
  ['callback not absolute', (w) => void (web(w).callbackUrls = ['/callback']), 'userPools[0].clients[0].callbackUrls[0]', /not an absolute URL/],
  ['sign-out URL over plain HTTP', (w) => void (web(w).logoutUrls = ['http://app.example/']), 'userPools[0].clients[0].logoutUrls[0]', /HTTPS/],
  ['code grant without a callback', (w) => void (web(w).callbackUrls = []), 'userPools[0].clients[0].callbackUrls', /need at least one callback URL/],
  ['client credentials with the code grant', (w) => void (pool(w).clients[2]!.allowedOAuthFlows = ['client_credentials', 'code']), 'userPools[0].clients[2].allowedOAuthFlows', /client_credentials flow can not be selected along with code flow/],
  ['client credentials without a secret', (w) => void (pool(w).clients[2]!.generateSecret = false), 'userPools[0].clients[2].generateSecret', /does not have a client secret/],
  ['client credentials with a standard scope', (w) => void (pool(w).clients[2]!.allowedOAuthScopes = ['openid']), 'userPools[0].clients[2].allowedOAuthScopes[0]', /only custom scopes/],
  ['unknown scope', (w) => void web(w).allowedOAuthScopes!.push('notes-api/notes.write'), 'userPools[0].clients[0].allowedOAuthScopes[5]', /neither a standard scope nor a scope of this pool's resource servers/],
  ['OAuth grants without scopes', (w) => void (web(w).allowedOAuthScopes = []), 'userPools[0].clients[0].allowedOAuthScopes', /at least one allowed scope/],
  ['client names a missing provider', (w) => void web(w).supportedIdentityProviders!.push('Okta'), 'userPools[0].clients[0].supportedIdentityProviders[4]', /The provider Okta does not exist/],
  ['identity pool authenticated role missing', (w) => void (w.identityPools[0]!.authenticatedRoleName = 'Gone'), 'identityPools[0].authenticatedRoleName', /Gone does not exist/],
  ['identity pool guest role missing', (w) => void (w.identityPools[0]!.unauthenticatedRoleName = 'Gone'), 'identityPools[0].unauthenticatedRoleName', /Gone does not exist/],
  ['identity pool names a missing app client', (w) => void (w.identityPools[0]!.userPoolClients = ['LearnerPool/mobile']), 'identityPools[0].userPoolClients[0]', /no app client LearnerPool\/mobile/],
  ['identity pool names a missing provider', (w) => void w.identityPools[0]!.externalProviders.push('Okta'), 'identityPools[0].externalProviders[3]', /Okta is not an identity provider/],
  ['guest access not a boolean', (w) => void (w.identityPools[0]!.allowUnauthenticatedIdentities = undefined as unknown as boolean), 'identityPools[0].allowUnauthenticatedIdentities', /on or off/],
  [
    'rules mapping with a missing role',
    (w) => void (w.identityPools[0]!.roleMappings = [{ provider: 'LearnerPool/web', type: 'Rules', ambiguousRoleResolution: 'Deny', rules: [{ claim: 'custom:dept', matchType: 'Equals', value: 'x', roleName: 'Gone' }] }]),
    'identityPools[0].roleMappings[0].rules[0].roleName',
    /Gone does not exist/,
  ],
  ['rules mapping without rules', (w) => void (w.identityPools[0]!.roleMappings = [{ provider: 'LearnerPool/web', type: 'Rules', ambiguousRoleResolution: 'Deny', rules: [] }]), 'identityPools[0].roleMappings[0].rules', /1 to 25 rules/],
  ['role name', (w) => void (w.roles[3]!.name = 'bad role name'), 'roles[3].name', /1 to 64/],
  ['role session duration', (w) => void (w.roles[0]!.maxSessionDuration = 60), 'roles[0].maxSessionDuration', /3600 seconds.*43200/],
  ['policy without statements', (w) => void (w.roles[0]!.policies[0]!.document.Statement = []), 'roles[0].policies[0].document.Statement', /at least one statement/],
  ['statement effect', (w) => void ((w.roles[1]!.policies[0]!.document.Statement as { Effect: string }[])[0]!.Effect = 'Maybe'), 'roles[1].policies[0].document.Statement[0].Effect', /Allow or Deny/],
  ['policy placeholder for nothing', (w) => void ((w.roles[3]!.policies[0]!.document.Statement as { Resource: string }[])[0]!.Resource = 'arn:aws:dynamodb:{{region}}:{{accountId}}:table/{{table:Notes}}'), 'roles[3]', /\{\{table:Notes\}\}/],
  ['duplicate role', (w) => void (w.roles[3]!.name = 'AdminRole'), 'roles[3].name', /already called AdminRole/],
  ['table name', (w) => void (w.tables[0]!.name = 'N!'), 'tables[0].name', /3 to 255/],
  ['sort key same as partition key', (w) => void (w.tables[0]!.sortKey = { name: 'ownerId', type: 'S' }), 'tables[0].sortKey.name', /another attribute/],
  ['key type', (w) => void (w.tables[1]!.partitionKey.type = 'BOOL' as 'S'), 'tables[1].partitionKey.type', /String \(S\), Number \(N\) or Binary \(B\)/],
  ['REST authorizer names a missing pool', (w) => void (w.restApis[0]!.authorizers![0]!.userPools = ['OtherPool']), 'restApis[0].authorizers[0].userPools[0]', /no user pool OtherPool/],
  ['REST authorizer cache', (w) => void (w.restApis[0]!.authorizers![1]!.resultTtlInSeconds = 3601), 'restApis[0].authorizers[1].resultTtlInSeconds', /0 to 3600/],
  ['REST integration names a missing function', (w) => void (w.restApis[0]!.routes[0]!.integration = { type: 'lambda', functionName: 'gone' }), 'restApis[0].routes[0].integration.functionName', /gone does not exist/],
  ['CUSTOM method without a Lambda authorizer', (w) => void (w.restApis[0]!.routes[4]!.authorizer = 'LearnerPoolAuthorizer'), 'restApis[0].routes[4].authorizer', /Lambda authorizer/],
  ['stage name', (w) => void (w.restApis[0]!.stage = 'prod stage'), 'restApis[0].stage', /Stage name/],
  ['HTTP API audience names a missing client', (w) => void (w.httpApis![0]!.authorizers![0]!.audience = ['LearnerPool/ios']), 'httpApis[0].authorizers[0].audience[0]', /no app client LearnerPool\/ios/],
  ['load balancer client without a secret', (w) => void (pool(w).clients[1]!.generateSecret = false), 'loadBalancers[0].rules[0].authenticate.userPoolClient', /has no client secret/],
  ['load balancer rule priority', (w) => void (w.loadBalancers[0]!.rules[1]!.priority = 10), 'loadBalancers[0].rules[1].priority', /already has priority 10/],
  ['load balancer forwards to a missing target', (w) => void (w.loadBalancers[0]!.rules[0]!.forward = { target: 'ghost' }), 'loadBalancers[0].rules[0].forward.target', /no target ghost/],
];

describe('each rule', () => {
  it.each(RULES)('%s', (_name, change, path, message) => {
    const issues = validateWorld(edited(change));
    const issue = issues.find((i) => i.path === path);
    expect(issue, `issues were ${JSON.stringify(issues)}`).toBeDefined();
    expect(issue!.message).toMatch(message);
  });
});

describe('robustness', () => {
  it('never throws: garbage gets issues', () => {
    for (const garbage of [null, 42, 'world', [], {}, { region: 'us-east-1', accountId: '123456789012', roles: 'x' }]) {
      expect(validateWorld(garbage as unknown as WorldConfig).length).toBeGreaterThan(0);
    }
    const weird = edited((w) => {
      (w.userPools[0] as unknown as Record<string, unknown>).clients = [null, 7];
      (w.userPools[0] as unknown as Record<string, unknown>).groups = 'admins';
      (w.roles[0] as unknown as Record<string, unknown>).policies = [null];
    });
    expect(() => validateWorld(weird)).not.toThrow();
  });

  it('a world with a changed password policy and MFA required builds: what it accepts, the simulator accepts', async () => {
    const w = edited((x) => {
      pool(x).passwordPolicy = { MinimumLength: 12, RequireSymbols: false };
      pool(x).mfaConfiguration = 'ON';
      pool(x).mfaFactors = ['TOTP'];
      web(x).accessTokenValidity = 30;
      web(x).tokenValidityUnits = { AccessToken: 'minutes' };
    });
    expect(validateWorld(w)).toEqual([]);
    await expect(createSimulator({ world: w, seed: 1, startTime: 0 })).resolves.toBeDefined();
  });
});
