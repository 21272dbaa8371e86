// The gateway's small parts on their own: claim rendering, mapping templates, the token bucket, route
// matching and the checks a world must pass to deploy.
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../core/random';
import { defaultWorld } from '../../index';
import { buildApis } from '../build';
import { httpApiClaims, javaDateString, restApiClaims, scopesOf } from '../claims';
import { renderTemplate } from '../mapping-template';
import { matchRoute } from '../routes';
import { createThrottle } from '../throttle';
import type { Route } from '../model';

describe('claims as integrations see them', () => {
  const claims = { sub: 'u-1', 'cognito:groups': ['admins', 'readers'], email_verified: true, exp: 1767229200, iat: 1767225600, auth_time: 1767225600, 'custom:tier': 'gold' };

  it('REST: strings everywhere, groups joined by commas, exp and iat as Java dates, auth_time as digits', () => {
    expect(restApiClaims(claims)).toEqual({
      sub: 'u-1',
      'cognito:groups': 'admins,readers',
      email_verified: 'true',
      exp: 'Thu Jan 01 01:00:00 UTC 2026',
      iat: 'Thu Jan 01 00:00:00 UTC 2026',
      auth_time: '1767225600',
      'custom:tier': 'gold',
    });
  });

  it('HTTP API: strings, arrays in brackets, numbers as digits', () => {
    expect(httpApiClaims(claims)).toMatchObject({ 'cognito:groups': '[admins readers]', exp: '1767229200', email_verified: 'true' });
  });

  it('pads the day of the month as java.util.Date does', () => {
    expect(javaDateString(Date.UTC(2026, 2, 5, 7, 8, 9) / 1000)).toBe('Thu Mar 05 07:08:09 UTC 2026');
  });

  it('reads scopes from scope (space-separated) or scp (a list)', () => {
    expect(scopesOf({ scope: 'openid notes-api/notes.read' })).toEqual(['openid', 'notes-api/notes.read']);
    expect(scopesOf({ scp: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(scopesOf({})).toEqual([]);
  });
});

describe('mapping templates', () => {
  it("fills $input.params (path, then query, then header) and $context paths, escaped for JSON strings", () => {
    const out = renderTemplate(`{"a":"$input.params('sku')","b":"$input.params('q')","c":"$input.params('x-h')","d":"$context.authorizer.claims.sub","e":"$input.params('none')"}`, {
      pathParameters: { sku: 'MUG-"42' },
      query: new URLSearchParams('q=1'),
      headers: new Headers({ 'x-h': 'h' }),
      context: { authorizer: { claims: { sub: 'u-1' } } },
    });
    expect(JSON.parse(out)).toEqual({ a: 'MUG-"42', b: '1', c: 'h', d: 'u-1', e: '' });
  });
});

describe('the token bucket', () => {
  it('holds burst tokens and refills at the rate, never beyond the burst', () => {
    const throttle = createThrottle();
    const limits = { rateLimit: 2, burstLimit: 3 };
    const take = (now: number) => throttle.take('k', limits, now).allowed;
    expect([take(0), take(0), take(0), take(0)]).toEqual([true, true, true, false]);
    expect([take(500), take(500)]).toEqual([true, false]);
    expect([take(10_000), take(10_000), take(10_000), take(10_000)]).toEqual([true, true, true, false]);
  });
});

describe('route matching', () => {
  const route = (method: string, path: string) => ({ method, path, segments: path.split('/').filter(Boolean), integration: { type: 'mock', body: '' } }) as Route;
  const routes = [route('GET', '/catalog/{sku}'), route('GET', '/catalog/special'), route('ANY', '/things')];

  it('prefers a literal segment to a parameter, and decodes parameters', () => {
    expect(matchRoute(routes, 'GET', ['catalog', 'special'])?.route.path).toBe('/catalog/special');
    expect(matchRoute(routes, 'GET', ['catalog', 'A%20B'])).toMatchObject({ route: { path: '/catalog/{sku}' }, pathParameters: { sku: 'A B' } });
  });

  it('matches ANY for every method and nothing for a wrong method or length', () => {
    expect(matchRoute(routes, 'DELETE', ['things'])?.route.path).toBe('/things');
    expect(matchRoute(routes, 'POST', ['catalog', 'x'])).toBeUndefined();
    expect(matchRoute(routes, 'GET', ['catalog'])).toBeUndefined();
  });
});

describe('deploying a world', () => {
  const input = (change: (world: typeof defaultWorld) => void) => {
    const world = structuredClone(defaultWorld);
    change(world);
    return { region: 'us-east-1', restApis: world.restApis, restApiIds: ['abcdefghij'], httpApis: world.httpApis ?? [], pools: [], functionNames: new Set((world.functions ?? []).map((f) => f.name)), random: createRandom(1) };
  };

  it('refuses an integration with an unknown function, an unknown pool, and a CUSTOM method without a Lambda authorizer', () => {
    const ghost = input((w) => {
      w.restApis[0]!.authorizers = [];
      w.restApis[0]!.routes = [{ method: 'GET', path: '/x', authorization: 'NONE', integration: { type: 'lambda', functionName: 'ghost' } }];
    });
    expect(() => buildApis({ ...ghost, httpApis: [] })).toThrow('world: NotesApi GET /x integrates with an unknown function ghost');
    expect(() => buildApis({ ...input(() => {}), restApis: [], httpApis: [] })).not.toThrow();
    expect(() => buildApis({ ...input(() => {}), httpApis: [] })).toThrow('world: authorizer LearnerPoolAuthorizer names an unknown user pool LearnerPool');
    const custom = input((w) => {
      w.restApis[0]!.authorizers = [];
      w.restApis[0]!.routes = [{ method: 'GET', path: '/x', authorization: 'CUSTOM' }];
    });
    expect(() => buildApis({ ...custom, httpApis: [] })).toThrow('world: NotesApi GET /x (CUSTOM) needs a Lambda authorizer, not none');
  });

  it('refuses a cache TTL beyond an hour', () => {
    const ttl = input((w) => {
      w.restApis[0]!.authorizers = [{ name: 'T', type: 'TOKEN', functionName: 'partner-authorizer', identitySource: 'method.request.header.Authorization', resultTtlInSeconds: 7200 }];
      w.restApis[0]!.routes = [];
    });
    expect(() => buildApis({ ...ttl, httpApis: [] })).toThrow('world: authorizer T caches for 7200 s; API Gateway allows 0–3600');
  });
});
