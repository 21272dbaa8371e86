// The authorization code grant with PKCE checked against the specifications themselves, with nothing between the test
// and the simulator but `new Request(…)` and `sim.fetch`: no browser, no helper that follows redirects or keeps
// cookies. RFC 6749 §4.1 (the code and the state come back in a 302's Location; errors go back to the redirect URI
// with `error` and `state`; a code is used once; the redirect_uri must be the one the code was issued for), §5.1–5.2
// (the token response forbids caching with Cache-Control: no-store and Pragma: no-cache; errors are JSON with one of
// the registered `error` codes), and RFC 7636 (a verifier is 43–128 unreserved characters; S256 is the method Cognito
// takes; the verifier must hash to the challenge; a code issued with a challenge needs a verifier).
import { describe, expect, it } from 'vitest';
import { createSimulator, DEMO_PASSWORDS, type Simulator } from '../../index';
import { toBase64Url, utf8 } from '../../../lib/encoding';

const CALLBACK = 'https://app.learner-lab.example/callback';
const ERRORS = ['invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope'];
const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

async function s256(verifier: string): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(verifier) as Uint8Array<ArrayBuffer>)));
}

/** A verifier of `length` characters drawn from the unreserved set, different for each seed. */
const verifierOf = (length: number, seed = 0) => Array.from({ length }, (_, i) => UNRESERVED[(i * 7 + seed) % UNRESERVED.length]).join('');

async function setUp() {
  const sim: Simulator = await createSimulator({ seed: 5, startTime: Date.UTC(2026, 0, 1, 12) });
  const pool = sim.describe().userPools[0]!;
  const clientId = pool.clients.find((c) => c.name === 'web')!.clientId;
  const origin = `https://${pool.domain}.auth.us-east-1.amazoncognito.com`;
  let cookie = '';
  const authorizeUrl = (params: Record<string, string>) => `${origin}/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: CALLBACK, ...params }).toString()}`;
  const get = (url: string) => sim.fetch(new Request(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' }));
  const form = (url: string, body: Record<string, string>) =>
    sim.fetch(new Request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) }, body: new URLSearchParams(body).toString(), redirect: 'manual' }));

  /** authorize (and, the first time, the login form) → the 302 back to the app. */
  async function authorize(params: Record<string, string>): Promise<Response> {
    const first = await get(authorizeUrl(params));
    const location = first.headers.get('location') ?? '';
    if (first.status !== 302 || !location.startsWith(`${origin}/login?`)) return first;
    const back = await form(location, { username: 'alice', password: DEMO_PASSWORDS.alice });
    const set = back.headers.getSetCookie().find((c) => c.startsWith('cognito='));
    if (set) cookie = set.split(';')[0]!;
    return back;
  }
  const token = (body: Record<string, string>) => form(`${origin}/oauth2/token`, { grant_type: 'authorization_code', client_id: clientId, redirect_uri: CALLBACK, ...body });
  /** A fresh code issued with the S256 challenge of `verifier`. */
  async function codeFor(verifier: string): Promise<string> {
    const back = await authorize({ code_challenge: await s256(verifier), code_challenge_method: 'S256', state: 's' });
    return new URL(back.headers.get('location')!).searchParams.get('code')!;
  }
  return { sim, origin, authorizeUrl, get, form, authorize, token, codeFor };
}

async function oauthError(response: Response): Promise<string> {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as Record<string, unknown>;
  expect(typeof body.error).toBe('string');
  expect(ERRORS).toContain(body.error);
  return body.error as string;
}

describe('RFC 6749 §4.1: the authorization code grant', () => {
  it('sends the browser to the login page with the request intact, then back to redirect_uri with code and the exact state', async () => {
    const lab = await setUp();
    const state = 'a/b+c=d é&x';
    const first = await lab.get(lab.authorizeUrl({ state }));
    expect(first.status).toBe(302);
    expect(first.headers.getSetCookie()).toEqual([]);
    const login = new URL(first.headers.get('location')!);
    expect(`${login.origin}${login.pathname}`).toBe(`${lab.origin}/login`);
    expect(login.searchParams.get('state')).toBe(state);

    const back = await lab.authorize({ state });
    expect(back.status).toBe(302);
    const location = new URL(back.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get('state')).toBe(state);
    expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9-]+$/);
    expect(location.hash).toBe('');
  });

  it('returns tokens that may not be cached, and accepts a code once only', async () => {
    const lab = await setUp();
    const verifier = verifierOf(64);
    const code = await lab.codeFor(verifier);
    const ok = await lab.token({ code, code_verifier: verifier });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^application\/json/);
    expect(ok.headers.get('cache-control')).toMatch(/\bno-store\b/);
    expect(ok.headers.get('pragma')).toBe('no-cache');
    const body = (await ok.json()) as Record<string, unknown>;
    expect(body.token_type).toMatch(/^bearer$/i);
    expect(typeof body.access_token).toBe('string');
    expect(typeof body.refresh_token).toBe('string');
    expect(Number.isInteger(body.expires_in)).toBe(true);

    const again = await lab.token({ code, code_verifier: verifier });
    expect(again.headers.get('cache-control')).toMatch(/\bno-store\b/);
    expect(await oauthError(again)).toBe('invalid_grant');
  });

  it('refuses a redirect_uri other than the one the code was issued for, and answers errors with an error code', async () => {
    const lab = await setUp();
    const verifier = verifierOf(50);
    const code = await lab.codeFor(verifier);
    expect(await oauthError(await lab.token({ code, code_verifier: verifier, redirect_uri: `${CALLBACK}/other` }))).not.toBe('invalid_request');
    expect(await oauthError(await lab.token({ code: 'never-issued', code_verifier: verifier }))).toBe('invalid_grant');
    expect(await oauthError(await lab.form(`${lab.origin}/oauth2/token`, { grant_type: 'password', username: 'alice', password: 'x' }))).toBe('unsupported_grant_type');
  });

  it('sends request errors back to the redirect URI with error and state, never to an unregistered one', async () => {
    const lab = await setUp();
    const refused = await lab.get(lab.authorizeUrl({ response_type: 'unknown', state: 'st' }));
    const location = new URL(refused.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe('st');
    const elsewhere = await lab.get(lab.authorizeUrl({ redirect_uri: 'https://attacker.example/cb' }));
    expect(elsewhere.headers.get('location')!.startsWith('https://attacker.example')).toBe(false);
  });
});

describe('RFC 7636: Proof Key for Code Exchange', () => {
  it('takes verifiers of 43 and of 128 unreserved characters', async () => {
    const lab = await setUp();
    for (const verifier of [verifierOf(43, 1), verifierOf(128, 2)]) {
      expect((await lab.token({ code: await lab.codeFor(verifier), code_verifier: verifier })).status).toBe(200);
    }
  });

  it('refuses a verifier that is too short, too long or has a character outside the unreserved set (§4.1)', async () => {
    const lab = await setUp();
    for (const verifier of [verifierOf(42, 3), verifierOf(129, 4), `${verifierOf(50, 5)}+/`]) {
      expect(await oauthError(await lab.token({ code: await lab.codeFor(verifier), code_verifier: verifier }))).toBe('invalid_grant');
    }
  });

  it('refuses a verifier that does not hash to the challenge (§4.6), and a missing one', async () => {
    const lab = await setUp();
    const verifier = verifierOf(60, 6);
    expect(await oauthError(await lab.token({ code: await lab.codeFor(verifier), code_verifier: verifierOf(60, 7) }))).toBe('invalid_grant');
    expect(await oauthError(await lab.token({ code: await lab.codeFor(verifier) }))).toBe('invalid_grant');
  });

  it('takes S256 only: plain and a challenge without a method are refused at the authorization endpoint (§4.3)', async () => {
    const lab = await setUp();
    const verifier = verifierOf(60, 8);
    const requests: Record<string, string>[] = [{ code_challenge: verifier, code_challenge_method: 'plain' }, { code_challenge: await s256(verifier) }];
    for (const params of requests) {
      const refused = await lab.get(lab.authorizeUrl({ ...params, state: 'p' }));
      const location = new URL(refused.headers.get('location')!);
      expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('code')).toBeNull();
    }
  });
});
