// POST /oauth2/token: the back channel where an app trades a code, a refresh token or its own credentials for tokens.
// Errors are HTTP 400 with {"error": …} only [V COGDOC token-endpoint.md]; the reason goes into the trace.
import { oauthNote, type Handler, type HostedUiContext } from './context';
import { authenticateClient } from './client-auth';
import { readForm } from './form';
import { isOAuthError, OAuthError } from './oauth-error';
import { json } from './responses';
import { authorizationCodeGrant, clientCredentialsGrant, refreshTokenGrant, tokenBody } from './token-grants';

const GRANTS = { authorization_code: authorizationCodeGrant, refresh_token: refreshTokenGrant, client_credentials: clientCredentialsGrant } as const;

/** Turns an OAuthError into its JSON answer, with a note that says why. */
export function oauthErrorResponse(ctx: HostedUiContext, error: unknown): Response {
  if (!isOAuthError(error)) throw error;
  oauthNote(ctx, error.step, 'refused', `${error.reason} The answer is ${error.status} {"error":"${error.error}"}.`, { error: error.error });
  return json(error.status, { error: error.error });
}

export const token: Handler = async (ctx) => {
  try {
    const form = readForm(ctx);
    const grantType = form.get('grant_type');
    if (!grantType) throw new OAuthError('invalid_request', 'grant_type is missing.');
    if (!Object.hasOwn(GRANTS, grantType)) throw new OAuthError('unsupported_grant_type', `grant_type ${grantType} is not one of authorization_code, refresh_token and client_credentials (Cognito has no password grant).`);
    const client = authenticateClient(ctx, form, 400);
    const tokens = await GRANTS[grantType as keyof typeof GRANTS](ctx, client, form);
    return json(200, tokenBody(tokens));
  } catch (error) {
    return oauthErrorResponse(ctx, error);
  }
};
