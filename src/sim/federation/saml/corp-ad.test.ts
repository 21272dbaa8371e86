// CorpAD, the simulated AD FS, on its own: its metadata, the SP-initiated sign-in page behind an HTTP-Redirect
// AuthnRequest, the password check, and the signed SAMLResponse it posts back, checked with xmldsigjs against the key
// taken from the published metadata (as any relying party would).
import { describe, expect, it } from 'vitest';
import { readForm } from '../../../client/html-form';
import { createClock } from '../../core/clock';
import { createRandom } from '../../core/random';
import { createRouter } from '../../core/router';
import { createTraceRecorder } from '../../core/trace';
import { buildAuthnRequest } from './authn-request';
import { decodePost, deflateAndEncode } from './bindings';
import { CLAIMS, CORP_AD_ENTITY_ID, CORP_AD_METADATA_URL, CORP_AD_PASSWORDS, CORP_AD_SSO_URL } from './corp-ad-directory';
import { createCorpAd } from './corp-ad';
import { parseIdpMetadata } from './metadata';
import { descendantsNamed, firstChild, NS, parseXml, textOf } from './xml';
import { keyFromMetadata, xmldsigjsVerify } from './xmldsig-oracle.testkit';
import { CORP_AD_DEMO } from '../../../content/scenarios/saml-corporate-sign-in';

const T = Date.UTC(2026, 0, 1, 12, 0, 0);
const SP = 'urn:amazon:cognito:sp:us-east-1_TEST12345';
const ACS = 'https://learner-lab.auth.us-east-1.amazoncognito.com/saml2/idpresponse';

function setUp() {
  const clock = createClock(T);
  const trace = createTraceRecorder();
  const router = createRouter({ clock, random: createRandom(1), trace });
  const corpAd = createCorpAd({ clock, random: createRandom(2), relyingParties: () => [{ entityId: SP, acsUrl: ACS, displayName: 'LearnerPool' }] });
  router.register(corpAd.service);
  const get = (url: string, cookie?: string) => router.fetch(new Request(url, { headers: cookie ? { cookie } : {} }), { from: 'browser' });
  const post = (url: string, fields: Record<string, string>) =>
    router.fetch(new Request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() }), { from: 'browser' });
  return { clock, trace, corpAd, get, post };
}

async function ssoUrl(overrides: { issuer?: string; acs?: string; id?: string; relayState?: string } = {}) {
  const xml = buildAuthnRequest({ id: overrides.id ?? '_req1', issueInstant: T, destination: CORP_AD_SSO_URL, issuer: overrides.issuer ?? SP, assertionConsumerServiceUrl: overrides.acs ?? ACS });
  const url = new URL(CORP_AD_SSO_URL);
  url.searchParams.set('SAMLRequest', await deflateAndEncode(xml));
  url.searchParams.set('RelayState', overrides.relayState ?? 'relay-123');
  return url.href;
}

async function signIn(env: ReturnType<typeof setUp>, username = 'carol.corp', password = CORP_AD_PASSWORDS[username]!) {
  const url = await ssoUrl();
  const page = await env.get(url);
  expect(page.status).toBe(200);
  const form = readForm(await page.text(), url);
  return env.post(form.action, { ...form.hidden, UserName: username, Password: password });
}

describe('CorpAD employees', () => {
  it('include the scenario\'s employee with the password the scenario types, and Carol matches the pool\'s CorpAD_carol.corp', () => {
    expect(CORP_AD_PASSWORDS[CORP_AD_DEMO.username]).toBe(CORP_AD_DEMO.password);
    expect(CORP_AD_DEMO.entityId).toBe(CORP_AD_ENTITY_ID);
  });
});

describe('CorpAD metadata', () => {
  it('names the entity, its SSO endpoints and a signing certificate whose key verifies what CorpAD signs', async () => {
    const env = setUp();
    const response = await env.get(CORP_AD_METADATA_URL);
    expect(response.headers.get('content-type')).toBe('application/samlmetadata+xml');
    const xml = await response.text();
    const parsed = parseIdpMetadata(xml);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.metadata.entityId).toBe(CORP_AD_ENTITY_ID);
    expect(parsed.metadata.singleSignOn.map((s) => s.location)).toEqual([CORP_AD_SSO_URL, CORP_AD_SSO_URL]);
    expect(parsed.metadata.signingCertificates).toHaveLength(1);
    const key = await keyFromMetadata(xml);
    const posted = await signIn(env);
    const samlXml = decodePost(readForm(await posted.text(), CORP_AD_SSO_URL).hidden.SAMLResponse!)!;
    expect(await xmldsigjsVerify(samlXml, 'Assertion', key)).toBe(true);
  });
});

describe('SP-initiated sign-in at CorpAD', () => {
  it('shows the sign-in page for an AuthnRequest from a trusted relying party', async () => {
    const env = setUp();
    const page = await env.get(await ssoUrl());
    const body = await page.text();
    expect(page.status).toBe(200);
    expect(body).toContain('You are signing in to <strong>LearnerPool</strong>');
    expect(body).toMatch(/name="UserName"/);
    expect(env.trace.all().at(-1)!.notes).toContainEqual(expect.objectContaining({ kind: 'federation', step: 'idp-sign-in', outcome: 'ok', providerType: 'SAML' }));
  });

  it.each([
    ['an unknown service provider', { issuer: 'urn:amazon:cognito:sp:us-east-1_OTHER1234' }, 'no relying party trust exists'],
    ['an ACS that is not the registered one', { acs: 'https://evil.example/saml2/idpresponse' }, 'is not the assertion consumer service registered'],
    ['an ID that is not an xs:ID', { id: '123' }, 'no valid ID'],
  ])('refuses %s', async (_what, overrides, message) => {
    const env = setUp();
    const response = await env.get(await ssoUrl(overrides));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
  });

  it('refuses a SAMLRequest that is not deflated base64, and a missing one', async () => {
    const env = setUp();
    expect((await env.get(`${CORP_AD_SSO_URL}?SAMLRequest=not-deflate&RelayState=x`)).status).toBe(400);
    expect((await env.get(CORP_AD_SSO_URL)).status).toBe(400);
  });

  it('says only "incorrect user ID or password" for a wrong password or an unknown account', async () => {
    const env = setUp();
    for (const [user, password] of [['carol.corp', 'wrong'], ['nobody', 'x']] as const) {
      const response = await signIn(env, user, password);
      const body = await response.text();
      expect(body).toContain('Incorrect user ID or password.');
      expect(body).not.toContain('SAMLResponse');
    }
  });

  it('answers a correct password with an auto-posting form to the ACS carrying the signed SAMLResponse and the RelayState', async () => {
    const env = setUp();
    const response = await signIn(env);
    const html = await response.text();
    expect(html).toContain('document.forms[0].submit()');
    const form = readForm(html, CORP_AD_SSO_URL);
    expect(form.action).toBe(ACS);
    expect(form.hidden.RelayState).toBe('relay-123');
    const xml = decodePost(form.hidden.SAMLResponse!)!;
    const parsed = parseXml(xml);
    if (!parsed.ok) throw new Error(parsed.reason);
    const root = parsed.root;
    expect(root.getAttribute('Destination')).toBe(ACS);
    expect(root.getAttribute('InResponseTo')).toBe('_req1');
    const assertion = firstChild(root, NS.assertion, 'Assertion')!;
    expect(textOf(firstChild(assertion, NS.assertion, 'Issuer'))).toBe(CORP_AD_ENTITY_ID);
    expect(textOf(descendantsNamed(assertion, NS.assertion, 'NameID')[0])).toBe('carol.corp');
    const confirmation = descendantsNamed(assertion, NS.assertion, 'SubjectConfirmationData')[0]!;
    expect(confirmation.getAttribute('Recipient')).toBe(ACS);
    expect(confirmation.getAttribute('InResponseTo')).toBe('_req1');
    expect(confirmation.getAttribute('NotOnOrAfter')).toBe('2026-01-01T12:05:00.000Z');
    const conditions = firstChild(assertion, NS.assertion, 'Conditions')!;
    expect([conditions.getAttribute('NotBefore'), conditions.getAttribute('NotOnOrAfter')]).toEqual(['2026-01-01T12:00:00.000Z', '2026-01-01T12:05:00.000Z']);
    expect(textOf(descendantsNamed(conditions, NS.assertion, 'Audience')[0])).toBe(SP);
    expect(descendantsNamed(assertion, NS.assertion, 'AuthnStatement')).toHaveLength(1);
    const attributes = Object.fromEntries(descendantsNamed(assertion, NS.assertion, 'Attribute').map((a) => [a.getAttribute('Name'), descendantsNamed(a, NS.assertion, 'AttributeValue').map((v) => textOf(v))]));
    expect(attributes).toEqual({ [CLAIMS.email]: ['carol@corp.example'], [CLAIMS.name]: ['Carol Corp'], [CLAIMS.department]: ['Engineering'], [CLAIMS.group]: ['engineering', 'all-staff'] });
    expect(await xmldsigjsVerify(xml, 'Assertion', (await env.corpAd.signingKey()).publicKey)).toBe(true);
    expect(response.headers.get('set-cookie')).toMatch(/^MSISAuth=\w+; Path=\/adfs; Secure; HttpOnly/);
  });

  it('signs the employee in silently while its CorpAD session lasts (single sign-on)', async () => {
    const env = setUp();
    const first = await signIn(env, 'frank.finance');
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const again = await env.get(await ssoUrl({ id: '_req2', relayState: 'relay-456' }), cookie);
    const form = readForm(await again.text(), CORP_AD_SSO_URL);
    expect(form.hidden.RelayState).toBe('relay-456');
    expect(decodePost(form.hidden.SAMLResponse!)).toContain('>frank.finance</NameID>');
    env.clock.advance(481 * 60_000);
    expect(await (await env.get(await ssoUrl({ id: '_req3' }), cookie)).text()).toContain('name="UserName"');
  });
});
