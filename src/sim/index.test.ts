// The simulator contract of architecture.md, as tests outside the UI rely on it.
import { describe, expect, it } from 'vitest';
import { createSimulator, defaultWorld } from './index';

const START = Date.UTC(2026, 0, 1, 9, 0, 0);

describe('createSimulator', () => {
  it('runs in Node without a DOM', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  });

  it('describes the default world', async () => {
    const sim = await createSimulator({ seed: 7, startTime: START });
    const world = sim.describe();
    expect(world.region).toBe('us-east-1');
    expect(world.accountId).toBe('123456789012');
    expect(world.userPools).toHaveLength(1);
    const pool = world.userPools[0]!;
    expect(pool.name).toBe('LearnerPool');
    expect(pool.id).toMatch(/^us-east-1_[0-9A-Za-z]{9}$/);
    expect(pool.domain).toBe('learner-lab');
    expect(pool.clients.map((c) => [c.name, c.hasSecret])).toEqual([['web', false], ['alb', true], ['reports-job', true]]);
    for (const c of pool.clients) expect(c.clientId).toMatch(/^[a-z0-9]{26}$/);
    expect(world.identityPools).toEqual([{ id: expect.stringMatching(/^us-east-1:[0-9a-f-]{36}$/), name: 'LearnerIdentities' }]);
    expect(world.tables.map((t) => t.name)).toEqual(['Notes', 'Catalog']);
    expect(world.restApis).toEqual([{ id: expect.stringMatching(/^[a-z0-9]{10}$/), name: 'NotesApi', stage: 'prod', invokeUrl: `https://${world.restApis[0]!.id}.execute-api.us-east-1.amazonaws.com/prod` }]);
    expect(world.loadBalancers[0]).toMatchObject({ name: 'learner-alb', dnsName: expect.stringMatching(/^learner-alb-\d+\.us-east-1\.elb\.amazonaws\.com$/), arn: expect.stringMatching(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer\/app\/learner-alb\/[0-9a-f]{16}$/) });
  });

  it('is reproducible from its seed, and differs between seeds', async () => {
    const a = await createSimulator({ seed: 3, startTime: START });
    const b = await createSimulator({ seed: 3, startTime: START });
    const c = await createSimulator({ seed: 4, startTime: START });
    expect(a.describe()).toEqual(b.describe());
    expect(a.adminCredentials).toEqual(b.adminCredentials);
    expect(c.describe().userPools[0]!.id).not.toBe(a.describe().userPools[0]!.id);
  });

  it('gives administrator credentials shaped like a long-term IAM key', async () => {
    const sim = await createSimulator({ seed: 1, startTime: START });
    expect(sim.adminCredentials.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(sim.adminCredentials.secretAccessKey).toHaveLength(40);
  });

  it('keeps a virtual clock that starts where asked and moves only when advanced', async () => {
    const sim = await createSimulator({ seed: 1, startTime: START });
    expect(sim.clock.now()).toBe(START);
    sim.clock.advance(60_000);
    expect(sim.clock.now()).toBe(START + 60_000);
  });

  it('starts from a copy of the world it is given, never changing the caller\'s object', async () => {
    const world = structuredClone(defaultWorld);
    const before = JSON.stringify(world);
    await createSimulator({ world, seed: 1, startTime: START });
    expect(JSON.stringify(world)).toBe(before);
  });

  it('rejects an unknown host with a TypeError', async () => {
    const sim = await createSimulator({ seed: 1, startTime: START });
    await expect(sim.fetch(new Request('https://example.invalid/'))).rejects.toThrow(TypeError);
  });

  it('records every exchange in the trace, with the caller named by `from`', async () => {
    const sim = await createSimulator({ seed: 1, startTime: START });
    const pool = sim.describe().userPools[0]!;
    await sim.fetch(new Request(`https://cognito-idp.us-east-1.amazonaws.com/${pool.id}/.well-known/jwks.json`), { from: 'browser' });
    await sim.fetch(
      new Request('https://cognito-idp.us-east-1.amazonaws.com/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
        body: JSON.stringify({ ClientId: pool.clients[0]!.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'nobody', PASSWORD: 'Whatever#1' } }),
      }),
    );
    const trace = sim.trace();
    expect(trace.map((x) => [x.from, x.to, x.operation, x.response.status])).toEqual([
      ['browser', 'cognito-idp', 'GET jwks.json', 200],
      ['app', 'cognito-idp', 'InitiateAuth', 400],
    ]);
    expect(trace[1]!.notes.map((n) => n.kind)).toEqual(['password-checked', 'error']);
    expect(JSON.parse(trace[1]!.response.body!)).toEqual({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(trace[1]!.response.headers['x-amzn-errortype']).toBe('NotAuthorizedException:');
  });

  it('publishes two RS256 keys in the JWKS, generated once', async () => {
    const sim = await createSimulator({ seed: 1, startTime: START });
    const url = `https://cognito-idp.us-east-1.amazonaws.com/${sim.describe().userPools[0]!.id}/.well-known/jwks.json`;
    const first = await (await sim.fetch(new Request(url))).json();
    const second = await (await sim.fetch(new Request(url))).json();
    expect(first).toEqual(second);
    expect(first.keys).toHaveLength(2);
    for (const key of first.keys) {
      expect(key).toMatchObject({ alg: 'RS256', e: 'AQAB', kty: 'RSA', use: 'sig' });
      expect(key.kid).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    }
    expect(first.keys[0].kid).not.toBe(first.keys[1].kid);
  });
});
