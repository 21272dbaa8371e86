// The SAML half of the hosted UI, driven as a browser drives it: /oauth2/authorize?identity_provider=CorpAD, CorpAD's
// sign-in page, the auto-posting form. `toCorpAdForm` stops right before the form is posted to /saml2/idpresponse,
// so a test can post it as it is, change it, or post something else in its place.
import { createBrowser, type Browser } from '../client/browser';
import { readForm } from '../client/html-form';
import { internalsOf } from '../sim/index';
import { corpAdOf } from '../sim/federation/saml/create';
import { CORP_AD_PASSWORDS } from '../sim/federation/saml/corp-ad-directory';
import { decodePost, encodePost } from '../sim/federation/saml/bindings';
import { signedResponseXml, type ResponseContent } from '../sim/federation/saml/response';
import { parseXml } from '../sim/federation/saml/xml';
import { CALLBACK, hostedLab, pkcePair, type HostedLab } from '../sim/hosted-ui/tests/hosted-ui.testkit';

export { CALLBACK };

export interface SamlLab {
  lab: HostedLab;
  browser: Browser;
  acs: string;
  audience: string;
}

export async function samlLab(seed = 21): Promise<SamlLab> {
  const lab = await hostedLab({ seed });
  const browser = createBrowser({ fetch: (request, init) => lab.sim.fetch(request, init), now: () => lab.sim.clock.now() });
  return { lab, browser, acs: `${lab.domain}/saml2/idpresponse`, audience: `urn:amazon:cognito:sp:${lab.poolId}` };
}

export interface CorpAdForm {
  /** Where the form posts: the user pool's ACS. */
  action: string;
  samlResponse: string;
  relayState: string;
  /** The decoded SAMLResponse. */
  xml: string;
  /** The AuthnRequest ID the response answers. */
  requestId: string;
  verifier: string;
}

/** authorize?identity_provider=CorpAD → CorpAD's sign-in page → the employee signs in → the form CorpAD answers with. */
export async function toCorpAdForm(s: SamlLab, employee = 'carol.corp', params: Record<string, string> = {}): Promise<CorpAdForm> {
  const pkce = await pkcePair();
  const page = await s.browser.get(s.lab.authorizeUrl({ identity_provider: 'CorpAD', scope: 'openid email profile', code_challenge: pkce.challenge, code_challenge_method: 'S256', ...params }));
  if (page.status !== 200) throw new Error(`CorpAD's sign-in page answered ${page.status}: ${await page.text()}`);
  const pageHtml = await page.text();
  // With a CorpAD session (single sign-on) the first page is already the auto-posting form.
  const form = pageHtml.includes('name="SAMLResponse"')
    ? readForm(pageHtml, s.browser.urlOf(page))
    : await (async () => {
        const signIn = readForm(pageHtml, s.browser.urlOf(page));
        const answered = await s.browser.submitForm(signIn.action, { ...signIn.hidden, UserName: employee, Password: CORP_AD_PASSWORDS[employee]! });
        return readForm(await answered.text(), s.browser.urlOf(answered));
      })();
  const xml = decodePost(form.hidden.SAMLResponse!)!;
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { action: form.action, samlResponse: form.hidden.SAMLResponse!, relayState: form.hidden.RelayState!, xml, requestId: parsed.root.getAttribute('InResponseTo')!, verifier: pkce.verifier };
}

/** Posts a SAMLResponse to the ACS as the browser would, without following the redirect that answers it. */
export function postToAcs(s: SamlLab, fields: { SAMLResponse?: string; RelayState?: string }): Promise<Response> {
  const body = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return s.browser.request(s.acs, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });
}

/** What CorpAD would have signed for this form's request, with some values changed, signed with CorpAD's real key. */
export async function corpAdSigned(s: SamlLab, form: CorpAdForm, overrides: Partial<ResponseContent>): Promise<string> {
  const key = await corpAdOf(internalsOf(s.lab.sim).env.pools)!.signingKey();
  const now = s.lab.sim.clock.now();
  const content: ResponseContent = {
    responseId: '_forged-response',
    assertionId: '_forged-assertion',
    issueInstant: now,
    issuer: 'http://adfs.corp.example/adfs/services/trust',
    destination: s.acs,
    inResponseTo: form.requestId,
    nameId: 'carol.corp',
    nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    audience: s.audience,
    notBefore: now,
    notOnOrAfter: now + 300_000,
    subjectNotOnOrAfter: now + 300_000,
    authnInstant: now,
    sessionIndex: '_session',
    attributes: [{ name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', values: ['carol@corp.example'] }],
    ...overrides,
  };
  return encodePost(await signedResponseXml(content, { privateKey: key.privateKey, certificate: key.certificate }));
}

/** The error parameters of the redirect back to the app. */
export function appError(response: Response): Record<string, string> {
  const location = response.headers.get('location');
  if (response.status !== 302 || !location?.startsWith(CALLBACK)) throw new Error(`expected a redirect to the app, got ${response.status} ${location ?? ''}`);
  return Object.fromEntries(new URL(location).searchParams);
}
