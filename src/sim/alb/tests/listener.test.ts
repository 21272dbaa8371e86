// The listener without authentication: rule priorities and path patterns, fixed-response (answered by the
// load balancer itself), redirect (with AWS's #{…} placeholders), forward (a nested exchange to the target
// with the X-Forwarded-* headers), the HTTP:80 listener's redirect, the default action, and world validation.
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../index';
import { albWorld, simLab, START, worldWithAlbClient } from '../../../testing/alb-harness';
import { pathMatches } from '../path-pattern';
import { redirectLocation } from '../responses';

const get = (lab: Awaited<ReturnType<typeof simLab>>, path: string) => lab.sim.fetch(new Request(`https://${lab.albHost}${path}`), { from: 'browser' });

describe('Path patterns', () => {
  it('match the whole path, case-sensitively, with * and ?', () => {
    expect(pathMatches('/app/*', '/app/home')).toBe(true);
    expect(pathMatches('/app/*', '/app/a/b/c')).toBe(true);
    expect(pathMatches('/app/*', '/app')).toBe(false);
    expect(pathMatches('/app/*', '/App/home')).toBe(false);
    expect(pathMatches('/health', '/health')).toBe(true);
    expect(pathMatches('/health', '/healthz')).toBe(false);
    expect(pathMatches('/v?/items', '/v2/items')).toBe(true);
    expect(pathMatches('/v?/items', '/v10/items')).toBe(false);
    expect(pathMatches('/a.b', '/aXb')).toBe(false);
  });
});

describe('Redirect locations', () => {
  const url = new URL('https://lb.example/old/page?x=1');
  it('keep every component not configured, writing the port out', () => {
    expect(redirectLocation({ statusCode: 'HTTP_301' }, url)).toBe('https://lb.example:443/old/page?x=1');
  });
  it('substitute #{path} without its leading slash, and the other placeholders', () => {
    expect(redirectLocation({ statusCode: 'HTTP_302', path: '/new/#{path}', host: 'www.#{host}', query: '#{query}&y=2' }, url)).toBe('https://www.lb.example:443/new/old/page?x=1&y=2');
    expect(redirectLocation({ statusCode: 'HTTP_301', protocol: 'HTTP', port: '8080' }, url)).toBe('http://lb.example:8080/old/page?x=1');
  });
});

describe('The default world\'s learner-alb without signing in', () => {
  it('answers /health itself with the fixed response: no target sees it', async () => {
    const lab = await simLab();
    const res = await get(lab, '/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(res.headers.get('server')).toBe('awselb/2.0');
    expect(await res.text()).toBe('OK');
    const trace = lab.sim.trace();
    expect(trace.map((x) => [x.from, x.to])).toEqual([['browser', 'alb']]);
    expect(trace[0]!.notes.map((n) => n.summary).join(' ')).toMatch(/priority 20 .*fixed-response/);
  });

  it('forwards /status to the health target, a nested exchange with the X-Forwarded-* headers', async () => {
    const lab = await simLab();
    const res = await get(lab, '/status?probe=1');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'healthy', target: 'health' });
    const [outer, inner] = lab.sim.trace();
    expect(inner).toMatchObject({ parentId: outer!.id, from: 'alb', to: 'target', operation: 'GET /status' });
    expect(inner!.request.url).toMatch(/^http:\/\/ip-10-0-\d+-\d+\.ec2\.internal\/status\?probe=1$/);
    expect(inner!.request.headers).toMatchObject({ 'x-forwarded-proto': 'https', 'x-forwarded-port': '443', 'x-forwarded-for': expect.any(String) });
    expect(inner!.request.headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(inner!.request.headers['x-amzn-trace-id']).toContain(Math.floor(START / 1000).toString(16));
    expect(Object.keys(inner!.request.headers).filter((h) => h.startsWith('x-amzn-oidc-'))).toEqual([]);
  });

  it('redirects /home with 301 to /app/home', async () => {
    const lab = await simLab();
    const res = await get(lab, '/home?tab=2');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`https://${lab.albHost}:443/app/home?tab=2`);
  });

  it('redirects the HTTP listener to HTTPS, keeping the path and the query', async () => {
    const lab = await simLab();
    const res = await lab.sim.fetch(new Request(`http://${lab.albHost}/app/home?x=1`), { from: 'browser' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`https://${lab.albHost}:443/app/home?x=1`);
  });

  it('runs the default action when no rule matches: 404', async () => {
    const lab = await simLab();
    const res = await get(lab, '/nowhere');
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('Not Found');
  });
});

describe('Rule priorities', () => {
  it('take the lowest-numbered matching rule, whatever the order in the list', async () => {
    const world = albWorld((lb) => {
      lb.rules = [
        { path: '/x/*', action: 'fixed-response', priority: 200, fixedResponse: { statusCode: 200, messageBody: 'broad' } },
        { path: '/x/special', action: 'fixed-response', priority: 100, fixedResponse: { statusCode: 200, messageBody: 'special' } },
      ];
    });
    const lab = await simLab({ world });
    expect(await (await get(lab, '/x/special')).text()).toBe('special');
    expect(await (await get(lab, '/x/other')).text()).toBe('broad');
  });

  it('let a configured default action forward to a target', async () => {
    const world = albWorld((lb) => {
      lb.defaultAction = { type: 'forward', target: 'health' };
    });
    const lab = await simLab({ world });
    expect(await (await get(lab, '/anything')).json()).toEqual({ status: 'healthy', target: 'health' });
  });
});

describe('World validation', () => {
  it('refuses an authenticate action whose app client has no secret', async () => {
    const world = albWorld((lb) => {
      lb.rules[0]!.authenticate!.userPoolClient = 'web';
    });
    await expect(createSimulator({ seed: 1, startTime: START, world })).rejects.toThrow(/app client web has no secret/);
  });

  it('refuses an unknown target, a duplicate priority and a too-long session timeout', async () => {
    await expect(createSimulator({ seed: 1, startTime: START, world: albWorld((lb) => void (lb.rules[0]!.forward = { target: 'nope' })) })).rejects.toThrow(/no target named nope/);
    await expect(createSimulator({ seed: 1, startTime: START, world: albWorld((lb) => void (lb.rules[1]!.priority = 10)) })).rejects.toThrow(/two rules have priority 10/);
    await expect(createSimulator({ seed: 1, startTime: START, world: albWorld((lb) => void (lb.rules[0]!.authenticate!.sessionTimeout = 604801)) })).rejects.toThrow(/SessionTimeout/);
  });

  it('refuses a client without the code grant', async () => {
    await expect(createSimulator({ seed: 1, startTime: START, world: worldWithAlbClient((c) => void (c.allowedOAuthFlows = ['implicit'])) })).rejects.toThrow(/code grant/);
  });
});
