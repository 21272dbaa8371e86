import { describe, expect, it } from 'vitest';
import { decodeSimSetCookies } from '../../lib/sim-cookies';
import { createClock } from './clock';
import { appendSetCookie, SIM_COOKIE_HEADER, SIM_SET_COOKIE_HEADER } from './cookies';
import { createRandom } from './random';
import { createRouter, type Service } from './router';
import { createTraceRecorder } from './trace';

function setup() {
  const clock = createClock(Date.UTC(2026, 0, 1));
  const trace = createTraceRecorder();
  const router = createRouter({ clock, random: createRandom(1), trace });
  return { clock, trace, router };
}

const echo = (actor: 'lambda' | 'api-gateway', host: string, handle: Service['handle']): Service => ({ actor, handles: (h) => h === host, handle });

describe('The router', () => {
  it('rejects an unknown host with a TypeError, as fetch does, and records nothing', async () => {
    const { router, trace } = setup();
    await expect(router.fetch(new Request('https://nowhere.example/'))).rejects.toThrow(TypeError);
    expect(trace.all()).toHaveLength(0);
  });

  it('records the request, the response and the notes of an exchange', async () => {
    const { router, trace, clock } = setup();
    router.register(
      echo('lambda', 'fn.example', async (call) => {
        call.setOperation('Invoke');
        call.note({ kind: 'info', summary: 'ran the handler' });
        return new Response(`hello ${new TextDecoder().decode(call.body)}`, { status: 201, headers: { 'x-test': '1' } });
      }),
    );
    clock.advance(5000);
    const res = await router.fetch(new Request('https://fn.example/run', { method: 'POST', body: 'world', headers: { 'X-Custom': 'a' } }), { from: 'browser' });
    expect(res.status).toBe(201);
    expect(await res.text()).toBe('hello world');
    const [x] = trace.all();
    expect(x).toMatchObject({
      from: 'browser',
      to: 'lambda',
      operation: 'Invoke',
      at: Date.UTC(2026, 0, 1) + 5000,
      request: { method: 'POST', url: 'https://fn.example/run', body: 'world', headers: { 'x-custom': 'a' } },
      response: { status: 201, body: 'hello world', headers: { 'x-test': '1' } },
      notes: [{ kind: 'info', summary: 'ran the handler' }],
    });
    expect(x!.parentId).toBeUndefined();
  });

  it('nests a call that one service makes to another under the exchange that caused it', async () => {
    const { router, trace } = setup();
    router.register(echo('lambda', 'fn.example', async () => new Response('{"ok":true}')));
    router.register(
      echo('api-gateway', 'api.example', async (call) => {
        const inner = await call.fetch(new Request('https://fn.example/'));
        return new Response(await inner.text());
      }),
    );
    await router.fetch(new Request('https://api.example/'), { from: 'app' });
    const [outer, inner] = trace.all();
    expect(outer).toMatchObject({ from: 'app', to: 'api-gateway' });
    expect(inner).toMatchObject({ from: 'api-gateway', to: 'lambda', parentId: outer!.id });
  });

  it('turns a bug in a service into a 500 with a note, never a rejection', async () => {
    const { router, trace } = setup();
    router.register(echo('lambda', 'fn.example', async () => { throw new Error('boom'); }));
    const res = await router.fetch(new Request('https://fn.example/'));
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ __type: 'InternalErrorException' });
    expect(trace.all()[0]!.notes[0]).toMatchObject({ kind: 'error', summary: expect.stringContaining('boom') });
  });

  it('records every Set-Cookie header of a response', async () => {
    const { router, trace } = setup();
    router.register(
      echo('lambda', 'fn.example', async () => {
        const headers = new Headers();
        headers.append('set-cookie', 'a=1; Path=/; Expires=Wed, 01 Jan 2031 00:00:00 GMT');
        headers.append('set-cookie', 'b=2; Path=/');
        return new Response('ok', { headers });
      }),
    );
    const res = await router.fetch(new Request('https://fn.example/'));
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/; Expires=Wed, 01 Jan 2031 00:00:00 GMT', 'b=2; Path=/']);
    expect(trace.all()[0]!.response.headers['set-cookie']).toBe('a=1; Path=/; Expires=Wed, 01 Jan 2031 00:00:00 GMT\nb=2; Path=/');
  });

  it('folds x-sim-cookie into the Cookie header the service reads, and records only Cookie', async () => {
    const { router, trace } = setup();
    const seen: [string | null, string | null][] = [];
    router.register(
      echo('lambda', 'fn.example', async (call) => {
        seen.push([call.headers.get('cookie'), call.headers.get(SIM_COOKIE_HEADER)]);
        return new Response('ok');
      }),
    );
    // As a browser's Request arrives (its Cookie header dropped), as Node's arrives (both), and with two different values.
    await router.fetch(new Request('https://fn.example/', { headers: { [SIM_COOKIE_HEADER]: 'a=1; b=2' } }));
    await router.fetch(new Request('https://fn.example/', { headers: { cookie: 'a=1; b=2', [SIM_COOKIE_HEADER]: 'a=1; b=2' } }));
    await router.fetch(new Request('https://fn.example/', { headers: { cookie: 'a=1', [SIM_COOKIE_HEADER]: 'a=1; c=3' } }));
    await router.fetch(new Request('https://fn.example/', { headers: { cookie: 'a=1' } }));
    expect(seen).toEqual([['a=1; b=2', null], ['a=1; b=2', null], ['a=1; c=3', null], ['a=1', null]]);
    expect(trace.all().map((x) => x.request.headers)).toEqual([{ cookie: 'a=1; b=2' }, { cookie: 'a=1; b=2' }, { cookie: 'a=1; c=3' }, { cookie: 'a=1' }]);
  });

  it('gathers the cookies of Set-Cookie and x-sim-set-cookie, records them as Set-Cookie, and returns each under both names', async () => {
    const { router, trace } = setup();
    const expires = 'a=1; Path=/; Expires=Wed, 01 Jan 2031 00:00:00 GMT; Secure; HttpOnly';
    router.register(
      echo('lambda', 'fn.example', async () => {
        const headers = new Headers({ 'content-type': 'text/plain' });
        appendSetCookie(headers, expires);
        appendSetCookie(headers, 'b=2, with a comma; Path=/');
        headers.append('set-cookie', 'c=3; Path=/');
        return new Response('ok', { headers });
      }),
    );
    const res = await router.fetch(new Request('https://fn.example/'));
    const cookies = ['c=3; Path=/', expires, 'b=2, with a comma; Path=/'];
    expect(res.headers.getSetCookie()).toEqual(cookies);
    expect(decodeSimSetCookies(res.headers.get(SIM_SET_COOKIE_HEADER))).toEqual(cookies);
    const recorded = trace.all()[0]!.response.headers;
    expect(recorded['set-cookie']).toBe(cookies.join('\n'));
    expect(recorded[SIM_SET_COOKIE_HEADER]).toBeUndefined();
    expect(recorded['content-type']).toBe('text/plain');
    expect(recorded.date).toBe('Thu, 01 Jan 2026 00:00:00 GMT');
  });

  it('counts each cookie once when a service hands on a response that already went through the router', async () => {
    const { router, trace } = setup();
    router.register(
      echo('lambda', 'fn.example', async () => {
        const headers = new Headers();
        appendSetCookie(headers, 'inner=1; Path=/');
        return new Response(null, { status: 302, headers: { ...Object.fromEntries(headers), location: 'https://fn.example/next' } });
      }),
    );
    router.register(
      echo('api-gateway', 'api.example', async (call) => {
        const inner = await call.fetch(new Request('https://fn.example/'));
        const headers = new Headers(inner.headers);
        appendSetCookie(headers, 'outer=2; Path=/');
        return new Response(null, { status: inner.status, headers });
      }),
    );
    const res = await router.fetch(new Request('https://api.example/'));
    expect(res.status).toBe(302);
    expect(res.headers.getSetCookie()).toEqual(['inner=1; Path=/', 'outer=2; Path=/']);
    expect(decodeSimSetCookies(res.headers.get(SIM_SET_COOKIE_HEADER))).toEqual(['inner=1; Path=/', 'outer=2; Path=/']);
    expect(trace.all().map((x) => x.response.headers['set-cookie'])).toEqual(['inner=1; Path=/\nouter=2; Path=/', 'inner=1; Path=/']);
  });

  it('passes redirects through without a body', async () => {
    const { router } = setup();
    router.register(echo('lambda', 'fn.example', async () => new Response(null, { status: 302, headers: { location: 'https://x.example/' } })));
    const res = await router.fetch(new Request('https://fn.example/'));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://x.example/');
  });
});

describe('The virtual clock', () => {
  it('moves only when told, and only forward', () => {
    const clock = createClock(1000);
    expect(clock.now()).toBe(1000);
    clock.advance(3_600_000);
    expect(clock.now()).toBe(3_601_000);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
  });
});
