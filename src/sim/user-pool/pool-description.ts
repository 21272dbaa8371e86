// The administrator API's views of a pool and its app clients (UserPoolType, UserPoolClientType and
// their list summaries), built from the pool's state with AWS's member names. Empty lists are left out,
// as AWS leaves out settings that were never set.
import type { AppClient, UserPool } from './model';
import { epochSeconds } from './user-type';

interface SchemaAttribute {
  Name: string;
  AttributeDataType: 'String' | 'Boolean' | 'Number';
  DeveloperOnlyAttribute: boolean;
  Mutable: boolean;
  Required: boolean;
  StringAttributeConstraints?: { MinLength?: string; MaxLength?: string };
  NumberAttributeConstraints?: { MinValue?: string };
}

// [P] The standard schema, in the order and with the constraints a real DescribeUserPool lists them.
const STANDARD_SCHEMA: [string, SchemaAttribute['AttributeDataType'], [string, string]?][] = [
  ['sub', 'String', ['1', '2048']], ['name', 'String'], ['given_name', 'String'], ['family_name', 'String'],
  ['middle_name', 'String'], ['nickname', 'String'], ['preferred_username', 'String'], ['profile', 'String'],
  ['picture', 'String'], ['website', 'String'], ['email', 'String'], ['email_verified', 'Boolean'],
  ['gender', 'String'], ['birthdate', 'String', ['10', '10']], ['zoneinfo', 'String'], ['locale', 'String'],
  ['phone_number', 'String'], ['phone_number_verified', 'Boolean'], ['address', 'String'], ['updated_at', 'Number'],
  ['identities', 'String'],
];

function schemaAttributes(pool: UserPool): SchemaAttribute[] {
  return STANDARD_SCHEMA.map(([name, type, length]) => ({
    Name: name,
    AttributeDataType: type,
    DeveloperOnlyAttribute: false,
    Mutable: name !== 'sub',
    Required: name === 'sub' || pool.requiredAttributes.includes(name),
    ...(type === 'String' ? { StringAttributeConstraints: name === 'identities' ? {} : { MinLength: length?.[0] ?? '0', MaxLength: length?.[1] ?? '2048' } } : {}),
    ...(type === 'Number' ? { NumberAttributeConstraints: { MinValue: '0' } } : {}),
  }));
}

const nonEmpty = <K extends string, T>(key: K, list: readonly T[]): Partial<Record<K, T[]>> =>
  (list.length > 0 ? { [key]: [...list] } : {}) as Partial<Record<K, T[]>>;

export function toUserPoolType(pool: UserPool) {
  return {
    Id: pool.id,
    Name: pool.name,
    Arn: pool.arn,
    Policies: {
      PasswordPolicy: { ...pool.passwordPolicy },
      SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] },
    },
    DeletionProtection: 'INACTIVE',
    LambdaConfig: {},
    LastModifiedDate: epochSeconds(pool.lastModified),
    CreationDate: epochSeconds(pool.createdAt),
    SchemaAttributes: schemaAttributes(pool),
    ...nonEmpty('AutoVerifiedAttributes', pool.autoVerifiedAttributes),
    ...nonEmpty('AliasAttributes', pool.aliasAttributes),
    ...nonEmpty('UsernameAttributes', pool.usernameAttributes),
    VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
    UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [] },
    MfaConfiguration: pool.mfaConfiguration,
    EstimatedNumberOfUsers: pool.users.size,
    EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
    UserPoolTags: {},
    ...(pool.domain ? { Domain: pool.domain } : {}),
    AdminCreateUserConfig: {
      AllowAdminCreateUserOnly: !pool.allowSelfSignUp,
      UnusedAccountValidityDays: pool.unusedAccountValidityDays,
    },
    UsernameConfiguration: { CaseSensitive: false },
    AccountRecoverySetting: { RecoveryMechanisms: [{ Priority: 1, Name: pool.accountRecovery }] },
    UserPoolTier: 'ESSENTIALS',
  };
}

export function toUserPoolDescription(pool: UserPool) {
  return { Id: pool.id, Name: pool.name, LambdaConfig: {}, LastModifiedDate: epochSeconds(pool.lastModified), CreationDate: epochSeconds(pool.createdAt) };
}

export function toUserPoolClientType(pool: UserPool, client: AppClient) {
  return {
    UserPoolId: pool.id,
    ClientName: client.clientName,
    ClientId: client.clientId,
    ...(client.clientSecret ? { ClientSecret: client.clientSecret } : {}),
    LastModifiedDate: epochSeconds(client.lastModified),
    CreationDate: epochSeconds(client.createdAt),
    RefreshTokenValidity: client.refreshTokenValidity,
    AccessTokenValidity: client.accessTokenValidity,
    IdTokenValidity: client.idTokenValidity,
    TokenValidityUnits: { ...client.tokenValidityUnits },
    ...nonEmpty('ReadAttributes', client.readAttributes ?? []),
    ...nonEmpty('WriteAttributes', client.writeAttributes ?? []),
    ...nonEmpty('ExplicitAuthFlows', client.explicitAuthFlows),
    ...nonEmpty('SupportedIdentityProviders', client.supportedIdentityProviders),
    ...nonEmpty('CallbackURLs', client.callbackUrls),
    ...nonEmpty('LogoutURLs', client.logoutUrls),
    ...nonEmpty('AllowedOAuthFlows', client.allowedOAuthFlows),
    ...nonEmpty('AllowedOAuthScopes', client.allowedOAuthScopes),
    AllowedOAuthFlowsUserPoolClient: client.allowedOAuthFlows.length > 0,
    PreventUserExistenceErrors: client.preventUserExistenceErrors,
    EnableTokenRevocation: client.enableTokenRevocation,
    EnablePropagateAdditionalUserContextData: false,
    AuthSessionValidity: client.authSessionValidity,
  };
}

export function toClientDescription(pool: UserPool, client: AppClient) {
  return { ClientId: client.clientId, UserPoolId: pool.id, ClientName: client.clientName };
}
