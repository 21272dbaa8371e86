// The cognito-idp endpoint: the JSON 1.1 API (public operations unsigned, administrator operations
// SigV4-signed and authorised by IAM), plus the JWKS and OpenID discovery documents under /{poolId}/.well-known/.
import { AwsError, isAwsError } from '../core/errors';
import type { CredentialStore } from '../core/credentials';
import type { Iam } from '../iam/iam';
import type { Service, ServiceContext } from '../core/router';
import { checkSignature } from '../sigv4/check';
import { jsonErrorResponse, jsonResponse, parseJsonRequest, type JsonProtocol } from '../wire/json-protocol';
import { validateInput } from '../wire/validate';
import { issuerOf, type Operation, type UserPoolEnv } from './env';

export const COGNITO_IDP_PROTOCOL: JsonProtocol = {
  targetPrefix: 'AWSCognitoIdentityProviderService',
  contentType: 'application/x-amz-json-1.1',
};

const WELL_KNOWN = /^\/([\w-]+_[0-9a-zA-Z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json;charset=UTF-8' } });
}

async function wellKnown(env: UserPoolEnv, call: ServiceContext, poolId: string, document: string): Promise<Response> {
  call.setOperation(`GET ${document}`);
  const pool = env.pools.get(poolId);
  if (!pool) return json({ message: `User pool ${poolId} does not exist.` }, 404);
  if (document === 'jwks.json') {
    call.note({ kind: 'info', summary: 'The pool publishes the public halves of its two signing keys, one for ID tokens and one for access tokens, so anyone can verify its tokens.' });
    return json(await env.keys.get(poolId)!.jwks());
  }
  const issuer = issuerOf(env, poolId);
  const base = pool.domain ? `https://${pool.domain}.auth.${env.region}.amazoncognito.com` : `${issuer}`;
  call.note({ kind: 'info', summary: 'OpenID discovery: where the pool\'s keys and OAuth endpoints are.' });
  return json({
    authorization_endpoint: `${base}/oauth2/authorize`,
    id_token_signing_alg_values_supported: ['RS256'],
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    response_types_supported: ['code', 'token'],
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    subject_types_supported: ['public'],
    token_endpoint: `${base}/oauth2/token`,
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    userinfo_endpoint: `${base}/oauth2/userInfo`,
  });
}

async function authorizeAdmin(env: UserPoolEnv, credentials: CredentialStore, iam: Iam, call: ServiceContext, operation: string, input: unknown): Promise<void> {
  const principal = await checkSignature(call, credentials, { service: 'cognito-idp', region: env.region, now: env.clock.now() });
  const poolId = typeof (input as { UserPoolId?: unknown }).UserPoolId === 'string' ? (input as { UserPoolId: string }).UserPoolId : '*';
  const resource = `arn:aws:cognito-idp:${env.region}:${env.accountId}:userpool/${poolId}`;
  const decision = iam.authorize(principal, { action: `cognito-idp:${operation}`, resource }, env.clock.now());
  call.note(decision.note);
  if (!decision.allowed) throw new AwsError('AccessDeniedException', decision.message ?? '');
}

export function createUserPoolService(env: UserPoolEnv, credentials: CredentialStore, iam: Iam, operations: ReadonlyMap<string, Operation<never>>): Service {
  const host = `cognito-idp.${env.region}.amazonaws.com`;
  return {
    actor: 'cognito-idp',
    handles: (h) => h === host,
    async handle(call) {
      const wk = call.method === 'GET' ? WELL_KNOWN.exec(call.url.pathname) : null;
      if (wk) return wellKnown(env, call, wk[1]!, wk[2]!);
      try {
        const { operation, input } = parseJsonRequest(COGNITO_IDP_PROTOCOL, call.method, call.headers, call.body);
        call.setOperation(operation);
        const op = operations.get(operation);
        if (!op) throw new AwsError('UnknownOperationException', '');
        if (op.auth === 'sigv4') await authorizeAdmin(env, credentials, iam, call, operation, input);
        const valid = validateInput<never>(input, op.shape);
        const output = await op.run(env, valid, call);
        return jsonResponse(COGNITO_IDP_PROTOCOL, output, call.requestId);
      } catch (error) {
        if (!isAwsError(error)) throw error;
        call.note({ kind: 'error', summary: `${error.code}: ${error.message.split('\n')[0] || 'no message'}`, code: error.code, message: error.message, status: error.status });
        return jsonErrorResponse(COGNITO_IDP_PROTOCOL, error, call.requestId);
      }
    },
  };
}
