// The default world of architecture.md: scenarios, tests and the sandbox start from it.
// Demo users' passwords are published on purpose: learners sign in as them.
import type { WorldConfig } from './config';

export const DEMO_PASSWORDS = {
  alice: 'Alice#Passw0rd',
  bob: 'Bob#Passw0rd1',
} as const;

const cognitoTrust = (amr: 'authenticated' | 'unauthenticated') => ({
  Version: '2012-10-17' as const,
  Statement: [
    {
      Effect: 'Allow' as const,
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': '{{identityPool:LearnerIdentities}}' },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
      },
    },
  ],
});

const catalogRead = {
  name: 'CatalogReadOnly',
  document: {
    Version: '2012-10-17' as const,
    Statement: [{ Sid: 'ReadTheCatalog', Effect: 'Allow' as const, Action: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:BatchGetItem'], Resource: 'arn:aws:dynamodb:{{region}}:{{accountId}}:table/Catalog' }],
  },
};

export const defaultWorld: WorldConfig = {
  region: 'us-east-1',
  accountId: '123456789012',
  roles: [
    {
      name: 'Cognito_LearnerAuth_Role',
      description: 'Signed-in users of LearnerIdentities: their own notes, the catalog, the reports API',
      trustPolicy: cognitoTrust('authenticated'),
      policies: [
        {
          name: 'NotesOwnerOnly',
          document: {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'OwnItemsOnly',
                Effect: 'Allow',
                Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query'],
                Resource: 'arn:aws:dynamodb:{{region}}:{{accountId}}:table/Notes',
                Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${cognito-identity.amazonaws.com:sub}'] } },
              },
            ],
          },
        },
        catalogRead,
        {
          name: 'ReportsApi',
          document: {
            Version: '2012-10-17',
            Statement: [{ Sid: 'CallReports', Effect: 'Allow', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:{{region}}:{{accountId}}:{{restApi:NotesApi}}/prod/GET/reports' }],
          },
        },
      ],
    },
    {
      name: 'Cognito_LearnerUnauth_Role',
      description: 'Guests of LearnerIdentities: the catalog only',
      trustPolicy: cognitoTrust('unauthenticated'),
      policies: [catalogRead],
    },
    {
      name: 'AdminRole',
      description: 'Members of the admins group: every note, and the catalog',
      trustPolicy: cognitoTrust('authenticated'),
      policies: [
        {
          name: 'NotesAdministration',
          document: {
            Version: '2012-10-17',
            Statement: [
              { Sid: 'AllNotes', Effect: 'Allow', Action: 'dynamodb:*', Resource: ['arn:aws:dynamodb:{{region}}:{{accountId}}:table/Notes', 'arn:aws:dynamodb:{{region}}:{{accountId}}:table/Catalog'] },
              { Sid: 'NoTableDeletion', Effect: 'Deny', Action: 'dynamodb:DeleteTable', Resource: '*' },
            ],
          },
        },
      ],
    },
    {
      name: 'NotesApiCatalogRole',
      description: "NotesApi's DynamoDB integration: API Gateway reads the catalog with this role",
      trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      policies: [
        {
          name: 'CatalogRead',
          document: { Version: '2012-10-17', Statement: [{ Sid: 'ReadTheCatalog', Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Scan'], Resource: 'arn:aws:dynamodb:{{region}}:{{accountId}}:table/Catalog' }] },
        },
      ],
    },
  ],
  userPools: [
    {
      name: 'LearnerPool',
      aliasAttributes: ['email'],
      autoVerifiedAttributes: ['email'],
      requiredAttributes: ['email'],
      mfaConfiguration: 'OPTIONAL',
      mfaFactors: ['TOTP', 'SMS'],
      allowSelfSignUp: true,
      accountRecovery: 'verified_email',
      domainPrefix: 'learner-lab',
      groups: [
        { name: 'admins', description: 'Administrators of the learner app', precedence: 1, roleName: 'AdminRole' },
        { name: 'readers', description: 'Readers of the learner app', precedence: 10 },
      ],
      identityProviders: [
        // Attribute mappings: user pool attribute ← the provider's claim, field or SAML attribute name.
        { name: 'Google', type: 'Google', attributeMapping: { email: 'email', email_verified: 'email_verified', name: 'name', picture: 'picture' } },
        { name: 'Facebook', type: 'Facebook', attributeMapping: { email: 'email', name: 'name' } },
        {
          name: 'CorpAD',
          type: 'SAML',
          // SAML attributes are named by claim URIs (AD FS's for e-mail, name and group; CorpAD's own for the department).
          // A multi-valued attribute arrives as one string, "[engineering,all-staff]".
          attributeMapping: {
            email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
            name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
            'custom:department': 'http://schemas.corp.example/claims/department',
            'custom:groups': 'http://schemas.xmlsoap.org/claims/Group',
          },
        },
      ],
      resourceServers: [{ identifier: 'notes-api', name: 'Notes API', scopes: [{ name: 'notes.read', description: 'Read the notes of the NotesApi' }] }],
      clients: [
        {
          name: 'web',
          generateSecret: false,
          explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          preventUserExistenceErrors: 'ENABLED',
          enableTokenRevocation: true,
          allowedOAuthFlows: ['code'],
          allowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin', 'notes-api/notes.read'],
          callbackUrls: ['https://app.learner-lab.example/callback'],
          logoutUrls: ['https://app.learner-lab.example/'],
          supportedIdentityProviders: ['COGNITO', 'Google', 'Facebook', 'CorpAD'],
        },
        {
          name: 'alb',
          generateSecret: true,
          explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
          preventUserExistenceErrors: 'ENABLED',
          enableTokenRevocation: true,
          allowedOAuthFlows: ['code'],
          allowedOAuthScopes: ['openid', 'email', 'profile'],
          callbackUrls: ['https://{albDnsName}/oauth2/idpresponse'],
          logoutUrls: ['https://{albDnsName}/signed-out'],
          supportedIdentityProviders: ['COGNITO', 'Google', 'Facebook', 'CorpAD'],
        },
        {
          // Machine to machine: a back-end job authenticates as itself (client credentials), no user involved.
          name: 'reports-job',
          generateSecret: true,
          explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
          preventUserExistenceErrors: 'ENABLED',
          enableTokenRevocation: true,
          allowedOAuthFlows: ['client_credentials'],
          allowedOAuthScopes: ['notes-api/notes.read'],
        },
      ],
      users: [
        {
          username: 'alice',
          password: DEMO_PASSWORDS.alice,
          attributes: { email: 'alice@example.com', email_verified: 'true', name: 'Alice Liddell' },
          status: 'CONFIRMED',
          groups: ['admins'],
        },
        {
          username: 'bob',
          password: DEMO_PASSWORDS.bob,
          attributes: { email: 'bob@example.com', email_verified: 'true', name: 'Bob Builder' },
          status: 'CONFIRMED',
          groups: ['readers'],
        },
        {
          username: 'Google_104857600000000000001',
          attributes: { email: 'gina.google@gmail.example', email_verified: 'true', name: 'Gina Google' },
          status: 'EXTERNAL_PROVIDER',
        },
        {
          username: 'CorpAD_carol.corp',
          attributes: { email: 'carol@corp.example', email_verified: 'true', name: 'Carol Corp' },
          status: 'EXTERNAL_PROVIDER',
        },
      ],
    },
  ],
  identityPools: [
    {
      name: 'LearnerIdentities',
      allowUnauthenticatedIdentities: true,
      allowClassicFlow: true,
      userPoolClients: ['LearnerPool/web'],
      externalProviders: ['Google', 'Facebook', 'CorpAD'],
      authenticatedRoleName: 'Cognito_LearnerAuth_Role',
      unauthenticatedRoleName: 'Cognito_LearnerUnauth_Role',
      roleMapping: 'token',
    },
  ],
  tables: [
    { name: 'Notes', partitionKey: { name: 'ownerId', type: 'S' }, sortKey: { name: 'noteId', type: 'S' } },
    {
      name: 'Catalog',
      partitionKey: { name: 'sku', type: 'S' },
      items: [
        { sku: { S: 'BOOK-001' }, title: { S: 'Identity on AWS, illustrated' }, price: { N: '29' } },
        { sku: { S: 'MUG-042' }, title: { S: 'Least-privilege mug' }, price: { N: '12' } },
        { sku: { S: 'STICKER-7' }, title: { S: 'ForAllValues sticker' }, price: { N: '2' } },
      ],
    },
  ],
  restApis: [
    {
      name: 'NotesApi',
      stage: 'prod',
      authorizers: [
        { name: 'LearnerPoolAuthorizer', type: 'COGNITO_USER_POOLS', userPools: ['LearnerPool'], identitySource: 'method.request.header.Authorization' },
        // A partner sends "Bearer allow-<name>"; the decision is cached for five minutes per token.
        { name: 'PartnerTokenAuthorizer', type: 'TOKEN', functionName: 'partner-authorizer', identitySource: 'method.request.header.Authorization', resultTtlInSeconds: 300 },
      ],
      routes: [
        { method: 'GET', path: '/profile', authorization: 'COGNITO_USER_POOLS', authorizer: 'LearnerPoolAuthorizer', integration: { type: 'lambda', functionName: 'notes-profile' } },
        { method: 'GET', path: '/notes', authorization: 'COGNITO_USER_POOLS', scopes: ['notes-api/notes.read'], authorizer: 'LearnerPoolAuthorizer', integration: { type: 'lambda', functionName: 'notes-list' } },
        { method: 'GET', path: '/reports', authorization: 'AWS_IAM', integration: { type: 'lambda', functionName: 'notes-reports' } },
        { method: 'GET', path: '/public', authorization: 'NONE', integration: { type: 'mock', body: '{"message":"Hello from the public endpoint: no token needed."}' } },
        { method: 'GET', path: '/partner', authorization: 'CUSTOM', authorizer: 'PartnerTokenAuthorizer', integration: { type: 'lambda', functionName: 'partner-data' } },
        {
          // Open, but throttled hard (1 request/s, burst 2) so a quick third call shows 429.
          method: 'GET',
          path: '/catalog',
          authorization: 'NONE',
          throttling: { rateLimit: 1, burstLimit: 2 },
          integration: { type: 'dynamodb', action: 'Scan', roleName: 'NotesApiCatalogRole', requestTemplate: '{"TableName":"Catalog"}' },
        },
        {
          method: 'GET',
          path: '/catalog/{sku}',
          authorization: 'NONE',
          integration: { type: 'dynamodb', action: 'GetItem', roleName: 'NotesApiCatalogRole', requestTemplate: `{"TableName":"Catalog","Key":{"sku":{"S":"$input.params('sku')"}}}` },
        },
      ],
    },
  ],
  functions: [
    { name: 'notes-profile', handler: 'echo-claims', description: 'Answers with the claims and identity API Gateway passed it' },
    { name: 'notes-list', handler: 'list-notes', description: "Lists the caller's notes" },
    { name: 'notes-reports', handler: 'echo-claims', description: 'Answers with the IAM caller API Gateway passed it' },
    { name: 'partner-data', handler: 'echo-claims', description: "Answers with the partner authorizer's context" },
    { name: 'partner-authorizer', handler: 'token-authorizer', description: 'TOKEN authorizer: "Bearer allow-<name>" or "Bearer deny-<name>"' },
  ],
  httpApis: [
    {
      name: 'NotesHttpApi',
      authorizers: [{ name: 'LearnerPoolJwt', type: 'JWT', userPool: 'LearnerPool', audience: ['LearnerPool/web'] }],
      routes: [
        { method: 'GET', path: '/profile', authorization: 'JWT', authorizer: 'LearnerPoolJwt', integration: { type: 'lambda', functionName: 'notes-profile' } },
        { method: 'GET', path: '/notes', authorization: 'JWT', authorizer: 'LearnerPoolJwt', scopes: ['notes-api/notes.read'], integration: { type: 'lambda', functionName: 'notes-list' } },
      ],
    },
  ],
  loadBalancers: [
    {
      name: 'learner-alb',
      rules: [
        {
          path: '/app/*',
          action: 'authenticate-cognito',
          priority: 10,
          authenticate: { userPool: 'LearnerPool', userPoolClient: 'alb', scope: 'openid email profile', onUnauthenticatedRequest: 'authenticate' },
          forward: { target: 'app' },
        },
        { path: '/health', action: 'fixed-response', priority: 20, fixedResponse: { statusCode: 200, contentType: 'text/plain', messageBody: 'OK' } },
        // Beyond the two rules above: one rule per OnUnauthenticatedRequest mode, sign-out, a target's own health page, a redirect.
        {
          path: '/welcome*',
          action: 'authenticate-cognito',
          priority: 30,
          authenticate: { userPool: 'LearnerPool', userPoolClient: 'alb', scope: 'openid email profile', onUnauthenticatedRequest: 'allow' },
          forward: { target: 'app' },
        },
        {
          path: '/api/*',
          action: 'authenticate-cognito',
          priority: 40,
          authenticate: { userPool: 'LearnerPool', userPoolClient: 'alb', scope: 'openid email profile', onUnauthenticatedRequest: 'deny' },
          forward: { target: 'app' },
        },
        { path: '/logout', action: 'forward', priority: 50, forward: { target: 'sign-out' } },
        { path: '/signed-out', action: 'fixed-response', priority: 60, fixedResponse: { statusCode: 200, contentType: 'text/html', messageBody: '<html><body><h1>You have signed out</h1></body></html>' } },
        { path: '/status', action: 'forward', priority: 70, forward: { target: 'health' } },
        { path: '/home', action: 'redirect', priority: 80, redirect: { statusCode: 'HTTP_301', path: '/app/home' } },
      ],
      httpListener: 'redirect-to-https',
      targets: [
        { name: 'app', handler: 'show-oidc-headers' },
        { name: 'sign-out', handler: 'sign-out', logoutPath: '/signed-out' },
        { name: 'health', handler: 'health' },
      ],
    },
  ],
};
