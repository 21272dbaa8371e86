// Checking an authorization request, shared by /oauth2/authorize and /login (which takes the same parameters)
// [V COGDOC authorization-endpoint.md]. An unknown client or a redirect URI that is not one of its callback URLs ends on
// the hosted UI's own error page: the app is never redirected to an address it did not register (RFC 6749 §4.1.2.1).
// [P] Cognito sends the browser to /error?error=redirect_mismatch&client_id=… (widely reported). Every other problem
// goes back to the redirect URI as ?error=…&error_description=…&state=… (invalid_request, unauthorized_client,
// invalid_scope [V same page]).
import type { AppClient } from '../user-pool/model';
import { oauthNote, type HostedUiContext } from './context';
import { withQuery } from './responses';
import { authorizeScopes, customScopesOf } from './scopes';

export interface AuthorizeRequest {
  client: AppClient;
  responseType: 'code' | 'token';
  redirectUri: string;
  state?: string;
  scopes: string[];
  nonce?: string;
  codeChallenge?: string;
  /** identity_provider, or the provider an idp_identifier names. */
  identityProvider?: string;
}

export type AuthorizeCheck =
  | { kind: 'ok'; request: AuthorizeRequest }
  | { kind: 'error-page'; error: 'invalid_request' | 'redirect_mismatch'; clientId: string }
  | { kind: 'redirect'; location: string };

/** RFC 7636 §4.2: BASE64URL(SHA256(verifier)) is 43 characters; the unreserved alphabet, 43–128 long. */
const CHALLENGE = /^[A-Za-z0-9\-._~]{43,128}$/;

export function checkAuthorizeRequest(ctx: HostedUiContext, query: URLSearchParams): AuthorizeCheck {
  const param = (name: string) => query.get(name) ?? undefined;
  const clientId = param('client_id') ?? '';
  const client = ctx.pool.clients.get(clientId);
  if (!client) {
    oauthNote(ctx, 'client', 'refused', clientId ? `No app client ${clientId} exists in ${ctx.pool.name}: the hosted UI shows its error page and redirects nowhere.` : 'The request names no client_id: the hosted UI shows its error page.', { error: 'invalid_request' });
    return { kind: 'error-page', error: 'invalid_request', clientId };
  }
  const redirectUri = param('redirect_uri') ?? '';
  if (!client.callbackUrls.includes(redirectUri)) {
    oauthNote(ctx, 'redirect-uri', 'refused', `redirect_uri ${redirectUri || '(none)'} is not one of app client ${client.clientName}'s callback URLs (${client.callbackUrls.join(', ') || 'none'}); it must match one exactly, or an attacker could have the code sent to their own site.`, { clientId, error: 'redirect_mismatch' });
    return { kind: 'error-page', error: 'redirect_mismatch', clientId };
  }
  oauthNote(ctx, 'redirect-uri', 'ok', `redirect_uri matches one of app client ${client.clientName}'s callback URLs exactly.`, { clientId });
  const state = param('state');
  const fail = (error: string, description: string, step: 'request' | 'scopes' | 'pkce' = 'request'): AuthorizeCheck => {
    oauthNote(ctx, step, 'refused', `${description} The browser goes back to the app with error=${error}.`, { clientId, error });
    return { kind: 'redirect', location: withQuery(redirectUri, { error_description: description, error, state }) };
  };

  const responseType = param('response_type');
  if (responseType !== 'code' && responseType !== 'token') {
    // [U] Cognito documents invalid_request for a missing response_type; an unknown one is answered the same here.
    return fail('invalid_request', responseType ? `response_type ${responseType} is not supported: use code or token.` : 'response_type is missing.');
  }
  const flow = responseType === 'code' ? 'code' : 'implicit';
  if (!client.allowedOAuthFlows.includes(flow)) {
    return fail('unauthorized_client', `App client ${client.clientName} is not allowed the ${flow === 'code' ? 'authorization code' : 'implicit'} grant (allowed: ${client.allowedOAuthFlows.join(', ') || 'none'}).`);
  }
  const challenge = param('code_challenge');
  const method = param('code_challenge_method');
  if (challenge !== undefined || method !== undefined) {
    if (method !== 'S256') {
      return fail('invalid_request', method === undefined ? 'code_challenge came without code_challenge_method.' : `code_challenge_method ${method} is not supported: Cognito supports only S256.`, 'pkce');
    }
    if (challenge === undefined || !CHALLENGE.test(challenge)) {
      return fail('invalid_request', challenge === undefined ? 'code_challenge_method came without code_challenge.' : 'code_challenge is not a base64url SHA-256 digest.', 'pkce');
    }
  }
  const scopes = authorizeScopes(query.get('scope'), client, customScopesOf(ctx.state, ctx.pool));
  if (!scopes.ok) return fail('invalid_scope', scopes.reason, 'scopes');
  oauthNote(ctx, 'scopes', 'ok', `Granted scopes: ${scopes.scopes.join(' ')}${query.get('scope') === null ? ' (no scope was requested, so every scope the client is allowed)' : ''}.${scopes.ignored.length > 0 ? ` Ignored, because the client is not allowed them: ${scopes.ignored.join(' ')}.` : ''}`, { clientId, scopes: scopes.scopes });

  let identityProvider = param('identity_provider');
  const idpIdentifier = param('idp_identifier');
  if (identityProvider === undefined && idpIdentifier !== undefined) {
    // [U] The simulated IdPs have no identifiers of their own: an idp_identifier names a provider by its name.
    identityProvider = ctx.pool.identityProviders.find((p) => p.name.toLowerCase() === idpIdentifier.toLowerCase())?.name ?? idpIdentifier;
  }
  if (identityProvider !== undefined && identityProvider !== 'COGNITO') {
    const known = ctx.pool.identityProviders.some((p) => p.name === identityProvider) && client.supportedIdentityProviders.includes(identityProvider);
    // [U] The error for a provider the client does not support is not documented.
    if (!known) return fail('invalid_request', `Identity provider ${identityProvider} is not enabled for app client ${client.clientName}.`);
  }
  return {
    kind: 'ok',
    request: {
      client,
      responseType,
      redirectUri,
      scopes: scopes.scopes,
      ...(state !== undefined ? { state } : {}),
      ...(param('nonce') !== undefined ? { nonce: param('nonce')! } : {}),
      ...(challenge !== undefined ? { codeChallenge: challenge } : {}),
      ...(identityProvider !== undefined ? { identityProvider } : {}),
    },
  };
}
