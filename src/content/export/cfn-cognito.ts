// The world's user pools and identity pools as CloudFormation resources: AWS::Cognito::UserPool (policies, MFA,
// schema, LambdaConfig), its domain, identity providers, resource servers, app clients and groups, and
// AWS::Cognito::IdentityPool with its AWS::Cognito::IdentityPoolRoleAttachment.
// Property names: the CloudFormation template reference, aws-resource-cognito-*.html (see cfn-resource-table.ts).
import type { IdentityPoolConfig, IdentityProviderConfig, UserPoolConfig } from '../../sim/world/config';
import { key, note, parameter, placeholderResolver, roleArn, type ExportContext } from './cfn-context';
import { defined, getAtt, ref, sub, withPlaceholders, type CfnValue } from './cfn-intrinsics';

// AWS's default password policy (CreateUserPool without Policies) [V: API_PasswordPolicyType].
const DEFAULT_PASSWORD_POLICY = { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: 7 };

// Standard attributes (a pool's Schema needs only the ones whose settings differ from the default) [V: user-pool-settings-attributes].
const STANDARD_ATTRIBUTES = new Set([
  'address', 'birthdate', 'email', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name', 'nickname',
  'phone_number', 'picture', 'preferred_username', 'profile', 'updated_at', 'website', 'zoneinfo',
]);

const TRIGGERS = [
  ['preSignUp', 'PreSignUp'],
  ['postConfirmation', 'PostConfirmation'],
  ['preTokenGeneration', 'PreTokenGeneration'],
  ['customMessage', 'CustomMessage'],
  ['defineAuthChallenge', 'DefineAuthChallenge'],
  ['createAuthChallenge', 'CreateAuthChallenge'],
  ['verifyAuthChallengeResponse', 'VerifyAuthChallengeResponse'],
] as const;

function schemaOf(pool: UserPoolConfig): CfnValue[] {
  const required = (pool.requiredAttributes ?? []).filter((name) => STANDARD_ATTRIBUTES.has(name));
  const schema: CfnValue[] = required.map((name) => ({ Name: name, AttributeDataType: 'String', Mutable: true, Required: true }));
  // An identity provider may map only to attributes the pool has: custom ones must be declared (without "custom:").
  const custom = new Set((pool.identityProviders ?? []).flatMap((idp) => Object.keys(idp.attributeMapping ?? {})).filter((a) => a.startsWith('custom:')));
  for (const attribute of [...custom].sort()) schema.push({ Name: attribute.slice('custom:'.length), AttributeDataType: 'String', Mutable: true });
  return schema;
}

function lambdaConfigOf(ctx: ExportContext, pool: UserPoolConfig): Record<string, CfnValue> | undefined {
  const entries: Record<string, CfnValue> = {};
  for (const [field, property] of TRIGGERS) {
    const fnName = pool.lambdaTriggers?.[field];
    if (!fnName) continue;
    const fnId = ctx.ids.find(key.fn(fnName));
    if (!fnId) {
      note(ctx, `${pool.name}'s ${property} trigger names a function "${fnName}" that the world does not define: it is left out.`);
      continue;
    }
    entries[property] = getAtt(fnId, 'Arn');
  }
  return Object.keys(entries).length > 0 ? entries : undefined;
}

/** The role Cognito assumes to send SMS through Amazon SNS (needed for SMS MFA and SMS verification). */
function smsRole(ctx: ExportContext, pool: UserPoolConfig, poolId: string): string {
  const id = ctx.ids.id(`smsRole:${pool.name}`, `${pool.name} Sms`, 'Role');
  ctx.resources[id] = {
    Type: 'AWS::IAM::Role',
    Properties: {
      Description: `Lets Amazon Cognito send the SMS messages of ${pool.name} through Amazon SNS`,
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'cognito-idp.amazonaws.com' },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': `${poolId}-sms`, 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          },
        ],
      },
      Policies: [{ PolicyName: 'PublishSms', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sns:Publish', Resource: '*' }] } }],
    },
  };
  return id;
}

function userPoolResource(ctx: ExportContext, pool: UserPoolConfig, poolId: string): void {
  const factors = pool.mfaConfiguration === 'OFF' ? [] : (pool.mfaFactors ?? []);
  const usesSms = factors.includes('SMS') || (pool.autoVerifiedAttributes ?? []).includes('phone_number');
  const smsRoleId = usesSms ? smsRole(ctx, pool, poolId) : undefined;
  const policy = { ...DEFAULT_PASSWORD_POLICY, ...(pool.unusedAccountValidityDays !== undefined ? { TemporaryPasswordValidityDays: pool.unusedAccountValidityDays } : {}), ...pool.passwordPolicy };
  const recovery = pool.accountRecovery ?? 'verified_email';
  const schema = schemaOf(pool);
  ctx.resources[poolId] = {
    Type: 'AWS::Cognito::UserPool',
    ...(smsRoleId ? { DependsOn: [smsRoleId] } : {}),
    Properties: defined({
      UserPoolName: pool.name,
      UsernameAttributes: pool.usernameAttributes?.length ? pool.usernameAttributes : undefined,
      AliasAttributes: pool.aliasAttributes?.length ? pool.aliasAttributes : undefined,
      AutoVerifiedAttributes: pool.autoVerifiedAttributes?.length ? pool.autoVerifiedAttributes : undefined,
      Schema: schema.length > 0 ? schema : undefined,
      Policies: { PasswordPolicy: policy },
      MfaConfiguration: pool.mfaConfiguration ?? 'OFF',
      EnabledMfas: factors.length > 0 ? factors.map((f) => (f === 'SMS' ? 'SMS_MFA' : 'SOFTWARE_TOKEN_MFA')) : undefined,
      SmsConfiguration: smsRoleId ? { SnsCallerArn: getAtt(smsRoleId, 'Arn'), ExternalId: `${poolId}-sms`, SnsRegion: { Ref: 'AWS::Region' } } : undefined,
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: pool.allowSelfSignUp === false },
      AccountRecoverySetting: {
        RecoveryMechanisms: [{ Name: recovery, Priority: 1 }],
      },
      LambdaConfig: lambdaConfigOf(ctx, pool),
    }),
  };
  if (smsRoleId) note(ctx, `${pool.name} sends SMS (MFA or verification): a new account's SNS is in the SMS sandbox and delivers only to verified numbers; the simulator delivers every message to its inbox.`);
}

function providerDetails(ctx: ExportContext, idp: IdentityProviderConfig): Record<string, CfnValue> {
  const p = (suffix: string, description: string, secret = false) =>
    ref(parameter(ctx, `${idp.name.replace(/[^A-Za-z0-9]/g, '')}${suffix}`, { Type: 'String', Description: description, MinLength: 1, ...(secret ? { NoEcho: true } : {}) }));
  switch (idp.type) {
    case 'Google':
      return {
        client_id: p('ClientId', `${idp.name}: the OAuth 2.0 client ID of your Google Cloud web application`),
        client_secret: p('ClientSecret', `${idp.name}: that client's secret`, true),
        authorize_scopes: 'profile email openid',
      };
    case 'Facebook':
      return {
        client_id: p('AppId', `${idp.name}: the App ID of your Meta for Developers app`),
        client_secret: p('AppSecret', `${idp.name}: that app's App Secret`, true),
        authorize_scopes: 'public_profile,email',
      };
    case 'SAML':
      return { MetadataURL: p('MetadataUrl', `${idp.name}: the URL of your SAML identity provider's metadata document`) };
    case 'OIDC':
      return {
        client_id: p('ClientId', `${idp.name}: the client ID registered with your OpenID Connect provider`),
        client_secret: p('ClientSecret', `${idp.name}: that client's secret`, true),
        oidc_issuer: p('Issuer', `${idp.name}: the provider's issuer URL`),
        attributes_request_method: 'GET',
        authorize_scopes: 'openid email profile',
      };
  }
}

function poolParts(ctx: ExportContext, pool: UserPoolConfig, poolId: string): void {
  const userPoolId = ref(poolId);
  if (pool.domainPrefix) {
    const param = parameter(ctx, `${poolId}DomainPrefix`, {
      Type: 'String',
      Description: `The hosted UI's domain prefix for ${pool.name}: unique within the region, so change it if it is taken`,
      Default: pool.domainPrefix,
      AllowedPattern: '^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$',
    });
    const domainId = ctx.ids.id(`domain:${pool.name}`, `${pool.name} Domain`, 'Domain');
    ctx.resources[domainId] = { Type: 'AWS::Cognito::UserPoolDomain', Properties: { Domain: ref(param), UserPoolId: userPoolId } };
    ctx.outputs[`${poolId}HostedUi`] = { Description: `${pool.name}'s hosted UI`, Value: sub(`https://\${${param}}.auth.\${AWS::Region}.amazoncognito.com`) };
  }
  for (const idp of pool.identityProviders ?? []) {
    const id = ctx.ids.id(key.idp(pool.name, idp.name), `${pool.name} ${idp.name}`, 'IdentityProvider');
    ctx.resources[id] = {
      Type: 'AWS::Cognito::UserPoolIdentityProvider',
      Properties: defined({
        UserPoolId: userPoolId,
        ProviderName: idp.name,
        ProviderType: idp.type,
        ProviderDetails: providerDetails(ctx, idp),
        AttributeMapping: idp.attributeMapping && Object.keys(idp.attributeMapping).length > 0 ? idp.attributeMapping : undefined,
      }),
    };
  }
  for (const server of pool.resourceServers ?? []) {
    const id = ctx.ids.id(key.resourceServer(pool.name, server.identifier), `${pool.name} ${server.identifier}`, 'ResourceServer');
    ctx.resources[id] = {
      Type: 'AWS::Cognito::UserPoolResourceServer',
      Properties: { UserPoolId: userPoolId, Identifier: server.identifier, Name: server.name, Scopes: server.scopes.map((s) => ({ ScopeName: s.name, ScopeDescription: s.description })) },
    };
  }
  for (const group of pool.groups ?? []) {
    const id = ctx.ids.id(`group:${pool.name}/${group.name}`, `${pool.name} ${group.name}`, 'Group');
    ctx.resources[id] = {
      Type: 'AWS::Cognito::UserPoolGroup',
      Properties: defined({ UserPoolId: userPoolId, GroupName: group.name, Description: group.description, Precedence: group.precedence, RoleArn: group.roleName ? roleArn(ctx, group.roleName) : undefined }),
    };
  }
  for (const client of pool.clients) clientResource(ctx, pool, client, userPoolId);
  ctx.outputs[`${poolId}Id`] = { Description: `${pool.name}'s id`, Value: userPoolId };
}

function callbackUrl(ctx: ExportContext, url: string): CfnValue {
  if (!url.includes('{albDnsName}')) return url;
  const param = parameter(ctx, 'LoadBalancerDnsName', {
    Type: 'String',
    Description: 'The DNS name of your Application Load Balancer (its /oauth2/idpresponse is the ALB client\u2019s callback URL)',
    Default: 'my-alb-123456789.us-east-1.elb.amazonaws.com',
  });
  return sub(url.replace(/\$\{/g, '${!').replace(/\{albDnsName\}/g, `\${${param}}`));
}

function clientResource(ctx: ExportContext, pool: UserPoolConfig, client: UserPoolConfig['clients'][number], userPoolId: CfnValue): void {
  const id = ctx.ids.id(key.client(pool.name, client.name), `${pool.name} ${client.name}`, 'Client');
  // A client may name an identity provider or a custom scope only once it exists: CloudFormation must create them first.
  const dependsOn = [
    ...(client.supportedIdentityProviders ?? []).filter((p) => p !== 'COGNITO').flatMap((p) => ctx.ids.find(key.idp(pool.name, p)) ?? []),
    ...(pool.resourceServers ?? []).filter((s) => (client.allowedOAuthScopes ?? []).some((scope) => scope.startsWith(`${s.identifier}/`))).flatMap((s) => ctx.ids.find(key.resourceServer(pool.name, s.identifier)) ?? []),
  ];
  const flows = client.allowedOAuthFlows ?? [];
  ctx.resources[id] = {
    Type: 'AWS::Cognito::UserPoolClient',
    ...(dependsOn.length > 0 ? { DependsOn: dependsOn } : {}),
    Properties: defined({
      UserPoolId: userPoolId,
      ClientName: client.name,
      GenerateSecret: client.generateSecret ?? false,
      ExplicitAuthFlows: client.explicitAuthFlows,
      PreventUserExistenceErrors: client.preventUserExistenceErrors,
      EnableTokenRevocation: client.enableTokenRevocation,
      IdTokenValidity: client.idTokenValidity,
      AccessTokenValidity: client.accessTokenValidity,
      RefreshTokenValidity: client.refreshTokenValidity,
      TokenValidityUnits: client.tokenValidityUnits ? { ...client.tokenValidityUnits } : undefined,
      AuthSessionValidity: client.authSessionValidity,
      AllowedOAuthFlowsUserPoolClient: flows.length > 0 ? true : undefined,
      AllowedOAuthFlows: flows.length > 0 ? flows : undefined,
      AllowedOAuthScopes: client.allowedOAuthScopes?.length ? client.allowedOAuthScopes : undefined,
      CallbackURLs: client.callbackUrls?.length ? client.callbackUrls.map((u) => callbackUrl(ctx, u)) : undefined,
      LogoutURLs: client.logoutUrls?.length ? client.logoutUrls.map((u) => callbackUrl(ctx, u)) : undefined,
      SupportedIdentityProviders: client.supportedIdentityProviders?.length ? client.supportedIdentityProviders : undefined,
      ReadAttributes: client.readAttributes,
      WriteAttributes: client.writeAttributes,
    }),
  };
  if (client.clientSecret) note(ctx, `The ${client.name} client's secret is generated by AWS: the simulator's fixed secret is not carried over.`);
  ctx.outputs[`${id}Id`] = { Description: `${pool.name}'s ${client.name} app client id`, Value: ref(id) };
}

export function userPoolResources(ctx: ExportContext, pool: UserPoolConfig): void {
  const poolId = ctx.ids.find(key.userPool(pool.name))!;
  userPoolResource(ctx, pool, poolId);
  poolParts(ctx, pool, poolId);
}

/** "{poolName}/{clientName}" → the CognitoIdentityProvider entry and the role mapping key AWS uses for it. */
function cognitoProvider(ctx: ExportContext, reference: string): { providerName: CfnValue; clientId: string; poolId: string } | undefined {
  const [poolName = '', clientName = ''] = reference.split('/');
  const poolId = ctx.ids.find(key.userPool(poolName));
  const clientId = ctx.ids.find(key.client(poolName, clientName));
  if (!poolId || !clientId) return undefined;
  return { providerName: getAtt(poolId, 'ProviderName'), clientId, poolId };
}

function externalType(ctx: ExportContext, name: string): IdentityProviderConfig['type'] | undefined {
  const declared = ctx.world.userPools.flatMap((p) => p.identityProviders ?? []).find((p) => p.name === name);
  return declared?.type ?? (name === 'Google' || name === 'Facebook' ? name : undefined);
}

/** The identity pool's entry for an external provider: a Logins key and value, or an IAM provider's ARN. */
function externalProvider(ctx: ExportContext, name: string): { login?: [string, CfnValue]; saml?: CfnValue; oidc?: CfnValue; mappingKey: CfnValue } | undefined {
  const safe = name.replace(/[^A-Za-z0-9]/g, '');
  switch (externalType(ctx, name)) {
    case 'Google': {
      const id = parameter(ctx, `${safe}ClientId`, { Type: 'String', Description: `${name}: the OAuth 2.0 client ID of your Google Cloud web application`, MinLength: 1 });
      return { login: ['accounts.google.com', ref(id)], mappingKey: 'accounts.google.com' };
    }
    case 'Facebook': {
      const id = parameter(ctx, `${safe}AppId`, { Type: 'String', Description: `${name}: the App ID of your Meta for Developers app`, MinLength: 1 });
      return { login: ['graph.facebook.com', ref(id)], mappingKey: 'graph.facebook.com' };
    }
    case 'SAML': {
      const arn = sub(`arn:\${AWS::Partition}:iam::\${AWS::AccountId}:saml-provider/${name}`);
      note(ctx, `The identity pool trusts ${name} through an IAM SAML provider named "${name}": create it in IAM from your IdP's metadata before you deploy (the simulator has it built in).`);
      return { saml: arn, mappingKey: arn };
    }
    case 'OIDC': {
      const arn = sub(`arn:\${AWS::Partition}:iam::\${AWS::AccountId}:oidc-provider/${name}`);
      note(ctx, `The identity pool trusts ${name} through an IAM OpenID Connect provider: create it in IAM before you deploy.`);
      return { oidc: arn, mappingKey: name };
    }
    default:
      note(ctx, `The identity pool ${name} provider is of a kind the export does not know: it is left out.`);
      return undefined;
  }
}

export function identityPoolResources(ctx: ExportContext, pool: IdentityPoolConfig): void {
  const id = ctx.ids.find(key.identityPool(pool.name))!;
  const providers = pool.userPoolClients.flatMap((r) => cognitoProvider(ctx, r) ?? []);
  const externals = pool.externalProviders.map((name) => ({ name, entry: externalProvider(ctx, name) }));
  const logins = externals.flatMap((e) => (e.entry?.login ? [e.entry.login] : []));
  const saml = externals.flatMap((e) => (e.entry?.saml ? [e.entry.saml] : []));
  const oidc = externals.flatMap((e) => (e.entry?.oidc ? [e.entry.oidc] : []));
  ctx.resources[id] = {
    Type: 'AWS::Cognito::IdentityPool',
    Properties: defined({
      // Identity pool names allow letters, digits, spaces, + = , . @ and - [V: API_CreateIdentityPool].
      IdentityPoolName: pool.name.replace(/[^\w +=,.@-]/g, '_'),
      AllowUnauthenticatedIdentities: pool.allowUnauthenticatedIdentities,
      AllowClassicFlow: pool.allowClassicFlow,
      CognitoIdentityProviders: providers.length > 0 ? providers.map((p) => ({ ProviderName: p.providerName, ClientId: ref(p.clientId), ServerSideTokenCheck: false })) : undefined,
      SupportedLoginProviders: logins.length > 0 ? Object.fromEntries(logins) : undefined,
      SamlProviderARNs: saml.length > 0 ? saml : undefined,
      OpenIdConnectProviderARNs: oidc.length > 0 ? oidc : undefined,
    }),
  };
  ctx.outputs[`${id}Id`] = { Description: `${pool.name}'s id`, Value: ref(id) };

  // Role mappings: the map's keys are labels; IdentityProvider names the provider, which for a user pool is
  // "cognito-idp.{region}.amazonaws.com/{poolId}:{clientId}", known only once both exist [V: RoleMapping].
  const mappings: Record<string, CfnValue> = {};
  if (pool.roleMapping === 'token') {
    for (const p of providers) {
      mappings[p.clientId] = { IdentityProvider: sub(`cognito-idp.\${AWS::Region}.amazonaws.com/\${${p.poolId}}:\${${p.clientId}}`), Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' };
    }
  }
  for (const mapping of pool.roleMappings ?? []) {
    const cognito = mapping.provider.includes('/') ? cognitoProvider(ctx, mapping.provider) : undefined;
    const identityProvider = cognito
      ? sub(`cognito-idp.\${AWS::Region}.amazonaws.com/\${${cognito.poolId}}:\${${cognito.clientId}}`)
      : externals.find((e) => e.name === mapping.provider)?.entry?.mappingKey ?? externalProvider(ctx, mapping.provider)?.mappingKey;
    if (identityProvider === undefined) continue;
    mappings[cognito?.clientId ?? mapping.provider.replace(/[^A-Za-z0-9]/g, '')] = defined({
      IdentityProvider: identityProvider,
      Type: mapping.type,
      AmbiguousRoleResolution: mapping.ambiguousRoleResolution,
      RulesConfiguration:
        mapping.type === 'Rules'
          ? { Rules: (mapping.rules ?? []).map((r) => ({ Claim: r.claim, MatchType: r.matchType, Value: r.value, RoleARN: roleArn(ctx, r.roleName) })) }
          : undefined,
    });
  }
  const attachment = ctx.ids.id(`roles:${pool.name}`, `${pool.name} Roles`, 'RoleAttachment');
  ctx.resources[attachment] = {
    Type: 'AWS::Cognito::IdentityPoolRoleAttachment',
    Properties: defined({
      IdentityPoolId: ref(id),
      Roles: { authenticated: roleArn(ctx, pool.authenticatedRoleName), unauthenticated: roleArn(ctx, pool.unauthenticatedRoleName) },
      RoleMappings: Object.keys(mappings).length > 0 ? mappings : undefined,
    }),
  };
}

/** The world's IAM roles, with their trust and inline policies; {{placeholders}} become Fn::Sub variables. */
export function roleResources(ctx: ExportContext): void {
  const resolve = placeholderResolver(ctx);
  for (const role of ctx.world.roles) {
    const id = ctx.ids.find(key.role(role.name))!;
    ctx.resources[id] = {
      Type: 'AWS::IAM::Role',
      Properties: defined({
        RoleName: role.name,
        Description: role.description,
        AssumeRolePolicyDocument: withPlaceholders(role.trustPolicy, resolve),
        Policies: role.policies.length > 0 ? role.policies.map((p) => ({ PolicyName: p.name, PolicyDocument: withPlaceholders(p.document, resolve) })) : undefined,
        MaxSessionDuration: role.maxSessionDuration,
      }),
    };
  }
}
