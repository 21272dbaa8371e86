// The Facebook Login dialog, https://www.facebook.com/{version}/dialog/oauth [V developers.facebook.com/docs/
// facebook-login/guides/advanced/manual-flow]: client_id (the app id), redirect_uri (exactly one of the app's Valid
// OAuth Redirect URIs), state, response_type (code, or token for the browser), scope (permissions, comma-separated).
// A user who logs in goes back with ?code=…&state=…; one who cancels with
// ?error_reason=user_denied&error=access_denied&error_description=Permissions+error. [P] Facebook appends "#_=_" to
// the redirect when it has no fragment of its own (a long-standing quirk apps strip).
import { toBase64Url } from '../../../lib/encoding';
import type { ServiceContext } from '../../core/router';
import { html, redirect, withFragment, withQuery } from '../../hosted-ui/responses';
import { facebookAccountByEmail, facebookAccountById } from '../accounts';
import { cookieOf, formOf, idpNote, idpSessionCookie, redirectAllowed } from '../idp-http';
import { FACEBOOK_CODE_VALIDITY_MS, FACEBOOK_SESSION_COOKIE, FACEBOOK_SESSION_MS, FACEBOOK_SHORT_TOKEN_S, type FacebookDialogRequest, type FacebookEnv } from './env';
import { facebookErrorPage, facebookLoginPage } from './pages';
import { newAccessToken } from './tokens';

type Checked = { ok: true; request: FacebookDialogRequest; appName: string } | { ok: false; response: Response };

function errorPage(call: ServiceContext, title: string, message: string): Checked {
  idpNote(call, 'Facebook', 'idp-sign-in', 'refused', `Facebook refuses the dialog: ${message} It shows an error page and redirects nowhere.`);
  return { ok: false, response: html(400, facebookErrorPage(title, message)) };
}

function check(env: FacebookEnv, call: ServiceContext, params: URLSearchParams): Checked {
  const appId = params.get('client_id') ?? '';
  const app = env.apps.find(appId);
  if (!app) return errorPage(call, 'Invalid App ID', 'The provided app ID does not look like a valid app ID.');
  const redirectUri = params.get('redirect_uri');
  if (!redirectAllowed(app.redirectUris, redirectUri)) {
    return errorPage(call, 'URL blocked', "This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings. Make sure Client and Web OAuth Login are on and add all your app domains as Valid OAuth Redirect URIs.");
  }
  const responseType = params.get('response_type') ?? 'code';
  if (responseType !== 'code' && responseType !== 'token') return errorPage(call, 'Error', `response_type ${responseType} is not supported.`);
  const asked = (params.get('scope') ?? '').split(/[\s,+]+/).filter(Boolean);
  const permissions = ['public_profile', ...asked.filter((p) => p === 'email')];
  const state = params.get('state') ?? undefined;
  return { ok: true, appName: app.name, request: { appId, redirectUri, responseType, permissions, ...(state !== undefined ? { state } : {}) } };
}

function dialogFields(request: FacebookDialogRequest): Record<string, string> {
  return { client_id: request.appId, redirect_uri: request.redirectUri, response_type: request.responseType, scope: request.permissions.join(','), ...(request.state !== undefined ? { state: request.state } : {}) };
}

/** Back to the app with a code (or, response_type=token, a short-lived token in the fragment). */
function finish(env: FacebookEnv, call: ServiceContext, request: FacebookDialogRequest, userId: string, setCookies: string[] = []): Response {
  const name = facebookAccountById(userId)!.name;
  if (request.responseType === 'token') {
    const token = newAccessToken(env, { userId, appId: request.appId, permissions: request.permissions, lifetimeS: FACEBOOK_SHORT_TOKEN_S });
    idpNote(call, 'Facebook', 'idp-sign-in', 'ok', `Facebook puts a short-lived user access token for ${name} in the URL fragment: the app's page reads it; it is opaque, so only Facebook's Graph API can say whose it is.`, { subject: userId });
    return redirect(withFragment(request.redirectUri, { access_token: token, data_access_expiration_time: String(Math.floor(env.clock.now() / 1000) + 90 * 86_400), expires_in: String(FACEBOOK_SHORT_TOKEN_S), state: request.state }), setCookies);
  }
  const code = `AQ${toBase64Url(env.random.bytes(180))}`;
  env.codes.set(code, { request, userId, expiresAt: env.clock.now() + FACEBOOK_CODE_VALIDITY_MS, used: false });
  idpNote(call, 'Facebook', 'idp-sign-in', 'ok', `Facebook sends ${name} back to ${new URL(request.redirectUri).host} with a one-time code; the app's server trades it for an access token with the app secret.`, { subject: userId });
  return redirect(`${withQuery(request.redirectUri, { code, state: request.state })}#_=_`, setCookies);
}

/** GET /dialog/oauth and /{version}/dialog/oauth */
export async function facebookDialog(env: FacebookEnv, call: ServiceContext): Promise<Response> {
  const checked = check(env, call, call.url.searchParams);
  if (!checked.ok) return checked.response;
  const id = cookieOf(call, FACEBOOK_SESSION_COOKIE);
  const session = id ? env.sessions.get(id) : undefined;
  if (session && env.clock.now() < session.expiresAt) {
    idpNote(call, 'Facebook', 'idp-sign-in', 'ok', `The browser is logged in to Facebook (the xs cookie) as ${facebookAccountById(session.userId)!.name}, who already allowed ${checked.appName}: no dialog.`, { subject: session.userId });
    return finish(env, call, checked.request, session.userId);
  }
  idpNote(call, 'Facebook', 'idp-sign-in', 'ok', `Facebook shows its Login dialog for ${checked.appName}. The password goes to Facebook only.`);
  return html(200, facebookLoginPage({ appName: checked.appName, dialog: dialogFields(checked.request) }));
}

/** POST /login/oauth: the dialog's Log in or Cancel. */
export async function facebookLogin(env: FacebookEnv, call: ServiceContext): Promise<Response> {
  const form = formOf(call);
  const checked = check(env, call, form);
  if (!checked.ok) return checked.response;
  const { request } = checked;
  if (form.get('action') === 'cancel') {
    idpNote(call, 'Facebook', 'idp-sign-in', 'refused', 'The user chose Cancel in the Facebook Login dialog: Facebook sends the browser back with error=access_denied (error_reason=user_denied) and no code.');
    return redirect(`${withQuery(request.redirectUri, { error: 'access_denied', error_code: '200', error_description: 'Permissions error', error_reason: 'user_denied', state: request.state })}#_=_`);
  }
  const email = form.get('email') ?? '';
  const account = facebookAccountByEmail(email);
  const again = (error: string, summary: string) => {
    idpNote(call, 'Facebook', 'idp-sign-in', 'refused', summary);
    return html(200, facebookLoginPage({ appName: checked.appName, dialog: dialogFields(request), email, error }));
  };
  if (!account) return again("The email address you entered isn't connected to an account.", `Facebook has no account ${email || '(none given)'}; it asks again.`);
  if ((form.get('pass') ?? '') !== account.password) return again("The password that you've entered is incorrect.", `Wrong password for ${account.email}; Facebook asks again.`);
  const now = env.clock.now();
  const sessionId = toBase64Url(env.random.bytes(32));
  env.sessions.set(sessionId, { userId: account.id, expiresAt: now + FACEBOOK_SESSION_MS });
  return finish(env, call, request, account.id, [idpSessionCookie(FACEBOOK_SESSION_COOKIE, sessionId, now + FACEBOOK_SESSION_MS, now)]);
}
