// GET /oauth2/authorize: the start of every browser sign-in [V COGDOC authorization-endpoint.md]. A valid request from a
// browser that holds a hosted UI session goes straight back to the app with a code (or tokens); without one, the
// browser is sent to /login with the same parameters. identity_provider (or idp_identifier) skips the login page and
// sends the browser to that federated provider (federation/start.ts). [U] Cognito's choice between an existing hosted
// UI session and an explicit identity_provider is not documented; the explicit provider wins here.
import type { Handler, HostedUiContext } from './context';
import { oauthNote } from './context';
import { checkAuthorizeRequest, type AuthorizeCheck } from './authorize-request';
import { grantAuthorization } from './grant';
import { redirect, withQuery } from './responses';
import { currentSession } from './session';
import { startFederation } from './federation/start';

/** Where an invalid client or redirect URI ends: the hosted UI's own error page. */
export function toErrorPage(ctx: HostedUiContext, check: Extract<AuthorizeCheck, { kind: 'error-page' }>): Response {
  return redirect(withQuery(`${ctx.origin}/error`, { error: check.error, client_id: check.clientId }));
}

export const authorize: Handler = async (ctx) => {
  const query = ctx.call.url.searchParams;
  const check = checkAuthorizeRequest(ctx, query);
  if (check.kind === 'error-page') return toErrorPage(ctx, check);
  if (check.kind === 'redirect') return redirect(check.location);
  const { request } = check;
  if (request.identityProvider !== undefined && request.identityProvider !== 'COGNITO') {
    return startFederation(ctx, { ...request, identityProvider: request.identityProvider });
  }
  const signedIn = currentSession(ctx);
  if (signedIn) return grantAuthorization(ctx, request, signedIn.user, signedIn.session.authTime);
  oauthNote(ctx, 'session', 'ok', 'No hosted UI session yet: the browser goes to the login page, with the same parameters.', { clientId: request.client.clientId });
  return redirect(`${ctx.origin}/login${ctx.call.url.search}`);
};
