// Signs a request with AWS Signature Version 4 (header auth), as the AWS SDK's signer does.

import {
  ALGORITHM,
  TERMINATOR,
  canonicalQuery,
  canonicalRequest,
  computeSignature,
  formatAmzDate,
  headerMap,
  isSignableHeader,
  parseQuery,
  sha256Hex,
  stringToSign,
} from './canonical';

export interface SigV4SignOptions {
  /** Also send (and sign) x-amz-content-sha256 with the body's hash, as S3 clients do. Default false. */
  contentSha256?: boolean;
}

/**
 * Returns the headers to add: authorization, x-amz-date, x-amz-security-token (with a session token)
 * and, if asked, x-amz-content-sha256. Signs every given header except those @smithy/signature-v4
 * never signs, plus `host` (taken from the URL when not given). Any given authorization, x-amz-date
 * or date header is replaced or left unsigned, as the SDK does.
 */
export async function signSigV4(
  request: { method: string; url: string; headers: Record<string, string>; body: Uint8Array },
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  scope: { service: string; region: string; now: number },
  options: SigV4SignOptions = {},
): Promise<Record<string, string>> {
  const url = new URL(request.url);
  const amzDate = formatAmzDate(scope.now);
  const shortDate = amzDate.slice(0, 8);
  const payloadHash = await sha256Hex(request.body);

  const added: Record<string, string> = { 'x-amz-date': amzDate };
  if (credentials.sessionToken !== undefined) added['x-amz-security-token'] = credentials.sessionToken;
  if (options.contentSha256) added['x-amz-content-sha256'] = payloadHash;

  const headers = headerMap(request.headers);
  for (const generated of ['authorization', 'x-amz-date', 'date']) headers.delete(generated);
  for (const [name, value] of Object.entries(added)) headers.set(name, value);
  if (!headers.has('host')) headers.set('host', url.host);
  const signedHeaders = [...headers.keys()].filter(isSignableHeader).sort();

  const canonical = canonicalRequest({
    method: request.method,
    url,
    query: canonicalQuery(parseQuery(url.search)),
    signedHeaders,
    headers,
    bodyLength: request.body.byteLength,
    payloadHash,
  });
  const credentialScope = `${shortDate}/${scope.region}/${scope.service}/${TERMINATOR}`;
  const sts = await stringToSign(amzDate, credentialScope, canonical);
  const signature = await computeSignature(credentials.secretAccessKey, shortDate, scope.region, scope.service, sts);
  added.authorization =
    `${ALGORITHM} Credential=${credentials.accessKeyId}/${credentialScope}, ` +
    `SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
  return added;
}
