// Google's authorization endpoint, https://accounts.google.com/o/oauth2/v2/auth, and its sign-in form [V developers.
// google.com/identity/protocols/oauth2/web-server and openid-connect]: an unknown client_id or a redirect_uri that is
// not registered for it ends on Google's error page (Error 401: invalid_client, Error 400: redirect_uri_mismatch),
// never on a redirect; a user who cancels goes back with error=access_denied; a user who signs in goes back with a
// one-time code (response_type=code) or, for the implicit flow, with tokens in the fragment (id_token needs a nonce).
// A browser that already holds a Google session is not asked again (unless prompt asks for it).
import type { ServiceContext } from '../../core/router';
import { html, redirect, withFragment, withQuery } from '../../hosted-ui/responses';
import { toBase64Url } from '../../../lib/encoding';
import { googleAccountByEmail, googleAccountBySub } from '../accounts';
import { cookieOf, formOf, idpNote, idpSessionCookie, redirectAllowed } from '../idp-http';
import { GOOGLE_CODE_VALIDITY_MS, GOOGLE_SESSION_COOKIE, GOOGLE_SESSION_MS, type GoogleAuthRequest, type GoogleEnv, type GoogleScope } from './env';
import { googleErrorPage, googleSignInPage } from './pages';
import { grantedScope, issueGoogleTokens } from './tokens';

const SCOPES: Record<string, GoogleScope> = {
  openid: 'openid',
  email: 'email',
  profile: 'profile',
  'https://www.googleapis.com/auth/userinfo.email': 'email',
  'https://www.googleapis.com/auth/userinfo.profile': 'profile',
};
const RESPONSE_TYPES = new Set(['code', 'token', 'id_token']);

type Checked = { ok: true; request: GoogleAuthRequest; appName: string } | { ok: false; response: Response };

function errorPage(call: ServiceContext, status: number, error: string, explanation: string): Checked {
  idpNote(call, 'Google', 'idp-sign-in', 'refused', `Google refuses the request (${error}): ${explanation} It shows its error page and sends the browser nowhere.`);
  return { ok: false, response: html(status, googleErrorPage(status, error, explanation)) };
}

/** Checks an authorization request, from the query (GET) or from the sign-in form's hidden fields (POST). */
function check(env: GoogleEnv, call: ServiceContext, params: URLSearchParams): Checked {
  const clientId = params.get('client_id') ?? '';
  const app = env.apps.find(clientId);
  if (!app) return errorPage(call, 401, 'invalid_client', `The OAuth client was not found. (client_id ${clientId || 'missing'})`);
  const redirectUri = params.get('redirect_uri');
  if (!redirectAllowed(app.redirectUris, redirectUri)) {
    return errorPage(call, 400, 'redirect_uri_mismatch', `You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy: the redirect URI ${redirectUri ?? '(none)'} is not registered for the client ${app.name}.`);
  }
  const types = (params.get('response_type') ?? '').split(' ').filter(Boolean);
  if (types.length === 0) return errorPage(call, 400, 'invalid_request', 'Required parameter is missing: response_type');
  if (types.some((t) => !RESPONSE_TYPES.has(t))) return errorPage(call, 400, 'unsupported_response_type', `Invalid response_type: ${params.get('response_type')}`);
  const scopeWords = (params.get('scope') ?? '').split(/[\s+]+/).filter(Boolean);
  if (scopeWords.length === 0) return errorPage(call, 400, 'invalid_request', 'Missing required parameter: scope');
  const unknown = scopeWords.filter((s) => !(s in SCOPES));
  if (unknown.length > 0) return errorPage(call, 400, 'invalid_scope', `Some requested scopes were invalid: ${unknown.join(' ')}`);
  const scopes = [...new Set(scopeWords.map((s) => SCOPES[s]!))];
  if (types.includes('id_token') && !scopes.includes('openid')) return errorPage(call, 400, 'invalid_request', 'response_type id_token needs the openid scope.');
  const nonce = params.get('nonce') ?? undefined;
  // [V openid-connect docs] the implicit flow's ID token must carry the nonce the app chose.
  if (types.includes('id_token') && !types.includes('code') && nonce === undefined) return errorPage(call, 400, 'invalid_request', 'Missing required parameter: nonce');
  const state = params.get('state') ?? undefined;
  const prompt = params.get('prompt') ?? undefined;
  return {
    ok: true,
    appName: app.name,
    request: { clientId, redirectUri, responseTypes: types as GoogleAuthRequest['responseTypes'], scopes, ...(state !== undefined ? { state } : {}), ...(nonce !== undefined ? { nonce } : {}), ...(prompt !== undefined ? { prompt } : {}) },
  };
}

/** The request's parameters, to carry through the sign-in form. */
function oauthFields(request: GoogleAuthRequest): Record<string, string> {
  const fields: Record<string, string> = { client_id: request.clientId, redirect_uri: request.redirectUri, response_type: request.responseTypes.join(' '), scope: request.scopes.join(' ') };
  if (request.state !== undefined) fields.state = request.state;
  if (request.nonce !== undefined) fields.nonce = request.nonce;
  return fields;
}

/** Back to the app: a code in the query, or tokens in the fragment. */
async function finish(env: GoogleEnv, call: ServiceContext, request: GoogleAuthRequest, sub: string, authTime: number, setCookies: string[] = []): Promise<Response> {
  const account = googleAccountBySub(sub)!;
  if (request.responseTypes.includes('code')) {
    // [P] Google's codes look like "4/0A…".
    const code = `4/0A${toBase64Url(env.random.bytes(54))}`;
    env.codes.set(code, { code, request, sub, authTime, expiresAt: env.clock.now() + GOOGLE_CODE_VALIDITY_MS, used: false });
    idpNote(call, 'Google', 'idp-sign-in', 'ok', `Google sends ${account.name} back to ${new URL(request.redirectUri).host} with a one-time authorization code. Only the client that holds the secret can trade it for tokens, at oauth2.googleapis.com/token.`, { subject: sub });
    return redirect(withQuery(request.redirectUri, { state: request.state, code, scope: grantedScope(request.scopes), authuser: '0', prompt: 'none' }), setCookies);
  }
  const tokens = await issueGoogleTokens(env, call, {
    clientId: request.clientId,
    sub,
    scopes: request.scopes,
    withAccessToken: request.responseTypes.includes('token'),
    withIdToken: request.responseTypes.includes('id_token'),
    ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
  });
  idpNote(call, 'Google', 'idp-sign-in', 'ok', `Implicit flow: Google puts ${request.responseTypes.includes('id_token') ? "the ID token" : 'the access token'} for ${account.name} in the URL fragment, which the browser keeps to itself; the app's page reads it.`, { subject: sub });
  return redirect(
    withFragment(request.redirectUri, {
      state: request.state,
      ...(request.responseTypes.includes('token') ? { access_token: tokens.accessToken, token_type: 'Bearer', expires_in: String(tokens.expiresIn) } : {}),
      scope: tokens.scope,
      ...(tokens.idToken ? { id_token: tokens.idToken } : {}),
      authuser: '0',
      prompt: 'none',
    }),
    setCookies,
  );
}

function currentSession(env: GoogleEnv, call: ServiceContext) {
  const id = cookieOf(call, GOOGLE_SESSION_COOKIE);
  const session = id ? env.sessions.get(id) : undefined;
  return session && env.clock.now() < session.expiresAt ? session : undefined;
}

/** GET /o/oauth2/v2/auth */
export async function googleAuthorize(env: GoogleEnv, call: ServiceContext): Promise<Response> {
  const checked = check(env, call, call.url.searchParams);
  if (!checked.ok) return checked.response;
  const { request } = checked;
  const session = currentSession(env, call);
  const forcePrompt = /\b(login|select_account|consent)\b/.test(request.prompt ?? '');
  if (session && !forcePrompt) {
    idpNote(call, 'Google', 'idp-sign-in', 'ok', `The browser holds a Google session (the SID cookie) for ${googleAccountBySub(session.sub)!.name}: Google does not ask again.`, { subject: session.sub });
    return finish(env, call, request, session.sub, session.authTime);
  }
  idpNote(call, 'Google', 'idp-sign-in', 'ok', `Google shows its own sign-in page for ${checked.appName}. The password goes to Google only: neither the app nor Cognito ever sees it.`);
  return html(200, googleSignInPage({ appName: checked.appName, oauth: oauthFields(request) }));
}

/** POST /signin/oauth: the sign-in form's Next or Cancel. */
export async function googleSignIn(env: GoogleEnv, call: ServiceContext): Promise<Response> {
  const form = formOf(call);
  const checked = check(env, call, form);
  if (!checked.ok) return checked.response;
  const { request } = checked;
  if (form.get('action') === 'cancel') {
    idpNote(call, 'Google', 'idp-sign-in', 'refused', 'The user chose Cancel at Google: Google sends the browser back with error=access_denied and no code.');
    return redirect(withQuery(request.redirectUri, { error: 'access_denied', state: request.state }));
  }
  const email = form.get('identifier') ?? '';
  const account = googleAccountByEmail(email);
  const again = (error: string, summary: string) => {
    idpNote(call, 'Google', 'idp-sign-in', 'refused', summary);
    return html(200, googleSignInPage({ appName: checked.appName, oauth: oauthFields(request), email, error }));
  };
  // [P] Google's own wording on its sign-in pages.
  if (!account) return again("Couldn't find your Google Account", `Google has no account ${email || '(none given)'}; it asks again.`);
  if ((form.get('Passwd') ?? '') !== account.password) return again('Wrong password. Try again or click Forgot password to reset it.', `Wrong password for ${account.email}; Google asks again.`);
  const now = env.clock.now();
  const sessionId = toBase64Url(env.random.bytes(48));
  env.sessions.set(sessionId, { sub: account.sub, authTime: now, expiresAt: now + GOOGLE_SESSION_MS });
  const cookie = idpSessionCookie(GOOGLE_SESSION_COOKIE, sessionId, now + GOOGLE_SESSION_MS, now);
  return finish(env, call, request, account.sub, now, [cookie]);
}
