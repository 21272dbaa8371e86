// Who is calling the token and revocation endpoints. A client with a secret proves it with
// `Authorization: Basic base64(client_id:client_secret)` (client_secret_basic) or with client_id and client_secret in
// the body (client_secret_post); a public client only names itself with client_id [V COGDOC token-endpoint.md;
// aws-behaviour.md §2.6 token_endpoint_auth_methods_supported]. Any failure is invalid_client: 400 at the token endpoint
// [V COGDOC token-endpoint.md, every error 400 — RFC 6749 §5.2 would say 401 after Basic], 401 at the revocation
// endpoint [V COGDOC revocation-endpoint.md].
import { fromBase64, utf8 } from '../../lib/encoding';
import type { AppClient } from '../user-pool/model';
import { oauthNote, type HostedUiContext } from './context';
import { OAuthError } from './oauth-error';

function basicCredentials(header: string | null): { id: string; secret: string } | 'malformed' | undefined {
  if (!header) return undefined;
  const match = /^basic\s+(.+)$/i.exec(header.trim());
  if (!match) return undefined;
  try {
    const text = utf8.decode(fromBase64(match[1]!));
    const colon = text.indexOf(':');
    if (colon < 0) return 'malformed';
    // RFC 6749 §2.3.1: both halves are form-urlencoded before base64.
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    return { id: decode(text.slice(0, colon)), secret: decode(text.slice(colon + 1)) };
  } catch {
    return 'malformed';
  }
}

export function authenticateClient(ctx: HostedUiContext, form: URLSearchParams, status: 400 | 401): AppClient {
  const refuse = (reason: string): never => {
    throw new OAuthError('invalid_client', reason, 'client', status);
  };
  const basic = basicCredentials(ctx.call.headers.get('authorization'));
  if (basic === 'malformed') refuse('The Authorization header is not Basic base64(client_id:client_secret).');
  const bodyId = form.get('client_id') ?? undefined;
  const viaBasic = basic !== undefined && basic !== 'malformed';
  const clientId = viaBasic ? basic.id : bodyId;
  // [U] Two different client ids in one request: refused as an unauthenticated client.
  if (viaBasic && bodyId !== undefined && bodyId !== basic.id) refuse(`client_id ${bodyId} in the body is not the client ${basic.id} of the Authorization header.`);
  if (!clientId) refuse('The request names no app client: no Authorization header and no client_id.');
  const client = ctx.pool.clients.get(clientId!);
  if (!client) return refuse(`No app client ${clientId} exists in ${ctx.pool.name}.`);
  const secret = viaBasic ? basic.secret : (form.get('client_secret') ?? undefined);
  const how = viaBasic ? 'client_secret_basic (Authorization header)' : 'client_secret_post (form body)';
  if (client.clientSecret === undefined) {
    // [U] A public client that sends a secret anyway is refused.
    if (secret) refuse(`App client ${client.clientName} has no secret, but the request sent one.`);
    oauthNote(ctx, 'client', 'ok', `App client ${client.clientName} is public (no secret): client_id identifies it, and nothing proves it is the real app — which is why public clients use PKCE.`, { clientId: client.clientId });
    return client;
  }
  if (secret === undefined) refuse(`App client ${client.clientName} has a secret, and the request did not send it.`);
  if (secret !== client.clientSecret) refuse(`The client secret sent for ${client.clientName} is wrong.`);
  oauthNote(ctx, 'client', 'ok', `App client ${client.clientName} authenticated with its secret, by ${how}.`, { clientId: client.clientId });
  return client;
}
