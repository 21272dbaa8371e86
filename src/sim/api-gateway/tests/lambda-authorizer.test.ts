// GET /partner behind a TOKEN Lambda authorizer (and, in a variant world, a REQUEST one): the policy it
// returns decides, the decision is cached for its TTL (the function is not invoked again: see the trace),
// and the cached policy is evaluated against each method's ARN.
import { describe, expect, it } from 'vitest';
import { defaultWorld, type Note, type WorldConfig } from '../../index';
import { gatewayLab, MINUTE, type GatewayLab } from '../../../testing/api-gateway-harness';

type AuthorizerNote = Extract<Note, { kind: 'authorizer' }>;
const authorizerNote = (lab: GatewayLab) => lab.notesOf(lab.lastGatewayExchange(), 'authorizer')[0] as AuthorizerNote;
const invoked = (lab: GatewayLab) => lab.invocationsUnder(lab.lastGatewayExchange()).map((i) => i.functionName);

function partnerWorld(): WorldConfig {
  const world = structuredClone(defaultWorld);
  const api = world.restApis[0]!;
  world.functions!.push({ name: 'partner-request-authorizer', handler: 'request-authorizer' });
  api.authorizers!.push({
    name: 'PartnerRequestAuthorizer',
    type: 'REQUEST',
    functionName: 'partner-request-authorizer',
    identitySource: 'method.request.header.x-partner-key, method.request.querystring.tenant',
    resultTtlInSeconds: 60,
  });
  api.routes.push(
    { method: 'GET', path: '/partner/stats', authorization: 'CUSTOM', authorizer: 'PartnerTokenAuthorizer', integration: { type: 'lambda', functionName: 'partner-data' } },
    { method: 'GET', path: '/partner/orders', authorization: 'CUSTOM', authorizer: 'PartnerRequestAuthorizer', integration: { type: 'lambda', functionName: 'partner-data' } },
  );
  return world;
}

describe('GET /partner (TOKEN authorizer partner-authorizer)', () => {
  it('allows "Bearer allow-acme": the authorizer gets a TOKEN event, the integration its context as strings', async () => {
    const lab = await gatewayLab();
    const answer = await lab.rest('/partner', { Authorization: 'Bearer allow-acme' });
    expect(answer.status).toBe(200);
    const [authorizerCall, integrationCall] = lab.invocationsUnder(lab.lastGatewayExchange());
    expect(authorizerCall!.functionName).toBe('partner-authorizer');
    expect(authorizerCall!.event).toEqual({ type: 'TOKEN', methodArn: `arn:aws:execute-api:us-east-1:123456789012:${lab.restApiId}/prod/GET/partner`, authorizationToken: 'Bearer allow-acme' });
    expect(integrationCall!.functionName).toBe('partner-data');
    expect((integrationCall!.event.requestContext as Record<string, unknown>).authorizer).toEqual({ principalId: 'acme', integrationLatency: 0, partner: 'acme', tier: 'standard', verified: 'true' });
    expect(authorizerNote(lab)).toMatchObject({ authorizer: 'TOKEN', name: 'PartnerTokenAuthorizer', outcome: 'allowed', cached: false, principalId: 'acme' });
  });

  it('answers a second call within the TTL from the cache, without invoking the function; after the TTL it invokes again', async () => {
    const lab = await gatewayLab();
    await lab.rest('/partner', { Authorization: 'Bearer allow-acme' });
    expect(invoked(lab)).toEqual(['partner-authorizer', 'partner-data']);
    lab.sim.clock.advance(4 * MINUTE);
    expect((await lab.rest('/partner', { Authorization: 'Bearer allow-acme' })).status).toBe(200);
    expect(invoked(lab)).toEqual(['partner-data']);
    expect(authorizerNote(lab)).toMatchObject({ outcome: 'allowed', cached: true });
    expect(authorizerNote(lab).checks.find((c) => c.check === 'authorizer cache')?.passed).toBe(true);
    lab.sim.clock.advance(MINUTE + 1000);
    await lab.rest('/partner', { Authorization: 'Bearer allow-acme' });
    expect(invoked(lab)).toEqual(['partner-authorizer', 'partner-data']);
  });

  it('keys the cache by the token: another partner is decided afresh', async () => {
    const lab = await gatewayLab();
    await lab.rest('/partner', { Authorization: 'Bearer allow-acme' });
    await lab.rest('/partner', { Authorization: 'Bearer allow-globex' });
    expect(invoked(lab)).toEqual(['partner-authorizer', 'partner-data']);
  });

  it('refuses a Deny policy with 403 and the explicit-deny message, and caches that too', async () => {
    const lab = await gatewayLab();
    const answer = await lab.rest('/partner', { Authorization: 'Bearer deny-acme' });
    expect(answer.status).toBe(403);
    expect(answer.text).toBe('{"Message":"User is not authorized to access this resource with an explicit deny"}');
    expect(answer.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(invoked(lab)).toEqual(['partner-authorizer']);
    expect((await lab.rest('/partner', { Authorization: 'Bearer deny-acme' })).status).toBe(403);
    expect(invoked(lab)).toEqual([]);
  });

  it('answers 401 when the function throws "Unauthorized"', async () => {
    const lab = await gatewayLab();
    const answer = await lab.rest('/partner', { Authorization: 'Bearer let-me-in' });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ message: 'Unauthorized' });
    const [call] = lab.invocationsUnder(lab.lastGatewayExchange());
    expect(call!.exchange.response.headers['x-amz-function-error']).toBe('Unhandled');
  });

  it('answers 401 without invoking the function when the header is missing', async () => {
    const lab = await gatewayLab();
    expect((await lab.rest('/partner')).status).toBe(401);
    expect(invoked(lab)).toEqual([]);
  });

  it('answers 500 {"message": null} when the function crashes', async () => {
    const lab = await gatewayLab();
    const answer = await lab.rest('/partner', { Authorization: 'Bearer fail' });
    expect(answer.status).toBe(500);
    expect(answer.text).toBe('{"message":null}');
    expect(answer.headers.get('x-amzn-errortype')).toBe('AuthorizerConfigurationException');
    expect(authorizerNote(lab).outcome).toBe('error');
  });

  it('refuses another method with the cached policy when the policy named only the first method ARN', async () => {
    const lab = await gatewayLab({ world: partnerWorld() });
    expect((await lab.rest('/partner', { Authorization: 'Bearer allow-acme' })).status).toBe(200);
    const answer = await lab.rest('/partner/stats', { Authorization: 'Bearer allow-acme' });
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({ Message: 'User is not authorized to access this resource' });
    expect(invoked(lab)).toEqual([]);
    expect(authorizerNote(lab)).toMatchObject({ cached: true, outcome: 'forbidden' });
  });
});

describe('GET /partner/orders (REQUEST authorizer on a header and a query-string parameter)', () => {
  it('answers 401 without invoking the function when an identity source is missing', async () => {
    const lab = await gatewayLab({ world: partnerWorld() });
    expect((await lab.rest('/partner/orders', { 'x-partner-key': 'allow-acme' })).status).toBe(401);
    expect(invoked(lab)).toEqual([]);
    expect(authorizerNote(lab).checks[0]).toEqual({ check: 'identity source method.request.querystring.tenant', passed: false, detail: 'missing or empty' });
  });

  it('sends the request event, allows, and caches by both values', async () => {
    const lab = await gatewayLab({ world: partnerWorld() });
    expect((await lab.rest('/partner/orders?tenant=t1', { 'x-partner-key': 'allow-acme' })).status).toBe(200);
    const [authorizerCall] = lab.invocationsUnder(lab.lastGatewayExchange());
    expect(authorizerCall!.event).toMatchObject({
      type: 'REQUEST',
      methodArn: `arn:aws:execute-api:us-east-1:123456789012:${lab.restApiId}/prod/GET/partner/orders`,
      resource: '/partner/orders',
      path: '/partner/orders',
      httpMethod: 'GET',
      headers: { 'x-partner-key': 'allow-acme' },
      queryStringParameters: { tenant: 't1' },
      requestContext: { stage: 'prod', resourcePath: '/partner/orders' },
    });
    expect(authorizerCall!.event).not.toHaveProperty('body');
    await lab.rest('/partner/orders?tenant=t1', { 'x-partner-key': 'allow-acme' });
    expect(invoked(lab)).toEqual(['partner-data']);
    await lab.rest('/partner/orders?tenant=t2', { 'x-partner-key': 'allow-acme' });
    expect(invoked(lab)).toEqual(['partner-request-authorizer', 'partner-data']);
  });
});
