// What the app clients form checks beyond validateWorld (which checks names, token lifetimes, the auth session,
// the OAuth grants, scopes, and callback and sign-out URLs): that the OpenID Connect scopes come with openid.
import type { AppClientConfig, TimeUnit } from '../../../sim/world/config';
import type { Issues } from './checks';

/** AWS's defaults when a client leaves them out. [V BOTO CreateUserPoolClient; aws-behaviour.md §2.5] */
export const CLIENT_DEFAULTS = {
  idTokenValidity: 1,
  accessTokenValidity: 1,
  refreshTokenValidity: 30,
  units: { IdToken: 'hours', AccessToken: 'hours', RefreshToken: 'days' } as Record<'IdToken' | 'AccessToken' | 'RefreshToken', TimeUnit>,
  authSessionValidity: 3,
};

export const SYSTEM_SCOPES = ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'];

export function checkClients(clients: readonly AppClientConfig[], scope: string): Issues {
  const issues: Issues = [];
  clients.forEach((c, i) => {
    const scopes = c.allowedOAuthScopes ?? [];
    // [V COGDOC authorization-endpoint.md] phone, email and profile are returned only with openid.
    if (scopes.some((s) => ['email', 'phone', 'profile'].includes(s)) && !scopes.includes('openid')) {
      issues.push({ path: `${scope}.clients[${i}].allowedOAuthScopes`, message: 'The email, phone and profile scopes need the openid scope too.' });
    }
  });
  return issues;
}
