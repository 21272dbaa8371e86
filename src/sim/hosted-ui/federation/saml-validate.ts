// What the user pool checks in a SAML response posted to /saml2/idpresponse, in order, before it believes a word of
// it (saml-core-2.0-os §3.2.2, saml-profiles-2.0-os §4.1.4.3 for the Web Browser SSO profile's bearer assertions):
//   the Response holds exactly one Assertion, directly under it (anything else is how signature wrapping hides a
//   forged assertion next to a signed one);
//   that Assertion carries a valid RSA-SHA256 signature by a certificate of the IdP's metadata, over itself;
//   the Response is a successful one from the trusted IdP, addressed to this ACS (Destination), answering the
//   AuthnRequest this relay state stands for (InResponseTo);
//   the bearer confirmation names this ACS (Recipient), this request (InResponseTo) and has not expired;
//   the Conditions' window contains the virtual clock's now, and the AudienceRestriction names this user pool
//   (urn:amazon:cognito:sp:{poolId});
//   the assertion was not seen before (no replay).
// [P] Cognito enforces the audience, InResponseTo and Recipient checks (AWS's notice to customers, 2023, quoted in
// github.com/c6fc/npk/issues/87); [V COGDOC cognito-user-pools-saml-idp-things-to-know] it refuses replayed assertions
// and accepts a signature by any signing certificate in the IdP's metadata.
import type { Element } from '@xmldom/xmldom';
import { childrenNamed, descendantsNamed, firstChild, is, NS, parseSamlTime, parseXml, textOf } from '../../federation/saml/xml';
import { verifyEnveloped } from '../../federation/saml/xml-dsig';

export interface SamlExpectations {
  /** The IdP's entity ID from its metadata. */
  issuer: string;
  /** https://{domain}/saml2/idpresponse */
  acsUrl: string;
  /** urn:amazon:cognito:sp:{poolId} */
  audience: string;
  /** The ID of the AuthnRequest this relay state stands for. */
  requestId: string;
  now: number;
  trustedKeys: readonly CryptoKey[];
  /** Assertion IDs already consumed. */
  seenAssertion: (id: string) => boolean;
}

export interface SamlFacts {
  issuer?: string;
  nameId?: string;
  audience?: string;
  notOnOrAfter?: number;
  signatureMethod?: string;
  digestMethod?: string;
  attributes?: Record<string, string>;
}

export type SamlCheck =
  | ({ ok: true; signature: 'valid'; issuer: string; nameId: string; assertionId: string; attributes: Record<string, string> } & SamlFacts)
  | ({ ok: false; signature: 'valid' | 'invalid' | 'missing'; reason: string; message: string } & SamlFacts);

const PREFIX = 'Invalid SAML response received: ';
const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

/**
 * Cognito's form for an attribute with several values [V COGDOC cognito-user-pools-specifying-attribute-mapping: values
 * of multi-valued attributes are URL form encoded except letters, digits, '.', '-', '*' and '_'] in brackets, comma
 * separated [P aws-samples/amazon-cognito-example-for-external-idp: "[g1,g2]"].
 */
export function joinValues(values: readonly string[]): string {
  if (values.length === 1) return values[0]!;
  const encode = (v: string) => encodeURIComponent(v).replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
  return `[${values.map(encode).join(',')}]`;
}

function attributesOf(assertion: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const statement of childrenNamed(assertion, NS.assertion, 'AttributeStatement')) {
    for (const attribute of childrenNamed(statement, NS.assertion, 'Attribute')) {
      const name = attribute.getAttribute('Name');
      if (!name) continue;
      out[name] = joinValues(childrenNamed(attribute, NS.assertion, 'AttributeValue').map((v) => v.textContent ?? ''));
    }
  }
  return out;
}

export async function checkSamlResponse(xml: string, expect: SamlExpectations): Promise<SamlCheck> {
  let signature: 'valid' | 'invalid' | 'missing' = 'missing';
  const facts: SamlFacts = {};
  const refuse = (message: string, reason: string): SamlCheck => ({ ok: false, signature, reason, message: `${PREFIX}${message}`, ...facts });

  const parsed = parseXml(xml);
  if (!parsed.ok) return refuse('The SAML response could not be parsed.', `The SAMLResponse is not a SAML document: ${parsed.reason}.`);
  const response = parsed.root;
  if (!is(response, NS.protocol, 'Response') || response.getAttribute('Version') !== '2.0') return refuse('The SAML response could not be parsed.', `The message is a ${response.localName}, not a SAML 2.0 samlp:Response.`);
  // Exactly one assertion, right under the Response: a second (unsigned) one elsewhere is signature wrapping.
  if (descendantsNamed(response, NS.assertion, 'EncryptedAssertion').length > 0) return refuse('Encrypted assertions are not accepted.', 'The Response carries an EncryptedAssertion, but encrypted responses are not switched on for this provider.');
  const assertions = descendantsNamed(response, NS.assertion, 'Assertion');
  const direct = childrenNamed(response, NS.assertion, 'Assertion');
  if (assertions.length !== 1 || direct.length !== 1) {
    return refuse('The SAML response must contain exactly one assertion.', `The Response holds ${assertions.length} Assertion elements (${direct.length} directly under it). Exactly one is allowed: a second assertion next to a signed one is the XML signature-wrapping attack, where the signature vouches for one assertion and the reader takes the other.`);
  }
  const assertion = direct[0]!;

  // The Response itself may be signed too; if it is, that signature must hold.
  const responseSignature = await verifyEnveloped(response, response, expect.trustedKeys);
  if (responseSignature.outcome === 'invalid') {
    signature = 'invalid';
    return refuse('SAML Response signature is invalid.', responseSignature.reason);
  }
  const check = await verifyEnveloped(assertion, response, expect.trustedKeys);
  if (check.outcome !== 'missing') Object.assign(facts, { ...(check.signatureMethod ? { signatureMethod: check.signatureMethod } : {}), ...(check.digestMethod ? { digestMethod: check.digestMethod } : {}) });
  if (check.outcome === 'missing') return refuse('SAML Assertion is not signed.', 'The Assertion carries no signature. The user pool asks for signed assertions (WantAssertionsSigned): without a signature anyone could have written it.');
  if (check.outcome === 'invalid') {
    signature = 'invalid';
    // [P ISS aws/aws-sdk-js-v3#6201] AWS's words for a signature that does not verify.
    return refuse('SAML Assertion signature is invalid.', check.reason);
  }
  signature = 'valid';

  // What the signed assertion says (read from it only), for the checks below and for the trace.
  const issuer = textOf(firstChild(assertion, NS.assertion, 'Issuer'));
  facts.issuer = issuer;
  const subject = firstChild(assertion, NS.assertion, 'Subject');
  const nameId = textOf(subject && firstChild(subject, NS.assertion, 'NameID'));
  if (nameId) facts.nameId = nameId;
  const attributes = attributesOf(assertion);
  facts.attributes = attributes;
  const conditions = firstChild(assertion, NS.assertion, 'Conditions');
  const audiences = conditions ? childrenNamed(conditions, NS.assertion, 'AudienceRestriction').flatMap((r) => childrenNamed(r, NS.assertion, 'Audience').map((a) => textOf(a))) : [];
  if (audiences.length > 0) facts.audience = audiences.join(' ');
  const notBefore = parseSamlTime(conditions?.getAttribute('NotBefore') ?? '');
  const notOnOrAfter = parseSamlTime(conditions?.getAttribute('NotOnOrAfter') ?? '');
  if (notOnOrAfter !== undefined) facts.notOnOrAfter = notOnOrAfter;

  const status = firstChild(response, NS.protocol, 'Status');
  const code = status && firstChild(status, NS.protocol, 'StatusCode')?.getAttribute('Value');
  if (code !== SUCCESS) return refuse('The identity provider did not authenticate the user.', `The Response's status is ${code ?? '(none)'}, not Success: the IdP reports that the sign-in failed.`);
  const responseIssuer = textOf(firstChild(response, NS.assertion, 'Issuer'));
  if (responseIssuer && responseIssuer !== expect.issuer) return refuse('The SAML response was issued by an unknown identity provider.', `The Response's Issuer ${responseIssuer} is not ${expect.issuer}, the entity ID in the provider's metadata.`);
  const destination = response.getAttribute('Destination');
  if (destination !== null && destination !== expect.acsUrl) return refuse('The SAML response destination is invalid.', `The Response is addressed to ${destination}, not to this user pool's ACS ${expect.acsUrl}.`);
  if (response.getAttribute('InResponseTo') !== expect.requestId) {
    return refuse('The SAML response does not match the authentication request.', `The Response's InResponseTo (${response.getAttribute('InResponseTo') ?? 'missing'}) is not ${expect.requestId}, the ID of the AuthnRequest this relay state was issued with: the user pool did not ask for this response.`);
  }
  if (issuer !== expect.issuer) return refuse('The SAML assertion was issued by an unknown identity provider.', `The Assertion's Issuer ${issuer || '(none)'} is not ${expect.issuer}.`);
  if (!subject || !nameId) return refuse('The SAML assertion has no NameID.', 'The Assertion has no Subject/NameID, and the NameID is what the user pool user is named after (CorpAD_<NameID>).');

  const confirmations = childrenNamed(subject, NS.assertion, 'SubjectConfirmation').filter((c) => c.getAttribute('Method') === BEARER);
  const data = confirmations.map((c) => firstChild(c, NS.assertion, 'SubjectConfirmationData')).filter((d): d is Element => d !== undefined);
  if (data.length === 0) return refuse('The SAML assertion has no bearer subject confirmation.', 'The Subject has no bearer SubjectConfirmation with SubjectConfirmationData (Recipient, NotOnOrAfter, InResponseTo).');
  const recipientOk = data.find((d) => d.getAttribute('Recipient') === expect.acsUrl);
  if (!recipientOk) return refuse('The SAML assertion recipient is invalid.', `SubjectConfirmationData Recipient is ${data.map((d) => d.getAttribute('Recipient') ?? '(none)').join(', ')}, not this user pool's ACS ${expect.acsUrl}: the assertion was meant for someone else.`);
  if (recipientOk.getAttribute('InResponseTo') !== expect.requestId) return refuse('The SAML response does not match the authentication request.', `SubjectConfirmationData InResponseTo (${recipientOk.getAttribute('InResponseTo') ?? 'missing'}) is not ${expect.requestId}.`);
  const confirmationDeadline = parseSamlTime(recipientOk.getAttribute('NotOnOrAfter') ?? '');
  if (confirmationDeadline === undefined || expect.now >= confirmationDeadline) return refuse('The SAML assertion has expired.', `The bearer confirmation was good until ${recipientOk.getAttribute('NotOnOrAfter') ?? '(no NotOnOrAfter)'}; it is now ${new Date(expect.now).toISOString()}.`);
  if (notBefore !== undefined && expect.now < notBefore) return refuse('The SAML assertion is not yet valid.', `Conditions NotBefore is ${conditions!.getAttribute('NotBefore')}; it is now ${new Date(expect.now).toISOString()}.`);
  if (notOnOrAfter !== undefined && expect.now >= notOnOrAfter) return refuse('The SAML assertion has expired.', `Conditions NotOnOrAfter was ${conditions!.getAttribute('NotOnOrAfter')}; it is now ${new Date(expect.now).toISOString()}. Assertions are short-lived so a stolen one is soon useless.`);
  if (!audiences.includes(expect.audience)) return refuse('The SAML assertion audience is invalid.', `The AudienceRestriction names ${audiences.join(', ') || 'no audience'}, not this user pool (${expect.audience}): an assertion for another service provider must not open this one.`);
  const assertionId = assertion.getAttribute('ID') ?? '';
  if (expect.seenAssertion(assertionId)) return refuse('The SAML assertion was already used.', `Assertion ${assertionId} was already accepted once; a replayed assertion is refused.`);
  return { ok: true, signature, issuer, nameId, assertionId, attributes, ...facts };
}
