// What the social connectors share: the pool's ProviderDetails for a provider (client_id, client_secret,
// authorize_scopes…), the callback every OIDC and social provider returns to, and the shape of a redeemed code.
import type { HostedUiContext } from '../context';
import type { FederatedIdentity } from './types';

export type Redeemed = { ok: true; identity: FederatedIdentity } | { ok: false; description: string; reason: string };

/** [V COGDOC federation-endpoints.md] the pool's callback for OIDC and social identity providers. */
export const idpResponseUrl = (ctx: HostedUiContext): string => `${ctx.origin}/oauth2/idpresponse`;

export function detailsOf(ctx: HostedUiContext, providerName: string): Record<string, string> {
  return ctx.pool.identityProviders.find((p) => p.name === providerName)?.providerDetails ?? {};
}
