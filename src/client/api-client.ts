// Calls to an API behind API Gateway as a learner's app makes them: a plain HTTPS request with a token in a
// header, or one signed with SigV4 for the execute-api service when the method uses AWS_IAM authorization.
import type { ActorId } from '../sim/index';
import { signSigV4 } from '../lib/sigv4/sign';
import type { Credentials, SimFetch } from './aws-client';

export interface ApiCall {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  /** Sign with SigV4 (service execute-api) using these credentials. */
  credentials?: Credentials;
  region?: string;
  now?: number;
  from?: ActorId;
}

export async function callApi(fetch: SimFetch, call: ApiCall): Promise<Response> {
  const method = call.method ?? 'GET';
  let headers = { ...(call.headers ?? {}) };
  if (call.credentials) {
    if (call.region === undefined || call.now === undefined) throw new TypeError('a signed API call needs the region and the time to sign at');
    const signed = await signSigV4({ method, url: call.url, headers, body: new Uint8Array() }, call.credentials, { service: 'execute-api', region: call.region, now: call.now });
    headers = { ...headers, ...signed };
  }
  return fetch(new Request(call.url, { method, headers }), { from: call.from ?? 'app' });
}
