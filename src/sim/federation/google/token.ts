// Google's token endpoint, POST https://oauth2.googleapis.com/token [V developers.google.com/identity/protocols/oauth2/
// web-server "Exchange authorization code for refresh and access tokens"]: the client authenticates with its secret
// (in the body or with HTTP Basic), trades a one-time code with the same redirect_uri, and receives
// {access_token, expires_in, scope, token_type: "Bearer", id_token}. Errors as Google sends them [P captured answers]:
// 401 {"error":"invalid_client","error_description":"Unauthorized"} (or "The OAuth client was not found."),
// 400 {"error":"invalid_grant","error_description":"Bad Request"} for an unknown, expired or reused code,
// 400 {"error":"redirect_uri_mismatch","error_description":"Bad Request"}.
import { fromBase64, utf8 } from '../../../lib/encoding';
import type { ServiceContext } from '../../core/router';
import { json } from '../../hosted-ui/responses';
import { googleAccountBySub } from '../accounts';
import { formOf, idpNote } from '../idp-http';
import type { GoogleEnv } from './env';
import { issueGoogleTokens } from './tokens';

function refuse(call: ServiceContext, status: number, error: string, description: string, reason: string): Response {
  idpNote(call, 'Google', 'idp-token', 'refused', `${reason} Google answers ${status} {"error":"${error}"}.`);
  return json(status, { error, error_description: description });
}

function basicCredentials(call: ServiceContext): [string, string] | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(call.headers.get('authorization') ?? '');
  if (!match) return undefined;
  try {
    const decoded = utf8.decode(fromBase64(match[1]!));
    const colon = decoded.indexOf(':');
    return colon < 0 ? undefined : [decodeURIComponent(decoded.slice(0, colon)), decodeURIComponent(decoded.slice(colon + 1))];
  } catch {
    return undefined;
  }
}

export async function googleToken(env: GoogleEnv, call: ServiceContext): Promise<Response> {
  const form = formOf(call);
  const basic = basicCredentials(call);
  const clientId = basic?.[0] ?? form.get('client_id') ?? '';
  const secret = basic?.[1] ?? form.get('client_secret') ?? '';
  const grantType = form.get('grant_type') ?? '';
  if (grantType !== 'authorization_code') {
    return refuse(call, 400, 'unsupported_grant_type', `Invalid grant_type: ${grantType}`, `grant_type ${grantType || '(none)'} is not the authorization code grant this simulated Google serves.`);
  }
  const app = env.apps.find(clientId);
  if (!app) return refuse(call, 401, 'invalid_client', 'The OAuth client was not found.', `Google has no OAuth client ${clientId || '(none given)'}.`);
  if (secret !== app.clientSecret) return refuse(call, 401, 'invalid_client', 'Unauthorized', `The client secret sent for ${app.name} is wrong: only the app's back end, which holds the secret, can redeem codes.`);
  const code = env.codes.get(form.get('code') ?? '');
  if (!code) return refuse(call, 400, 'invalid_grant', 'Bad Request', 'Google never issued this authorization code.');
  if (code.used) return refuse(call, 400, 'invalid_grant', 'Bad Request', 'This authorization code was used already: a code buys tokens once.');
  code.used = true;
  if (env.clock.now() >= code.expiresAt) return refuse(call, 400, 'invalid_grant', 'Bad Request', 'The authorization code expired.');
  if (code.request.clientId !== app.clientId) return refuse(call, 400, 'invalid_grant', 'Bad Request', `The code was issued to another OAuth client, not to ${app.name}.`);
  if (form.get('redirect_uri') !== code.request.redirectUri) {
    return refuse(call, 400, 'redirect_uri_mismatch', 'Bad Request', `redirect_uri must be the one sent to the authorization endpoint (${code.request.redirectUri}).`);
  }
  const tokens = await issueGoogleTokens(env, call, {
    clientId: app.clientId,
    sub: code.sub,
    scopes: code.request.scopes,
    withAccessToken: true,
    withIdToken: true,
    ...(code.request.nonce !== undefined ? { nonce: code.request.nonce } : {}),
  });
  idpNote(call, 'Google', 'idp-token', 'ok', `Google checked ${app.name}'s secret and the one-time code, and answers with an access token and an ID token for ${googleAccountBySub(code.sub)!.name}.`, { subject: code.sub });
  return json(200, { access_token: tokens.accessToken, expires_in: tokens.expiresIn, scope: tokens.scope, token_type: 'Bearer', ...(tokens.idToken ? { id_token: tokens.idToken } : {}) });
}
