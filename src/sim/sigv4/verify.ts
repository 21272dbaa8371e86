// Verifies AWS Signature Version 4 on a simulated request, failing with the codes and messages AWS uses.

import {
  ALGORITHM,
  TERMINATOR,
  UNSIGNED_PAYLOAD,
  canonicalQuery,
  canonicalRequest,
  computeSignature,
  signingKeySteps,
  constantTimeEqual,
  formatAmzDate,
  headerMap,
  parseQuery,
  parseRequestDate,
  sha256Hex,
  stringToSign,
} from '../../lib/sigv4/canonical';

export { signSigV4 } from '../../lib/sigv4/sign';
export type { SigV4SignOptions } from '../../lib/sigv4/sign';

export interface SigV4Credentials {
  secretAccessKey: string;
  sessionToken?: string;
  /** epoch ms; absent = long-term key */
  expiresAt?: number;
}

export interface SigV4VerifyOptions {
  /** expected signing service, e.g. 'cognito-idp', 'dynamodb', 'execute-api', 'sts' */
  service: string;
  /** expected region, e.g. 'us-east-1' */
  region: string;
  /** virtual clock, epoch ms */
  now: number;
  /** default 15 minutes; API Gateway passes 5 minutes */
  maxSkewMs?: number;
  lookup(accessKeyId: string): SigV4Credentials | undefined;
}

export interface SigV4Request {
  method: string;
  url: string;
  headers: Headers | Record<string, string>;
  body: Uint8Array;
}

export type SigV4ErrorCode =
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'InvalidSignatureException'
  | 'UnrecognizedClientException'
  | 'ExpiredTokenException';

export type SigV4Result =
  | {
      ok: true;
      accessKeyId: string;
      /** kDate → kRegion → kService → kSigning, as hex, for the inspector. */
      keyDerivation: { step: string; hex: string }[];
      signedHeaders: string[];
      credentialScope: string;
      canonicalRequest: string;
      stringToSign: string;
      signature: string;
    }
  | {
      ok: false;
      code: SigV4ErrorCode;
      message: string;
      accessKeyId?: string;
      canonicalRequest?: string;
      stringToSign?: string;
    };

export type SigV4Failure = Extract<SigV4Result, { ok: false }>;

export const DEFAULT_MAX_SKEW_MS = 15 * 60 * 1000;

export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** The pieces of a signature, whether they came from the Authorization header or the query string. */
interface Claimed {
  algorithm: string;
  credential: string;
  signedHeaders: string;
  signature: string;
  dateText: string;
  fromDateHeader: boolean;
  token: string | undefined;
  /** Presigned (query) auth only: X-Amz-Expires in seconds. */
  expiresSec: number | undefined;
  presigned: boolean;
}

const QUERY_PARAMS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Signature'];
const PRESIGN_MARKERS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature'];

function fail(code: SigV4ErrorCode, message: string, extra: Partial<SigV4Failure> = {}): SigV4Failure {
  return { ok: false, code, message, ...extra };
}

const missingToken = () => fail('MissingAuthenticationTokenException', 'Request is missing Authentication Token');

function fromAuthorizationHeader(auth: string, headers: Map<string, string>): Claimed | SigV4Failure {
  const trimmed = auth.trim();
  if (!trimmed.startsWith('AWS4-')) return missingToken();
  const space = trimmed.search(/\s/);
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  const params = new Map<string, string>();
  for (const part of (space < 0 ? '' : trimmed.slice(space)).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const xAmzDate = headers.get('x-amz-date');
  const dateText = xAmzDate ?? headers.get('date');
  let message = '';
  for (const name of ['Credential', 'Signature', 'SignedHeaders']) {
    if (!params.get(name)) message += `Authorization header requires '${name}' parameter. `;
  }
  if (dateText === undefined) message += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
  if (message || dateText === undefined) return fail('IncompleteSignatureException', `${message}Authorization=${auth}`);
  return {
    algorithm,
    credential: params.get('Credential') ?? '',
    signedHeaders: params.get('SignedHeaders') ?? '',
    signature: params.get('Signature') ?? '',
    dateText,
    fromDateHeader: xAmzDate === undefined,
    token: headers.get('x-amz-security-token'),
    expiresSec: undefined,
    presigned: false,
  };
}

function fromQuery(pairs: [string, string][]): Claimed | SigV4Failure {
  const get = (name: string) => pairs.find(([key]) => key === name)?.[1];
  for (const name of QUERY_PARAMS) {
    if (!get(name)) {
      return fail(
        'IncompleteSignatureException',
        `AWS query-string parameters must include '${name}'. Re-examine the query-string parameters.`,
      );
    }
  }
  const expires = get('X-Amz-Expires');
  return {
    algorithm: get('X-Amz-Algorithm') ?? '',
    credential: get('X-Amz-Credential') ?? '',
    signedHeaders: get('X-Amz-SignedHeaders') ?? '',
    signature: get('X-Amz-Signature') ?? '',
    dateText: get('X-Amz-Date') ?? '',
    fromDateHeader: false,
    token: get('X-Amz-Security-Token'),
    expiresSec: expires !== undefined && /^\d+$/.test(expires) ? Number(expires) : undefined,
    presigned: true,
  };
}

function checkClock(claimed: Claimed, dateMs: number, options: SigV4VerifyOptions): SigV4Failure | undefined {
  const skew = options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  const minutes = skew / 60000;
  const amzDate = formatAmzDate(dateMs);
  const now = formatAmzDate(options.now);
  if (claimed.expiresSec !== undefined) {
    // Presigned URL lifetime; AWS's exact wording for non-S3 services is unverified.
    const deadline = dateMs + claimed.expiresSec * 1000;
    if (options.now > deadline) {
      return fail(
        'InvalidSignatureException',
        `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(options.now - claimed.expiresSec * 1000)} (${now} - ${claimed.expiresSec} sec.)`,
      );
    }
  } else if (dateMs < options.now - skew) {
    return fail(
      'InvalidSignatureException',
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(options.now - skew)} (${now} - ${minutes} min.)`,
    );
  }
  if (dateMs > options.now + skew) {
    return fail(
      'InvalidSignatureException',
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(options.now + skew)} (${now} + ${minutes} min.)`,
    );
  }
  return undefined;
}

function checkScope(parts: string[], amzDate: string, options: SigV4VerifyOptions): SigV4Failure | undefined {
  const [, date, region, service, terminator] = parts;
  let message = '';
  if (region !== options.region) message += `Credential should be scoped to a valid region, not '${region}'. `;
  if (service !== options.service) message += `Credential should be scoped to correct service: '${options.service}'. `;
  if (terminator !== TERMINATOR) message += `Credential should be scoped with a valid terminator: '${TERMINATOR}', not '${terminator}'. `;
  if (date !== amzDate.slice(0, 8)) {
    message += `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`;
  }
  return message ? fail('InvalidSignatureException', message, { accessKeyId: parts[0] }) : undefined;
}

/**
 * Checks in the order DynamoDB was observed to use: header pieces, date format, clock, host signed,
 * algorithm, credential shape, scope, access key, body hash, signature, session token, expiry.
 */
export async function verifySigV4(request: SigV4Request, options: SigV4VerifyOptions): Promise<SigV4Result> {
  const headers = headerMap(request.headers);
  const url = new URL(request.url);
  const pairs = parseQuery(url.search);
  const auth = headers.get('authorization');
  const presigned = auth === undefined && pairs.some(([key]) => PRESIGN_MARKERS.includes(key));
  if (auth === undefined && !presigned) return missingToken();
  const claimed = auth !== undefined ? fromAuthorizationHeader(auth, headers) : fromQuery(pairs);
  if ('ok' in claimed) return claimed;

  const dateMs = parseRequestDate(claimed.dateText, claimed.fromDateHeader);
  if (dateMs === undefined) {
    return fail(
      'IncompleteSignatureException',
      `Date must be in ISO-8601 'basic format'. Got '${claimed.dateText}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  }
  const clockFailure = checkClock(claimed, dateMs, options);
  if (clockFailure) return clockFailure;

  const signedHeaders = [...new Set(claimed.signedHeaders.split(';').map((h) => h.trim().toLowerCase()))]
    .filter((h) => h !== '')
    .sort();
  if (!signedHeaders.includes('host')) {
    return fail('InvalidSignatureException', "'Host' must be a 'SignedHeader' in the AWS Authorization.");
  }
  if (claimed.algorithm !== ALGORITHM) {
    return fail(
      'IncompleteSignatureException',
      `Unsupported AWS 'algorithm': '${claimed.algorithm}' (only ${ALGORITHM} for now). `,
    );
  }
  const parts = claimed.credential.replace(/\/+$/, '').split('/');
  if (parts.length !== 5) {
    return fail(
      'IncompleteSignatureException',
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${claimed.credential}'`,
    );
  }
  const amzDate = formatAmzDate(dateMs);
  const scopeFailure = checkScope(parts, amzDate, options);
  if (scopeFailure) return scopeFailure;

  const accessKeyId = parts[0] ?? '';
  const credentialScope = parts.slice(1).join('/');
  const realHash = await sha256Hex(request.body);
  const build = async (payloadHash: string) => {
    const canonical = canonicalRequest({
      method: request.method,
      url,
      query: canonicalQuery(pairs, claimed.presigned ? 'X-Amz-Signature' : undefined),
      signedHeaders,
      headers,
      bodyLength: request.body.byteLength,
      payloadHash,
    });
    return { canonical, sts: await stringToSign(amzDate, credentialScope, canonical) };
  };
  const primary = await build(realHash);
  const known = { accessKeyId, canonicalRequest: primary.canonical, stringToSign: primary.sts };

  const credentials = options.lookup(accessKeyId);
  if (!credentials) {
    return fail('UnrecognizedClientException', 'The security token included in the request is invalid.', known);
  }
  const claimedHash = headers.get('x-amz-content-sha256');
  if (claimedHash !== undefined && claimedHash !== UNSIGNED_PAYLOAD && claimedHash.toLowerCase() !== realHash) {
    const message = "The provided 'x-amz-content-sha256' header does not match what was computed.";
    return fail('InvalidSignatureException', message, known);
  }

  // A presigned URL with no body may have been signed over UNSIGNED-PAYLOAD (nothing is left unsigned).
  const candidates = [primary];
  if (claimed.presigned && request.body.byteLength === 0) candidates.push(await build(UNSIGNED_PAYLOAD));
  const shortDate = amzDate.slice(0, 8);
  let matched: typeof primary | undefined;
  for (const candidate of candidates) {
    const expected = await computeSignature(credentials.secretAccessKey, shortDate, options.region, options.service, candidate.sts);
    if (constantTimeEqual(expected, claimed.signature)) matched ??= candidate;
  }
  if (!matched) {
    const detail =
      `\n\nThe Canonical String for this request should have been\n'${primary.canonical}'` +
      `\n\nThe String-to-Sign should have been\n'${primary.sts}'\n`;
    return fail('InvalidSignatureException', SIGNATURE_MISMATCH_MESSAGE + detail, known);
  }
  const result = { accessKeyId, canonicalRequest: matched.canonical, stringToSign: matched.sts };

  if (claimed.token !== credentials.sessionToken) {
    return fail('UnrecognizedClientException', 'The security token included in the request is invalid', result);
  }
  if (credentials.expiresAt !== undefined && credentials.expiresAt <= options.now) {
    return fail('ExpiredTokenException', 'The security token included in the request is expired', result);
  }
  const keyDerivation = await signingKeySteps(credentials.secretAccessKey, shortDate, options.region, options.service);
  return { ok: true, ...result, signedHeaders, credentialScope, signature: claimed.signature, keyDerivation };
}
