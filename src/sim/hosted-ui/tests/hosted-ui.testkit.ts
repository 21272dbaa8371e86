// A learner's-eye harness for the hosted UI: a simulator from a seed, the default world's app clients and their secrets,
// a minimal browser that keeps the hosted UI's cookies and does NOT follow redirects (each hop is asserted), PKCE pairs,
// and the code flow in one call. Only plain fetch calls to sim.fetch, as an app and a browser make them.
import { createSimulator, DEMO_PASSWORDS, internalsOf, type Simulator, type WorldConfig } from '../../index';
import { toBase64Url, utf8 } from '../../../lib/encoding';

export const START = Date.UTC(2026, 0, 1, 12, 0, 0);
export const MINUTE = 60_000;
export const CALLBACK = 'https://app.learner-lab.example/callback';
export const SIGNED_OUT = 'https://app.learner-lab.example/';

export async function hostedLab(options: { seed?: number; world?: WorldConfig } = {}) {
  const sim = await createSimulator({ seed: options.seed ?? 11, startTime: START, ...(options.world ? { world: options.world } : {}) });
  const summary = sim.describe().userPools[0]!;
  const clientId = (name: string) => summary.clients.find((c) => c.name === name)!.clientId;
  const secretOf = (id: string) => internalsOf(sim).env.pools.get(summary.id)!.clients.get(id)!.clientSecret!;
  const domain = `https://${summary.domain}.auth.us-east-1.amazoncognito.com`;
  const web = clientId('web');
  const alb = clientId('alb');
  const reportsJob = clientId('reports-job');
  return {
    sim,
    poolId: summary.id,
    issuer: `https://cognito-idp.us-east-1.amazonaws.com/${summary.id}`,
    domain,
    web,
    alb,
    albSecret: secretOf(alb),
    albCallback: `https://${sim.describe().loadBalancers[0]!.dnsName}/oauth2/idpresponse`,
    reportsJob,
    reportsSecret: secretOf(reportsJob),
    /** An /oauth2/authorize URL for the web client; `undefined` values leave a parameter out. */
    authorizeUrl(params: Record<string, string | undefined> = {}, path = '/oauth2/authorize'): string {
      const all: Record<string, string | undefined> = { response_type: 'code', client_id: web, redirect_uri: CALLBACK, state: 'st-123', ...params };
      const query = new URLSearchParams();
      for (const [k, v] of Object.entries(all)) if (v !== undefined) query.set(k, v);
      return `${domain}${path}?${query.toString()}`;
    },
    /** POST /oauth2/token as an app's back end does. */
    token(form: Record<string, string>, init: { basic?: [string, string]; contentType?: string } = {}): Promise<Response> {
      const headers: Record<string, string> = { 'content-type': init.contentType ?? 'application/x-www-form-urlencoded' };
      if (init.basic) headers.authorization = `Basic ${btoa(`${init.basic[0]}:${init.basic[1]}`)}`;
      return sim.fetch(new Request(`${domain}/oauth2/token`, { method: 'POST', headers, body: new URLSearchParams(form).toString() }));
    },
    /** POST /oauth2/revoke. */
    revoke(form: Record<string, string>, basic?: [string, string]): Promise<Response> {
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      if (basic) headers.authorization = `Basic ${btoa(`${basic[0]}:${basic[1]}`)}`;
      return sim.fetch(new Request(`${domain}/oauth2/revoke`, { method: 'POST', headers, body: new URLSearchParams(form).toString() }));
    },
    userInfo(accessToken: string | undefined, method = 'GET'): Promise<Response> {
      return sim.fetch(new Request(`${domain}/oauth2/userInfo`, { method, headers: accessToken === undefined ? {} : { authorization: `Bearer ${accessToken}` } }));
    },
  };
}

export type HostedLab = Awaited<ReturnType<typeof hostedLab>>;

/** A browser tab: sends the cookies it was given back to the same host, and shows each redirect instead of following it. */
export class Browser {
  private readonly jar = new Map<string, string>();
  constructor(private readonly sim: Simulator) {}

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  async get(url: string): Promise<Response> {
    return this.send(new Request(url, { headers: this.headers(), redirect: 'manual' }));
  }

  async postForm(url: string, form: Record<string, string>): Promise<Response> {
    const headers = { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' };
    return this.send(new Request(url, { method: 'POST', headers, body: new URLSearchParams(form).toString(), redirect: 'manual' }));
  }

  private headers(): Record<string, string> {
    return this.jar.size === 0 ? {} : { cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  private async send(request: Request): Promise<Response> {
    const response = await this.sim.fetch(request, { from: 'browser' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const expired = attributes.some((a) => /^max-age=0$/i.test(a));
      if (expired) this.jar.delete(name);
      else this.jar.set(name, pair!.slice(eq + 1));
    }
    return response;
  }
}

export async function pkcePair(seed = 'a'): Promise<{ verifier: string; challenge: string }> {
  const verifier = toBase64Url(utf8.encode(`verifier-${seed}-`.padEnd(48, 'x')));
  const digest = await crypto.subtle.digest('SHA-256', utf8.encode(verifier) as Uint8Array<ArrayBuffer>);
  return { verifier, challenge: toBase64Url(new Uint8Array(digest)) };
}

/** The parameters of a redirect's Location, from its query or (implicit grant) its fragment. */
export function locationParams(response: Response, from: 'query' | 'fragment' = 'query'): URLSearchParams {
  const location = new URL(response.headers.get('location')!);
  return new URLSearchParams(from === 'query' ? location.search : location.hash.slice(1));
}

/** authorize → login page → sign in → the redirect back to the app (not followed). */
export async function signIn(lab: HostedLab, browser: Browser, params: Record<string, string | undefined> = {}, user: keyof typeof DEMO_PASSWORDS = 'alice'): Promise<Response> {
  const authorize = await browser.get(lab.authorizeUrl(params));
  if (authorize.status !== 302) throw new Error(`authorize answered ${authorize.status}`);
  const login = authorize.headers.get('location')!;
  if (!login.startsWith(`${lab.domain}/login?`)) return authorize;
  return browser.postForm(login, { username: user, password: DEMO_PASSWORDS[user] });
}

/** The code flow with PKCE for the web client up to the code. */
export async function codeFor(lab: HostedLab, browser: Browser, params: Record<string, string | undefined> = {}) {
  const pkce = await pkcePair();
  const back = await signIn(lab, browser, { code_challenge: pkce.challenge, code_challenge_method: 'S256', ...params });
  return { code: locationParams(back).get('code')!, verifier: pkce.verifier, back };
}

export async function bodyOf(response: Response): Promise<unknown> {
  return JSON.parse(await response.text());
}
