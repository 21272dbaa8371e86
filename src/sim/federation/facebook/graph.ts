// The Graph API endpoints a Facebook Login needs, at https://graph.facebook.com[/{version}]:
// - GET /oauth/access_token?client_id&redirect_uri&client_secret&code: the code for a user access token
//   {"access_token","token_type":"bearer","expires_in"} [V manual-flow docs "Exchanging Code for an Access Token"];
// - GET /me?fields=id,name,email: the token's user, with the fields asked for that its permissions allow (email needs
//   the email permission) [V graph-api/reference/user];
// - GET /app: the app the token was issued to, which is how a party that holds no app secret (an identity pool) tells
//   whether a user token belongs to the app it trusts [P documented as "GET /app with a user access token"].
// The access token comes as ?access_token= or in an Authorization: Bearer (or OAuth) header.
import type { ServiceContext } from '../../core/router';
import { json } from '../../hosted-ui/responses';
import { facebookAccountById } from '../accounts';
import { idpNote } from '../idp-http';
import { FACEBOOK_LONG_TOKEN_S, type FacebookEnv } from './env';
import { expiredMessage, graphError, newAccessToken } from './tokens';

function refuse(env: FacebookEnv, call: ServiceContext, message: string, code: number, subcode: number | undefined, reason: string): Response {
  idpNote(call, 'Facebook', 'idp-token', 'refused', `${reason} The Graph API answers 400 OAuthException ${code}: "${message}"`);
  return graphError(env, message, code, subcode);
}

/** GET /oauth/access_token */
export async function exchangeCode(env: FacebookEnv, call: ServiceContext): Promise<Response> {
  const q = call.url.searchParams;
  const app = env.apps.find(q.get('client_id') ?? '');
  if (!app) return refuse(env, call, 'Error validating application. Invalid application ID.', 101, undefined, `There is no Facebook app ${q.get('client_id') ?? '(none given)'}.`);
  if (q.get('client_secret') !== app.clientSecret) return refuse(env, call, 'Error validating client secret.', 1, undefined, `The app secret sent for ${app.name} is wrong.`);
  const code = env.codes.get(q.get('code') ?? '');
  if (!code) return refuse(env, call, 'Invalid verification code format.', 100, undefined, 'Facebook never issued this code.');
  if (code.used) return refuse(env, call, 'This authorization code has been used.', 100, 36009, 'This code was traded for a token already: a code is good once.');
  code.used = true;
  if (env.clock.now() >= code.expiresAt) return refuse(env, call, 'This authorization code has expired.', 100, 36007, 'The code expired.');
  if (code.request.appId !== app.clientId || q.get('redirect_uri') !== code.request.redirectUri) {
    return refuse(env, call, 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request', 100, 36008, `The code was issued to ${code.request.redirectUri} for app ${code.request.appId}; the exchange must name the same.`);
  }
  const token = newAccessToken(env, { userId: code.userId, appId: app.clientId, permissions: code.request.permissions, lifetimeS: FACEBOOK_LONG_TOKEN_S });
  idpNote(call, 'Facebook', 'idp-token', 'ok', `Facebook checked ${app.name}'s secret and the code and issues a user access token for ${facebookAccountById(code.userId)!.name}: an opaque string, not a JWT, so whoever receives it must ask the Graph API who it belongs to.`, { subject: code.userId });
  return json(200, { access_token: token, token_type: 'bearer', expires_in: FACEBOOK_LONG_TOKEN_S });
}

/** The live token a Graph call carries, or the error answer. */
function tokenOf(env: FacebookEnv, call: ServiceContext): { ok: true; token: NonNullable<ReturnType<FacebookEnv['tokens']['get']>> } | { ok: false; response: Response } {
  const header = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(call.headers.get('authorization') ?? '')?.[1];
  const value = call.url.searchParams.get('access_token') ?? header;
  if (!value) return { ok: false, response: refuse(env, call, 'An active access token must be used to query information about the current user.', 2500, undefined, 'The request carries no access token.') };
  const token = env.tokens.get(value);
  if (!token) return { ok: false, response: refuse(env, call, 'Invalid OAuth access token - Cannot parse access token', 190, undefined, 'Facebook never issued this access token (or it was altered).') };
  const now = env.clock.now();
  if (now >= token.expiresAt) return { ok: false, response: refuse(env, call, expiredMessage(token.expiresAt, now), 190, 463, 'The access token has expired.') };
  return { ok: true, token };
}

/** GET /me */
export async function me(env: FacebookEnv, call: ServiceContext): Promise<Response> {
  const checked = tokenOf(env, call);
  if (!checked.ok) return checked.response;
  const { token } = checked;
  const account = facebookAccountById(token.userId)!;
  const fields = (call.url.searchParams.get('fields') ?? 'id,name').split(',').map((f) => f.trim()).filter(Boolean);
  const known: Record<string, string | undefined> = {
    id: account.id,
    name: account.name,
    first_name: account.firstName,
    last_name: account.lastName,
    email: token.permissions.includes('email') ? account.email : undefined,
  };
  const unknown = fields.filter((f) => !(f in known));
  if (unknown.length > 0) return refuse(env, call, `(#100) Tried accessing nonexisting field (${unknown[0]}) on node type (User)`, 100, undefined, `The User node has no field ${unknown[0]}.`);
  const body: Record<string, string> = {};
  for (const f of fields) if (known[f] !== undefined) body[f] = known[f]!;
  if (!('id' in body)) body.id = account.id;
  idpNote(call, 'Facebook', 'idp-token', 'ok', `The Graph API resolves the token to ${account.name} (id ${account.id}) and answers the fields asked for that the granted permissions (${token.permissions.join(', ')}) allow.`, { subject: account.id, attributes: body });
  return json(200, body);
}

/** GET /app */
export async function appOfToken(env: FacebookEnv, call: ServiceContext): Promise<Response> {
  const checked = tokenOf(env, call);
  if (!checked.ok) return checked.response;
  const app = env.apps.find(checked.token.appId)!;
  idpNote(call, 'Facebook', 'idp-token', 'ok', `The token was issued to the app ${app.name} (${app.clientId}).`);
  return json(200, { link: `https://www.facebook.com/games/?app_id=${app.clientId}`, name: app.name, id: app.clientId });
}
