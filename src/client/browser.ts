// The simulated browser: top-level navigations over a SimFetch, a cookie jar, and redirects followed as a
// browser follows them (301/302 turn a POST into a GET, 303 always does, 307/308 keep method and body; at most
// 20 hops, then a network error as fetch gives). Every hop is its own request from 'browser', so each one is an
// exchange in the trace. Scenarios that narrate hop by hop use request() and follow() instead of get().
// Cookies travel under their real names and as x-sim-cookie / x-sim-set-cookie, because a real browser's
// Request and Response drop Cookie and Set-Cookie (the Fetch standard's header guards): src/lib/sim-cookies.ts.
import { setCookiesOf, SIM_COOKIE_HEADER } from '../lib/sim-cookies';
import type { ActorId } from '../sim/index';
import type { SimFetch } from './aws-client';
import { createCookieJar, type Cookie } from './cookie-jar';

export type { Cookie } from './cookie-jar';

export interface BrowserOptions {
  fetch: SimFetch;
  /** The clock cookies expire on: pass the simulator's virtual clock. */
  now: () => number;
  /** The fetch standard's limit is 20. */
  maxRedirects?: number;
  from?: ActorId;
}

export interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HistoryEntry {
  method: string;
  /** The URL navigated to, fragment included (the fragment itself is never sent). */
  url: string;
  status: number;
  /** The absolute Location of a redirect. */
  location?: string;
  /** The Cookie header sent ('' when none). */
  cookieHeader: string;
  /** Set-Cookie headers received, one entry each. */
  setCookies: string[];
  at: number;
}

export interface Browser {
  /** Navigates to `url` and follows redirects; the final response. */
  get(url: string): Promise<Response>;
  /** Submits a form (POST, application/x-www-form-urlencoded) and follows redirects. */
  submitForm(url: string, fields: Record<string, string> | URLSearchParams): Promise<Response>;
  /** One request, redirects not followed. */
  request(url: string, init?: RequestInit): Promise<Response>;
  /** One hop: the request a redirect response leads to (not followed further). */
  follow(response: Response): Promise<Response>;
  /** The URL a response answered (fragment included). */
  urlOf(response: Response): string;
  isRedirect(response: Response): boolean;
  /** Unexpired cookies held for the origin's host. */
  cookies(origin: string): Cookie[];
  history(): readonly HistoryEntry[];
  clearCookies(): void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT_HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

interface Sent {
  url: string;
  method: string;
  body?: string;
  headers: Record<string, string>;
}

export function createBrowser(options: BrowserOptions): Browser {
  const jar = createCookieJar(options.now);
  const entries: HistoryEntry[] = [];
  const sentBy = new WeakMap<Response, Sent>();
  const limit = options.maxRedirects ?? 20;
  const from = options.from ?? 'browser';

  async function send(sent: Sent): Promise<Response> {
    const url = new URL(sent.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`Failed to fetch: unsupported scheme ${url.protocol}`);
    const withoutFragment = new URL(url);
    withoutFragment.hash = '';
    const headers = new Headers({ accept: ACCEPT_HTML, ...sent.headers });
    const cookieHeader = jar.header(url.href);
    if (cookieHeader) {
      headers.set('cookie', cookieHeader);
      headers.set(SIM_COOKIE_HEADER, cookieHeader);
    }
    const hasBody = sent.body !== undefined && sent.method !== 'GET' && sent.method !== 'HEAD';
    const response = await options.fetch(new Request(withoutFragment.href, { method: sent.method, headers, ...(hasBody ? { body: sent.body } : {}) }), { from });
    const setCookies = setCookiesOf(response.headers);
    for (const header of setCookies) jar.store(url.href, header);
    const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null;
    entries.push({
      method: sent.method,
      url: url.href,
      status: response.status,
      ...(location !== null ? { location: new URL(location, url).href } : {}),
      cookieHeader,
      setCookies,
      at: options.now(),
    });
    sentBy.set(response, sent);
    return response;
  }

  function nextHop(response: Response): Sent {
    const sent = sentBy.get(response);
    const location = response.headers.get('location');
    if (!sent || !REDIRECTS.has(response.status) || location === null) throw new TypeError('follow() needs a redirect response this browser received');
    const target = new URL(location, sent.url);
    // The fetch standard: a Location without a fragment keeps the current URL's fragment.
    if (!target.hash) target.hash = new URL(sent.url).hash;
    const toGet = (response.status === 303 && sent.method !== 'HEAD') || ((response.status === 301 || response.status === 302) && sent.method === 'POST');
    if (toGet) return { url: target.href, method: 'GET', headers: {} };
    return { url: target.href, method: sent.method, ...(sent.body !== undefined ? { body: sent.body } : {}), headers: sent.headers };
  }

  async function navigate(first: Sent): Promise<Response> {
    let response = await send(first);
    for (let hops = 0; REDIRECTS.has(response.status) && response.headers.has('location'); hops++) {
      if (hops >= limit) throw new TypeError(`Failed to fetch: more than ${limit} redirects`);
      response = await send(nextHop(response));
    }
    return response;
  }

  return {
    get: (url) => navigate({ url, method: 'GET', headers: {} }),
    submitForm(url, fields) {
      const body = (fields instanceof URLSearchParams ? fields : new URLSearchParams(fields)).toString();
      return navigate({ url, method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    },
    request: (url, init = {}) => send({ url, method: (init.method ?? 'GET').toUpperCase(), headers: init.headers ?? {}, ...(init.body !== undefined ? { body: init.body } : {}) }),
    follow: async (response) => send(nextHop(response)),
    urlOf(response) {
      const sent = sentBy.get(response);
      if (!sent) throw new TypeError('not a response this browser received');
      return sent.url;
    },
    isRedirect: (response) => REDIRECTS.has(response.status) && response.headers.has('location'),
    cookies: (origin) => jar.forOrigin(origin),
    history: () => entries.map((e) => ({ ...e, setCookies: [...e.setCookies] })),
    clearCookies: () => jar.clear(),
  };
}
