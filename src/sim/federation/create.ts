// The simulated Google and Facebook, and what the world's owner set up with them: the OAuth apps registered there,
// whose ids and secrets go into each user pool's provider (ProviderDetails, as CreateIdentityProvider stores them
// [V BOTO IdentityProviderType.ProviderDetails: client_id, client_secret, authorize_scopes; Facebook api_version]) and
// into each identity pool's SupportedLoginProviders (the web app's Google client id and Facebook app id), and the
// identity pool's login providers that verify Google and Facebook tokens for real.
import type { Clock } from '../core/clock';
import type { Random } from '../core/random';
import type { Service } from '../core/router';
import type { UserPool } from '../user-pool/model';
import type { IdentityPoolEnv } from '../identity-pool/env';
import { facebookLoginProvider, FACEBOOK_LOGIN_KEY } from '../identity-pool/providers/facebook-login';
import { googleLoginProvider, GOOGLE_LOGIN_KEY } from '../identity-pool/providers/google-login';
import { createFederationApps, type FederationApps } from './apps';
import { createFacebookService } from './facebook/service';
import { GRAPH_VERSION, type FacebookEnv } from './facebook/env';
import type { GoogleEnv } from './google/env';
import { createGoogleKeys } from './google/keys';
import { createGoogleService } from './google/service';

export interface FederationDeps {
  region: string;
  /** A random source of the federation's own (ids and secrets must not shift the rest of the world's). */
  random: Random;
  clock: Clock;
  pools: Iterable<UserPool>;
}

export interface Federation {
  apps: FederationApps;
  services: Service[];
  /** Lists the web app's ids in the identity pools that take Google or Facebook, and verifies their tokens. */
  connectIdentityPools(env: IdentityPoolEnv): void;
}

/** [V COGDOC cognito-user-pools-social-idp.md] the scopes Cognito asks each provider for by default. */
const AUTHORIZE_SCOPES = { Google: 'profile email openid', Facebook: 'public_profile,email' } as const;

export function createFederation(deps: FederationDeps): Federation {
  const pools = [...deps.pools];
  const apps = createFederationApps(
    deps.random,
    pools.map((p) => ({
      id: p.id,
      name: p.name,
      ...(p.domain ? { hostedUiHost: `${p.domain}.auth.${deps.region}.amazoncognito.com` } : {}),
      providerTypes: p.identityProviders.map((i) => i.type),
      callbackUrls: [...p.clients.values()].flatMap((c) => c.callbackUrls),
    })),
  );
  for (const pool of pools) {
    for (const provider of pool.identityProviders) {
      if (provider.type !== 'Google' && provider.type !== 'Facebook') continue;
      const app = (provider.type === 'Google' ? apps.google : apps.facebook).forPool(pool.id);
      if (!app) continue;
      provider.providerDetails = {
        client_id: app.clientId,
        client_secret: app.clientSecret,
        authorize_scopes: AUTHORIZE_SCOPES[provider.type],
        ...(provider.type === 'Facebook' ? { api_version: GRAPH_VERSION } : {}),
      };
    }
  }
  const google: GoogleEnv = { clock: deps.clock, random: deps.random, apps: apps.google, keys: createGoogleKeys(deps.random), sessions: new Map(), codes: new Map(), accessTokens: new Map() };
  const facebook: FacebookEnv = { clock: deps.clock, random: deps.random, apps: apps.facebook, sessions: new Map(), codes: new Map(), tokens: new Map() };
  return {
    apps,
    services: [createGoogleService(google), createFacebookService(facebook)],
    connectIdentityPools(env) {
      for (const pool of env.pools.values()) {
        if (GOOGLE_LOGIN_KEY in pool.supportedLoginProviders) pool.supportedLoginProviders[GOOGLE_LOGIN_KEY] = apps.google.web.clientId;
        if (FACEBOOK_LOGIN_KEY in pool.supportedLoginProviders) pool.supportedLoginProviders[FACEBOOK_LOGIN_KEY] = apps.facebook.web.clientId;
      }
      env.providers.register(googleLoginProvider);
      env.providers.register(facebookLoginProvider);
    },
  };
}
