// Routing, throttling and integrations: the mock behind /public, the DynamoDB service integration behind
// /catalog (signed with the integration role's session, nested in the trace), the 429s of a tight bucket,
// malformed Lambda answers, and what describe() tells about the APIs.
import { describe, expect, it } from 'vitest';
import { defaultWorld, type WorldConfig } from '../../index';
import { gatewayLab, type GatewayLab } from '../../../testing/api-gateway-harness';

const nested = (lab: GatewayLab) => lab.sim.trace().filter((e) => e.parentId === lab.lastGatewayExchange().id);

describe('describe()', () => {
  it('lists NotesHttpApi with its own id and endpoint beside NotesApi', async () => {
    const lab = await gatewayLab();
    const { httpApis, restApis } = lab.sim.describe();
    expect(httpApis).toEqual([{ id: expect.stringMatching(/^[a-z0-9]{10}$/), name: 'NotesHttpApi', apiEndpoint: `https://${httpApis[0]!.id}.execute-api.us-east-1.amazonaws.com` }]);
    expect(httpApis[0]!.id).not.toBe(restApis[0]!.id);
  });
});

describe('routing and the mock integration', () => {
  it('answers GET /public from the mock, with no authorizer and no back end', async () => {
    const lab = await gatewayLab();
    const answer = await lab.rest('/public');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ message: 'Hello from the public endpoint: no token needed.' });
    expect(lab.lastGatewayExchange().operation).toBe('GET /public');
    expect(lab.notesOf(lab.lastGatewayExchange(), 'authorizer')[0]).toMatchObject({ authorizer: 'NONE', outcome: 'allowed' });
    expect(nested(lab)).toEqual([]);
  });

  it('answers another stage, or another method, 403 Missing Authentication Token', async () => {
    const lab = await gatewayLab();
    const host = new URL(lab.restUrl).host;
    for (const [url, method] of [[`https://${host}/dev/public`, 'GET'], [`${lab.restUrl}/public`, 'POST']] as const) {
      const answer = await lab.fetch(url, { method, ...(method === 'POST' ? { body: '{}' } : {}) });
      expect(answer.status).toBe(403);
      expect(answer.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    }
  });
});

describe('throttling', () => {
  it('lets the burst through, answers 429 once the bucket is empty, and refills at the rate', async () => {
    const lab = await gatewayLab();
    expect((await lab.rest('/catalog')).status).toBe(200);
    expect((await lab.rest('/catalog')).status).toBe(200);
    const third = await lab.rest('/catalog');
    expect(third.status).toBe(429);
    expect(third.text).toBe('{"message":"Too Many Requests"}');
    expect(third.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException');
    expect(nested(lab)).toEqual([]);
    lab.sim.clock.advance(1000);
    expect((await lab.rest('/catalog')).status).toBe(200);
    expect((await lab.rest('/catalog')).status).toBe(429);
  });

  it('applies a stage setting to each method in its own bucket', async () => {
    const world = structuredClone(defaultWorld);
    world.restApis[0]!.throttling = { rateLimit: 1, burstLimit: 1 };
    const lab = await gatewayLab({ world });
    expect((await lab.rest('/public')).status).toBe(200);
    expect((await lab.rest('/public')).status).toBe(429);
    expect((await lab.rest('/partner')).status).toBe(401);
  });
});

describe('the DynamoDB integration behind /catalog', () => {
  it('scans Catalog with the integration role: a signed, nested DynamoDB call', async () => {
    const lab = await gatewayLab();
    const answer = await lab.rest('/catalog');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ Count: 3 });
    const gatewayNotes = lab.lastGatewayExchange().notes;
    expect(gatewayNotes.find((n) => n.kind === 'credentials-issued')).toMatchObject({ roleArn: 'arn:aws:iam::123456789012:role/NotesApiCatalogRole' });
    const [call] = nested(lab);
    expect([call!.from, call!.to, call!.operation, call!.response.status]).toEqual(['api-gateway', 'dynamodb', 'Scan', 200]);
    expect(call!.notes.find((n) => n.kind === 'sigv4')).toMatchObject({ outcome: 'valid' });
    expect(call!.notes.find((n) => n.kind === 'policy')).toMatchObject({ principalArn: 'arn:aws:sts::123456789012:assumed-role/NotesApiCatalogRole/BackplaneAssumeRoleSession', evaluation: { decision: 'Allow' } });
  });

  it('fills the path parameter into the GetItem request and keeps the role session for the next call', async () => {
    const lab = await gatewayLab();
    await lab.rest('/catalog');
    const answer = await lab.rest('/catalog/MUG-042');
    expect(answer.json).toEqual({ Item: { sku: { S: 'MUG-042' }, title: { S: 'Least-privilege mug' }, price: { N: '12' } } });
    expect(JSON.parse(nested(lab)[0]!.request.body!)).toEqual({ TableName: 'Catalog', Key: { sku: { S: 'MUG-042' } } });
    expect(lab.lastGatewayExchange().notes.some((n) => n.kind === 'credentials-issued')).toBe(false);
  });

  it("passes DynamoDB's refusal through as 200: the default integration response matches every status", async () => {
    const world = structuredClone(defaultWorld);
    world.roles.find((r) => r.name === 'NotesApiCatalogRole')!.policies[0]!.document.Statement = [{ Effect: 'Allow', Action: 'dynamodb:Scan', Resource: '*' }];
    const lab = await gatewayLab({ world });
    const answer = await lab.rest('/catalog/MUG-042');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ __type: 'com.amazon.coral.service#AccessDeniedException' });
    expect(nested(lab)[0]!.response.status).toBe(400);
  });

  it("answers 500 when API Gateway may not assume the role (its trust policy names another service)", async () => {
    const world: WorldConfig = structuredClone(defaultWorld);
    world.roles.find((r) => r.name === 'NotesApiCatalogRole')!.trustPolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    const lab = await gatewayLab({ world });
    const answer = await lab.rest('/catalog');
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual({ message: 'Internal server error' });
    expect(nested(lab)).toEqual([]);
  });
});

describe('Lambda proxy answers', () => {
  function worldWithOddFunction(): WorldConfig {
    const world = structuredClone(defaultWorld);
    world.functions!.push({ name: 'not-a-proxy', handler: 'request-authorizer' });
    world.restApis[0]!.routes.push({ method: 'GET', path: '/odd', authorization: 'NONE', integration: { type: 'lambda', functionName: 'not-a-proxy' } });
    world.httpApis![0]!.routes.push({ method: 'GET', path: '/odd', authorization: 'NONE', integration: { type: 'lambda', functionName: 'not-a-proxy' } });
    return world;
  }

  it('REST: a result without statusCode is a malformed proxy response, 502', async () => {
    const lab = await gatewayLab({ world: worldWithOddFunction() });
    const answer = await lab.rest('/odd', { 'x-partner-key': 'allow-acme' });
    expect(answer.status).toBe(502);
    expect(answer.json).toEqual({ message: 'Internal server error' });
    expect(answer.headers.get('x-amzn-errortype')).toBe('InternalServerErrorException');
  });

  it('HTTP API (payload 2.0): the same result becomes a 200 JSON body; a thrown error becomes 500', async () => {
    const lab = await gatewayLab({ world: worldWithOddFunction() });
    const answer = await lab.http('/odd', { 'x-partner-key': 'allow-acme' });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ principalId: 'acme' });
    const failed = await lab.http('/odd', { 'x-partner-key': 'nonsense' });
    expect(failed.status).toBe(500);
    expect(failed.text).toBe('{"message":"Internal Server Error"}');
  });
});
