import { describe, expect, it } from 'vitest';
import { createClock } from './clock';
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
