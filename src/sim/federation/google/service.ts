// The simulated Google on its real hosts: accounts.google.com (the sign-in page, the authorization endpoint and the
// OpenID discovery document), oauth2.googleapis.com (the token endpoint) and www.googleapis.com (the JWKS at
// /oauth2/v3/certs and the userinfo endpoint at /oauth2/v3/userinfo) [V developers.google.com/identity/openid-connect:
// the discovery document at https://accounts.google.com/.well-known/openid-configuration names these endpoints].
import type { Service, ServiceContext } from '../../core/router';
import { html, json } from '../../hosted-ui/responses';
import { messagePage } from '../../hosted-ui/pages';
import { googleAccountBySub } from '../accounts';
import { idpNote } from '../idp-http';
import { googleAuthorize, googleSignIn } from './authorize';
import { GOOGLE_ISSUER, type GoogleEnv } from './env';
import { googleToken } from './token';

export const GOOGLE_HOSTS = ['accounts.google.com', 'oauth2.googleapis.com', 'www.googleapis.com'] as const;
export const GOOGLE_AUTHORIZE_URL = 'https://accounts.google.com/o/oauth2/v2/auth';
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const GOOGLE_JWKS_URL = 'https://www.googleapis.com/oauth2/v3/certs';
const USERINFO_URL = 'https://www.googleapis.com/oauth2/v3/userinfo';

type Route = (env: GoogleEnv, call: ServiceContext) => Promise<Response>;

const discovery: Route = async () =>
  json(200, {
    issuer: GOOGLE_ISSUER,
    authorization_endpoint: GOOGLE_AUTHORIZE_URL,
    token_endpoint: GOOGLE_TOKEN_URL,
    userinfo_endpoint: USERINFO_URL,
    jwks_uri: GOOGLE_JWKS_URL,
    response_types_supported: ['code', 'token', 'id_token', 'code token', 'code id_token', 'token id_token', 'code token id_token', 'none'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'email', 'profile'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    claims_supported: ['aud', 'email', 'email_verified', 'exp', 'family_name', 'given_name', 'iat', 'iss', 'name', 'picture', 'sub'],
  });

const certs: Route = async (env, call) => {
  const jwks = await env.keys.jwks();
  idpNote(call, 'Google', 'idp-token', 'ok', `Google publishes its public keys (${jwks.keys.map((k) => String(k.kid).slice(0, 8)).join(', ')}…): whoever receives a Google ID token checks its signature with the key its kid names.`);
  return json(200, jwks, { 'cache-control': 'public, max-age=21600, must-revalidate, no-transform' });
};

/** [V openid-connect docs] userinfo answers the OIDC claims of the access token's account. */
const userinfo: Route = async (env, call) => {
  const token = /^Bearer\s+(\S+)$/i.exec(call.headers.get('authorization') ?? '')?.[1] ?? '';
  const record = env.accessTokens.get(token);
  if (!record || env.clock.now() >= record.expiresAt) {
    idpNote(call, 'Google', 'idp-token', 'refused', 'The bearer token is not a live Google access token.');
    return json(401, { error: 'invalid_request', error_description: 'Invalid Credentials' }, { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' });
  }
  const account = googleAccountBySub(record.sub)!;
  return json(200, {
    sub: account.sub,
    ...(record.scopes.includes('profile') ? { name: account.name, given_name: account.givenName, family_name: account.familyName, picture: account.picture } : {}),
    ...(record.scopes.includes('email') ? { email: account.email, email_verified: account.emailVerified } : {}),
  });
};

const ROUTES: Record<string, Record<string, Partial<Record<string, Route>>>> = {
  'accounts.google.com': {
    '/o/oauth2/v2/auth': { GET: googleAuthorize },
    '/signin/oauth': { POST: googleSignIn },
    '/.well-known/openid-configuration': { GET: discovery },
  },
  'oauth2.googleapis.com': { '/token': { POST: googleToken } },
  'www.googleapis.com': { '/oauth2/v3/certs': { GET: certs }, '/oauth2/v3/userinfo': { GET: userinfo } },
};

export function createGoogleService(env: GoogleEnv): Service {
  return {
    actor: 'google',
    handles: (host) => (GOOGLE_HOSTS as readonly string[]).includes(host),
    async handle(call) {
      const route = ROUTES[call.url.hostname.toLowerCase()]?.[call.url.pathname]?.[call.method];
      if (!route) return html(404, messagePage('Not Found', `The requested URL ${call.url.pathname} was not found on this server.`));
      return route(env, call);
    },
  };
}
