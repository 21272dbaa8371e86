// The start of a federated sign-in: /oauth2/authorize with identity_provider=X (or idp_identifier, or a button on the
// login page, which links there) parks the app's checked authorization request under an opaque relay state and
// hands the browser to X's connector, which answers with the redirect to X's sign-in page. X comes back to
// /oauth2/idpresponse (OIDC and social) or /saml2/idpresponse (SAML) with that relay state, and the parked request is
// finished there (complete.ts). [V COGDOC authorization-endpoint.md: identity_provider "bypasses the hosted UI and
// redirects your user to a provider sign-in page"]. [P] Cognito's own state is an opaque blob of about a thousand
// characters (ISS aws-amplify/amplify-js#6291); here it is 64 random characters. [U] How long Cognito keeps it.
import { toBase64Url } from '../../../lib/encoding';
import type { PoolIdentityProvider } from '../../user-pool/model';
import type { AuthorizeRequest } from '../authorize-request';
import type { HostedUiContext } from '../context';
import { html } from '../responses';
import { notSimulatedPage } from '../pages';
import { facebookConnector } from './facebook';
import { googleConnector } from './google';
import { samlConnector } from './saml';
import type { FederationConnector, PendingFederation, ProviderType } from './types';

/** [U] How long the browser may take at the identity provider before the relay state is refused. */
export const FEDERATION_VALIDITY_MS = 15 * 60_000;

/** One connector per provider type. */
const CONNECTORS: Partial<Record<ProviderType, FederationConnector>> = {
  Google: googleConnector,
  Facebook: facebookConnector,
  // [SAML] the SAML connector is registered here.
  SAML: samlConnector,
};

export function providerNamed(ctx: HostedUiContext, name: string): PoolIdentityProvider | undefined {
  return ctx.pool.identityProviders.find((p) => p.name === name);
}

/** Parks the request and sends the browser to the provider; the request was checked by checkAuthorizeRequest. */
export async function startFederation(ctx: HostedUiContext, request: AuthorizeRequest & { identityProvider: string }): Promise<Response> {
  const provider = providerNamed(ctx, request.identityProvider)!;
  const connector = CONNECTORS[provider.type];
  if (!connector) {
    ctx.call.note({ kind: 'federation', summary: `${provider.name} is a ${provider.type} identity provider; sign-in through it is not simulated.`, provider: provider.name, providerType: provider.type, step: 'redirect', outcome: 'refused' });
    return html(501, notSimulatedPage(`Sign in with ${provider.name}`, `federation with ${provider.type} identity providers. Sign in with a username and password instead.`));
  }
  const relayState = toBase64Url(ctx.env.random.bytes(48));
  const pending: PendingFederation = { relayState, poolId: ctx.pool.id, providerName: provider.name, request, expiresAt: ctx.env.clock.now() + FEDERATION_VALIDITY_MS };
  ctx.state.federations.set(relayState, pending);
  return connector.start(ctx, provider, pending);
}
