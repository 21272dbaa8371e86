// x-amzn-oidc-data: the user claims as a JWT signed by the load balancer (ES256). Header
// {alg, kid, signer, iss, client, exp}; payload = the userInfo claims plus exp and iss (aws-behaviour.md §9).
// AWS's own guide says the segments are "base64 URL encoded and includes padding characters at the end"
// (ELB user guide, listener-authenticate-users.html, "User claims encoding and signature verification"),
// which RFC 7515 forbids: many JWT libraries refuse these tokens, and aws-jwt-verify accepts `={0,2}` per
// segment for exactly this reason. The signature covers the padded segments, so it is computed here with
// WebCrypto rather than jose's signer (which never pads).
import { toBase64, utf8 } from '../../lib/encoding';
import { seconds } from '../core/clock';
import type { AlbSigningKey } from './signing-key';

/**
 * How long x-amzn-oidc-data stays valid. [U] AWS does not document it; tokens seen in the wild expire a couple
 * of minutes after they are issued (each request gets a fresh one), so two minutes is used here.
 */
export const CLAIMS_TOKEN_LIFETIME_SECONDS = 120;

/** base64url WITH '=' padding, as the load balancer encodes each segment. */
export const paddedBase64Url = (bytes: Uint8Array): string => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_');

export interface ClaimsTokenInput {
  key: AlbSigningKey;
  /** The load balancer's ARN. */
  signer: string;
  issuer: string;
  clientId: string;
  claims: Record<string, unknown>;
  now: number;
}

export interface ClaimsToken {
  token: string;
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

export async function signClaimsToken(input: ClaimsTokenInput): Promise<ClaimsToken> {
  const exp = seconds(input.now) + CLAIMS_TOKEN_LIFETIME_SECONDS;
  const header = { alg: 'ES256', kid: input.key.kid, signer: input.signer, iss: input.issuer, client: input.clientId, exp };
  const payload = { ...input.claims, exp, iss: input.issuer };
  const signingInput = `${paddedBase64Url(utf8.encode(JSON.stringify(header)))}.${paddedBase64Url(utf8.encode(JSON.stringify(payload)))}`;
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, await input.key.privateKey(), utf8.encode(signingInput) as Uint8Array<ArrayBuffer>);
  // WebCrypto's ECDSA signature is already r ‖ s (64 bytes), the JWS form.
  return { token: `${signingInput}.${paddedBase64Url(new Uint8Array(signature))}`, header, payload };
}
