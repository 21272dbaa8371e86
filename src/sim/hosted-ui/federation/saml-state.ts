// The user pool's side of its SAML trusts, kept per hosted UI: each SAML provider's metadata (read from the
// provider's MetadataURL through the router, so the trace shows the pool fetching it), the AuthnRequests the pool has
// sent (by relay state: a response must answer the request its relay state was issued with, once), and the
// assertions already consumed (replays are refused [V COGDOC cognito-user-pools-saml-idp-things-to-know]).
// [U] AWS reads a MetadataURL when the provider is created or updated and refreshes it on its own schedule; the
// simulator reads it when the provider is first used and keeps it for the simulator's lifetime.
import type { PoolIdentityProvider } from '../../user-pool/model';
import { parseIdpMetadata, type IdpMetadata } from '../../federation/saml/metadata';
import { BINDINGS } from '../../federation/saml/authn-request';
import { importVerifyKey } from '../../federation/saml/xml-dsig';
import { readCertificate } from '../../federation/saml/x509';
import type { HostedUiContext } from '../context';
import type { HostedUiState } from '../state';

export interface SamlTrust {
  metadataUrl: string;
  metadata: IdpMetadata;
  /** Where AuthnRequests go (the HTTP-Redirect binding's SingleSignOnService). */
  ssoUrl: string;
  /** The public keys of the metadata's signing certificates. */
  keys: CryptoKey[];
}

export interface IssuedAuthnRequest {
  id: string;
  poolId: string;
  providerName: string;
  relayState: string;
  issuedAt: number;
}

interface SamlSpState {
  /** `${poolId}/${providerName}` → the trust read from the metadata. */
  trusts: Map<string, SamlTrust>;
  /** Relay state → the AuthnRequest sent with it (removed when a response for it arrives). */
  requests: Map<string, IssuedAuthnRequest>;
  /** Assertion IDs accepted so far. */
  assertions: Set<string>;
}

const states = new WeakMap<HostedUiState, SamlSpState>();

export function samlStateOf(ctx: HostedUiContext): SamlSpState {
  let state = states.get(ctx.state);
  if (!state) {
    state = { trusts: new Map(), requests: new Map(), assertions: new Set() };
    states.set(ctx.state, state);
  }
  return state;
}

/** urn:amazon:cognito:sp:{poolId} [V COGDOC cognito-user-pools-saml-idp.md]. */
export const spEntityId = (poolId: string): string => `urn:amazon:cognito:sp:${poolId}`;
/** https://{domain}/saml2/idpresponse [V COGDOC cognito-user-pools-saml-idp.md]. */
export const acsUrlOf = (ctx: HostedUiContext): string => `${ctx.origin}/saml2/idpresponse`;

export type TrustResult = { ok: true; trust: SamlTrust } | { ok: false; reason: string };

/** The provider's trust, reading its metadata the first time. */
export async function trustFor(ctx: HostedUiContext, provider: PoolIdentityProvider): Promise<TrustResult> {
  const state = samlStateOf(ctx);
  const key = `${ctx.pool.id}/${provider.name}`;
  const known = state.trusts.get(key);
  if (known) return { ok: true, trust: known };
  const metadataUrl = provider.providerDetails?.MetadataURL;
  if (!metadataUrl) return { ok: false, reason: `${provider.name} has no MetadataURL in its provider details` };
  let xml: string;
  try {
    const response = await ctx.call.fetch(new Request(metadataUrl, { headers: { accept: 'application/samlmetadata+xml, application/xml' } }), { from: 'hosted-ui' });
    if (response.status !== 200) return { ok: false, reason: `${metadataUrl} answered ${response.status}` };
    xml = await response.text();
  } catch (error) {
    return { ok: false, reason: `${metadataUrl} could not be reached (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = parseIdpMetadata(xml);
  if (!parsed.ok) return { ok: false, reason: `the metadata at ${metadataUrl} is not usable: ${parsed.reason}` };
  const sso = parsed.metadata.singleSignOn.find((s) => s.binding === BINDINGS.redirect);
  if (!sso) return { ok: false, reason: 'the metadata has no SingleSignOnService for the HTTP-Redirect binding' };
  const keys: CryptoKey[] = [];
  for (const der of parsed.metadata.signingCertificates) {
    const info = readCertificate(der);
    if (!info) return { ok: false, reason: 'a signing certificate in the metadata is not an X.509 certificate' };
    // [V COGDOC things-to-know] the signing certificate must not be expired when the provider is configured.
    if (ctx.env.clock.now() >= info.notAfter) return { ok: false, reason: `the signing certificate expired on ${new Date(info.notAfter).toISOString()}` };
    try {
      keys.push(await importVerifyKey(info.spki));
    } catch {
      return { ok: false, reason: 'a signing certificate in the metadata does not hold an RSA public key' };
    }
  }
  const trust: SamlTrust = { metadataUrl, metadata: parsed.metadata, ssoUrl: sso.location, keys };
  state.trusts.set(key, trust);
  return { ok: true, trust };
}
