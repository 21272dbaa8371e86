// The seam between the hosted UI and its federated identity providers (Google, Facebook, SAML, OIDC).
// /oauth2/authorize with identity_provider=X (or a button on the login page) keeps the app's authorization request
// under an opaque relay state and asks X's connector for the redirect to X. X's answer comes back to the pool's
// domain (/oauth2/idpresponse for OIDC and social providers, /saml2/idpresponse for SAML) carrying that relay state
// (OAuth `state`, SAML `RelayState`); the handler there verifies X's token or assertion and calls
// completeFederatedSignIn, which creates or updates the `X_<subject>` user (status EXTERNAL_PROVIDER, the
// `identities` attribute, the provider's attribute mapping) and finishes the app's authorization request
// exactly as a password sign-in does (hosted UI session cookie, then a code or tokens for the app).
import type { IdentityProviderConfig } from '../../world/config';
import type { HostedUiContext } from '../context';
import type { AuthorizeRequest } from '../authorize-request';

export type ProviderType = IdentityProviderConfig['type'];

/** Who the provider says the user is, after its token or assertion was verified. */
export interface FederatedIdentity {
  /** The pool's name for the provider, e.g. 'Google', 'CorpAD'. */
  providerName: string;
  providerType: ProviderType;
  /** Google's and Facebook's user id, a SAML NameID, an OIDC sub. Becomes the username's suffix. */
  subject: string;
  /** null for social providers; the SAML entityID or the OIDC issuer otherwise (the `identities` claim's issuer). */
  issuer: string | null;
  /** The provider's attributes or claims by the provider's names; the pool's attribute mapping picks from them. */
  attributes: Record<string, string>;
}

/** An authorization request parked while the browser is at the identity provider. */
export interface PendingFederation {
  relayState: string;
  poolId: string;
  providerName: string;
  request: AuthorizeRequest;
  /** Virtual time after which the relay state is refused. */
  expiresAt: number;
}

/** One provider type's half of the dance: where to send the browser, given the relay state to bring back. */
export interface FederationConnector {
  readonly type: ProviderType;
  /** The redirect (302) to the provider's sign-in page; records a 'federation' note with step 'redirect'. */
  start(ctx: HostedUiContext, provider: IdentityProviderConfig & { name: string }, pending: PendingFederation): Promise<Response>;
}
