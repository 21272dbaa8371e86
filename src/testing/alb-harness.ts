// A harness for the load balancer's tests: the real simulator (for the default world's ids and the user
// pool's app clients), and beside it a router of its own where the ALB services meet a stand-in IdP: a
// hosted UI that signs in at once (authorize → 302 with a code), a token endpoint, userInfo and a JWKS.
// It lets the ALB's side of the dance, and its failure paths (an IdP error, no ID token, claims too large, a
// revoked refresh token), be tested without the real hosted UI; the real dance is tested against sim.fetch.
import { readForm } from '../client/html-form';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { DEMO_PASSWORDS, createSimulator, defaultWorld, internalsOf, type ActorId, type WorldConfig } from '../sim/index';
import { createClock } from '../sim/core/clock';
import { createRandom } from '../sim/core/random';
import { createRouter, type Service } from '../sim/core/router';
import { createTraceRecorder } from '../sim/core/trace';
import { createLoadBalancers } from '../sim/alb/create';
import { createBrowser } from '../client/browser';

export const START = Date.UTC(2026, 0, 1, 9, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export interface FakeIdpOptions {
  /** The token endpoint answers this status and error instead of tokens. */
  tokenError?: { status: number; error: string };
  omitIdToken?: boolean;
  /** Extra userInfo claims (e.g. a huge one). */
  extraClaims?: Record<string, unknown>;
  /** Seconds (default 3600). */
  accessTokenLifetime?: number;
  /** Refresh-token grants fail with invalid_grant (as after a sign-out that revoked them). */
  refreshRevoked?: boolean;
  /** Sign the ID token with a key not in the JWKS. */
  forgeIdToken?: boolean;
}

export async function fakeIdpLab(options: { idp?: FakeIdpOptions; world?: WorldConfig; seed?: number } = {}) {
  const world = options.world ?? defaultWorld;
  const sim = await createSimulator({ seed: options.seed ?? 11, startTime: START, world });
  const summary = sim.describe();
  const pool = summary.userPools[0]!;
  const poolState = internalsOf(sim).env.pools.get(pool.id)!;
  const albClient = [...poolState.clients.values()].find((c) => c.clientName === 'alb')!;
  const issuer = `https://cognito-idp.${summary.region}.amazonaws.com/${pool.id}`;
  const domainHost = `${pool.domain}.auth.${summary.region}.amazoncognito.com`;
  const idp = options.idp ?? {};

  const clock = createClock(START);
  const trace = createTraceRecorder();
  const router = createRouter({ clock, random: createRandom(5), trace });
  const key = await generateKeyPair('RS256', { extractable: true });
  const forged = idp.forgeIdToken ? await generateKeyPair('RS256') : undefined;
  const jwk: JWK = { ...(await exportJWK(key.publicKey)), kid: 'fake-kid', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, string>();
  const calls = { token: 0, refresh: 0, userInfo: 0, jwks: 0 };
  let counter = 0;

  const sign = (claims: Record<string, unknown>, signingKey: CryptoKey, kid: string) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).setIssuer(issuer).setIssuedAt(Math.floor(clock.now() / 1000)).setExpirationTime(Math.floor(clock.now() / 1000) + 3600).sign(signingKey);
  const sub = 'a1b2c3d4-0000-4000-8000-000000000001';
  const tokens = async () => {
    const lifetime = idp.accessTokenLifetime ?? 3600;
    const idToken = await sign({ sub, aud: albClient.clientId, token_use: 'id', 'cognito:username': 'alice' }, forged ? forged.privateKey : key.privateKey, 'fake-kid');
    const accessToken = `access-${++counter}`;
    return { access_token: accessToken, ...(idp.omitIdToken ? {} : { id_token: idToken }), token_type: 'Bearer', expires_in: lifetime };
  };
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  const cognito: Service = {
    actor: 'cognito-idp',
    handles: (h) => h === `cognito-idp.${summary.region}.amazonaws.com`,
    async handle() {
      calls.jwks++;
      return json({ keys: [jwk] });
    },
  };
  const hostedUi: Service = {
    actor: 'hosted-ui',
    handles: (h) => h === domainHost,
    async handle(ctx) {
      const path = ctx.url.pathname;
      if (path === '/oauth2/authorize') {
        const code = `code-${++counter}`;
        codes.set(code, ctx.url.searchParams.get('redirect_uri')!);
        const back = new URL(ctx.url.searchParams.get('redirect_uri')!);
        back.searchParams.set('code', code);
        back.searchParams.set('state', ctx.url.searchParams.get('state')!);
        return new Response(null, { status: 302, headers: { location: back.href } });
      }
      if (path === '/oauth2/token') {
        const basic = `Basic ${btoa(`${albClient.clientId}:${albClient.clientSecret}`)}`;
        if (ctx.headers.get('authorization') !== basic) return json({ error: 'invalid_client' }, 400);
        const form = new URLSearchParams(new TextDecoder().decode(ctx.body));
        if (form.get('grant_type') === 'refresh_token') {
          calls.refresh++;
          if (idp.refreshRevoked) return json({ error: 'invalid_grant' }, 400);
          return json(await tokens());
        }
        calls.token++;
        if (idp.tokenError) return json({ error: idp.tokenError.error }, idp.tokenError.status);
        const code = form.get('code') ?? '';
        if (codes.get(code) !== form.get('redirect_uri')) return json({ error: 'invalid_grant' }, 400);
        codes.delete(code);
        return json({ ...(await tokens()), refresh_token: 'refresh-token-1' });
      }
      if (path === '/oauth2/userInfo') {
        calls.userInfo++;
        if (!ctx.headers.get('authorization')?.startsWith('Bearer access-')) return json({ error: 'invalid_token' }, 401);
        return json({ sub, email_verified: 'true', email: 'alice@example.com', username: 'alice', ...idp.extraClaims });
      }
      return new Response('not found', { status: 404 });
    },
  };
  router.register(cognito);
  router.register(hostedUi);
  const albs = createLoadBalancers({ world, ids: summary.loadBalancers, pools: internalsOf(sim).env.pools.values(), clock });
  for (const service of albs.services) router.register(service);
  const fetch = (request: Request, init?: { from?: ActorId }) => router.fetch(request, init);
  const lb = summary.loadBalancers[0]!;
  return {
    fetch,
    clock,
    trace: () => trace.all(),
    browser: createBrowser({ fetch, now: () => clock.now() }),
    env: albs.env,
    calls,
    sub,
    issuer,
    domainHost,
    albClientId: albClient.clientId,
    albHost: lb.dnsName,
    albArn: lb.arn,
    region: summary.region,
  };
}

/** The real simulator with a browser on its virtual clock, and the ids an ALB test needs. */
export async function simLab(options: { world?: WorldConfig; seed?: number } = {}) {
  const sim = await createSimulator({ seed: options.seed ?? 11, startTime: START, ...(options.world ? { world: options.world } : {}) });
  const summary = sim.describe();
  const pool = summary.userPools[0]!;
  const lb = summary.loadBalancers[0]!;
  return {
    sim,
    browser: createBrowser({ fetch: (r, i) => sim.fetch(r, i), now: () => sim.clock.now() }),
    albHost: lb.dnsName,
    albArn: lb.arn,
    albClientId: pool.clients.find((c) => c.name === 'alb')!.clientId,
    issuer: `https://cognito-idp.${summary.region}.amazonaws.com/${pool.id}`,
    domainHost: `${pool.domain}.auth.${summary.region}.amazoncognito.com`,
    region: summary.region,
  };
}

/** The default world with its first load balancer changed by `change` (a deep copy). */
export function albWorld(change: (lb: WorldConfig['loadBalancers'][number]) => void): WorldConfig {
  const world = structuredClone(defaultWorld);
  change(world.loadBalancers[0]!);
  return world;
}

/** The default world with LearnerPool's alb app client changed by `change` (a deep copy). */
export function worldWithAlbClient(change: (client: WorldConfig['userPools'][number]['clients'][number]) => void): WorldConfig {
  const world = structuredClone(defaultWorld);
  change(world.userPools[0]!.clients.find((c) => c.name === 'alb')!);
  return world;
}

/** The sign-in form of a hosted UI page: its absolute action URL and its hidden fields (a CSRF token, if any). */
export { readForm as loginForm };

/** Browses to `path` on the load balancer and, on the hosted UI's login page, signs in as a demo user. */
export async function signInAtAlb(lab: Awaited<ReturnType<typeof simLab>>, path: string, username: keyof typeof DEMO_PASSWORDS = 'alice'): Promise<Response> {
  const page = await lab.browser.get(`https://${lab.albHost}${path}`);
  if (new URL(lab.browser.urlOf(page)).pathname !== '/login') return page;
  const form = readForm(await page.text(), lab.browser.urlOf(page));
  return lab.browser.submitForm(form.action, { ...form.hidden, username, password: DEMO_PASSWORDS[username] });
}
