// The XML-DSig of SAML assertions, checked against an independent implementation (xmldsigjs): what CorpAD signs
// verifies there, what xmldsigjs signs verifies here, and every change to the signed content is caught by both.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Element } from '@xmldom/xmldom';
import { firstChild, NS, parseXml } from './xml';
import { excC14n } from './c14n';
import { generateSigningKeyPair, verifyEnveloped, ALGORITHMS } from './xml-dsig';
import { responseXml, signedResponseXml, type ResponseContent } from './response';
import { createSelfSignedCertificate } from './x509';
import { xmldsigjsSign, xmldsigjsVerify } from './xmldsig-oracle.testkit';

const T = Date.UTC(2026, 0, 1, 12, 0, 0);

const content = (overrides: Partial<ResponseContent> = {}): ResponseContent => ({
  responseId: '_r1',
  assertionId: '_a1',
  issueInstant: T,
  issuer: 'http://adfs.corp.example/adfs/services/trust',
  destination: 'https://learner-lab.auth.us-east-1.amazoncognito.com/saml2/idpresponse',
  inResponseTo: '_req1',
  nameId: 'carol.corp',
  nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
  audience: 'urn:amazon:cognito:sp:us-east-1_TEST12345',
  notBefore: T,
  notOnOrAfter: T + 300_000,
  subjectNotOnOrAfter: T + 300_000,
  authnInstant: T,
  sessionIndex: '_s1',
  attributes: [
    { name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', values: ['carol@corp.example'] },
    { name: 'http://schemas.xmlsoap.org/claims/Group', values: ['engineering', 'all-staff'] },
  ],
  ...overrides,
});

const keys = await generateSigningKeyPair();
const certificate = await createSelfSignedCertificate({ commonName: 'test', organization: 'test', serialNumber: Uint8Array.of(1), notBefore: T, notAfter: T + 1e10, keyPair: keys });
const signedXml = (c: ResponseContent = content()) => signedResponseXml(c, { privateKey: keys.privateKey, certificate });

async function ourCheck(xml: string, trusted: CryptoKey[] = [keys.publicKey]) {
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(parsed.reason);
  const assertion = firstChild(parsed.root, NS.assertion, 'Assertion')!;
  return verifyEnveloped(assertion, parsed.root, trusted);
}

describe('An assertion CorpAD signs', () => {
  it('verifies with xmldsigjs (an independent implementation) and with the simulator', async () => {
    const xml = await signedXml();
    expect(await xmldsigjsVerify(xml, 'Assertion', keys.publicKey)).toBe(true);
    expect(await ourCheck(xml)).toEqual({ outcome: 'valid', signatureMethod: ALGORITHMS.rsaSha256, digestMethod: ALGORITHMS.sha256 });
  });

  it('has the signature right after the Issuer, with exc-c14n, RSA-SHA256 and a SHA-256 digest of the assertion', async () => {
    const xml = await signedXml();
    const parsed = parseXml(xml);
    if (!parsed.ok) throw new Error(parsed.reason);
    const assertion = firstChild(parsed.root, NS.assertion, 'Assertion')!;
    const names = [];
    for (let n = assertion.firstChild; n; n = n.nextSibling) names.push(n.nodeName);
    expect(names).toEqual(['Issuer', 'ds:Signature', 'Subject', 'Conditions', 'AttributeStatement', 'AuthnStatement']);
    expect(xml).toContain(`<ds:Reference URI="#_a1">`);
    expect(xml).toContain(`<ds:Transform Algorithm="${ALGORITHMS.enveloped}"/><ds:Transform Algorithm="${ALGORITHMS.excC14n}"/>`);
  });

  it('fails both checks once an attribute value, the NameID or a condition is changed', async () => {
    const xml = await signedXml();
    for (const [from, to] of [
      ['<AttributeValue>engineering</AttributeValue>', '<AttributeValue>admins</AttributeValue>'],
      ['>carol.corp</NameID>', '>frank.finance</NameID>'],
      ['Audience>urn:amazon:cognito:sp:us-east-1_TEST12345<', 'Audience>urn:amazon:cognito:sp:us-east-1_OTHER1234<'],
    ] as const) {
      const tampered = xml.replace(from, to);
      expect(tampered).not.toBe(xml);
      expect(await xmldsigjsVerify(tampered, 'Assertion', keys.publicKey).catch(() => false)).toBe(false);
      expect(await ourCheck(tampered)).toMatchObject({ outcome: 'invalid', reason: expect.stringContaining('digest') });
    }
  });

  it('is reported missing when the signature is stripped, and invalid with another key', async () => {
    const xml = await signedXml();
    const stripped = xml.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '');
    expect(await ourCheck(stripped)).toEqual({ outcome: 'missing' });
    const other = await generateSigningKeyPair();
    expect(await ourCheck(xml, [other.publicKey])).toMatchObject({ outcome: 'invalid', reason: expect.stringContaining('trusted signing certificate') });
    expect(await xmldsigjsVerify(xml, 'Assertion', other.publicKey)).toBe(false);
  });

  it('verifies the other way round: xmldsigjs signs, the simulator checks', async () => {
    const xml = await xmldsigjsSign(responseXml(content()), '_a1', keys.privateKey);
    expect(await ourCheck(xml)).toMatchObject({ outcome: 'valid' });
    expect(await ourCheck(xml.replace('carol@corp.example', 'mallory@corp.example'))).toMatchObject({ outcome: 'invalid' });
  });

  it('verifies with xmldsigjs whatever the values hold (escaping, unicode, whitespace)', async () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '&', '<', '>', '"', "'", '\t', '\n', '\r', 'é', '漢', '\u{1F600}', ']]>', '='), maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(text, text, async (nameId, value) => {
        const xml = await signedXml(content({ nameId, attributes: [{ name: 'urn:test:x', values: [value] }] }));
        expect(await xmldsigjsVerify(xml, 'Assertion', keys.publicKey)).toBe(true);
        expect((await ourCheck(xml)).outcome).toBe('valid');
      }),
      { numRuns: 25 },
    );
  });
});

describe('Exclusive canonicalization', () => {
  const c14n = (xml: string, select = (root: Element) => root) => {
    const parsed = parseXml(xml);
    if (!parsed.ok) throw new Error(parsed.reason);
    return excC14n(select(parsed.root));
  };

  it('sorts attributes, expands empty elements, escapes, drops comments and writes only used namespaces', () => {
    expect(c14n('<a xmlns:unused="urn:u" z="1" b=\'&quot;x&quot;\'><!-- c --><e/>1 &lt; 2 &amp; 3 > 2</a>')).toBe('<a b="&quot;x&quot;" z="1"><e></e>1 &lt; 2 &amp; 3 &gt; 2</a>');
  });

  it('declares a namespace on the first element of the subset that uses it, and not again below', () => {
    const xml = '<r:root xmlns:r="urn:r" xmlns:p="urn:p"><p:child p:attr="v" plain="w"><p:leaf/></p:child></r:root>';
    expect(c14n(xml, (root) => root.firstChild as Element)).toBe('<p:child xmlns:p="urn:p" plain="w" p:attr="v"><p:leaf></p:leaf></p:child>');
  });

  it('orders attributes by namespace URI first, and writes xmlns="" only to undo a rendered default namespace', () => {
    expect(c14n('<a xmlns="urn:d" xmlns:y="urn:b" xmlns:x="urn:a" y:k="1" x:k="2" k="3"><b xmlns=""/></a>')).toBe('<a xmlns="urn:d" xmlns:x="urn:a" xmlns:y="urn:b" k="3" x:k="2" y:k="1"><b xmlns=""></b></a>');
    expect(c14n('<a><b xmlns=""/></a>')).toBe('<a><b></b></a>');
  });

  it('escapes tabs and line breaks in attribute values and carriage returns in text', () => {
    expect(c14n('<a v="&#9;&#10;&#13;">x&#13;y</a>')).toBe('<a v="&#x9;&#xA;&#xD;">x&#xD;y</a>');
  });
});
