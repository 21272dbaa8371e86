// The apps the world's owner registered at Google and Facebook. Each user pool with a hosted UI domain and a Google
// (or Facebook) identity provider has its own OAuth client there, whose only redirect URI is the pool's
// https://{domain}/oauth2/idpresponse [V COGDOC cognito-user-pools-social-idp.md: "Authorized redirect URIs … enter
// https://your-user-pool-domain/oauth2/idpresponse"]; its id and secret are what the pool's ProviderDetails hold.
// A separate "web app" client serves the learner's own app, which signs users in with Google or Facebook itself and
// hands the token straight to an identity pool; its id is what the identity pool lists for accounts.google.com and
// graph.facebook.com. Ids and secrets come from a seeded random source of their own, so adding them changes no other
// id of the world. Formats: Google client ids are "{project number}-{32 characters}.apps.googleusercontent.com" and
// secrets "GOCSPX-…" [P developers.google.com OAuth client docs and widely seen values]; Facebook app ids are 15–16
// digits and app secrets 32 hexadecimal characters [P].
import type { Random } from '../core/random';
import { LOWER_ALPHANUMERIC } from '../core/random';

export interface OAuthApp {
  /** Google's client_id or Facebook's app id. */
  clientId: string;
  clientSecret: string;
  /** The name the consent screen shows. */
  name: string;
  /** Exact-match redirect URIs. */
  redirectUris: string[];
  /** The user pool whose hosted UI this client is; absent for the learner's web app. */
  userPoolId?: string;
}

export interface IdpApps {
  apps: OAuthApp[];
  web: OAuthApp;
  find(clientId: string): OAuthApp | undefined;
  forPool(userPoolId: string): OAuthApp | undefined;
}

export interface FederationApps {
  google: IdpApps;
  facebook: IdpApps;
}

/** What the apps are made from: each pool's id, name, hosted UI host (if any), provider types and app callback URLs. */
export interface PoolForApps {
  id: string;
  name: string;
  hostedUiHost?: string;
  providerTypes: string[];
  callbackUrls: string[];
}

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function idpApps(apps: OAuthApp[], web: OAuthApp): IdpApps {
  const all = [...apps, web];
  return { apps: all, web, find: (id) => all.find((a) => a.clientId === id), forPool: (poolId) => apps.find((a) => a.userPoolId === poolId) };
}

export function createFederationApps(random: Random, pools: readonly PoolForApps[]): FederationApps {
  const appCallbacks = [...new Set(pools.flatMap((p) => p.callbackUrls))];
  const project = random.digits(12).replace(/^0/, '1');
  const googleClient = (name: string, redirectUris: string[], userPoolId?: string): OAuthApp => ({
    clientId: `${project}-${random.string(LOWER_ALPHANUMERIC, 32)}.apps.googleusercontent.com`,
    clientSecret: `GOCSPX-${random.string(SECRET_ALPHABET, 28)}`,
    name,
    redirectUris,
    ...(userPoolId ? { userPoolId } : {}),
  });
  const facebookApp = (name: string, redirectUris: string[], userPoolId?: string): OAuthApp => ({
    clientId: `1${random.digits(14)}`,
    clientSecret: random.string('0123456789abcdef', 32),
    name,
    redirectUris,
    ...(userPoolId ? { userPoolId } : {}),
  });
  const withDomain = (type: string) => pools.filter((p) => p.hostedUiHost !== undefined && p.providerTypes.includes(type));
  const idpResponse = (p: PoolForApps) => [`https://${p.hostedUiHost}/oauth2/idpresponse`];
  // [P] Google's consent screen names an app without a verified brand by its redirect domain.
  const googlePools = withDomain('Google').map((p) => googleClient(p.hostedUiHost!, idpResponse(p), p.id));
  const googleWeb = googleClient('Learner Lab web app', appCallbacks);
  const facebookPools = withDomain('Facebook').map((p) => facebookApp(`${p.name} sign-in`, idpResponse(p), p.id));
  const facebookWeb = facebookApp('Learner Lab web app', appCallbacks);
  return { google: idpApps(googlePools, googleWeb), facebook: idpApps(facebookPools, facebookWeb) };
}
