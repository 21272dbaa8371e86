// A learner's-eye harness for federation: a simulator from a seed, the learner's browser (src/client/browser.ts, one
// hop at a time), the hosted UI's authorize URL, the apps registered at Google and Facebook as far as an outsider can
// learn them (the pool's ProviderDetails for the hosted UI's apps, the identity pool's SupportedLoginProviders for the
// web app's ids), and the sign-in forms filled in as a user fills them.
import { createBrowser, type Browser } from '../client/browser';
import { readForm } from '../client/html-form';
import { createSimulator, internalsOf, type WorldConfig } from '../sim/index';
import { FACEBOOK_ACCOUNTS, GOOGLE_ACCOUNTS } from '../sim/federation/accounts';

export const START = Date.UTC(2026, 0, 1, 12, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const CALLBACK = 'https://app.learner-lab.example/callback';
export const GINA = GOOGLE_ACCOUNTS[0]!;
export const GLEN = GOOGLE_ACCOUNTS[1]!;
export const FIONA = FACEBOOK_ACCOUNTS[0]!;

export async function federationLab(options: { seed?: number; world?: WorldConfig } = {}) {
  const sim = await createSimulator({ seed: options.seed ?? 11, startTime: START, ...(options.world ? { world: options.world } : {}) });
  const summary = sim.describe().userPools[0]!;
  const pool = () => internalsOf(sim).env.pools.get(summary.id)!;
  const details = (name: string) => pool().identityProviders.find((p) => p.name === name)!.providerDetails!;
  const identityPool = [...internalsOf(sim).identityPools.pools.values()][0]!;
  const domain = `https://${summary.domain}.auth.us-east-1.amazoncognito.com`;
  const web = summary.clients.find((c) => c.name === 'web')!.clientId;
  const newBrowser = (): Browser => createBrowser({ fetch: sim.fetch, now: () => sim.clock.now() });
  return {
    sim,
    poolId: summary.id,
    issuer: `https://cognito-idp.us-east-1.amazonaws.com/${summary.id}`,
    domain,
    idpResponse: `${domain}/oauth2/idpresponse`,
    web,
    identityPoolId: identityPool.id,
    /** The hosted UI's own Google client and Facebook app (ProviderDetails of the pool's providers). */
    hostedUiGoogle: { clientId: details('Google').client_id!, secret: details('Google').client_secret! },
    hostedUiFacebook: { appId: details('Facebook').client_id!, secret: details('Facebook').client_secret! },
    /** The learner's web app at Google and Facebook, as the identity pool lists it. */
    webGoogleClientId: identityPool.supportedLoginProviders['accounts.google.com']!,
    webFacebookAppId: identityPool.supportedLoginProviders['graph.facebook.com']!,
    pool,
    newBrowser,
    authorizeUrl(params: Record<string, string | undefined> = {}): string {
      const all: Record<string, string | undefined> = { response_type: 'code', client_id: web, redirect_uri: CALLBACK, state: 'st-123', scope: 'openid email profile', ...params };
      const query = new URLSearchParams();
      for (const [k, v] of Object.entries(all)) if (v !== undefined) query.set(k, v);
      return `${domain}/oauth2/authorize?${query.toString()}`;
    },
  };
}

export type FederationLab = Awaited<ReturnType<typeof federationLab>>;

/** Fills in and submits the sign-in form on an identity provider's page (one hop, not followed). */
export async function submitIdpForm(browser: Browser, page: Response, fields: Record<string, string>): Promise<Response> {
  const form = readForm(await page.text(), browser.urlOf(page));
  return browser.request(form.action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...form.hidden, ...fields }).toString() });
}

export const googleLogin = (account = GINA) => ({ identifier: account.email, Passwd: account.password });
export const facebookLogin = (account = FIONA) => ({ email: account.email, pass: account.password });

export const locationOf = (response: Response): URL => new URL(response.headers.get('location')!);

/** The parameters of a URL's query, or of its fragment. */
export function paramsOf(url: URL | string, from: 'query' | 'fragment' = 'query'): URLSearchParams {
  const u = typeof url === 'string' ? new URL(url) : url;
  return new URLSearchParams(from === 'query' ? u.search : u.hash.slice(1));
}

/** The web app's own Google sign-in (implicit flow): a Google ID token for the web client, for an identity pool. */
export async function googleIdTokenForWebApp(lab: FederationLab, account = GINA, nonce = 'n-0S6_WzA2Mj'): Promise<string> {
  const browser = lab.newBrowser();
  const query = new URLSearchParams({ client_id: lab.webGoogleClientId, redirect_uri: CALLBACK, response_type: 'id_token', scope: 'openid email profile', nonce, state: 'w1' });
  const page = await browser.request(`https://accounts.google.com/o/oauth2/v2/auth?${query.toString()}`);
  const back = await submitIdpForm(browser, page, googleLogin(account));
  return paramsOf(locationOf(back), 'fragment').get('id_token')!;
}

/** The web app's own Facebook login (response_type=token): a user access token of the web app. */
export async function facebookTokenForWebApp(lab: FederationLab, account = FIONA): Promise<string> {
  const browser = lab.newBrowser();
  const query = new URLSearchParams({ client_id: lab.webFacebookAppId, redirect_uri: CALLBACK, response_type: 'token', scope: 'public_profile,email', state: 'w2' });
  const page = await browser.request(`https://www.facebook.com/v17.0/dialog/oauth?${query.toString()}`);
  const back = await submitIdpForm(browser, page, facebookLogin(account));
  return paramsOf(locationOf(back), 'fragment').get('access_token')!;
}

/** A Google ID token issued to the hosted UI's client (its aud is not the web app's), got as Cognito gets one. */
export async function googleIdTokenForHostedUi(lab: FederationLab, account = GINA): Promise<string> {
  const browser = lab.newBrowser();
  const query = new URLSearchParams({ client_id: lab.hostedUiGoogle.clientId, redirect_uri: lab.idpResponse, response_type: 'code', scope: 'openid email profile', state: 'h1' });
  const back = await submitIdpForm(browser, await browser.request(`https://accounts.google.com/o/oauth2/v2/auth?${query.toString()}`), googleLogin(account));
  const code = paramsOf(locationOf(back)).get('code')!;
  const form = new URLSearchParams({ grant_type: 'authorization_code', code, client_id: lab.hostedUiGoogle.clientId, client_secret: lab.hostedUiGoogle.secret, redirect_uri: lab.idpResponse });
  const response = await lab.sim.fetch(new Request('https://oauth2.googleapis.com/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() }));
  return ((await response.json()) as { id_token: string }).id_token;
}
