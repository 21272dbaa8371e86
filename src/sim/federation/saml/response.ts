// The IdP's answer (saml-core-2.0-os §3.2.2, §2.3.3): a samlp:Response addressed (Destination) to the service
// provider's assertion consumer service, in response to (InResponseTo) its AuthnRequest, holding one signed
// saml:Assertion. The assertion says who the user is (Subject/NameID), for whom and until when it is good
// (SubjectConfirmationData Recipient/NotOnOrAfter/InResponseTo for the bearer; Conditions NotBefore/NotOnOrAfter
// and AudienceRestriction), how they signed in (AuthnStatement) and what the directory knows (AttributeStatement).
// The layout follows AD FS's: default-namespace assertion elements, the signature on the Assertion only
// (the service provider asks for signed assertions), placed right after the Issuer as the schema requires.
import { encodePost } from './bindings';
import { signEnveloped } from './xml-dsig';
import { escapeXml, firstChild, NS, parseXml, samlTime, serializeXml } from './xml';

export interface ResponseContent {
  responseId: string;
  assertionId: string;
  issueInstant: number;
  /** The IdP's entity ID. */
  issuer: string;
  /** The assertion consumer service URL (Response Destination and the bearer's Recipient). */
  destination: string;
  /** The AuthnRequest ID being answered. */
  inResponseTo: string;
  nameId: string;
  nameIdFormat: string;
  /** The service provider's entity ID. */
  audience: string;
  notBefore: number;
  notOnOrAfter: number;
  /** The bearer confirmation's deadline (usually the same 5 minutes). */
  subjectNotOnOrAfter: number;
  authnInstant: number;
  sessionIndex: string;
  attributes: { name: string; values: string[] }[];
}

const PASSWORD_PROTECTED_TRANSPORT = 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport';

export function responseXml(c: ResponseContent): string {
  const attributes = c.attributes
    .map((a) => `<Attribute Name="${escapeXml(a.name)}">${a.values.map((v) => `<AttributeValue>${escapeXml(v)}</AttributeValue>`).join('')}</Attribute>`)
    .join('');
  return [
    `<samlp:Response ID="${escapeXml(c.responseId)}" Version="2.0" IssueInstant="${samlTime(c.issueInstant)}" Destination="${escapeXml(c.destination)}"`,
    ` Consent="urn:oasis:names:tc:SAML:2.0:consent:unspecified" InResponseTo="${escapeXml(c.inResponseTo)}" xmlns:samlp="${NS.protocol}">`,
    `<Issuer xmlns="${NS.assertion}">${escapeXml(c.issuer)}</Issuer>`,
    '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>',
    `<Assertion ID="${escapeXml(c.assertionId)}" IssueInstant="${samlTime(c.issueInstant)}" Version="2.0" xmlns="${NS.assertion}">`,
    `<Issuer>${escapeXml(c.issuer)}</Issuer>`,
    '<Subject>',
    `<NameID Format="${escapeXml(c.nameIdFormat)}">${escapeXml(c.nameId)}</NameID>`,
    '<SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">',
    `<SubjectConfirmationData InResponseTo="${escapeXml(c.inResponseTo)}" NotOnOrAfter="${samlTime(c.subjectNotOnOrAfter)}" Recipient="${escapeXml(c.destination)}"/>`,
    '</SubjectConfirmation>',
    '</Subject>',
    `<Conditions NotBefore="${samlTime(c.notBefore)}" NotOnOrAfter="${samlTime(c.notOnOrAfter)}">`,
    `<AudienceRestriction><Audience>${escapeXml(c.audience)}</Audience></AudienceRestriction>`,
    '</Conditions>',
    `<AttributeStatement>${attributes}</AttributeStatement>`,
    `<AuthnStatement AuthnInstant="${samlTime(c.authnInstant)}" SessionIndex="${escapeXml(c.sessionIndex)}">`,
    `<AuthnContext><AuthnContextClassRef>${PASSWORD_PROTECTED_TRANSPORT}</AuthnContextClassRef></AuthnContext>`,
    '</AuthnStatement>',
    '</Assertion>',
    '</samlp:Response>',
  ].join('');
}

/** The signed Response as XML: the Assertion carries an enveloped RSA-SHA256 signature. */
export async function signedResponseXml(content: ResponseContent, key: { privateKey: CryptoKey; certificate: Uint8Array }): Promise<string> {
  const parsed = parseXml(responseXml(content));
  if (!parsed.ok) throw new Error(`CorpAD built an unparsable response: ${parsed.reason}`);
  const assertion = firstChild(parsed.root, NS.assertion, 'Assertion')!;
  const issuer = firstChild(assertion, NS.assertion, 'Issuer')!;
  await signEnveloped(assertion, { id: content.assertionId, privateKey: key.privateKey, certificate: key.certificate, insertAfter: issuer });
  return serializeXml(parsed.doc);
}

/** The HTTP-POST binding's SAMLResponse value. */
export async function encodedSignedResponse(content: ResponseContent, key: { privateKey: CryptoKey; certificate: Uint8Array }): Promise<string> {
  return encodePost(await signedResponseXml(content, key));
}
