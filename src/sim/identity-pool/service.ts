// The cognito-identity endpoints: the JSON 1.1 API at cognito-identity.{region}.amazonaws.com (public
// operations unsigned; administrator operations SigV4-signed and authorised by IAM), and the OpenID issuer
// https://cognito-identity.amazonaws.com, whose JWKS lets STS (or anyone) verify the pool's OpenID tokens.
import { AwsError, isAwsError } from '../core/errors';
import type { Service, ServiceContext } from '../core/router';
import { checkSignature } from '../sigv4/check';
import { jsonErrorResponse, jsonResponse, parseJsonRequest, type JsonProtocol } from '../wire/json-protocol';
import { validateInput } from '../wire/validate';
import type { IdentityPoolEnv, Operation } from './env';
import { OPEN_ID_HOST, OPEN_ID_ISSUER, OPEN_ID_JWKS_URL } from './open-id-token';

export const COGNITO_IDENTITY_PROTOCOL: JsonProtocol = {
  targetPrefix: 'AWSCognitoIdentityService',
  contentType: 'application/x-amz-json-1.1',
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json;charset=UTF-8' } });
}

async function openIdIssuer(env: IdentityPoolEnv, call: ServiceContext): Promise<Response> {
  const path = call.url.pathname;
  if (call.method === 'GET' && path === '/.well-known/jwks_uri') {
    call.setOperation('GET jwks_uri');
    call.note({ kind: 'info', summary: `The identity pools' public signing key (${env.openIdKey.kid}, RS512), so STS can verify OpenID tokens.` });
    return json(await env.openIdKey.jwks());
  }
  if (call.method === 'GET' && path === '/.well-known/openid-configuration') {
    call.setOperation('GET openid-configuration');
    // [U] the fields AWS's document carries beyond issuer and jwks_uri.
    return json({ issuer: OPEN_ID_ISSUER, jwks_uri: OPEN_ID_JWKS_URL, response_types_supported: ['id_token'], subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['RS512'] });
  }
  return json({ message: 'Not Found' }, 404);
}

async function authorize(env: IdentityPoolEnv, call: ServiceContext, op: Operation<never>, input: unknown): Promise<void> {
  const caller = await checkSignature(call, env.credentials, { service: 'cognito-identity', region: env.region, now: env.clock.now() });
  const resource = op.resource ? op.resource(env, input as never) : '*';
  const decision = env.iam.authorize(caller, { action: `cognito-identity:${op.name}`, resource }, env.clock.now());
  call.note(decision.note);
  if (!decision.allowed) {
    throw new AwsError('AccessDeniedException', decision.message ?? `User: ${caller.principalArn} is not authorized to perform: cognito-identity:${op.name} on resource: ${resource}`);
  }
}

export function createIdentityPoolService(env: IdentityPoolEnv, operations: ReadonlyMap<string, Operation<never>>): Service {
  const host = `cognito-identity.${env.region}.amazonaws.com`;
  return {
    actor: 'cognito-identity',
    handles: (h) => h === host || h === OPEN_ID_HOST,
    async handle(call) {
      if (call.url.hostname.toLowerCase() === OPEN_ID_HOST) return openIdIssuer(env, call);
      try {
        const { operation, input } = parseJsonRequest(COGNITO_IDENTITY_PROTOCOL, call.method, call.headers, call.body);
        call.setOperation(operation);
        const op = operations.get(operation);
        if (!op) throw new AwsError('UnknownOperationException', '');
        if (op.auth === 'sigv4') await authorize(env, call, op, input);
        const valid = validateInput<never>(input, op.shape);
        const output = await op.run(env, valid, call);
        return jsonResponse(COGNITO_IDENTITY_PROTOCOL, output, call.requestId);
      } catch (error) {
        if (!isAwsError(error)) throw error;
        call.note({ kind: 'error', summary: `${error.code}: ${error.message.split('\n')[0] || 'no message'}`, code: error.code, message: error.message, status: error.status });
        return jsonErrorResponse(COGNITO_IDENTITY_PROTOCOL, error, call.requestId);
      }
    },
  };
}
