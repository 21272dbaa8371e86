// The three grants of POST /oauth2/token [V COGDOC token-endpoint.md; aws-behaviour.md §4.2]: authorization_code (a
// code from /oauth2/authorize, once, within 5 minutes, with the same redirect_uri and the PKCE verifier), refresh_token
// (new ID and access tokens with the same scopes; no new refresh token) and client_credentials (an access token for the
// app client itself, custom scopes only, clients with a secret only).
import { ADMIN_SCOPE } from '../user-pool/tokens';
import type { AppClient } from '../user-pool/model';
import { oauthNote, type HostedUiContext } from './context';
import { OAuthError } from './oauth-error';
import { issueClientToken, issueUserTokens, type OAuthTokens } from './oauth-tokens';
import { s256, VERIFIER } from './pkce';
import { clientCredentialsScopes, customScopesOf } from './scopes';

function required(form: URLSearchParams, name: string): string {
  const value = form.get(name);
  if (!value) throw new OAuthError('invalid_request', `${name} is missing.`);
  return value;
}

/** [V COGDOC token-endpoint.md] key order of Cognito's answer; refresh_token only for the code grant. */
export function tokenBody(tokens: OAuthTokens): Record<string, unknown> {
  return {
    ...(tokens.idToken ? { id_token: tokens.idToken } : {}),
    access_token: tokens.accessToken,
    ...(tokens.refreshToken ? { refresh_token: tokens.refreshToken } : {}),
    expires_in: tokens.expiresIn,
    token_type: 'Bearer',
  };
}

export async function authorizationCodeGrant(ctx: HostedUiContext, client: AppClient, form: URLSearchParams): Promise<OAuthTokens> {
  if (!client.allowedOAuthFlows.includes('code')) throw new OAuthError('unauthorized_client', `App client ${client.clientName} is not allowed the authorization code grant.`, 'client');
  const code = required(form, 'code');
  const redirectUri = required(form, 'redirect_uri');
  if (!client.callbackUrls.includes(redirectUri)) {
    // [P] Observed answer for a redirect_uri the client never registered (stackoverflow.com/questions/50264679: a
    // missing trailing slash gives {"error":"unauthorized_client"}); a registered but different one is invalid_grant below.
    throw new OAuthError('unauthorized_client', `redirect_uri ${redirectUri} is not one of app client ${client.clientName}'s callback URLs.`, 'redirect-uri');
  }
  const record = ctx.state.codes.get(code);
  if (!record || record.poolId !== ctx.pool.id) throw new OAuthError('invalid_grant', 'The pool never issued this authorization code.', 'code');
  if (record.clientId !== client.clientId) throw new OAuthError('invalid_grant', `This code was issued to another app client, not to ${client.clientName}.`, 'code');
  if (record.redeemed) throw new OAuthError('invalid_grant', 'This authorization code was used already: a code buys tokens once.', 'code');
  // From here the code is spent, whether the exchange succeeds or not. [U] RFC 6749 §4.1.2 lets a server also revoke the
  // tokens of a reused code; this simulator does not.
  record.redeemed = true;
  if (ctx.env.clock.now() >= record.expiresAt) throw new OAuthError('invalid_grant', 'The authorization code expired: it is valid for 5 minutes.', 'code');
  if (record.redirectUri !== redirectUri) throw new OAuthError('invalid_grant', `redirect_uri must be the one sent to /oauth2/authorize (${record.redirectUri}).`, 'redirect-uri');
  if (record.codeChallenge !== undefined) {
    const verifier = form.get('code_verifier');
    // [U] A missing verifier is answered as a wrong one (RFC 7636 §4.6: invalid_grant).
    if (!verifier) throw new OAuthError('invalid_grant', 'The code was issued with a PKCE code_challenge, and no code_verifier came with it.', 'pkce');
    if (!VERIFIER.test(verifier)) throw new OAuthError('invalid_grant', 'code_verifier must be 43–128 characters of A–Z, a–z, 0–9, "-", ".", "_" and "~".', 'pkce');
    const hashed = await s256(verifier);
    if (hashed !== record.codeChallenge) throw new OAuthError('invalid_grant', `BASE64URL(SHA256(code_verifier)) is ${hashed}, not the code_challenge ${record.codeChallenge}: whoever sent this code did not start the sign-in.`, 'pkce');
    oauthNote(ctx, 'pkce', 'ok', `PKCE checked: BASE64URL(SHA256(code_verifier)) equals the code_challenge sent to /oauth2/authorize, so the caller is the app that started the sign-in.`, { clientId: client.clientId });
  }
  const user = ctx.pool.users.get(record.username.toLowerCase());
  if (!user || !user.enabled) throw new OAuthError('invalid_grant', `User ${record.username} ${user ? 'is disabled' : 'no longer exists'}.`, 'code');
  oauthNote(ctx, 'code', 'ok', `Authorization code redeemed by ${client.clientName} for ${user.username}; it cannot be used again.`, { clientId: client.clientId, scopes: record.scopes });
  return issueUserTokens(ctx, client, user, { scopes: record.scopes, authTime: record.authTime, withRefreshToken: true, ...(record.nonce !== undefined ? { nonce: record.nonce } : {}) });
}

export async function refreshTokenGrant(ctx: HostedUiContext, client: AppClient, form: URLSearchParams): Promise<OAuthTokens> {
  // [V COGDOC token-endpoint.md] unauthorized_client: "Client is not allowed ... for refreshing tokens".
  if (!client.explicitAuthFlows.includes('ALLOW_REFRESH_TOKEN_AUTH')) throw new OAuthError('unauthorized_client', `App client ${client.clientName} does not allow ALLOW_REFRESH_TOKEN_AUTH.`, 'client');
  const token = required(form, 'refresh_token');
  const record = ctx.pool.refreshTokens.get(token);
  const reject = (outcome: 'invalid' | 'expired' | 'revoked', reason: string): never => {
    ctx.call.note({ kind: 'token-checked', summary: reason, tokenUse: 'refresh', outcome });
    throw new OAuthError('invalid_grant', reason, 'code');
  };
  if (!record || record.clientId !== client.clientId) return reject('invalid', `The pool has no record of this refresh token for app client ${client.clientName}.`);
  if (ctx.env.clock.now() >= record.expiresAt) return reject('expired', 'The refresh token has passed its validity period.');
  const family = ctx.pool.tokenFamilies.get(record.originJti);
  if (!family || family.revoked) return reject('revoked', 'The refresh token was revoked (RevokeToken, /oauth2/revoke or global sign-out).');
  const user = ctx.pool.users.get(record.username.toLowerCase());
  if (!user || !user.enabled) return reject('invalid', `User ${record.username} ${user ? 'is disabled' : 'no longer exists'}.`);
  ctx.call.note({ kind: 'token-checked', summary: 'The refresh token is known, unexpired and not revoked: new ID and access tokens for the same sign-in and the same scopes.', tokenUse: 'refresh', outcome: 'valid' });
  // [U] A refresh token from InitiateAuth has no OAuth scopes: its new tokens carry the API's scope and an ID token.
  const scopes = ctx.state.refreshScopes.get(token);
  return issueUserTokens(ctx, client, user, { scopes: scopes ?? [ADMIN_SCOPE], authTime: family.authTime, originJti: family.originJti, withRefreshToken: false, ...(scopes ? {} : { idToken: true }) });
}

export async function clientCredentialsGrant(ctx: HostedUiContext, client: AppClient, form: URLSearchParams): Promise<OAuthTokens> {
  // [V COGDOC cognito-user-pools-define-resource-servers.md] "An app client can only use the client credentials flow if
  // the app client has a client secret."
  if (client.clientSecret === undefined) throw new OAuthError('unauthorized_client', `App client ${client.clientName} is public: only a client with a secret may use client credentials.`, 'client');
  if (!client.allowedOAuthFlows.includes('client_credentials')) throw new OAuthError('unauthorized_client', `App client ${client.clientName} is not allowed the client credentials grant.`, 'client');
  const scopes = clientCredentialsScopes(form.get('scope'), client, customScopesOf(ctx.state, ctx.pool));
  if (!scopes.ok) throw new OAuthError('invalid_scope', scopes.reason, 'scopes');
  oauthNote(ctx, 'scopes', 'ok', `Granted custom scopes: ${scopes.scopes.join(' ')}${form.get('scope') === null ? ' (none requested, so all the client is allowed)' : ''}.`, { clientId: client.clientId, scopes: scopes.scopes });
  return issueClientToken(ctx, client, scopes.scopes);
}
