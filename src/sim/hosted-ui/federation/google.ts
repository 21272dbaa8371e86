// Google as a user pool identity provider, Cognito's half [V COGDOC cognito-user-pools-social-idp.md, federation-
// endpoints.md]: the redirect to Google's authorization endpoint with the pool's Google client id, the scopes of
// ProviderDetails.authorize_scopes and redirect_uri https://{domain}/oauth2/idpresponse; then, back at idpresponse,
// the code traded at Google's token endpoint with the client secret (a nested call from the hosted UI) and the ID token
// checked before it is believed: signature against Google's JWKS (another nested call), iss, aud = the pool's Google
// client id, exp. [P] Cognito's Google ProviderDetails also name People API attributes_url; the simulator reads the
// attributes from the verified ID token's claims instead.
import { createLocalJWKSet, jwtVerify, type JWK } from 'jose';
import type { ServiceContext } from '../../core/router';
import type { HostedUiContext } from '../context';
import { redirect, withQuery } from '../responses';
import { detailsOf, idpResponseUrl, type Redeemed } from './provider-details';
import type { FederationConnector } from './types';

const AUTHORIZE_URL = 'https://accounts.google.com/o/oauth2/v2/auth';
const TOKEN_URL = 'https://oauth2.googleapis.com/token';
const JWKS_URL = 'https://www.googleapis.com/oauth2/v3/certs';
const ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];

export const googleConnector: FederationConnector = {
  type: 'Google',
  async start(ctx, provider, pending) {
    const details = detailsOf(ctx, provider.name);
    const location = withQuery(AUTHORIZE_URL, {
      client_id: details.client_id,
      redirect_uri: idpResponseUrl(ctx),
      scope: details.authorize_scopes ?? 'profile email openid',
      response_type: 'code',
      state: pending.relayState,
    });
    ctx.call.note({
      kind: 'federation',
      summary: `identity_provider=${provider.name}: the hosted UI skips its own login page, keeps the app's request under an opaque relay state, and sends the browser to Google with the user pool's Google client id and redirect_uri ${idpResponseUrl(ctx)}.`,
      provider: provider.name,
      providerType: 'Google',
      step: 'redirect',
      outcome: 'ok',
    });
    return redirect(location);
  },
};

export type VerifiedGoogleToken = { ok: true; claims: Record<string, unknown>; kid: string } | { ok: false; reason: string };

/** Checks a Google ID token as Cognito does before believing it: Google's signature, issuer, audience and expiry. */
export async function verifyGoogleIdToken(call: Pick<ServiceContext, 'fetch'>, token: string, expect: { audience: string; now: number }): Promise<VerifiedGoogleToken> {
  let jwks: { keys: JWK[] };
  try {
    const response = await call.fetch(new Request(JWKS_URL));
    jwks = (await response.json()) as { keys: JWK[] };
  } catch (error) {
    return { ok: false, reason: `Google's public keys could not be fetched: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), { issuer: ISSUERS, audience: expect.audience, algorithms: ['RS256'], currentDate: new Date(expect.now) });
    return { ok: true, claims: payload as Record<string, unknown>, kid: String(protectedHeader.kid) };
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const why: Record<string, string> = {
      ERR_JWS_SIGNATURE_VERIFICATION_FAILED: "the signature does not verify with Google's public key: the token was altered or not signed by Google",
      ERR_JWKS_NO_MATCHING_KEY: "its kid names none of Google's public keys",
      ERR_JWT_EXPIRED: 'it has expired',
      ERR_JWT_CLAIM_VALIDATION_FAILED: `a claim is wrong (${error instanceof Error ? error.message : 'claim'}): aud must be the user pool's Google client id and iss https://accounts.google.com`,
    };
    return { ok: false, reason: why[code] ?? `it is not a valid JWT (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** The ID token's claims, as strings, for the attribute mapping. */
function attributesOf(claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['sub', 'email', 'email_verified', 'name', 'given_name', 'family_name', 'picture', 'locale', 'hd']) {
    if (claims[name] !== undefined) out[name] = String(claims[name]);
  }
  return out;
}

/** At /oauth2/idpresponse: the code for Google's tokens, then the ID token verified. */
export async function redeemGoogleCode(ctx: HostedUiContext, providerName: string, code: string): Promise<Redeemed> {
  const details = detailsOf(ctx, providerName);
  const form = new URLSearchParams({ grant_type: 'authorization_code', code, client_id: details.client_id ?? '', client_secret: details.client_secret ?? '', redirect_uri: idpResponseUrl(ctx) });
  let body: Record<string, unknown>;
  let status: number;
  try {
    const response = await ctx.call.fetch(new Request(TOKEN_URL, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() }));
    status = response.status;
    body = (await response.json()) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, description: 'Error getting tokens from identity provider', reason: `Google's token endpoint could not be reached: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (status !== 200 || typeof body.id_token !== 'string') {
    return { ok: false, description: 'Error getting tokens from identity provider', reason: `Google's token endpoint answered ${status} ${JSON.stringify(body)} instead of tokens.` };
  }
  const verified = await verifyGoogleIdToken(ctx.call, body.id_token, { audience: details.client_id ?? '', now: ctx.env.clock.now() });
  if (!verified.ok) return { ok: false, description: 'Invalid id_token from identity provider', reason: `Cognito refuses Google's ID token: ${verified.reason}.` };
  const attributes = attributesOf(verified.claims);
  ctx.call.note({
    kind: 'federation',
    summary: `The hosted UI traded the code at Google's token endpoint (with the client secret) and verified the ID token: signed with Google's key ${verified.kid.slice(0, 8)}…, iss https://accounts.google.com, aud = the pool's Google client id, unexpired. Google user ${attributes.sub}.`,
    provider: providerName,
    providerType: 'Google',
    step: 'idp-token',
    outcome: 'ok',
    subject: attributes.sub!,
    attributes,
  });
  return { ok: true, identity: { providerName, providerType: 'Google', subject: attributes.sub!, issuer: null, attributes } };
}
