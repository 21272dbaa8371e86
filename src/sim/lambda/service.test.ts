// The Lambda endpoint on its own: Invoke by API Gateway (the service principal) or by a SigV4-signed caller
// that IAM allows; unsigned, unknown and failing calls answer as Lambda does.
import { describe, expect, it } from 'vitest';
import { createSimulator, defaultWorld } from '../index';
import { smithySign } from '../sigv4/smithy-oracle.testkit';

const START = Date.UTC(2026, 0, 1);
const invokeUrl = (name: string) => `https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/${name}/invocations`;

async function signedInvoke(sim: Awaited<ReturnType<typeof createSimulator>>, name: string, event: unknown, keys = sim.adminCredentials) {
  const body = JSON.stringify(event);
  const signed = await smithySign(
    { method: 'POST', hostname: 'lambda.us-east-1.amazonaws.com', path: `/2015-03-31/functions/${name}/invocations`, headers: { 'content-type': 'application/json' }, body },
    { service: 'lambda', accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, signingDate: new Date(sim.clock.now()) },
  );
  const headers = new Headers();
  for (const [k, v] of Object.entries(signed.headers)) if (k !== 'host' && k !== 'content-length') headers.set(k, v);
  return sim.fetch(new Request(signed.url, { method: 'POST', headers, body }));
}

describe('Lambda Invoke', () => {
  it("runs a function for the account's administrator, signed with SigV4", async () => {
    const sim = await createSimulator({ seed: 3, startTime: START });
    const response = await signedInvoke(sim, 'partner-authorizer', { type: 'TOKEN', methodArn: 'arn:aws:execute-api:us-east-1:123456789012:abc/prod/GET/x', authorizationToken: 'Bearer allow-acme' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amz-executed-version')).toBe('$LATEST');
    expect(await response.json()).toMatchObject({ principalId: 'acme', policyDocument: { Statement: [{ Effect: 'Allow', Resource: 'arn:aws:execute-api:us-east-1:123456789012:abc/prod/GET/x' }] } });
    const exchange = sim.trace().at(-1)!;
    expect([exchange.to, exchange.operation]).toEqual(['lambda', 'Invoke']);
    expect(exchange.notes.find((n) => n.kind === 'policy')).toMatchObject({ evaluation: { decision: 'Allow', request: { action: 'lambda:InvokeFunction', resource: 'arn:aws:lambda:us-east-1:123456789012:function:partner-authorizer' } } });
  });

  it('answers a function that throws with 200, X-Amz-Function-Error: Unhandled and the error as the payload', async () => {
    const sim = await createSimulator({ seed: 3, startTime: START });
    const response = await signedInvoke(sim, 'partner-authorizer', { authorizationToken: 'Bearer nope' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amz-function-error')).toBe('Unhandled');
    expect(await response.json()).toEqual({ errorType: 'Error', errorMessage: 'Unauthorized', trace: ['Error: Unauthorized'] });
  });

  it('refuses an unsigned call from an app, and lets API Gateway in as the service principal', async () => {
    const sim = await createSimulator({ seed: 3, startTime: START });
    const request = () => new Request(invokeUrl('notes-profile'), { method: 'POST', body: '{}' });
    const refused = await sim.fetch(request(), { from: 'app' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    const allowed = await sim.fetch(request(), { from: 'api-gateway' });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ statusCode: 200 });
  });

  it('answers 404 ResourceNotFoundException for a function the world does not have', async () => {
    const sim = await createSimulator({ seed: 3, startTime: START });
    const response = await sim.fetch(new Request(invokeUrl('ghost'), { method: 'POST', body: '{}' }), { from: 'api-gateway' });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(await response.json()).toEqual({ Type: 'User', Message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:ghost' });
  });

  it('refuses a body that is not JSON with InvalidRequestContentException', async () => {
    const sim = await createSimulator({ seed: 3, startTime: START });
    const response = await sim.fetch(new Request(invokeUrl('notes-list'), { method: 'POST', body: '{nope' }), { from: 'api-gateway' });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidRequestContentException');
  });

  it('refuses a world whose function names a handler that does not exist', async () => {
    const world = structuredClone(defaultWorld);
    world.functions!.push({ name: 'broken', handler: 'no-such-handler' as 'echo-claims' });
    await expect(createSimulator({ world, seed: 3, startTime: START })).rejects.toThrow('world: function broken names an unknown handler no-such-handler');
  });
});
