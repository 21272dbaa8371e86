// GET or POST /oauth2/userInfo: the OIDC UserInfo endpoint [V COGDOC userinfo-endpoint.md]. It takes only access tokens
// from the OAuth endpoints with the openid scope (InitiateAuth's tokens have only aws.cognito.signin.user.admin), checks
// them as Cognito's own APIs do (signature, expiry, revocation, user), and answers with the attributes the scopes allow,
// booleans as strings, plus username. Errors carry WWW-Authenticate with the documented descriptions.
import { decodeJwt } from 'jose';
import { isAwsError } from '../core/errors';
import { authenticateAccessToken } from '../user-pool/access-token';
import { issuerOf } from '../user-pool/env';
import { oauthNote, type Handler, type HostedUiContext } from './context';
import { json } from './responses';
import { scopedAttributes } from './scoped-claims';

const BAD_REQUEST = 'Bad OAuth2 request at UserInfo Endpoint';
const INVALID_TOKEN = 'Access token is expired, disabled, or deleted, or the user has globally signed out.';

// [U] The JSON body beside the documented WWW-Authenticate header is the simulator's: the same error and description.
function refuse(ctx: HostedUiContext, status: 400 | 401, description: string, reason: string): Response {
  const error = status === 400 ? 'invalid_request' : 'invalid_token';
  oauthNote(ctx, 'request', 'refused', `${reason} The answer is ${status} with WWW-Authenticate: error="${error}".`, { error });
  return json(status, { error, error_description: description }, { 'www-authenticate': `error="${error}", error_description="${description}"` });
}

export const userInfo: Handler = async (ctx) => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(ctx.call.headers.get('authorization') ?? '');
  if (!match) return refuse(ctx, 400, BAD_REQUEST, 'The request carries no Authorization: Bearer <access token> header.');
  const token = match[1]!;
  let payload: Record<string, unknown>;
  try {
    payload = decodeJwt(token);
  } catch {
    return refuse(ctx, 401, INVALID_TOKEN, 'The bearer token is not a JWT.');
  }
  const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
  if (!scopes.includes('openid')) {
    // [P] Cognito's description for this case, as developers quote it.
    return refuse(ctx, 401, 'Access token does not contain openid scope', `The access token's scope is "${scopes.join(' ')}", without openid: only tokens from the OAuth endpoints with openid may read userInfo (InitiateAuth's never do).`);
  }
  if (payload.iss !== issuerOf(ctx.env, ctx.pool.id)) return refuse(ctx, 401, INVALID_TOKEN, `The token was issued by ${String(payload.iss)}, not by ${ctx.pool.name}.`);
  let verified;
  try {
    verified = await authenticateAccessToken(ctx.env, ctx.call, token, { requireAdminScope: false });
  } catch (error) {
    if (!isAwsError(error)) throw error;
    return refuse(ctx, 401, INVALID_TOKEN, `The access token was refused: ${error.message}.`);
  }
  const client = ctx.pool.clients.get(verified.claims.client_id);
  if (!client) return refuse(ctx, 401, INVALID_TOKEN, `App client ${verified.claims.client_id} no longer exists.`);
  const { user } = verified;
  const body = { sub: user.sub, ...scopedAttributes(client, user, scopes, 'userinfo'), username: user.username };
  oauthNote(ctx, 'scopes', 'ok', `userInfo answers with what the token's scopes (${scopes.join(' ')}) allow; booleans come back as strings.`, { clientId: client.clientId, scopes });
  return json(200, body);
};
