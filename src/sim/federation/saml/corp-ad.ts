// CorpAD's identity provider service at https://adfs.corp.example, shaped like AD FS:
//   GET  /FederationMetadata/2007-06/FederationMetadata.xml  its SAML metadata (entity ID, SSO URL, signing certificate)
//   GET  /adfs/ls/?SAMLRequest=…&RelayState=…                 SP-initiated sign-in (HTTP-Redirect binding): the sign-in page,
//                                                             or straight back with an assertion when a CorpAD session exists
//   POST /adfs/ls/?SAMLRequest=…&RelayState=…                 the sign-in form: on success, the HTTP-POST binding's
//                                                             auto-submitting form with the signed SAMLResponse
// It answers only relying parties it has a trust for: each user pool that names CorpAD's metadata URL, by the pool's
// entity ID urn:amazon:cognito:sp:{poolId} and its ACS https://{domain}/saml2/idpresponse, as an AD FS relying
// party trust records them.
import type { Clock } from '../../core/clock';
import type { Random } from '../../core/random';
import type { Service, ServiceContext } from '../../core/router';
import { html } from '../../hosted-ui/responses';
import { messagePage } from '../../hosted-ui/pages';
import { readCookie } from '../../hosted-ui/cookies';
import { utf8 } from '../../../lib/encoding';
import { BINDINGS, NAME_ID_FORMAT, parseAuthnRequest, type AuthnRequest } from './authn-request';
import { decodeAndInflate } from './bindings';
import { claimsOf, CORP_AD_ENTITY_ID, CORP_AD_HOST, CORP_AD_METADATA_PATH, CORP_AD_SSO_PATH, CORP_AD_SSO_URL, findEmployee, type Employee } from './corp-ad-directory';
import { createCorpAdKeys, type SigningKey } from './corp-ad-keys';
import { idpErrorPage, postFormPage, signInPage } from './corp-ad-pages';
import { idpMetadataXml } from './metadata';
import { encodedSignedResponse } from './response';

export interface RelyingParty {
  /** urn:amazon:cognito:sp:{poolId} */
  entityId: string;
  /** https://{domain}/saml2/idpresponse */
  acsUrl: string;
  /** For the sign-in page: the user pool's name. */
  displayName: string;
}

export interface CorpAdDeps {
  clock: Clock;
  random: Random;
  relyingParties: () => readonly RelyingParty[];
}

export interface CorpAd {
  service: Service;
  signingKey: () => Promise<SigningKey>;
}

const MINUTE = 60_000;
/** The assertion's validity: NotBefore = now, NotOnOrAfter = now + 5 minutes. */
const ASSERTION_LIFETIME = 5 * MINUTE;
/** [P] AD FS's default web SSO lifetime: 480 minutes. */
const SESSION_LIFETIME = 480 * MINUTE;
const SESSION_COOKIE = 'MSISAuth';
const INCORRECT = 'Incorrect user ID or password. Type the correct user ID and password, and try again.';

export function createCorpAd(deps: CorpAdDeps): CorpAd {
  const signingKey = createCorpAdKeys(deps.clock, deps.random);
  const sessions = new Map<string, { username: string; authnInstant: number; expiresAt: number }>();
  const note = (call: ServiceContext, step: 'idp-sign-in' | 'assertion', outcome: 'ok' | 'refused', summary: string, extra: { subject?: string; attributes?: Record<string, string> } = {}) =>
    call.note({ kind: 'federation', summary, provider: 'CorpAD', providerType: 'SAML', step, outcome, ...extra });

  async function metadata(): Promise<Response> {
    const key = await signingKey();
    const xml = idpMetadataXml({
      id: `_${deps.random.uuid()}`,
      entityId: CORP_AD_ENTITY_ID,
      signingCertificates: [key.certificate],
      nameIdFormats: [NAME_ID_FORMAT.unspecified, NAME_ID_FORMAT.email, NAME_ID_FORMAT.persistent],
      singleSignOn: [
        { binding: BINDINGS.redirect, location: CORP_AD_SSO_URL },
        { binding: BINDINGS.post, location: CORP_AD_SSO_URL },
      ],
    });
    return new Response(xml, { status: 200, headers: { 'content-type': 'application/samlmetadata+xml' } });
  }

  /** The AuthnRequest of the query string, checked against the relying party trusts; or the error page. */
  async function readRequest(call: ServiceContext): Promise<{ request: AuthnRequest; party: RelyingParty; relayState?: string } | Response> {
    const refuse = (reason: string) => {
      note(call, 'idp-sign-in', 'refused', `CorpAD refused the sign-in request: ${reason}.`);
      return html(400, idpErrorPage(`The sign-in request cannot be processed: ${reason}.`));
    };
    const encoded = call.url.searchParams.get('SAMLRequest');
    if (!encoded) return refuse('there is no SAMLRequest in the URL');
    const xml = await decodeAndInflate(encoded);
    if (xml === undefined) return refuse('SAMLRequest is not base64 of a DEFLATE-compressed message (the HTTP-Redirect binding)');
    const parsed = parseAuthnRequest(xml);
    if (!parsed.ok) return refuse(parsed.reason);
    const { request } = parsed;
    // saml-core §3.2.1: a Destination, when present, must be the address the request arrived at.
    if (request.destination && request.destination !== CORP_AD_SSO_URL) return refuse(`the request's Destination ${request.destination} is not CorpAD's SSO URL`);
    const party = deps.relyingParties().find((p) => p.entityId === request.issuer);
    if (!party) return refuse(`no relying party trust exists for ${request.issuer}`);
    if (request.assertionConsumerServiceUrl && request.assertionConsumerServiceUrl !== party.acsUrl) return refuse(`${request.assertionConsumerServiceUrl} is not the assertion consumer service registered for ${request.issuer}`);
    if (request.protocolBinding !== BINDINGS.post) return refuse(`CorpAD answers only with the HTTP-POST binding, not ${request.protocolBinding}`);
    const relayState = call.url.searchParams.get('RelayState') ?? undefined;
    return { request, party, ...(relayState !== undefined ? { relayState } : {}) };
  }

  async function answer(call: ServiceContext, employee: Employee, authnInstant: number, read: { request: AuthnRequest; party: RelyingParty; relayState?: string }, setCookies: string[], how: string): Promise<Response> {
    const now = deps.clock.now();
    const key = await signingKey();
    const attributes = claimsOf(employee);
    const samlResponse = await encodedSignedResponse(
      {
        responseId: `_${deps.random.uuid()}`,
        assertionId: `_${deps.random.uuid()}`,
        issueInstant: now,
        issuer: CORP_AD_ENTITY_ID,
        destination: read.party.acsUrl,
        inResponseTo: read.request.id,
        nameId: employee.username,
        nameIdFormat: NAME_ID_FORMAT.unspecified,
        audience: read.party.entityId,
        notBefore: now,
        notOnOrAfter: now + ASSERTION_LIFETIME,
        subjectNotOnOrAfter: now + ASSERTION_LIFETIME,
        authnInstant,
        sessionIndex: `_${deps.random.uuid()}`,
        attributes,
      },
      key,
    );
    note(call, 'assertion', 'ok', `${how} CorpAD issued a SAML assertion for ${employee.username}, signed with its token-signing key (RSA-SHA256), for ${read.party.entityId} only, valid for 5 minutes and only in response to request ${read.request.id}. The browser posts it to ${read.party.acsUrl}.`, {
      subject: employee.username,
      attributes: Object.fromEntries(attributes.map((a) => [a.name, a.values.join(', ')])),
    });
    return html(200, postFormPage(read.party.acsUrl, samlResponse, read.relayState), setCookies);
  }

  async function signInGet(call: ServiceContext): Promise<Response> {
    const read = await readRequest(call);
    if (read instanceof Response) return read;
    const sessionId = readCookie(call.headers, SESSION_COOKIE);
    const session = sessionId ? sessions.get(sessionId) : undefined;
    const employee = session && session.expiresAt > deps.clock.now() ? findEmployee(session.username) : undefined;
    if (session && employee) return answer(call, employee, session.authnInstant, read, [], `${employee.username} already has a CorpAD session (single sign-on), so no password is asked.`);
    note(call, 'idp-sign-in', 'ok', `CorpAD received an AuthnRequest (ID ${read.request.id}) from ${read.request.issuer} and shows its sign-in page. The user pool never sees the corporate password.`);
    return html(200, signInPage({ relyingParty: read.party.displayName, action: `${CORP_AD_SSO_PATH}${call.url.search}` }));
  }

  async function signInPost(call: ServiceContext): Promise<Response> {
    const read = await readRequest(call);
    if (read instanceof Response) return read;
    const form = new URLSearchParams(utf8.decode(call.body));
    const username = form.get('UserName') ?? '';
    const employee = findEmployee(username);
    const action = `${CORP_AD_SSO_PATH}${call.url.search}`;
    if (!employee || form.get('Password') !== employee.password) {
      note(call, 'idp-sign-in', 'refused', `CorpAD refused the sign-in of ${username || '(no user name)'}: ${employee ? 'wrong password' : 'no such account'}. The page says only that the user ID or password is incorrect.`);
      return html(200, signInPage({ relyingParty: read.party.displayName, action, username, error: INCORRECT }));
    }
    const now = deps.clock.now();
    const id = deps.random.string('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 32);
    sessions.set(id, { username: employee.username, authnInstant: now, expiresAt: now + SESSION_LIFETIME });
    note(call, 'idp-sign-in', 'ok', `${employee.username} signed in to CorpAD with the corporate password; CorpAD starts its own single sign-on session (cookie ${SESSION_COOKIE}).`, { subject: employee.username });
    return answer(call, employee, now, read, [`${SESSION_COOKIE}=${id}; Path=/adfs; Secure; HttpOnly; SameSite=None`], 'After the password check,');
  }

  const routes: Record<string, Partial<Record<string, (call: ServiceContext) => Promise<Response>>>> = {
    [CORP_AD_METADATA_PATH]: { GET: metadata },
    [CORP_AD_SSO_PATH]: { GET: signInGet, POST: signInPost },
  };

  const service: Service = {
    actor: 'saml-idp',
    handles: (host) => host === CORP_AD_HOST,
    async handle(call) {
      const route = routes[call.url.pathname];
      if (!route) return html(404, messagePage('Not found', `CorpAD has no page at ${call.url.pathname}.`));
      const handler = route[call.method];
      if (!handler) return html(405, messagePage('Method not allowed', `${call.url.pathname} takes ${Object.keys(route).join(' or ')}.`));
      return handler(call);
    },
  };
  return { service, signingKey };
}
