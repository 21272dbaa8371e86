// The DynamoDB endpoint, under both its host forms (regional and account-based): the JSON 1.0 API with
// DynamoDB's namespaced error codes. Every request is SigV4-verified, then authorised by IAM for
// dynamodb:{Operation} on the table's ARN with DynamoDB's condition keys, each step noted in the trace.
import { AwsError, isAwsError } from '../core/errors';
import type { CredentialRecord, CredentialStore } from '../core/credentials';
import type { Service, ServiceContext } from '../core/router';
import type { Iam } from '../iam/iam';
import { checkSignature } from '../sigv4/check';
import { jsonErrorResponse, jsonResponse, parseJsonRequest, type JsonProtocol } from '../wire/json-protocol';
import { validateInput } from '../wire/validate';
import { crc32 } from './crc32';
import { tableArn, type DynamoConditionKeys, type DynamoEnv, type OpContext, type Operation } from './env';

const CORAL_SERVICE = new Set([
  'AccessDeniedException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'IncompleteSignatureException',
  'MissingAuthenticationTokenException',
  'ExpiredTokenException',
  'SerializationException',
  'UnknownOperationException',
]);

export const DYNAMODB_PROTOCOL: JsonProtocol = {
  targetPrefix: 'DynamoDB_20120810',
  contentType: 'application/x-amz-json-1.0',
  errorNamespace: (code) =>
    code === 'ValidationException' ? `com.amazon.coral.validate#${code}` : CORAL_SERVICE.has(code) ? `com.amazon.coral.service#${code}` : `com.amazonaws.dynamodb.v20120810#${code}`,
  // [P] Coral writes AccessDeniedException's (and SerializationException's) text as "Message".
  messageKey: (code) => (code === 'AccessDeniedException' || code === 'SerializationException' ? 'Message' : 'message'),
};

async function verify(env: DynamoEnv, credentials: CredentialStore, call: ServiceContext): Promise<CredentialRecord> {
  return checkSignature(call, credentials, { service: 'dynamodb', region: env.region, now: env.clock.now() });
}

/** DynamoDB's legacy (pre-expression) parameters, which the simulator does not implement. */
const LEGACY = ['AttributesToGet', 'Expected', 'ConditionalOperator', 'KeyConditions', 'QueryFilter', 'ScanFilter', 'AttributeUpdates'];

/** [U] Not AWS's behaviour (it accepts them): refused with a simulator message rather than silently ignored. */
function refuseLegacy(input: unknown): void {
  const used = typeof input === 'object' && input !== null ? LEGACY.filter((name) => name in input) : [];
  if (used.length > 0) throw new AwsError('ValidationException', `Cognito Lab does not simulate the legacy parameters ${used.join(', ')}: use expressions (ProjectionExpression, ConditionExpression, KeyConditionExpression, FilterExpression, UpdateExpression) instead`);
}

function conditionContext(keys: DynamoConditionKeys): Record<string, string | string[] | undefined> {
  const context: Record<string, string | string[] | undefined> = {};
  for (const [name, value] of Object.entries(keys)) if (value !== undefined) context[`dynamodb:${name}`] = value;
  return context;
}

function withCrc32(response: Response, body: string): Response {
  const headers = new Headers(response.headers);
  headers.set('x-amz-crc32', String(crc32(body)));
  return new Response(body, { status: response.status, headers });
}

export function createDynamoService(env: DynamoEnv, credentials: CredentialStore, iam: Pick<Iam, 'authorize'>, operations: ReadonlyMap<string, Operation<never>>): Service {
  const hosts = new Set([`dynamodb.${env.region}.amazonaws.com`, `${env.accountId}.ddb.${env.region}.amazonaws.com`]);
  return {
    actor: 'dynamodb',
    handles: (host) => hosts.has(host),
    async handle(call) {
      let response: Response;
      try {
        const { operation, input } = parseJsonRequest(DYNAMODB_PROTOCOL, call.method, call.headers, call.body);
        call.setOperation(operation);
        const op = operations.get(operation);
        if (!op) throw new AwsError('UnknownOperationException', '');
        const caller = await verify(env, credentials, call);
        const valid = validateInput<never>(input, op.shape, 'ValidationException');
        refuseLegacy(input);
        const ctx: OpContext = {
          call,
          authorize(tableName, keys, action = operation) {
            const resource = tableName === undefined ? '*' : tableArn(env, tableName);
            const result = iam.authorize(caller, { action: `dynamodb:${action}`, resource, context: conditionContext(keys) }, env.clock.now());
            call.note(result.note);
            if (!result.allowed) {
              throw new AwsError('AccessDeniedException', result.message ?? `User: ${caller.principalArn} is not authorized to perform: dynamodb:${action} on resource: ${resource}`);
            }
          },
        };
        response = jsonResponse(DYNAMODB_PROTOCOL, op.run(env, valid, ctx), call.requestId);
      } catch (error) {
        if (!isAwsError(error)) throw error;
        call.note({ kind: 'error', summary: `${error.code}: ${error.message.split('\n')[0] || 'no message'}`, code: error.code, message: error.message, status: error.status });
        response = jsonErrorResponse(DYNAMODB_PROTOCOL, error, call.requestId);
      }
      return withCrc32(response, await response.text());
    },
  };
}
