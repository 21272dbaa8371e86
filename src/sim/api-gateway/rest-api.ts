// One request to a REST API, in API Gateway's order: find the stage and the method (an unknown one is
// 403 "Missing Authentication Token", the most misleading message in AWS), throttle, authorize with the
// method's authorization type, run the integration, answer.
import type { ServiceContext } from '../core/router';
import { cognitoAuthorize } from './cognito-authorizer';
import type { Authorization, GatewayEnv } from './env';
import { restProxyEvent, type RequestInfo } from './events';
import { iamAuthorize } from './iam-authorizer';
import { isGatewayError } from './integration-role';
import { restIntegration } from './integrations';
import { lambdaAuthorize } from './lambda-authorizer';
import { methodArn, type RestApi, type RestRoute } from './model';
import { apigwId, gatewayErrorResponse, REST_ERRORS, restHeaders } from './responses';
import { matchRoute, pathSegments } from './routes';
import { throttled } from './throttle';

async function authorize(env: GatewayEnv, call: ServiceContext, info: RequestInfo<RestApi, RestRoute>, arn: string): Promise<Authorization> {
  const { route } = info;
  switch (route.authorization) {
    case 'NONE':
      call.note({ kind: 'authorizer', summary: 'This method is open (authorization NONE): API Gateway lets every request through.', authorizer: 'NONE', outcome: 'allowed', checks: [] });
      return { ok: true };
    case 'AWS_IAM':
      return iamAuthorize(env, call, arn);
    case 'COGNITO_USER_POOLS':
      return cognitoAuthorize(env, call, route, route.authorizer as Extract<RestRoute['authorizer'], { kind: 'cognito' }>);
    case 'CUSTOM':
      return lambdaAuthorize(env, call, route.authorizer as Extract<RestRoute['authorizer'], { kind: 'lambda' }>, arn, restProxyEvent(env, call, info, {}));
  }
}

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

export async function handleRestRequest(env: GatewayEnv, call: ServiceContext, api: RestApi): Promise<Response> {
  const fail = (error: Parameters<typeof gatewayErrorResponse>[2]) => gatewayErrorResponse(call, env.random, error, 'rest');
  const [stage, ...segments] = pathSegments(call.url.pathname);
  const match = stage === api.stage ? matchRoute(api.routes, call.method, segments) : undefined;
  if (!match) {
    call.note({
      kind: 'info',
      summary: stage === api.stage
        ? `${api.name} has no ${call.method} method at /${segments.join('/')}: REST APIs answer an unknown route with 403 "Missing Authentication Token", not 404.`
        : `${api.name} has no stage "${stage ?? ''}" (its stage is ${api.stage}): REST APIs answer 403 "Missing Authentication Token".`,
    });
    return fail(REST_ERRORS.missingAuthenticationToken());
  }
  const { route, pathParameters } = match;
  call.setOperation(`${route.method} ${route.path}`);
  const path = `/${segments.join('/')}`;

  const limits = route.throttling ?? api.throttling;
  if (limits && throttled(env, call, `${api.id}/${api.stage}/${route.method} ${route.path}`, limits, route.throttling ? 'method' : 'stage')) return fail(REST_ERRORS.throttled());

  const info: RequestInfo<RestApi, RestRoute> = { api, route, path, pathParameters, apigwId: apigwId(env.random) };
  const arn = methodArn(env.region, env.accountId, api.id, api.stage, call.method, path);
  const auth = await authorize(env, call, info, arn);
  if (!auth.ok) return fail(auth.error);

  const answer = await restIntegration(env, call, info, { ...(auth.authorizer ? { authorizer: auth.authorizer } : {}), ...(auth.identity ? { identity: auth.identity } : {}) });
  if (isGatewayError(answer)) return fail(answer);
  const headers = { ...answer.headers, ...restHeaders(call, env.random) };
  return new Response(NULL_BODY_STATUSES.has(answer.status) ? null : answer.body, { status: answer.status, headers });
}
