// Test helpers for DynamoDB: a fresh default world, its administrator's SDK client, and raw JSON calls
// for what the SDK hides (namespaced __type, "Message", headers).
import { expect } from 'vitest';
import { createSimulator, type Simulator } from '../sim/index';
import { dynamoClient } from './sdk-handler';
import { signSigV4 } from '../sim/sigv4/verify';
import { utf8 } from '../lib/encoding';

export const START = Date.UTC(2026, 0, 1, 12);
export const ENDPOINT = 'https://dynamodb.us-east-1.amazonaws.com/';

export async function world(seed = 7) {
  const sim = await createSimulator({ seed, startTime: START });
  return { sim, admin: dynamoClient(sim) };
}

/** Expects the SDK call to fail with this error name and exact message. */
export async function expectAwsError(promise: Promise<unknown>, name: string, message: string): Promise<Record<string, unknown>> {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as (Error & Record<string, unknown>) | undefined;
  expect(error, `expected ${name}`).toBeDefined();
  expect({ name: error!.name, message: error!.message }).toEqual({ name, message });
  return error!;
}

export const lastExchange = (sim: Simulator) => sim.trace().at(-1)!;

/** A signed JSON 1.0 request built by hand, answered as raw JSON with its status and headers. */
export async function rawCall(sim: Simulator, operation: string, body: unknown, options: { host?: string; credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }; sign?: boolean } = {}) {
  const url = options.host ? `https://${options.host}/` : ENDPOINT;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${operation}` };
  if (options.sign !== false) {
    const credentials = options.credentials ?? sim.adminCredentials;
    const signed = await signSigV4({ method: 'POST', url, headers, body: utf8.encode(text) }, credentials, { service: 'dynamodb', region: 'us-east-1', now: sim.clock.now() });
    headers = { ...headers, ...signed };
  }
  const res = await sim.fetch(new Request(url, { method: 'POST', headers, body: text }));
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}
