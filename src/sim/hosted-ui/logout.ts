// GET /logout [V COGDOC logout-endpoint.md]: ends the hosted UI session (clears the `cognito` cookie) and redirects to a
// registered sign-out URL (client_id + logout_uri), or to the login page to sign in again (client_id + redirect_uri +
// response_type and the other /oauth2/authorize parameters). It revokes no tokens: apps revoke refresh tokens themselves.
import { oauthNote, type Handler } from './context';
import { checkAuthorizeRequest } from './authorize-request';
import { toErrorPage } from './authorize';
import { redirect } from './responses';
import { endSession } from './session';

export const logout: Handler = async (ctx) => {
  const query = ctx.call.url.searchParams;
  const clientId = query.get('client_id') ?? '';
  const client = ctx.pool.clients.get(clientId);
  if (!client) {
    oauthNote(ctx, 'logout', 'refused', clientId ? `No app client ${clientId} exists in ${ctx.pool.name}.` : 'Sign-out needs client_id.', { error: 'invalid_request' });
    return toErrorPage(ctx, { kind: 'error-page', error: 'invalid_request', clientId });
  }
  const logoutUri = query.get('logout_uri');
  if (logoutUri !== null) {
    if (!client.logoutUrls.includes(logoutUri)) {
      // [P] Like an unregistered callback URL: the hosted UI's error page, no redirect.
      oauthNote(ctx, 'logout', 'refused', `logout_uri ${logoutUri} is not one of app client ${client.clientName}'s sign-out URLs (${client.logoutUrls.join(', ') || 'none'}).`, { clientId, error: 'redirect_mismatch' });
      return toErrorPage(ctx, { kind: 'error-page', error: 'redirect_mismatch', clientId });
    }
    const cookie = endSession(ctx);
    return redirect(logoutUri, [cookie]);
  }
  if (query.get('redirect_uri') === null) {
    // [U] Neither logout_uri nor redirect_uri: the error page.
    oauthNote(ctx, 'logout', 'refused', 'Sign-out needs logout_uri (a sign-out URL) or redirect_uri with response_type (to sign in again).', { clientId, error: 'invalid_request' });
    return toErrorPage(ctx, { kind: 'error-page', error: 'invalid_request', clientId });
  }
  const check = checkAuthorizeRequest(ctx, query);
  if (check.kind === 'error-page') return toErrorPage(ctx, check);
  if (check.kind === 'redirect') return redirect(check.location);
  const cookie = endSession(ctx);
  return redirect(`${ctx.origin}/login${ctx.call.url.search}`, [cookie]);
};
