// SAML metadata (saml-metadata-2.0-os): how an IdP describes itself to the service providers that trust it. The
// EntityDescriptor names the IdP (entityID, the Issuer of its assertions), its single sign-on endpoints per binding,
// the NameID formats it issues, and its token-signing certificate(s) in KeyDescriptor use="signing". A user pool
// configured with a MetadataURL or MetadataFile reads exactly these: where to send the AuthnRequest, and which
// certificate must have signed the assertions [V COGDOC cognito-user-pools-saml-idp-things-to-know: multiple
// signing certificates are accepted, an assertion is valid if it matches any of them].
import { fromBase64, toBase64 } from '../../../lib/encoding';
import { BINDINGS } from './authn-request';
import { childrenNamed, descendantsNamed, escapeXml, firstChild, is, NS, parseXml, textOf } from './xml';

export interface IdpMetadata {
  entityId: string;
  /** SingleSignOnService locations by binding URI. */
  singleSignOn: { binding: string; location: string }[];
  nameIdFormats: string[];
  /** DER certificates from KeyDescriptor use="signing" (or with no use). */
  signingCertificates: Uint8Array[];
}

export function idpMetadataXml(m: IdpMetadata & { id: string; validUntil?: string }): string {
  const certs = m.signingCertificates
    .map((der) => `<KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="${NS.dsig}"><ds:X509Data><ds:X509Certificate>${toBase64(der)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></KeyDescriptor>`)
    .join('');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<EntityDescriptor ID="${escapeXml(m.id)}" entityID="${escapeXml(m.entityId)}" xmlns="${NS.metadata}">`,
    `<IDPSSODescriptor protocolSupportEnumeration="${NS.protocol}">`,
    certs,
    ...m.nameIdFormats.map((f) => `<NameIDFormat>${escapeXml(f)}</NameIDFormat>`),
    ...m.singleSignOn.map((s) => `<SingleSignOnService Binding="${escapeXml(s.binding)}" Location="${escapeXml(s.location)}"/>`),
    '</IDPSSODescriptor>',
    '</EntityDescriptor>',
  ].join('');
}

export type MetadataParse = { ok: true; metadata: IdpMetadata } | { ok: false; reason: string };

export function parseIdpMetadata(xml: string): MetadataParse {
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  const root = parsed.root;
  if (!is(root, NS.metadata, 'EntityDescriptor')) return { ok: false, reason: 'the document is not an md:EntityDescriptor' };
  const entityId = root.getAttribute('entityID') ?? '';
  if (!entityId) return { ok: false, reason: 'the EntityDescriptor has no entityID' };
  const idp = firstChild(root, NS.metadata, 'IDPSSODescriptor');
  if (!idp) return { ok: false, reason: 'the metadata describes no identity provider (IDPSSODescriptor)' };
  const signingCertificates: Uint8Array[] = [];
  for (const descriptor of childrenNamed(idp, NS.metadata, 'KeyDescriptor')) {
    const use = descriptor.getAttribute('use');
    if (use && use !== 'signing') continue;
    for (const cert of descendantsNamed(descriptor, NS.dsig, 'X509Certificate')) {
      try {
        signingCertificates.push(fromBase64(textOf(cert).replace(/\s+/g, '')));
      } catch {
        return { ok: false, reason: 'a signing certificate in the metadata is not base64' };
      }
    }
  }
  if (signingCertificates.length === 0) return { ok: false, reason: 'the metadata has no signing certificate' };
  const singleSignOn = childrenNamed(idp, NS.metadata, 'SingleSignOnService').map((s) => ({ binding: s.getAttribute('Binding') ?? '', location: s.getAttribute('Location') ?? '' }));
  if (!singleSignOn.some((s) => s.binding === BINDINGS.redirect || s.binding === BINDINGS.post)) return { ok: false, reason: 'the metadata has no SingleSignOnService for the HTTP-Redirect or HTTP-POST binding' };
  const nameIdFormats = childrenNamed(idp, NS.metadata, 'NameIDFormat').map((f) => textOf(f));
  return { ok: true, metadata: { entityId, singleSignOn, nameIdFormats, signingCertificates } };
}
