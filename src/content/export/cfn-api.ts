// The world's DynamoDB tables, Lambda functions (with their execution role and invoke permissions) and API
// Gateway APIs as CloudFormation: a REST API as RestApi, Resource, Method, Authorizer, Deployment and Stage;
// an HTTP API as ApiGatewayV2 Api, Authorizer, Integration, Route and Stage.
import type { RestApiConfig, TableConfig, UserPoolConfig } from '../../sim/world/config';
import type { HttpApiConfig, IntegrationConfig, RestRouteConfig } from '../../sim/world/api-config';
import { key, note, roleArn, type ExportContext } from './cfn-context';
import { defined, getAtt, pascal, ref, sub, type CfnValue } from './cfn-intrinsics';
import { lambdaSource } from './cfn-lambda-code';

export function tableResource(ctx: ExportContext, table: TableConfig): void {
  const id = ctx.ids.find(key.table(table.name))!;
  const keys = [table.partitionKey, ...(table.sortKey ? [table.sortKey] : [])];
  ctx.resources[id] = {
    Type: 'AWS::DynamoDB::Table',
    Properties: {
      // Named as in the world: the roles' policies name the table's ARN.
      TableName: table.name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
      KeySchema: keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
    },
  };
  if (table.items?.length) note(ctx, `The ${table.name} table starts empty: its ${table.items.length} seeded items are not part of the template (put them with PutItem or BatchWriteItem).`);
}

const ENV_NAME = /^[a-zA-Z][a-zA-Z0-9_]+$/;

function executionRole(ctx: ExportContext): string {
  const id = ctx.ids.id('lambdaExecutionRole', 'Lambda Execution', 'Role');
  ctx.resources[id] ??= {
    Type: 'AWS::IAM::Role',
    Properties: {
      Description: 'The Lambda functions\u2019 execution role: CloudWatch Logs only',
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      ManagedPolicyArns: [sub('arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')],
    },
  };
  return id;
}

export function functionResources(ctx: ExportContext): void {
  const functions = ctx.world.functions ?? [];
  if (functions.length === 0) return;
  const role = executionRole(ctx);
  const starters: string[] = [];
  for (const fn of functions) {
    const id = ctx.ids.find(key.fn(fn.name))!;
    const { code, ported } = lambdaSource(fn.handler);
    if (!ported) starters.push(fn.name);
    const settings = Object.entries(fn.settings ?? {});
    const variables = Object.fromEntries(settings.filter(([k]) => ENV_NAME.test(k)));
    const skipped = settings.filter(([k]) => !ENV_NAME.test(k)).map(([k]) => k);
    if (skipped.length > 0) note(ctx, `${fn.name}: the settings ${skipped.join(', ')} are not valid environment variable names and are left out.`);
    ctx.resources[id] = {
      Type: 'AWS::Lambda::Function',
      Properties: defined({
        FunctionName: fn.name,
        Description: fn.description,
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Role: getAtt(role, 'Arn'),
        Timeout: 10,
        Code: { ZipFile: code },
        Environment: Object.keys(variables).length > 0 ? { Variables: variables } : undefined,
      }),
    };
  }
  if (starters.length > 0) {
    note(ctx, `The functions ${starters.join(', ')} are starters that return the event unchanged: the simulator runs its own built-in handlers, so write the code they need.`);
  }
}

/** Lets a service invoke a function: API Gateway for an API, Cognito for a user pool's trigger. */
function invokePermission(ctx: ExportContext, fnName: string, principal: string, sourceArn: CfnValue, owner: string): void {
  const fnId = ctx.ids.find(key.fn(fnName));
  if (!fnId) return;
  const id = ctx.ids.id(`permission:${owner}/${fnName}`, `${owner} ${fnName}`, 'Permission');
  ctx.resources[id] = { Type: 'AWS::Lambda::Permission', Properties: { FunctionName: ref(fnId), Action: 'lambda:InvokeFunction', Principal: principal, SourceArn: sourceArn } };
}

export function triggerPermissions(ctx: ExportContext, pool: UserPoolConfig): void {
  const poolId = ctx.ids.find(key.userPool(pool.name))!;
  const names = new Set(Object.values(pool.lambdaTriggers ?? {}).filter((n): n is string => typeof n === 'string'));
  for (const name of names) invokePermission(ctx, name, 'cognito-idp.amazonaws.com', getAtt(poolId, 'Arn'), pool.name);
}

const lambdaUri = (fnId: string) => sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${fnId}.Arn}/invocations`);

function functionOrNote(ctx: ExportContext, fnName: string | undefined, where: string): string | undefined {
  const id = fnName ? ctx.ids.find(key.fn(fnName)) : undefined;
  if (!id) note(ctx, `${where} names a function "${fnName ?? ''}" that the world does not define: it is left out.`);
  return id;
}

function integration(ctx: ExportContext, route: RestRouteConfig, where: string): { Integration: CfnValue; MethodResponses?: CfnValue } | undefined {
  const config: IntegrationConfig = route.integration ?? { type: 'mock', body: JSON.stringify({ message: `${route.method} ${route.path} has no integration in this world` }) };
  switch (config.type) {
    case 'lambda': {
      const fnId = functionOrNote(ctx, config.functionName, where);
      return fnId ? { Integration: { Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST', Uri: lambdaUri(fnId) } } : undefined;
    }
    case 'mock': {
      const status = String(config.statusCode ?? 200);
      return {
        Integration: {
          Type: 'MOCK',
          RequestTemplates: { 'application/json': `{"statusCode": ${status}}` },
          IntegrationResponses: [{ StatusCode: status, ResponseTemplates: { [config.contentType ?? 'application/json']: config.body } }],
        },
        MethodResponses: [{ StatusCode: status }],
      };
    }
    case 'dynamodb':
      return {
        Integration: {
          Type: 'AWS',
          IntegrationHttpMethod: 'POST',
          Uri: sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}:dynamodb:action/${config.action}`),
          Credentials: roleArn(ctx, config.roleName),
          PassthroughBehavior: 'WHEN_NO_TEMPLATES',
          RequestTemplates: { 'application/json': config.requestTemplate },
          IntegrationResponses: [{ StatusCode: '200' }],
        },
        MethodResponses: [{ StatusCode: '200' }],
      };
  }
}

/** "/catalog/{sku}" → "/~1catalog~1{sku}", as a stage's MethodSetting names a resource [V: MethodSetting ResourcePath]. */
const settingPath = (path: string) => `/${path.replace(/\//g, '~1')}`;

export function restApiResources(ctx: ExportContext, api: RestApiConfig): void {
  const apiId = ctx.ids.find(key.restApi(api.name))!;
  const apiArn = sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${apiId}}/*`);
  ctx.resources[apiId] = { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: api.name, EndpointConfiguration: { Types: ['REGIONAL'] } } };

  // One Resource per path segment, each under its parent; the root is the API's RootResourceId.
  const resourceIds = new Map<string, string>();
  const resourceFor = (path: string): CfnValue => {
    const segments = path.split('/').filter((s) => s.length > 0);
    let parent: CfnValue = getAtt(apiId, 'RootResourceId');
    let sofar = '';
    for (const segment of segments) {
      sofar += `/${segment}`;
      let id = resourceIds.get(sofar);
      if (!id) {
        id = ctx.ids.id(`resource:${api.name}${sofar}`, `${apiId} ${sofar}`, 'Resource');
        resourceIds.set(sofar, id);
        ctx.resources[id] = { Type: 'AWS::ApiGateway::Resource', Properties: { RestApiId: ref(apiId), ParentId: parent, PathPart: segment } };
      }
      parent = ref(id);
    }
    return parent;
  };

  const authorizerIds = new Map<string, string>();
  for (const authorizer of api.authorizers ?? []) {
    const id = ctx.ids.id(`authorizer:${api.name}/${authorizer.name}`, `${apiId} ${authorizer.name}`, 'Authorizer');
    const common = { RestApiId: ref(apiId), Name: authorizer.name, Type: authorizer.type, IdentitySource: authorizer.identitySource, IdentityValidationExpression: authorizer.identityValidationExpression };
    if (authorizer.type === 'COGNITO_USER_POOLS') {
      const pools = (authorizer.userPools ?? []).flatMap((p) => ctx.ids.find(key.userPool(p)) ?? []);
      ctx.resources[id] = { Type: 'AWS::ApiGateway::Authorizer', Properties: defined({ ...common, ProviderARNs: pools.map((p) => getAtt(p, 'Arn')) }) };
    } else {
      const fnId = functionOrNote(ctx, authorizer.functionName, `${api.name}'s authorizer ${authorizer.name}`);
      if (!fnId) continue;
      ctx.resources[id] = {
        Type: 'AWS::ApiGateway::Authorizer',
        Properties: defined({ ...common, AuthorizerUri: lambdaUri(fnId), AuthorizerResultTtlInSeconds: authorizer.resultTtlInSeconds ?? 300 }),
      };
      invokePermission(ctx, authorizer.functionName!, 'apigateway.amazonaws.com', apiArn, api.name);
    }
    authorizerIds.set(authorizer.name, id);
  }
  const firstCognito = (api.authorizers ?? []).find((a) => a.type === 'COGNITO_USER_POOLS')?.name;

  const methodIds: string[] = [];
  const methodSettings: CfnValue[] = [];
  if (api.throttling) methodSettings.push({ ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: api.throttling.rateLimit, ThrottlingBurstLimit: api.throttling.burstLimit });
  for (const route of api.routes) {
    const where = `${api.name}'s ${route.method} ${route.path}`;
    const wired = integration(ctx, route, where);
    if (!wired) continue;
    const authorizerName = route.authorizer ?? (route.authorization === 'COGNITO_USER_POOLS' ? firstCognito : undefined);
    const authorizerId = authorizerName ? authorizerIds.get(authorizerName) : undefined;
    if ((route.authorization === 'COGNITO_USER_POOLS' || route.authorization === 'CUSTOM') && !authorizerId) {
      note(ctx, `${where} needs an authorizer that the export could not make: the method is left out.`);
      continue;
    }
    const id = ctx.ids.id(`method:${api.name}/${route.method} ${route.path}`, `${apiId} ${route.method} ${route.path}`, 'Method');
    ctx.resources[id] = {
      Type: 'AWS::ApiGateway::Method',
      Properties: defined({
        RestApiId: ref(apiId),
        ResourceId: resourceFor(route.path),
        HttpMethod: route.method,
        AuthorizationType: route.authorization,
        AuthorizerId: authorizerId ? ref(authorizerId) : undefined,
        AuthorizationScopes: route.scopes?.length ? route.scopes : undefined,
        ...wired,
      }),
    };
    methodIds.push(id);
    if (route.integration?.type === 'lambda') invokePermission(ctx, route.integration.functionName, 'apigateway.amazonaws.com', apiArn, api.name);
    if (route.throttling) {
      methodSettings.push({ ResourcePath: settingPath(route.path), HttpMethod: route.method, ThrottlingRateLimit: route.throttling.rateLimit, ThrottlingBurstLimit: route.throttling.burstLimit });
    }
  }

  // A deployment snapshots the methods that exist when it is made, so it must come after all of them.
  const deploymentId = ctx.ids.id(`deployment:${api.name}`, `${apiId} Deployment`, 'Deployment');
  ctx.resources[deploymentId] = { Type: 'AWS::ApiGateway::Deployment', DependsOn: methodIds, Properties: { RestApiId: ref(apiId), Description: `${api.name} as exported from Cognito Lab` } };
  const stageId = ctx.ids.id(`stage:${api.name}`, `${apiId} ${api.stage} Stage`, 'Stage');
  ctx.resources[stageId] = {
    Type: 'AWS::ApiGateway::Stage',
    Properties: defined({ RestApiId: ref(apiId), DeploymentId: ref(deploymentId), StageName: api.stage, MethodSettings: methodSettings.length > 0 ? methodSettings : undefined }),
  };
  ctx.outputs[`${apiId}Url`] = { Description: `${api.name}'s invoke URL`, Value: sub(`https://\${${apiId}}.execute-api.\${AWS::Region}.amazonaws.com/${api.stage}`) };
}

export function httpApiResources(ctx: ExportContext, api: HttpApiConfig): void {
  const apiId = ctx.ids.find(key.httpApi(api.name))!;
  const apiArn = sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${apiId}}/*`);
  ctx.resources[apiId] = { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: api.name, ProtocolType: 'HTTP' } };
  const authorizerIds = new Map<string, string>();
  for (const authorizer of api.authorizers ?? []) {
    const poolId = ctx.ids.find(key.userPool(authorizer.userPool));
    if (!poolId) continue;
    const audience = authorizer.audience.flatMap((ref) => {
      const [pool = '', client = ''] = ref.split('/');
      return ctx.ids.find(key.client(pool, client)) ?? [];
    });
    const id = ctx.ids.id(`httpAuthorizer:${api.name}/${authorizer.name}`, `${apiId} ${authorizer.name}`, 'Authorizer');
    ctx.resources[id] = {
      Type: 'AWS::ApiGatewayV2::Authorizer',
      Properties: {
        ApiId: ref(apiId),
        Name: authorizer.name,
        AuthorizerType: 'JWT',
        IdentitySource: [authorizer.identitySource ?? '$request.header.Authorization'],
        JwtConfiguration: { Audience: audience.map((c) => ref(c)), Issuer: sub(`https://cognito-idp.\${AWS::Region}.amazonaws.com/\${${poolId}}`) },
      },
    };
    authorizerIds.set(authorizer.name, id);
  }
  const integrations = new Map<string, string>();
  for (const route of api.routes) {
    if (route.integration.type !== 'lambda') {
      note(ctx, `${api.name}'s ${route.method} ${route.path} uses a ${route.integration.type} integration, which HTTP APIs on AWS do not offer: it is left out.`);
      continue;
    }
    const fnName = route.integration.functionName;
    const fnId = functionOrNote(ctx, fnName, `${api.name}'s ${route.method} ${route.path}`);
    if (!fnId) continue;
    let integrationId = integrations.get(fnName);
    if (!integrationId) {
      integrationId = ctx.ids.id(`httpIntegration:${api.name}/${fnName}`, `${apiId} ${fnName}`, 'Integration');
      integrations.set(fnName, integrationId);
      ctx.resources[integrationId] = {
        Type: 'AWS::ApiGatewayV2::Integration',
        Properties: { ApiId: ref(apiId), IntegrationType: 'AWS_PROXY', IntegrationUri: getAtt(fnId, 'Arn'), PayloadFormatVersion: '2.0' },
      };
      invokePermission(ctx, fnName, 'apigateway.amazonaws.com', apiArn, api.name);
    }
    const authorizerId = route.authorizer ? authorizerIds.get(route.authorizer) : undefined;
    const id = ctx.ids.id(`httpRoute:${api.name}/${route.method} ${route.path}`, `${apiId} ${route.method} ${pascal(route.path)}`, 'Route');
    ctx.resources[id] = {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: defined({
        ApiId: ref(apiId),
        RouteKey: `${route.method} ${route.path}`,
        AuthorizationType: route.authorization === 'JWT' && authorizerId ? 'JWT' : 'NONE',
        AuthorizerId: route.authorization === 'JWT' && authorizerId ? ref(authorizerId) : undefined,
        AuthorizationScopes: route.authorization === 'JWT' && route.scopes?.length ? route.scopes : undefined,
        Target: sub(`integrations/\${${integrationId}}`),
      }),
    };
  }
  const stageId = ctx.ids.id(`httpStage:${api.name}`, `${apiId} Default Stage`, 'Stage');
  ctx.resources[stageId] = {
    Type: 'AWS::ApiGatewayV2::Stage',
    Properties: defined({
      ApiId: ref(apiId),
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: api.throttling ? { ThrottlingRateLimit: api.throttling.rateLimit, ThrottlingBurstLimit: api.throttling.burstLimit } : undefined,
    }),
  };
  ctx.outputs[`${apiId}Url`] = { Description: `${api.name}'s endpoint`, Value: getAtt(apiId, 'ApiEndpoint') };
}
