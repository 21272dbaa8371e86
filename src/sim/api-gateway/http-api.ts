// One request to an HTTP API ($default stage, no stage in the path): match the route (an unknown one is
// 404 {"message":"Not Found"}, unlike a REST API's 403), throttle, run the JWT authorizer, call the
// integration with a payload 2.0 event. HTTP API answers carry apigw-requestid, not x-amzn-RequestId.
import type { ServiceContext } from '../core/router';
import type { GatewayEnv } from './env';
import type { RequestInfo } from './events';
import { isGatewayError } from './integration-role';
import { httpIntegration } from './integrations';
import { jwtAuthorize } from './jwt-authorizer';
import type { HttpApi, HttpRoute } from './model';
import { apigwId, gatewayErrorResponse, HTTP_ERRORS } from './responses';
import { matchRoute, pathSegments } from './routes';
import { throttled } from './throttle';

export async function handleHttpRequest(env: GatewayEnv, call: ServiceContext, api: HttpApi): Promise<Response> {
  const fail = (error: Parameters<typeof gatewayErrorResponse>[2]) => gatewayErrorResponse(call, env.random, error, 'http');
  const segments = pathSegments(call.url.pathname);
  const match = matchRoute(api.routes, call.method, segments);
  if (!match) {
    call.note({ kind: 'info', summary: `${api.name} has no route ${call.method} ${call.url.pathname}: HTTP APIs answer 404 Not Found (a REST API would say 403 Missing Authentication Token).` });
    return fail(HTTP_ERRORS.notFound());
  }
  const { route, pathParameters } = match;
  call.setOperation(`${route.method} ${route.path}`);
  const limits = route.throttling ?? api.throttling;
  if (limits && throttled(env, call, `${api.id}/$default/${route.method} ${route.path}`, limits, route.throttling ? 'method' : 'stage')) return fail(HTTP_ERRORS.throttled());

  let jwt: { claims: Record<string, string>; scopes: string[] | null } | undefined;
  if (route.authorization === 'JWT' && route.authorizer) {
    const auth = await jwtAuthorize(env, call, route, route.authorizer);
    if (!auth.ok) return fail(auth.error);
    jwt = auth.jwt;
  } else {
    call.note({ kind: 'authorizer', summary: 'This route has no authorizer: every request goes through.', authorizer: 'NONE', outcome: 'allowed', checks: [] });
  }
  const requestId = apigwId(env.random);
  const info: RequestInfo<HttpApi, HttpRoute> = { api, route, path: call.url.pathname, pathParameters, apigwId: requestId };
  const answer = await httpIntegration(env, call, info, jwt);
  if (isGatewayError(answer)) return fail(answer);
  const body = [204, 205, 304].includes(answer.status) ? null : answer.body;
  return new Response(body, { status: answer.status, headers: { ...answer.headers, 'apigw-requestid': requestId } });
}
