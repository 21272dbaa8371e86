// The host router: every request, from a learner's client or from one service to another, enters here.
// It finds the service that owns the host, records the exchange (nested under the caller's exchange when
// a service makes the call), and turns any bug into a 500 rather than a rejection. An unknown host
// rejects with a TypeError, as fetch does when a name does not resolve.
//
// Cookies: browsers' header guards drop Cookie from a constructed Request and Set-Cookie from a constructed
// Response, so they also travel as x-sim-cookie and x-sim-set-cookie (src/lib/sim-cookies.ts). On the way in
// the router folds x-sim-cookie into the Cookie header the service reads; on the way out it gathers every
// Set-Cookie value from both names. The trace shows only Cookie and Set-Cookie; the returned Response carries
// each cookie under both names (the real one for Node, the x-sim one for the browser, where the other is lost).
import { utf8 } from '../../lib/encoding';
import { encodeSimSetCookie, mergeCookieHeaders, setCookiesOf, SIM_COOKIE_HEADER, SIM_SET_COOKIE_HEADER } from '../../lib/sim-cookies';
import type { Clock } from './clock';
import { AwsError } from './errors';
import type { Random } from './random';
import type { OpenExchange, TraceRecorder } from './trace';
import type { ActorId, Note, RecordedRequest } from './trace-types';

export interface ServiceContext {
  readonly url: URL;
  readonly method: string;
  readonly headers: Headers;
  readonly body: Uint8Array;
  readonly from: ActorId;
  readonly requestId: string;
  readonly now: number;
  /** Names the exchange in the trace (e.g. the JSON operation). */
  setOperation(name: string): void;
  note(note: Note): void;
  /** A call to another service through the router; it is recorded nested under this exchange. */
  fetch(request: Request, init?: { from?: ActorId }): Promise<Response>;
}

export interface Service {
  readonly actor: ActorId;
  handles(host: string): boolean;
  handle(ctx: ServiceContext): Promise<Response>;
}

export interface Router {
  register(service: Service): void;
  fetch(request: Request, init?: { from?: ActorId }, parent?: OpenExchange): Promise<Response>;
}

function headersToRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = value;
  });
  // Several Set-Cookie headers cannot be folded into one with commas (cookie dates contain commas): one per line.
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) out['set-cookie'] = cookies.join('\n');
  return out;
}

/** The headers a service sees: x-sim-cookie folded into Cookie. */
function serviceRequestHeaders(request: Request): Headers {
  const headers = new Headers(request.headers);
  const simCookie = headers.get(SIM_COOKIE_HEADER);
  if (simCookie !== null) {
    headers.delete(SIM_COOKIE_HEADER);
    const cookie = mergeCookieHeaders(headers.get('cookie'), simCookie);
    if (cookie) headers.set('cookie', cookie);
  }
  return headers;
}

function withSetCookies(headers: Headers, cookies: readonly string[], alsoSim: boolean): Headers {
  const out = new Headers(headers);
  for (const cookie of cookies) {
    out.append('set-cookie', cookie);
    if (alsoSim) out.append(SIM_SET_COOKIE_HEADER, encodeSimSetCookie(cookie));
  }
  return out;
}

function bodyText(bytes: Uint8Array): string | undefined {
  return bytes.length === 0 ? undefined : utf8.decode(bytes);
}

export function createRouter(deps: { clock: Clock; random: Random; trace: TraceRecorder }): Router {
  const services: Service[] = [];

  const router: Router = {
    register(service) {
      services.push(service);
    },
    async fetch(request, init, parent) {
      if (!(request instanceof Request)) throw new TypeError('sim.fetch expects a Request');
      const url = new URL(request.url);
      const service = services.find((s) => s.handles(url.hostname.toLowerCase()));
      if (!service) throw new TypeError(`fetch failed: getaddrinfo ENOTFOUND ${url.hostname}`);

      const body = new Uint8Array(await request.arrayBuffer());
      const headers = serviceRequestHeaders(request);
      const from = init?.from ?? (parent ? parentActor(parent) : 'app');
      const recorded: RecordedRequest = {
        method: request.method,
        url: request.url,
        headers: headersToRecord(headers),
        ...(body.length > 0 ? { body: bodyText(body) } : {}),
      };
      const open = deps.trace.open({
        from,
        to: service.actor,
        operation: `${request.method} ${url.pathname}`,
        request: recorded,
        at: deps.clock.now(),
        ...(parent ? { parentId: parent.id } : {}),
      });
      actors.set(open.id, service.actor);
      const requestId = deps.random.uuid();
      const ctx: ServiceContext = {
        url,
        method: request.method,
        headers,
        body,
        from,
        requestId,
        now: deps.clock.now(),
        setOperation: (name) => {
          open.operation = name;
        },
        note: (note) => {
          open.notes.push(note);
        },
        fetch: (nested, nestedInit) => router.fetch(nested, { from: nestedInit?.from ?? service.actor }, open),
      };

      let response: Response;
      try {
        response = await service.handle(ctx);
      } catch (error) {
        // A bug in the simulator: answer as AWS does for its own faults, and say so in the trace.
        const message = error instanceof Error ? error.message : String(error);
        const aws = new AwsError('InternalErrorException', 'An internal error occurred in the simulator.', 500);
        open.notes.push({ kind: 'error', summary: `The simulator failed while handling this request: ${message}`, code: aws.code, message: aws.message, status: 500 });
        response = new Response(JSON.stringify({ __type: aws.code, message: aws.message }), {
          status: 500,
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId, 'x-amzn-errortype': `${aws.code}:` },
        });
      }

      const responseBody = new Uint8Array(await response.arrayBuffer());
      // AWS answers with a Date header; SDKs correct their clock skew from it (here: the virtual clock).
      const responseHeaders = new Headers(response.headers);
      if (!responseHeaders.has('date')) responseHeaders.set('date', new Date(deps.clock.now()).toUTCString());
      const cookies = setCookiesOf(responseHeaders);
      responseHeaders.delete('set-cookie');
      responseHeaders.delete(SIM_SET_COOKIE_HEADER);
      deps.trace.complete(open, {
        status: response.status,
        headers: headersToRecord(withSetCookies(responseHeaders, cookies, false)),
        ...(responseBody.length > 0 ? { body: bodyText(responseBody) } : {}),
      });
      const nullBody = response.status === 204 || response.status === 304 || (response.status >= 300 && response.status < 400 && responseBody.length === 0);
      return new Response(nullBody ? null : responseBody, { status: response.status, statusText: response.statusText, headers: withSetCookies(responseHeaders, cookies, true) });
    },
  };

  const actors = new Map<string, ActorId>();
  const parentActor = (parent: OpenExchange): ActorId => actors.get(parent.id) ?? 'app';
  return router;
}
