// POST /saml2/idpresponse refuses what it must: every change to the signed assertion, a missing signature, a signature
// by another key, the signature-wrapping trick, an expired assertion, one for another audience or recipient, and a
// response that answers another (or an already answered) AuthnRequest. Each refusal sends the browser back to the app
// with error=server_error and "Invalid SAML response received: …", records a 'saml' note, and creates no code.
import { describe, expect, it } from 'vitest';
import { decodePost, encodePost } from '../../federation/saml/bindings';
import { generateSigningKeyPair, signEnveloped } from '../../federation/saml/xml-dsig';
import { firstChild, NS, parseXml, serializeXml } from '../../federation/saml/xml';
import { createSelfSignedCertificate } from '../../federation/saml/x509';
import type { Note } from '../../core/trace-types';
import { appError, corpAdSigned, postToAcs, samlLab, toCorpAdForm, type SamlLab } from '../../../testing/saml-harness';

const samlNote = (s: SamlLab): Extract<Note, { kind: 'saml' }> => s.lab.sim.trace().at(-1)!.notes.find((n): n is Extract<Note, { kind: 'saml' }> => n.kind === 'saml')!;
const reencode = (xml: string) => encodePost(xml);

async function refused(s: SamlLab, samlResponse: string, relayState: string) {
  const response = await postToAcs(s, { SAMLResponse: samlResponse, RelayState: relayState });
  const error = appError(response);
  expect(error.error).toBe('server_error');
  expect(error.state).toBe('st-123');
  expect(error.code).toBeUndefined();
  return { error, note: samlNote(s) };
}

describe('When the SAML response was changed on its way through the browser', () => {
  it.each([
    ['an attribute value', '<AttributeValue>engineering</AttributeValue>', '<AttributeValue>admins</AttributeValue>'],
    ['the NameID', '>carol.corp</NameID>', '>frank.finance</NameID>'],
    ['the assertion deadline', 'NotOnOrAfter="2026-01-01T12:05:00.000Z" Recipient', 'NotOnOrAfter="2026-01-02T12:05:00.000Z" Recipient'],
  ])('refuses a changed %s: the signature no longer matches', async (_what, from, to) => {
    const s = await samlLab();
    const form = await toCorpAdForm(s);
    expect(form.xml).toContain(from);
    const { error, note } = await refused(s, reencode(form.xml.replace(from, to)), form.relayState);
    expect(error.error_description).toBe('Invalid SAML response received: SAML Assertion signature is invalid.');
    expect(note).toMatchObject({ outcome: 'refused', signature: 'invalid', reason: expect.stringContaining('digest') });
  });

  it('refuses an assertion whose signature was stripped', async () => {
    const s = await samlLab();
    const form = await toCorpAdForm(s);
    const stripped = form.xml.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '');
    expect(stripped).not.toContain('Signature');
    const { error, note } = await refused(s, reencode(stripped), form.relayState);
    expect(error.error_description).toBe('Invalid SAML response received: SAML Assertion is not signed.');
    expect(note).toMatchObject({ signature: 'missing', outcome: 'refused' });
  });

  it('refuses an assertion signed with another key, even with that key\'s certificate in KeyInfo', async () => {
    const s = await samlLab();
    const form = await toCorpAdForm(s);
    const mallory = await generateSigningKeyPair();
    const certificate = await createSelfSignedCertificate({ commonName: 'ADFS Signing - adfs.corp.example', organization: 'CorpAD', serialNumber: Uint8Array.of(9), notBefore: 0, notAfter: Date.UTC(2030, 0, 1), keyPair: mallory });
    const forged = await resign(form.xml.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, ''), mallory.privateKey, certificate);
    const { error, note } = await refused(s, forged, form.relayState);
    expect(error.error_description).toBe('Invalid SAML response received: SAML Assertion signature is invalid.');
    expect(note).toMatchObject({ signature: 'invalid', reason: expect.stringContaining('trusted signing certificate') });
  });

  it.each([
    ['before the signed one', (signed: string, forged: string) => signed.replace('<Assertion ', `${forged}<Assertion `)],
    ['after the signed one', (signed: string, forged: string) => signed.replace('</Assertion>', `</Assertion>${forged}`)],
    ['wrapping the signed one in its Advice', (signed: string, forged: string) => signed.replace(/<Assertion [\s\S]*<\/Assertion>/, (a) => forged.replace('<Subject>', `<Advice>${a}</Advice><Subject>`))],
  ])('refuses the signature-wrapping trick: a forged, unsigned assertion %s', async (_where, wrap) => {
    const s = await samlLab();
    const form = await toCorpAdForm(s);
    const signed = form.xml.match(/<Assertion [\s\S]*<\/Assertion>/)![0];
    const forged = signed.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '').replace(/ID="[^"]+"/, 'ID="_forged"').replace('>carol.corp</NameID>', '>frank.finance</NameID>');
    const { error, note } = await refused(s, reencode(wrap(form.xml, forged)), form.relayState);
    expect(error.error_description).toBe('Invalid SAML response received: The SAML response must contain exactly one assertion.');
    expect(note).toMatchObject({ outcome: 'refused', reason: expect.stringContaining('signature-wrapping') });
    expect(note.nameId).toBeUndefined();
  });
});

describe('When a correctly signed response is not for this request, this pool or this moment', () => {
  it('refuses it once its 5 minutes are over (the virtual clock)', async () => {
    const s = await samlLab();
    const form = await toCorpAdForm(s);
    s.lab.sim.clock.advance(5 * 60_000);
    const { error, note } = await refused(s, form.samlResponse, form.relayState);
    expect(error.error_description).toBe('Invalid SAML response received: The SAML assertion has expired.');
    expect(note).toMatchObject({ signature: 'valid', nameId: 'carol.corp', notOnOrAfter: s.lab.sim.clock.now() });
  });

  it('refuses an assertion for another audience (another user pool)', async () => {
    const s = await samlLab();
    const form = await toCorpAdForm(s);
    const { error, note } = await refused(s, await corpAdSigned(s, form, { audience: 'urn:amazon:cognito:sp:us-east-1_OtherPool' }), form.relayState);
    expect(error.error_description).toBe('Invalid SAML response received: The SAML assertion audience is invalid.');
    expect(note).toMatchObject({ signature: 'valid', audience: 'urn:amazon:cognito:sp:us-east-1_OtherPool' });
  });

  it('refuses an assertion whose bearer confirmation names another recipient', async () => {
    const s = await samlLab();
    const form = await toCorpAdForm(s);
    const other = 'https://other-pool.auth.us-east-1.amazoncognito.com/saml2/idpresponse';
    const signed = decodePost(await corpAdSigned(s, form, {}))!;
    // The Response is addressed to this ACS, but the signed assertion's Recipient is another: re-sign with that Recipient.
    const forged = await corpAdSigned(s, form, { destination: other });
    const withOurDestination = reencode(decodePost(forged)!.replace(`Destination="${other}"`, `Destination="${s.acs}"`));
    expect(signed).toContain(`Recipient="${s.acs}"`);
    const { error, note } = await refused(s, withOurDestination, form.relayState);
    expect(error.error_description).toBe('Invalid SAML response received: The SAML assertion recipient is invalid.');
    expect(note).toMatchObject({ signature: 'valid', reason: expect.stringContaining(other) });
  });

  it('refuses a response addressed (Destination) to another ACS', async () => {
    const s = await samlLab();
    const form = await toCorpAdForm(s);
    const { error } = await refused(s, reencode(form.xml.replace(`Destination="${s.acs}"`, 'Destination="https://evil.example/acs"')), form.relayState);
    expect(error.error_description).toBe('Invalid SAML response received: The SAML response destination is invalid.');
  });

  it('refuses a replayed response: with its spent relay state, and with a new request\'s relay state (InResponseTo)', async () => {
    const s = await samlLab();
    const first = await toCorpAdForm(s);
    expect((await postToAcs(s, { SAMLResponse: first.samlResponse, RelayState: first.relayState })).status).toBe(302);

    const again = await postToAcs(s, { SAMLResponse: first.samlResponse, RelayState: first.relayState });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('Invalid samlResponse or relayState from identity provider');
    expect(samlNote(s)).toMatchObject({ outcome: 'refused', reason: expect.stringContaining('used already') });

    const second = await toCorpAdForm(s);
    expect(second.requestId).not.toBe(first.requestId);
    const { error, note } = await refused(s, first.samlResponse, second.relayState);
    expect(error.error_description).toBe('Invalid SAML response received: The SAML response does not match the authentication request.');
    expect(note.reason).toContain(second.requestId);
    // The request it was meant for is spent as well: its own response is refused now.
    expect((await postToAcs(s, { SAMLResponse: second.samlResponse, RelayState: second.relayState })).status).toBe(400);
  });

  it('refuses an assertion it has accepted before, even inside a response for a new request', async () => {
    const s = await samlLab();
    const form = await toCorpAdForm(s);
    const once = await corpAdSigned(s, form, {});
    expect(new URL((await postToAcs(s, { SAMLResponse: once, RelayState: form.relayState })).headers.get('location')!).searchParams.get('code')).toBeTruthy();
    const next = await toCorpAdForm(s);
    const replayed = await corpAdSigned(s, next, {}); // same assertion ID, a new request
    const { error } = await refused(s, replayed, next.relayState);
    expect(error.error_description).toBe('Invalid SAML response received: The SAML assertion was already used.');
  });
});

describe('When the post itself is wrong', () => {
  it('shows the error page for a relay state the pool never issued, or none', async () => {
    const s = await samlLab();
    const form = await toCorpAdForm(s);
    for (const relayState of ['made-up', undefined]) {
      const response = await postToAcs(s, { SAMLResponse: form.samlResponse, ...(relayState ? { RelayState: relayState } : {}) });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Invalid samlResponse or relayState from identity provider');
      expect(samlNote(s)).toMatchObject({ outcome: 'refused', issuer: 'http://adfs.corp.example/adfs/services/trust', signature: 'missing' });
    }
  });

  it('answers "Invalid base64 SAMLResponse" for a SAMLResponse that is not base64', async () => {
    const s = await samlLab();
    const form = await toCorpAdForm(s);
    const { error } = await refused(s, '%%% not base64 %%%', form.relayState);
    expect(error.error_description).toBe('Invalid base64 SAMLResponse');
  });

  it('takes only POST', async () => {
    const s = await samlLab();
    expect((await s.browser.request(s.acs)).status).toBe(405);
  });
});

/** Signs the assertion of `xml` with another key (what an attacker without CorpAD's key can do at best). */
async function resign(xml: string, privateKey: CryptoKey, certificate: Uint8Array): Promise<string> {
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(parsed.reason);
  const assertion = firstChild(parsed.root, NS.assertion, 'Assertion')!;
  await signEnveloped(assertion, { id: assertion.getAttribute('ID')!, privateKey, certificate, insertAfter: firstChild(assertion, NS.assertion, 'Issuer')! });
  return encodePost(serializeXml(parsed.doc));
}
