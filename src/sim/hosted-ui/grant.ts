// The end of a successful authorization: the browser goes back to the app's redirect URI with a one-time code
// (authorization code grant) or with the tokens in the fragment (implicit grant: no refresh token, and tokens the app's
// server never sees) [V COGDOC authorization-endpoint.md].
import type { User } from '../user-pool/model';
import { oauthNote, type HostedUiContext } from './context';
import type { AuthorizeRequest } from './authorize-request';
import { issueUserTokens } from './oauth-tokens';
import { redirect, withFragment, withQuery } from './responses';
import { CODE_VALIDITY_MS } from './state';

export async function grantAuthorization(ctx: HostedUiContext, request: AuthorizeRequest, user: User, authTime: number, setCookies: string[] = []): Promise<Response> {
  const { client } = request;
  if (request.responseType === 'code') {
    // [P] Cognito's codes are UUIDs.
    const code = ctx.env.random.uuid();
    const expiresAt = ctx.env.clock.now() + CODE_VALIDITY_MS;
    ctx.state.codes.set(code, {
      code,
      poolId: ctx.pool.id,
      clientId: client.clientId,
      username: user.username,
      redirectUri: request.redirectUri,
      scopes: request.scopes,
      authTime,
      expiresAt,
      redeemed: false,
      ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
      ...(request.codeChallenge !== undefined ? { codeChallenge: request.codeChallenge } : {}),
    });
    oauthNote(ctx, 'code', 'ok', `Authorization code issued for ${user.username}: usable once, within 5 minutes, by app client ${client.clientName} at the token endpoint with the same redirect_uri${request.codeChallenge ? ' and the code_verifier behind the PKCE code_challenge' : ''}.`, { clientId: client.clientId, scopes: request.scopes });
    return redirect(withQuery(request.redirectUri, { code, state: request.state }), setCookies);
  }
  const tokens = await issueUserTokens(ctx, client, user, { scopes: request.scopes, authTime, withRefreshToken: false, ...(request.nonce !== undefined ? { nonce: request.nonce } : {}) });
  oauthNote(ctx, 'code', 'ok', 'Implicit grant: the tokens travel in the URL fragment, which the browser keeps to itself; there is no refresh token.', { clientId: client.clientId, scopes: request.scopes });
  return redirect(
    withFragment(request.redirectUri, {
      id_token: tokens.idToken,
      access_token: tokens.accessToken,
      // [V COGDOC authorization-endpoint.md] lower-case here, "Bearer" at the token endpoint.
      token_type: 'bearer',
      expires_in: String(tokens.expiresIn),
      state: request.state,
    }),
    setCookies,
  );
}
