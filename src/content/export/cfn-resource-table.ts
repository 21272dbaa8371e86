// The resource types the CloudFormation export uses, with each one's settable properties, required properties
// and Fn::GetAtt attributes, and the nested property types it fills in. The test checks every exported template
// against this table. Sources: the CloudFormation template reference (the `doc` page of each type, e.g.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-userpool.html) and the
// resource provider schemas AWS publishes for the registry (as bundled by aws-cloudformation/cfn-lint,
// src/cfnlint/data/schemas/providers/us_east_1/<type>.json): "properties" minus "readOnlyProperties" are the
// settable ones, "required" the required ones, "readOnlyProperties" the attributes Fn::GetAtt returns.
// Only the parts of each type that the export may write are listed under `nested`.

export interface NestedSpec {
  properties: readonly string[];
  required?: readonly string[];
}

export interface CfnTypeSpec {
  doc: string;
  required: readonly string[];
  properties: readonly string[];
  attributes: readonly string[];
  /** Property paths ("Policies.PasswordPolicy", "Schema[]", "RoleMappings.*") → the keys allowed there. */
  nested?: Readonly<Record<string, NestedSpec>>;
}

const DOC = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/';

const POLICY_DOCUMENT: NestedSpec = { properties: ['Version', 'Id', 'Statement'], required: ['Statement'] };

export const CFN_TYPES: Readonly<Record<string, CfnTypeSpec>> = {
  'AWS::Cognito::UserPool': {
    doc: `${DOC}aws-resource-cognito-userpool.html`,
    required: [],
    properties: [
      'AccountRecoverySetting', 'AdminCreateUserConfig', 'AliasAttributes', 'AutoVerifiedAttributes', 'DeletionProtection', 'DeviceConfiguration',
      'EmailAuthenticationMessage', 'EmailAuthenticationSubject', 'EmailConfiguration', 'EmailVerificationMessage', 'EmailVerificationSubject',
      'EnabledMfas', 'LambdaConfig', 'MfaConfiguration', 'Policies', 'Schema', 'SmsAuthenticationMessage', 'SmsConfiguration',
      'SmsVerificationMessage', 'UserAttributeUpdateSettings', 'UsernameAttributes', 'UsernameConfiguration', 'UserPoolAddOns', 'UserPoolName',
      'UserPoolTags', 'VerificationMessageTemplate',
    ],
    attributes: ['Arn', 'ProviderName', 'ProviderURL', 'UserPoolId'],
    nested: {
      // aws-properties-cognito-userpool-policies.html, -passwordpolicy.html
      Policies: { properties: ['PasswordPolicy', 'SignInPolicy'] },
      'Policies.PasswordPolicy': { properties: ['MinimumLength', 'RequireLowercase', 'RequireNumbers', 'RequireSymbols', 'RequireUppercase', 'TemporaryPasswordValidityDays'] },
      // aws-properties-cognito-userpool-schemaattribute.html
      'Schema[]': { properties: ['AttributeDataType', 'DeveloperOnlyAttribute', 'Mutable', 'Name', 'NumberAttributeConstraints', 'Required', 'StringAttributeConstraints'] },
      // aws-properties-cognito-userpool-lambdaconfig.html
      LambdaConfig: {
        properties: [
          'CreateAuthChallenge', 'CustomEmailSender', 'CustomMessage', 'CustomSMSSender', 'DefineAuthChallenge', 'KMSKeyID', 'PostAuthentication',
          'PostConfirmation', 'PreAuthentication', 'PreSignUp', 'PreTokenGeneration', 'PreTokenGenerationConfig', 'UserMigration', 'VerifyAuthChallengeResponse',
        ],
      },
      // aws-properties-cognito-userpool-smsconfiguration.html
      SmsConfiguration: { properties: ['ExternalId', 'SnsCallerArn', 'SnsRegion'] },
      // aws-properties-cognito-userpool-admincreateuserconfig.html
      AdminCreateUserConfig: { properties: ['AllowAdminCreateUserOnly', 'InviteMessageTemplate', 'UnusedAccountValidityDays'] },
      // aws-properties-cognito-userpool-accountrecoverysetting.html, -recoveryoption.html
      AccountRecoverySetting: { properties: ['RecoveryMechanisms'] },
      'AccountRecoverySetting.RecoveryMechanisms[]': { properties: ['Name', 'Priority'] },
    },
  },
  'AWS::Cognito::UserPoolClient': {
    doc: `${DOC}aws-resource-cognito-userpoolclient.html`,
    required: ['UserPoolId'],
    properties: [
      'AccessTokenValidity', 'AllowedOAuthFlows', 'AllowedOAuthFlowsUserPoolClient', 'AllowedOAuthScopes', 'AnalyticsConfiguration', 'AuthSessionValidity',
      'CallbackURLs', 'ClientName', 'DefaultRedirectURI', 'EnablePropagateAdditionalUserContextData', 'EnableTokenRevocation', 'ExplicitAuthFlows',
      'GenerateSecret', 'IdTokenValidity', 'LogoutURLs', 'PreventUserExistenceErrors', 'ReadAttributes', 'RefreshTokenValidity',
      'SupportedIdentityProviders', 'TokenValidityUnits', 'UserPoolId', 'WriteAttributes',
    ],
    attributes: ['ClientId', 'ClientSecret', 'Name'],
    nested: { TokenValidityUnits: { properties: ['AccessToken', 'IdToken', 'RefreshToken'] } },
  },
  'AWS::Cognito::UserPoolGroup': {
    doc: `${DOC}aws-resource-cognito-userpoolgroup.html`,
    required: ['UserPoolId'],
    properties: ['Description', 'GroupName', 'Precedence', 'RoleArn', 'UserPoolId'],
    attributes: [],
  },
  'AWS::Cognito::UserPoolDomain': {
    doc: `${DOC}aws-resource-cognito-userpooldomain.html`,
    required: ['Domain', 'UserPoolId'],
    properties: ['CustomDomainConfig', 'Domain', 'UserPoolId'],
    attributes: ['CloudFrontDistribution'],
  },
  'AWS::Cognito::UserPoolIdentityProvider': {
    doc: `${DOC}aws-resource-cognito-userpoolidentityprovider.html`,
    required: ['ProviderDetails', 'ProviderName', 'ProviderType', 'UserPoolId'],
    // ProviderDetails: required by CreateIdentityProvider, which this resource calls (API_CreateIdentityProvider).
    properties: ['AttributeMapping', 'IdpIdentifiers', 'ProviderDetails', 'ProviderName', 'ProviderType', 'UserPoolId'],
    attributes: [],
  },
  'AWS::Cognito::UserPoolResourceServer': {
    doc: `${DOC}aws-resource-cognito-userpoolresourceserver.html`,
    required: ['Identifier', 'Name', 'UserPoolId'],
    properties: ['Identifier', 'Name', 'Scopes', 'UserPoolId'],
    attributes: [],
    // aws-properties-cognito-userpoolresourceserver-resourceserverscopetype.html
    nested: { 'Scopes[]': { properties: ['ScopeDescription', 'ScopeName'], required: ['ScopeDescription', 'ScopeName'] } },
  },
  'AWS::Cognito::IdentityPool': {
    doc: `${DOC}aws-resource-cognito-identitypool.html`,
    required: ['AllowUnauthenticatedIdentities'],
    properties: [
      'AllowClassicFlow', 'AllowUnauthenticatedIdentities', 'CognitoEvents', 'CognitoIdentityProviders', 'CognitoStreams', 'DeveloperProviderName',
      'IdentityPoolName', 'OpenIdConnectProviderARNs', 'PushSync', 'SamlProviderARNs', 'SupportedLoginProviders',
    ],
    attributes: ['Id', 'Name'],
    // aws-properties-cognito-identitypool-cognitoidentityprovider.html
    nested: { 'CognitoIdentityProviders[]': { properties: ['ClientId', 'ProviderName', 'ServerSideTokenCheck'], required: ['ClientId', 'ProviderName'] } },
  },
  'AWS::Cognito::IdentityPoolRoleAttachment': {
    doc: `${DOC}aws-resource-cognito-identitypoolroleattachment.html`,
    required: ['IdentityPoolId'],
    properties: ['IdentityPoolId', 'RoleMappings', 'Roles'],
    attributes: [],
    nested: {
      // aws-properties-cognito-identitypoolroleattachment-rolemapping.html, -rulesconfigurationtype.html, -mappingrule.html
      'RoleMappings.*': { properties: ['AmbiguousRoleResolution', 'IdentityProvider', 'RulesConfiguration', 'Type'], required: ['Type'] },
      'RoleMappings.*.RulesConfiguration': { properties: ['Rules'], required: ['Rules'] },
      'RoleMappings.*.RulesConfiguration.Rules[]': { properties: ['Claim', 'MatchType', 'RoleARN', 'Value'], required: ['Claim', 'MatchType', 'RoleARN', 'Value'] },
      Roles: { properties: ['authenticated', 'unauthenticated'] },
    },
  },
  'AWS::IAM::Role': {
    doc: `${DOC}aws-resource-iam-role.html`,
    required: ['AssumeRolePolicyDocument'],
    properties: ['AssumeRolePolicyDocument', 'Description', 'ManagedPolicyArns', 'MaxSessionDuration', 'Path', 'PermissionsBoundary', 'Policies', 'RoleName', 'Tags'],
    attributes: ['Arn', 'RoleId'],
    nested: {
      AssumeRolePolicyDocument: POLICY_DOCUMENT,
      // aws-properties-iam-role-policy.html
      'Policies[]': { properties: ['PolicyDocument', 'PolicyName'], required: ['PolicyDocument', 'PolicyName'] },
      'Policies[].PolicyDocument': POLICY_DOCUMENT,
    },
  },
  'AWS::DynamoDB::Table': {
    doc: `${DOC}aws-resource-dynamodb-table.html`,
    required: ['KeySchema'],
    properties: [
      'AttributeDefinitions', 'BillingMode', 'ContributorInsightsSpecification', 'DeletionProtectionEnabled', 'GlobalSecondaryIndexes', 'ImportSourceSpecification',
      'KeySchema', 'KinesisStreamSpecification', 'LocalSecondaryIndexes', 'OnDemandThroughput', 'PointInTimeRecoverySpecification', 'ProvisionedThroughput',
      'ResourcePolicy', 'SSESpecification', 'StreamSpecification', 'TableClass', 'TableName', 'Tags', 'TimeToLiveSpecification',
    ],
    attributes: ['Arn', 'StreamArn'],
    nested: {
      // aws-properties-dynamodb-table-attributedefinition.html, -keyschema.html
      'AttributeDefinitions[]': { properties: ['AttributeName', 'AttributeType'], required: ['AttributeName', 'AttributeType'] },
      'KeySchema[]': { properties: ['AttributeName', 'KeyType'], required: ['AttributeName', 'KeyType'] },
    },
  },
  'AWS::Lambda::Function': {
    doc: `${DOC}aws-resource-lambda-function.html`,
    required: ['Code', 'Role'],
    properties: [
      'Architectures', 'Code', 'CodeSigningConfigArn', 'DeadLetterConfig', 'Description', 'Environment', 'EphemeralStorage', 'FileSystemConfigs',
      'FunctionName', 'Handler', 'ImageConfig', 'KmsKeyArn', 'Layers', 'MemorySize', 'PackageType', 'ReservedConcurrentExecutions', 'Role', 'Runtime', 'RuntimeManagementConfig', 'SnapStart', 'Tags', 'Timeout', 'TracingConfig', 'VpcConfig',
    ],
    attributes: ['Arn', 'SnapStartResponse'],
    nested: {
      // aws-properties-lambda-function-code.html, -environment.html
      Code: { properties: ['ImageUri', 'S3Bucket', 'S3Key', 'S3ObjectVersion', 'ZipFile'] },
      Environment: { properties: ['Variables'] },
    },
  },
  'AWS::Lambda::Permission': {
    doc: `${DOC}aws-resource-lambda-permission.html`,
    required: ['Action', 'FunctionName', 'Principal'],
    properties: ['Action', 'EventSourceToken', 'FunctionName', 'FunctionUrlAuthType', 'Principal', 'PrincipalOrgID', 'SourceAccount', 'SourceArn'],
    attributes: ['Id'],
  },
  'AWS::ApiGateway::RestApi': {
    doc: `${DOC}aws-resource-apigateway-restapi.html`,
    required: [],
    properties: [
      'ApiKeySourceType', 'BinaryMediaTypes', 'Body', 'BodyS3Location', 'CloneFrom', 'Description', 'DisableExecuteApiEndpoint', 'EndpointConfiguration',
      'FailOnWarnings', 'MinimumCompressionSize', 'Mode', 'Name', 'Parameters', 'Policy', 'Tags',
    ],
    attributes: ['RestApiId', 'RootResourceId'],
    nested: { EndpointConfiguration: { properties: ['Types', 'VpcEndpointIds'] } },
  },
  'AWS::ApiGateway::Resource': {
    doc: `${DOC}aws-resource-apigateway-resource.html`,
    required: ['ParentId', 'PathPart', 'RestApiId'],
    properties: ['ParentId', 'PathPart', 'RestApiId'],
    attributes: ['ResourceId'],
  },
  'AWS::ApiGateway::Method': {
    doc: `${DOC}aws-resource-apigateway-method.html`,
    required: ['HttpMethod', 'ResourceId', 'RestApiId'],
    properties: [
      'ApiKeyRequired', 'AuthorizationScopes', 'AuthorizationType', 'AuthorizerId', 'HttpMethod', 'Integration', 'MethodResponses', 'OperationName',
      'RequestModels', 'RequestParameters', 'RequestValidatorId', 'ResourceId', 'RestApiId',
    ],
    attributes: [],
    nested: {
      // aws-properties-apigateway-method-integration.html, -integrationresponse.html, -methodresponse.html
      Integration: {
        properties: [
          'CacheKeyParameters', 'CacheNamespace', 'ConnectionId', 'ConnectionType', 'ContentHandling', 'Credentials', 'IntegrationHttpMethod',
          'IntegrationResponses', 'PassthroughBehavior', 'RequestParameters', 'RequestTemplates', 'TimeoutInMillis', 'Type', 'Uri',
        ],
        required: ['Type'],
      },
      'Integration.IntegrationResponses[]': { properties: ['ContentHandling', 'ResponseParameters', 'ResponseTemplates', 'SelectionPattern', 'StatusCode'], required: ['StatusCode'] },
      'MethodResponses[]': { properties: ['ResponseModels', 'ResponseParameters', 'StatusCode'], required: ['StatusCode'] },
    },
  },
  'AWS::ApiGateway::Authorizer': {
    doc: `${DOC}aws-resource-apigateway-authorizer.html`,
    required: ['Name', 'RestApiId', 'Type'],
    properties: ['AuthType', 'AuthorizerCredentials', 'AuthorizerResultTtlInSeconds', 'AuthorizerUri', 'IdentitySource', 'IdentityValidationExpression', 'Name', 'ProviderARNs', 'RestApiId', 'Type'],
    attributes: ['AuthorizerId'],
  },
  'AWS::ApiGateway::Deployment': {
    doc: `${DOC}aws-resource-apigateway-deployment.html`,
    required: ['RestApiId'],
    properties: ['DeploymentCanarySettings', 'Description', 'RestApiId', 'StageDescription', 'StageName'],
    attributes: ['DeploymentId'],
  },
  'AWS::ApiGateway::Stage': {
    doc: `${DOC}aws-resource-apigateway-stage.html`,
    required: ['RestApiId'],
    properties: [
      'AccessLogSetting', 'CacheClusterEnabled', 'CacheClusterSize', 'CanarySetting', 'ClientCertificateId', 'DeploymentId', 'Description',
      'DocumentationVersion', 'MethodSettings', 'RestApiId', 'StageName', 'Tags', 'TracingEnabled', 'Variables',
    ],
    attributes: [],
    nested: {
      // aws-properties-apigateway-stage-methodsetting.html
      'MethodSettings[]': {
        properties: ['CacheDataEncrypted', 'CacheTtlInSeconds', 'CachingEnabled', 'DataTraceEnabled', 'HttpMethod', 'LoggingLevel', 'MetricsEnabled', 'ResourcePath', 'ThrottlingBurstLimit', 'ThrottlingRateLimit'],
      },
    },
  },
  'AWS::ApiGatewayV2::Api': {
    doc: `${DOC}aws-resource-apigatewayv2-api.html`,
    required: [],
    properties: [
      'ApiKeySelectionExpression', 'BasePath', 'Body', 'BodyS3Location', 'CorsConfiguration', 'CredentialsArn', 'Description', 'DisableExecuteApiEndpoint',
      'DisableSchemaValidation', 'FailOnWarnings', 'Name', 'ProtocolType', 'RouteKey', 'RouteSelectionExpression', 'Tags', 'Target', 'Version',
    ],
    attributes: ['ApiEndpoint', 'ApiId'],
  },
  'AWS::ApiGatewayV2::Authorizer': {
    doc: `${DOC}aws-resource-apigatewayv2-authorizer.html`,
    required: ['ApiId', 'AuthorizerType', 'Name'],
    properties: [
      'ApiId', 'AuthorizerCredentialsArn', 'AuthorizerPayloadFormatVersion', 'AuthorizerResultTtlInSeconds', 'AuthorizerType', 'AuthorizerUri',
      'EnableSimpleResponses', 'IdentitySource', 'IdentityValidationExpression', 'JwtConfiguration', 'Name',
    ],
    attributes: ['AuthorizerId'],
    nested: { JwtConfiguration: { properties: ['Audience', 'Issuer'] } },
  },
  'AWS::ApiGatewayV2::Integration': {
    doc: `${DOC}aws-resource-apigatewayv2-integration.html`,
    required: ['ApiId', 'IntegrationType'],
    properties: [
      'ApiId', 'ConnectionId', 'ConnectionType', 'ContentHandlingStrategy', 'CredentialsArn', 'Description', 'IntegrationMethod', 'IntegrationSubtype',
      'IntegrationType', 'IntegrationUri', 'PassthroughBehavior', 'PayloadFormatVersion', 'RequestParameters', 'RequestTemplates', 'ResponseParameters',
      'TemplateSelectionExpression', 'TimeoutInMillis', 'TlsConfig',
    ],
    attributes: ['IntegrationId'],
  },
  'AWS::ApiGatewayV2::Route': {
    doc: `${DOC}aws-resource-apigatewayv2-route.html`,
    required: ['ApiId', 'RouteKey'],
    properties: [
      'ApiId', 'ApiKeyRequired', 'AuthorizationScopes', 'AuthorizationType', 'AuthorizerId', 'ModelSelectionExpression', 'OperationName', 'RequestModels',
      'RequestParameters', 'RouteKey', 'RouteResponseSelectionExpression', 'Target',
    ],
    attributes: ['RouteId'],
  },
  'AWS::ApiGatewayV2::Stage': {
    doc: `${DOC}aws-resource-apigatewayv2-stage.html`,
    required: ['ApiId', 'StageName'],
    properties: [
      'AccessLogSettings', 'AccessPolicyId', 'ApiId', 'AutoDeploy', 'ClientCertificateId', 'DefaultRouteSettings', 'DeploymentId', 'Description',
      'RouteSettings', 'StageName', 'StageVariables', 'Tags',
    ],
    attributes: [],
    // aws-properties-apigatewayv2-stage-routesettings.html
    nested: { DefaultRouteSettings: { properties: ['DataTraceEnabled', 'DetailedMetricsEnabled', 'LoggingLevel', 'ThrottlingBurstLimit', 'ThrottlingRateLimit'] } },
  },
};

/** Pseudo parameters a Ref or an Fn::Sub may name [V: pseudo-parameter-reference.html]. */
export const PSEUDO_PARAMETERS: readonly string[] = ['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix'];
