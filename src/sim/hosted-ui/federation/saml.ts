// A SAML 2.0 identity provider (such as CorpAD) as a user pool identity provider, Cognito's half of SP-initiated
// sign-in [V COGDOC cognito-user-pools-SAML-session-initiation.md, cognito-user-pools-saml-idp.md]: the user pool is
// the service provider urn:amazon:cognito:sp:{poolId}. It reads the IdP's metadata (SSO URL, signing certificate),
// writes an AuthnRequest (its own ID, Issuer = the pool's entity ID, AssertionConsumerServiceURL =
// https://{domain}/saml2/idpresponse), and sends the browser to the IdP with the HTTP-Redirect binding:
// ?SAMLRequest=base64(DEFLATE(xml))&RelayState={the parked request's relay state}. The answer comes back to
// /saml2/idpresponse (saml-response.ts).
// [U] Cognito signs AuthnRequests only when request signing is switched on for the provider; here it is off.
import { buildAuthnRequest } from '../../federation/saml/authn-request';
import { deflateAndEncode } from '../../federation/saml/bindings';
import { toHex } from '../../../lib/encoding';
import { html, redirect, withQuery } from '../responses';
import { errorPage } from '../pages';
import { acsUrlOf, samlStateOf, spEntityId, trustFor } from './saml-state';
import type { FederationConnector } from './types';

export const samlConnector: FederationConnector = {
  type: 'SAML',
  async start(ctx, provider, pending) {
    const note = (outcome: 'ok' | 'refused', summary: string) => ctx.call.note({ kind: 'federation', summary, provider: provider.name, providerType: 'SAML', step: 'redirect', outcome });
    const configured = ctx.pool.identityProviders.find((p) => p.name === provider.name) ?? { ...provider };
    const trust = await trustFor(ctx, configured);
    if (!trust.ok) {
      ctx.state.federations.delete(pending.relayState);
      note('refused', `The user pool cannot start a SAML sign-in with ${provider.name}: ${trust.reason}.`);
      // [U] AWS's page when the provider's metadata is unusable is not documented.
      return html(500, errorPage(`Unable to contact the configured provider ${provider.name}.`));
    }
    const now = ctx.env.clock.now();
    const id = `_${toHex(ctx.env.random.bytes(20))}`;
    const xml = buildAuthnRequest({
      id,
      issueInstant: now,
      destination: trust.trust.ssoUrl,
      issuer: spEntityId(ctx.pool.id),
      assertionConsumerServiceUrl: acsUrlOf(ctx),
    });
    samlStateOf(ctx).requests.set(pending.relayState, { id, poolId: ctx.pool.id, providerName: provider.name, relayState: pending.relayState, issuedAt: now });
    note(
      'ok',
      `identity_provider=${provider.name}: the hosted UI skips its login page, parks the app's request under a relay state, and sends the browser to ${provider.name}'s sign-in URL with a SAML AuthnRequest (ID ${id}, Issuer ${spEntityId(ctx.pool.id)}, answer to ${acsUrlOf(ctx)}), deflated and base64-encoded in the URL (HTTP-Redirect binding).`,
    );
    return redirect(withQuery(trust.trust.ssoUrl, { SAMLRequest: await deflateAndEncode(xml), RelayState: pending.relayState }));
  },
};
