// PKCE (RFC 7636) with S256, the only method Cognito supports [V COGDOC authorization-endpoint.md]: the token
// request's code_verifier must hash to the code_challenge the browser sent to /oauth2/authorize, so a stolen code is
// useless to anyone who does not hold the verifier.
import { toBase64Url, utf8 } from '../../lib/encoding';

/** RFC 7636 §4.1: 43–128 characters of [A-Z] [a-z] [0-9] - . _ ~ */
export const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', utf8.encode(verifier) as Uint8Array<ArrayBuffer>);
  return toBase64Url(new Uint8Array(digest));
}
