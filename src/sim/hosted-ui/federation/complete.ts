// The end of every federated sign-in (Google, Facebook, SAML, OIDC): the relay state brought back by the identity
// provider must be one the hosted UI handed out, for this pool, unused and unexpired; otherwise Cognito shows its error
// page with "Invalid State/RelayState provided." [P ISS aws-amplify/amplify-js#4562, #6291]. Then the provider's user
// becomes (or updates) the pool's user {ProviderName}_{subject} (federated-user.ts), the browser gets the hosted UI
// session cookie, and the app's parked request is finished exactly as after a password sign-in: a code or tokens.
// Problems after the relay state was accepted go back to the app's redirect URI as error=invalid_request with a
// description; [P] Cognito relays the identity provider's own error codes (access_denied) as they are
// (ISS aws-amplify/amplify-flutter#7350).
import { oauthNote, type HostedUiContext } from '../context';
import { grantAuthorization } from '../grant';
import { errorPage } from '../pages';
import { html, redirect, withQuery } from '../responses';
import { openSession } from '../session';
import { linkFederatedUser } from './federated-user';
import type { FederatedIdentity, PendingFederation } from './types';

export const INVALID_RELAY_STATE = 'Invalid State/RelayState provided.';

function federationNote(ctx: HostedUiContext, pending: PendingFederation, step: 'user-linked' | 'login', outcome: 'ok' | 'refused', summary: string, extra: { subject?: string; attributes?: Record<string, string> } = {}): void {
  const type = ctx.pool.identityProviders.find((p) => p.name === pending.providerName)?.type ?? 'OIDC';
  ctx.call.note({ kind: 'federation', summary, provider: pending.providerName, providerType: type, step, outcome, ...extra });
}

/** The parked request for a relay state, if it is this pool's and unexpired; it stays parked. */
export function peekFederation(ctx: HostedUiContext, relayState: string | null): PendingFederation | undefined {
  const pending = relayState ? ctx.state.federations.get(relayState) : undefined;
  return pending && pending.poolId === ctx.pool.id && ctx.env.clock.now() < pending.expiresAt ? pending : undefined;
}

/** The answer to a relay state the hosted UI cannot use: its error page, since it does not know where the app is. */
export function refuseRelayState(ctx: HostedUiContext, relayState: string | null): Response {
  const known = relayState ? ctx.state.federations.get(relayState) : undefined;
  const why = !relayState
    ? 'The identity provider came back without a relay state'
    : !known
      ? 'The identity provider came back with a relay state the hosted UI never issued (or that was used already)'
      : known.poolId !== ctx.pool.id
        ? 'The relay state belongs to another user pool'
        : 'The relay state expired: the user took too long at the identity provider';
  if (known && known.poolId === ctx.pool.id) ctx.state.federations.delete(relayState!);
  oauthNote(ctx, 'request', 'refused', `${why}, so the hosted UI cannot tell which app's request this answers: it shows its error page "${INVALID_RELAY_STATE}" and redirects nowhere.`, { error: 'invalid_request' });
  return html(400, errorPage(INVALID_RELAY_STATE));
}

/** Ends a parked request that cannot complete: the browser goes back to the app with the error, and the relay state is spent. */
export function abandonFederation(ctx: HostedUiContext, pending: PendingFederation, error: string, description: string, reason: string): Response {
  ctx.state.federations.delete(pending.relayState);
  federationNote(ctx, pending, 'login', 'refused', `${reason} The browser goes back to the app with error=${error}.`);
  return redirect(withQuery(pending.request.redirectUri, { error_description: description, error, state: pending.request.state }));
}

export async function completeFederatedSignIn(ctx: HostedUiContext, relayState: string, identity: FederatedIdentity): Promise<Response> {
  const pending = peekFederation(ctx, relayState);
  if (!pending) return refuseRelayState(ctx, relayState);
  ctx.state.federations.delete(relayState);
  const provider = ctx.pool.identityProviders.find((p) => p.name === identity.providerName);
  if (!provider || pending.providerName !== identity.providerName) {
    return abandonFederation(ctx, pending, 'invalid_request', 'Invalid relay state from identity provider', `The relay state was issued for ${pending.providerName}, but the answer comes from ${identity.providerName}.`);
  }
  const linked = linkFederatedUser(ctx, provider, identity);
  if (!linked.ok) return abandonFederation(ctx, pending, 'invalid_request', linked.description, linked.reason);
  const { user } = linked;
  const mappedList = Object.entries(linked.mapped).map(([k, v]) => `${k}=${v}`).join(', ') || 'none';
  federationNote(
    ctx,
    pending,
    'user-linked',
    'ok',
    linked.created
      ? `First sign-in of ${provider.name} user ${identity.subject}: the pool creates the user ${user.username} with status EXTERNAL_PROVIDER (no password in the pool), the identities attribute, and the attributes the mapping takes from ${provider.name} (${mappedList}).`
      : `${user.username} already exists in the pool (status EXTERNAL_PROVIDER): the pool updates the mapped attributes (${mappedList}) instead of creating another user.`,
    { subject: identity.subject, attributes: linked.mapped },
  );
  if (!user.enabled) {
    // [U] The hosted UI's answer for a disabled federated user; "User is disabled." is the pool's message elsewhere.
    return abandonFederation(ctx, pending, 'invalid_request', 'User is disabled.', `${user.username} is disabled.`);
  }
  const authTime = ctx.env.clock.now();
  const cookie = openSession(ctx, user, authTime);
  federationNote(ctx, pending, 'login', 'ok', `${user.username} is signed in to the user pool through ${provider.name}: from here the app's request finishes as after a password sign-in, with the user pool's own tokens.`, { subject: identity.subject });
  return grantAuthorization(ctx, pending.request, user, authTime, [cookie]);
}
