// POST /oauth2/revoke [V COGDOC revocation-endpoint.md]: an app ends one sign-in by revoking its refresh token, and with it
// every access token issued from it. Errors: 400 invalid_request (no token, or revocation disabled for the client),
// 400 unsupported_token_type (not a refresh token), 401 invalid_client; an unknown token is answered 200 (RFC 7009 §2.2).
import { revokeFamily } from '../user-pool/revocation';
import type { Handler } from './context';
import { authenticateClient } from './client-auth';
import { readForm } from './form';
import { OAuthError } from './oauth-error';
import { oauthErrorResponse } from './token';

export const revoke: Handler = async (ctx) => {
  try {
    const form = readForm(ctx);
    // RFC 7009 §2.1: the client is authenticated first.
    const client = authenticateClient(ctx, form, 401);
    const token = form.get('token');
    if (!token) throw new OAuthError('invalid_request', 'token is missing.');
    if (!client.enableTokenRevocation) throw new OAuthError('invalid_request', `Token revocation is turned off for app client ${client.clientName}.`, 'client');
    if (token.split('.').length === 3) {
      ctx.call.note({ kind: 'token-checked', summary: 'This is an ID or access token: only refresh tokens can be revoked (the access tokens issued from one go with it).', tokenUse: 'refresh', outcome: 'invalid', reason: 'not a refresh token' });
      throw new OAuthError('unsupported_token_type', 'Only refresh tokens can be revoked.');
    }
    const record = ctx.pool.refreshTokens.get(token);
    if (!record || record.clientId !== client.clientId) {
      // [U] A token of another client is answered like an unknown one, and left alone.
      ctx.call.note({ kind: 'token-checked', summary: `The pool has no refresh token like this for app client ${client.clientName}: nothing is revoked, and the answer is 200 anyway (RFC 7009), so the endpoint reveals nothing.`, tokenUse: 'refresh', outcome: 'invalid' });
      return new Response(null, { status: 200 });
    }
    if (ctx.pool.tokenFamilies.get(record.originJti)?.revoked) {
      ctx.call.note({ kind: 'token-checked', summary: 'This refresh token was revoked already; revoking it again changes nothing.', tokenUse: 'refresh', outcome: 'revoked' });
    } else {
      revokeFamily(ctx.call, ctx.pool, record.originJti);
    }
    return new Response(null, { status: 200 });
  } catch (error) {
    return oauthErrorResponse(ctx, error);
  }
};
