// The SAML AuthnRequest (saml-core-2.0-os §3.4.1) that starts SP-initiated sign-in: the user pool (the service
// provider) names itself in Issuer (urn:amazon:cognito:sp:{poolId}), asks for the answer at its assertion consumer
// service (https://{domain}/saml2/idpresponse) by HTTP-POST, and gives the request an ID that the IdP must echo in
// InResponseTo. [U] The exact attribute set and ID format of Cognito's request are not documented; this follows the
// SAML core schema as OpenSAML-based service providers write it.
import { escapeXml, firstChild, is, NS, parseSamlTime, parseXml, samlTime, textOf } from './xml';

export const BINDINGS = {
  post: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
  redirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
} as const;

export const NAME_ID_FORMAT = {
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
  email: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  entity: 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity',
} as const;

export interface AuthnRequest {
  id: string;
  issueInstant: number;
  /** The IdP's single sign-on URL the request is sent to. */
  destination: string;
  /** The service provider's entity ID. */
  issuer: string;
  assertionConsumerServiceUrl: string;
  protocolBinding: string;
  nameIdFormat?: string;
}

export function buildAuthnRequest(request: Omit<AuthnRequest, 'protocolBinding'>): string {
  return [
    `<saml2p:AuthnRequest xmlns:saml2p="${NS.protocol}"`,
    ` AssertionConsumerServiceURL="${escapeXml(request.assertionConsumerServiceUrl)}"`,
    ` Destination="${escapeXml(request.destination)}"`,
    ` ForceAuthn="false" ID="${escapeXml(request.id)}" IsPassive="false"`,
    ` IssueInstant="${samlTime(request.issueInstant)}"`,
    ` ProtocolBinding="${BINDINGS.post}" Version="2.0">`,
    `<saml2:Issuer xmlns:saml2="${NS.assertion}">${escapeXml(request.issuer)}</saml2:Issuer>`,
    `<saml2p:NameIDPolicy AllowCreate="true" Format="${escapeXml(request.nameIdFormat ?? NAME_ID_FORMAT.unspecified)}"/>`,
    '</saml2p:AuthnRequest>',
  ].join('');
}

export type AuthnRequestParse = { ok: true; request: AuthnRequest } | { ok: false; reason: string };

export function parseAuthnRequest(xml: string): AuthnRequestParse {
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  const root = parsed.root;
  const name = root.localName;
  if (!is(root, NS.protocol, 'AuthnRequest')) return { ok: false, reason: `the message is a ${name}, not a samlp:AuthnRequest` };
  if (root.getAttribute('Version') !== '2.0') return { ok: false, reason: 'the request is not SAML 2.0 (Version must be 2.0)' };
  const id = root.getAttribute('ID') ?? '';
  if (!/^[A-Za-z_][\w.-]*$/.test(id)) return { ok: false, reason: 'the request has no valid ID (an xs:ID, which cannot start with a digit)' };
  const issueInstant = parseSamlTime(root.getAttribute('IssueInstant') ?? '');
  if (issueInstant === undefined) return { ok: false, reason: 'the request has no valid IssueInstant' };
  const issuer = textOf(firstChild(root, NS.assertion, 'Issuer'));
  if (!issuer) return { ok: false, reason: 'the request does not name its service provider (Issuer)' };
  const nameIdFormat = firstChild(root, NS.protocol, 'NameIDPolicy')?.getAttribute('Format') ?? undefined;
  return {
    ok: true,
    request: {
      id,
      issueInstant,
      destination: root.getAttribute('Destination') ?? '',
      issuer,
      assertionConsumerServiceUrl: root.getAttribute('AssertionConsumerServiceURL') ?? '',
      protocolBinding: root.getAttribute('ProtocolBinding') ?? BINDINGS.post,
      ...(nameIdFormat ? { nameIdFormat } : {}),
    },
  };
}
