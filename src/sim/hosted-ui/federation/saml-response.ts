// POST /saml2/idpresponse: the user pool's assertion consumer service [V COGDOC saml2-idpresponse-endpoint.md: a form
// POST with SAMLResponse (base64) and RelayState; assertions up to 100,000 characters]. The relay state must be one the
// hosted UI handed out with an AuthnRequest; the response must answer that request and pass every check of
// saml-validate.ts against the certificate in the provider's metadata. Then the NameID becomes the user
// {ProviderName}_{NameID} and the sign-in finishes like any other (complete.ts).
// Refusals: without a usable relay state the hosted UI cannot tell which app asked, so it shows its error page
// [P ISS gaiin-platform/amplify-genai-backend#25: "Invalid samlResponse or relayState from identity provider"]; with
// one, the browser goes back to the app with error=server_error and error_description "Invalid SAML response
// received: …" [P ISS aws/aws-sdk-js-v3#6201: "…SAML Assertion signature is invalid." with error=server_error].
import type { Handler, HostedUiContext } from '../context';
import { oauthNote } from '../context';
import { decodePost } from '../../federation/saml/bindings';
import { firstChild, NS, parseXml, textOf } from '../../federation/saml/xml';
import { escapeHtml, layout } from '../pages';
import { html } from '../responses';
import { utf8 } from '../../../lib/encoding';
import { abandonFederation, completeFederatedSignIn, peekFederation } from './complete';
import { checkSamlResponse, type SamlCheck } from './saml-validate';
import { acsUrlOf, samlStateOf, spEntityId, trustFor } from './saml-state';

export const INVALID_SAML_RELAY_STATE = 'Invalid samlResponse or relayState from identity provider';
/** [V COGDOC saml2-idpresponse-endpoint.md] the endpoint accepts SAML assertions of up to 100,000 characters. */
const MAX_SAML_RESPONSE = 100_000;

type SamlNote = Extract<Parameters<HostedUiContext['call']['note']>[0], { kind: 'saml' }>;

function samlNote(ctx: HostedUiContext, summary: string, fields: Omit<SamlNote, 'kind' | 'summary'>): void {
  ctx.call.note({ kind: 'saml', summary, ...fields });
}

function noteOf(check: SamlCheck): Omit<SamlNote, 'kind' | 'summary' | 'issuer' | 'outcome'> {
  return {
    signature: check.signature,
    ...(check.nameId !== undefined ? { nameId: check.nameId } : {}),
    ...(check.signatureMethod !== undefined ? { signatureMethod: check.signatureMethod } : {}),
    ...(check.digestMethod !== undefined ? { digestMethod: check.digestMethod } : {}),
    ...(check.audience !== undefined ? { audience: check.audience } : {}),
    ...(check.notOnOrAfter !== undefined ? { notOnOrAfter: check.notOnOrAfter } : {}),
    ...(check.attributes !== undefined ? { attributes: check.attributes } : {}),
  };
}

/** The Issuer a response claims (unverified: only for the trace of a response that is refused unread). */
function claimedIssuer(encoded: string | null): string {
  const xml = encoded ? decodePost(encoded) : undefined;
  const parsed = xml !== undefined ? parseXml(xml) : undefined;
  return parsed?.ok ? textOf(firstChild(parsed.root, NS.assertion, 'Issuer')) : '';
}

/** The hosted UI's error page for a response it cannot tie to a request it made. */
function refuseUnsolicited(ctx: HostedUiContext, relayState: string | null, encoded: string | null, reason: string): Response {
  if (relayState) {
    samlStateOf(ctx).requests.delete(relayState);
    if (ctx.state.federations.get(relayState)?.poolId === ctx.pool.id) ctx.state.federations.delete(relayState);
  }
  samlNote(ctx, `${reason} The hosted UI cannot tell which app's sign-in this answers, so it does not even open the assertion: it shows its error page "${INVALID_SAML_RELAY_STATE}" and redirects nowhere.`, { issuer: claimedIssuer(encoded), outcome: 'refused', signature: 'missing', reason });
  oauthNote(ctx, 'request', 'refused', `A SAML response arrived at ${acsUrlOf(ctx)} that the user pool did not ask for.`, { error: 'invalid_request' });
  return html(
    400,
    layout('Error', [
      '<h1>An error was encountered with the requested page.</h1>',
      `<p role="alert">${escapeHtml(INVALID_SAML_RELAY_STATE)}</p>`,
      '<p>The SAML response does not come with a RelayState that this user pool handed out with an AuthnRequest (or that one was used already), so the user pool cannot tell which app asked for it and redirects nowhere.</p>',
    ].join('\n')),
  );
}

export const samlIdpResponse: Handler = async (ctx) => {
  const type = (ctx.call.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const form = type === 'application/x-www-form-urlencoded' ? new URLSearchParams(utf8.decode(ctx.call.body)) : new URLSearchParams();
  // The SAML bindings name it RelayState; AWS's page spells it Relaystate.
  const relayState = form.get('RelayState') ?? form.get('Relaystate');
  const encoded = form.get('SAMLResponse');

  // SP-initiated only: the relay state must stand for a request this pool sent to a SAML provider.
  const pending = peekFederation(ctx, relayState);
  const issued = relayState ? samlStateOf(ctx).requests.get(relayState) : undefined;
  if (!relayState) return refuseUnsolicited(ctx, relayState, encoded, 'The POST carries no RelayState (IdP-initiated sign-in is not switched on for this provider).');
  if (!pending || !issued || issued.poolId !== ctx.pool.id) {
    return refuseUnsolicited(ctx, relayState, encoded, pending ? 'The relay state was not issued with a SAML AuthnRequest.' : 'The relay state is unknown, expired, or was used already.');
  }
  samlStateOf(ctx).requests.delete(relayState); // one response per request, whatever its fate
  const provider = ctx.pool.identityProviders.find((p) => p.name === issued.providerName);
  const fail = (issuer: string, message: string, reason: string, check?: SamlCheck) => {
    samlNote(ctx, `The user pool refused the SAML response: ${reason}`, { issuer, outcome: 'refused', signature: check?.signature ?? 'missing', reason, ...(check ? noteOf(check) : {}) });
    return abandonFederation(ctx, pending, 'server_error', message, `The SAML response from ${issued.providerName} was refused (${reason})`);
  };
  if (!provider) return fail('', 'Invalid SAML response received: The identity provider is not configured.', `${issued.providerName} is no longer an identity provider of this pool.`);
  const trust = await trustFor(ctx, provider);
  if (!trust.ok) return fail('', 'Invalid SAML response received: Unable to contact the configured provider.', trust.reason);
  const { metadata, keys } = trust.trust;
  if (!encoded) return fail(metadata.entityId, 'Invalid SAML response received: SAMLResponse is missing.', 'The POST carries no SAMLResponse.');
  if (encoded.length > MAX_SAML_RESPONSE) return fail(metadata.entityId, 'Invalid SAML response received: The SAML response is too large.', `The SAMLResponse has ${encoded.length} characters; the endpoint accepts up to ${MAX_SAML_RESPONSE}.`);
  // [P] blog.dan.drown.org: Cognito's words for a SAMLResponse that is not base64.
  const xml = decodePost(encoded);
  if (xml === undefined) return fail(metadata.entityId, 'Invalid base64 SAMLResponse', 'SAMLResponse is not base64 of UTF-8 XML (the HTTP-POST binding).');

  const state = samlStateOf(ctx);
  const check = await checkSamlResponse(xml, {
    issuer: metadata.entityId,
    acsUrl: acsUrlOf(ctx),
    audience: spEntityId(ctx.pool.id),
    requestId: issued.id,
    now: ctx.env.clock.now(),
    trustedKeys: keys,
    seenAssertion: (id) => state.assertions.has(id),
  });
  if (!check.ok) return fail(check.issuer ?? metadata.entityId, check.message, check.reason, check);
  state.assertions.add(check.assertionId);
  samlNote(
    ctx,
    `The user pool accepted the SAML response: the assertion is signed (RSA-SHA256) by ${provider.name}'s certificate from its metadata, answers AuthnRequest ${issued.id}, is addressed to ${acsUrlOf(ctx)} and to the audience ${spEntityId(ctx.pool.id)}, and is within its validity window${check.notOnOrAfter !== undefined ? ` (until ${new Date(check.notOnOrAfter).toISOString()})` : ''}. NameID ${check.nameId} becomes the user ${provider.name}_${check.nameId}.`,
    { issuer: check.issuer, outcome: 'ok', ...noteOf(check) },
  );
  return completeFederatedSignIn(ctx, relayState, { providerName: provider.name, providerType: 'SAML', subject: check.nameId, issuer: check.issuer, attributes: check.attributes });
};
