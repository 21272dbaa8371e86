// The simulated learner app's AWS client: builds requests exactly as the AWS SDK does for the JSON
// protocols (POST /, X-Amz-Target, JSON body), signs them with SigV4 when given credentials, and
// reads AWS's answer into a result the scenarios can branch on. It only needs a fetch function.
import type { ActorId } from '../sim/index';
import { signSigV4 } from '../lib/sigv4/sign';
import { utf8 } from '../lib/encoding';

export type SimFetch = (request: Request, init?: { from?: ActorId }) => Promise<Response>;

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export type AwsResult<T> =
  | { ok: true; status: number; output: T }
  | { ok: false; status: number; code: string; message: string };

export interface JsonServiceClient {
  call<T = Record<string, unknown>>(operation: string, input: object, options?: { credentials?: Credentials; from?: ActorId }): Promise<AwsResult<T>>;
}

export interface JsonServiceOptions {
  fetch: SimFetch;
  region: string;
  /** e.g. cognito-idp */
  service: string;
  targetPrefix: string;
  contentType: string;
  /** The virtual time to sign at. */
  now: () => number;
  from?: ActorId;
}

function errorCode(headers: Headers, body: Record<string, unknown>): string {
  // As SDK v3 does: the x-amzn-errortype header, else the body's code or __type, cut at ':' and after '#'.
  const raw = headers.get('x-amzn-errortype') ?? (body.code as string | undefined) ?? (body.__type as string | undefined) ?? 'UnknownError';
  const cut = raw.split(',')[0]!.split(':')[0]!;
  return cut.includes('#') ? cut.split('#').pop()! : cut;
}

export function jsonServiceClient(options: JsonServiceOptions): JsonServiceClient {
  const url = `https://${options.service}.${options.region}.amazonaws.com/`;
  return {
    async call<T>(operation: string, input: object, callOptions: { credentials?: Credentials; from?: ActorId } = {}): Promise<AwsResult<T>> {
      const body = JSON.stringify(input);
      let headers: Record<string, string> = {
        'content-type': options.contentType,
        'x-amz-target': `${options.targetPrefix}.${operation}`,
        'x-amz-user-agent': 'cognito-lab/1.0',
      };
      if (callOptions.credentials) {
        const signed = await signSigV4({ method: 'POST', url, headers, body: utf8.encode(body) }, callOptions.credentials, { service: options.service, region: options.region, now: options.now() });
        headers = { ...headers, ...signed };
      }
      const from = callOptions.from ?? options.from;
      const response = await options.fetch(new Request(url, { method: 'POST', headers, body }), from ? { from } : undefined);
      const text = await response.text();
      let parsed: Record<string, unknown> = {};
      try {
        parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        // a non-JSON answer is reported below with its status
      }
      if (response.ok) return { ok: true, status: response.status, output: parsed as T };
      const message = (parsed.message ?? parsed.Message ?? '') as string;
      return { ok: false, status: response.status, code: errorCode(response.headers, parsed), message };
    },
  };
}

export function cognitoIdpClient(fetch: SimFetch, region: string, now: () => number, from?: ActorId): JsonServiceClient {
  return jsonServiceClient({
    fetch,
    region,
    service: 'cognito-idp',
    targetPrefix: 'AWSCognitoIdentityProviderService',
    contentType: 'application/x-amz-json-1.1',
    now,
    ...(from ? { from } : {}),
  });
}

export function cognitoIdentityClient(fetch: SimFetch, region: string, now: () => number, from?: ActorId): JsonServiceClient {
  return jsonServiceClient({
    fetch,
    region,
    service: 'cognito-identity',
    targetPrefix: 'AWSCognitoIdentityService',
    contentType: 'application/x-amz-json-1.1',
    now,
    ...(from ? { from } : {}),
  });
}

export function dynamodbClient(fetch: SimFetch, region: string, now: () => number, from?: ActorId): JsonServiceClient {
  return jsonServiceClient({
    fetch,
    region,
    service: 'dynamodb',
    targetPrefix: 'DynamoDB_20120810',
    contentType: 'application/x-amz-json-1.0',
    now,
    ...(from ? { from } : {}),
  });
}
