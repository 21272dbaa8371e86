// Test-only: signs requests with the AWS SDK's own signer (@smithy/signature-v4), the oracle for verify tests.

import { Sha256Js } from '@smithy/core/checksum';
import { buildQueryString } from '@smithy/core/protocols';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SigV4Request } from './verify';

export const SIGNING_DATE = new Date('2024-01-01T12:00:00Z');
export const NOW = SIGNING_DATE.getTime();
export const AKID = 'AKIAIOSFODNN7EXAMPLE';
export const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const MINUTE = 60_000;

export interface OracleRequest {
  method?: string;
  protocol?: 'https:' | 'http:';
  hostname?: string;
  port?: number;
  /** The wire path, already percent-encoded as the SDK's serialisers produce it. */
  path?: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface OracleSigning {
  service?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  signingDate?: Date;
  /** Presign into the query string (X-Amz-*) instead of the Authorization header. */
  presignExpiresIn?: number;
  /** Add a signed x-amz-content-sha256 header; default true, as the SDK's clients do. */
  applyChecksum?: boolean;
}

export type SignedForTest = SigV4Request & { headers: Record<string, string> };

export async function smithySign(input: OracleRequest, signing: OracleSigning = {}): Promise<SignedForTest> {
  const body = typeof input.body === 'string' ? new TextEncoder().encode(input.body) : input.body;
  const hostname = input.hostname ?? 'cognito-idp.us-east-1.amazonaws.com';
  const host = input.port === undefined ? hostname : `${hostname}:${input.port}`;
  const request = new HttpRequest({
    method: input.method ?? 'POST',
    protocol: input.protocol ?? 'https:',
    hostname,
    ...(input.port === undefined ? {} : { port: input.port }),
    path: input.path ?? '/',
    query: input.query ?? {},
    headers: { host, ...(body?.byteLength ? { 'content-length': String(body.byteLength) } : {}), ...input.headers },
    body,
  });
  const signer = new SignatureV4({
    service: signing.service ?? 'cognito-idp',
    region: signing.region ?? 'us-east-1',
    sha256: Sha256Js,
    applyChecksum: signing.applyChecksum ?? true,
    credentials: {
      accessKeyId: signing.accessKeyId ?? AKID,
      secretAccessKey: signing.secretAccessKey ?? SECRET,
      ...(signing.sessionToken === undefined ? {} : { sessionToken: signing.sessionToken }),
    },
  });
  const signingDate = signing.signingDate ?? SIGNING_DATE;
  const signed =
    signing.presignExpiresIn === undefined
      ? await signer.sign(request, { signingDate })
      : await signer.presign(request, { signingDate, expiresIn: signing.presignExpiresIn });
  const query = buildQueryString(signed.query ?? {});
  const url = `${signed.protocol}//${host}${signed.path}${query ? `?${query}` : ''}`;
  return { method: signed.method, url, headers: { ...signed.headers } as Record<string, string>, body: body ?? new Uint8Array() };
}

/** What a browser's WHATWG Request leaves: no `host`, no `content-length`, a Headers object. */
export function asBrowserRequest(request: SignedForTest): SigV4Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() !== 'host' && name.toLowerCase() !== 'content-length') headers.set(name, value);
  }
  return { ...request, headers };
}

export function withHeaders(request: SignedForTest, changes: Record<string, string | undefined>): SignedForTest {
  const headers = { ...request.headers };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  return { ...request, headers };
}

/** Lets exactly one access key through, optionally as temporary credentials. */
export function keyStore(
  entries: Record<string, { secretAccessKey: string; sessionToken?: string; expiresAt?: number }> = {
    [AKID]: { secretAccessKey: SECRET },
  },
) {
  return (accessKeyId: string) => entries[accessKeyId];
}

export const cognitoJson = {
  headers: {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': 'AWSCognitoIdentityProviderService.ListUsers',
    'x-amz-user-agent': 'aws-sdk-js/3.0.0',
    'user-agent': 'aws-sdk-js/3.0.0 ua/2.1',
    'amz-sdk-invocation-id': '0f7b1f44-1b74-4c0b-8b5d-b8d5e8fb0f0e',
    'amz-sdk-request': 'attempt=1; max=3',
  },
  body: '{"UserPoolId":"us-east-1_AbCdEfGhI","Limit":10}',
};
