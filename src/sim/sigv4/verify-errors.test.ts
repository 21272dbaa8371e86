// SigV4 verification: every way a request is refused, with AWS's codes and messages.

import { beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_MISMATCH_MESSAGE, signSigV4, verifySigV4 } from './verify';
import type { SigV4VerifyOptions } from './verify';
import { computeSignature, sha256Hex } from '../../lib/sigv4/canonical';
import { AKID, MINUTE, NOW, SECRET, cognitoJson, keyStore, smithySign, withHeaders } from './smithy-oracle.testkit';
import type { SignedForTest } from './smithy-oracle.testkit';

const cognito: SigV4VerifyOptions = { service: 'cognito-idp', region: 'us-east-1', now: NOW, lookup: keyStore() };
let base: SignedForTest;
let auth: string;

beforeAll(async () => {
  base = await smithySign(cognitoJson);
  auth = base.headers.authorization ?? '';
});

const withAuth = (value: string) => withHeaders(base, { authorization: value });

describe('missing or malformed Authorization', () => {
  it('no Authorization header at all', async () => {
    expect(await verifySigV4(withHeaders(base, { authorization: undefined }), cognito)).toEqual({
      ok: false,
      code: 'MissingAuthenticationTokenException',
      message: 'Request is missing Authentication Token',
    });
  });

  it('an Authorization header of another scheme', async () => {
    const result = await verifySigV4(withAuth('Bearer eyJhbGciOi'), cognito);
    expect(result).toMatchObject({ code: 'MissingAuthenticationTokenException' });
  });

  it.each(['Signature', 'Credential', 'SignedHeaders'])('no %s parameter', async (name) => {
    const header = auth.replace(new RegExp(`,? ?${name}=[^,]*`), '');
    const result = await verifySigV4(withAuth(header), cognito);
    expect(result).toEqual({
      ok: false,
      code: 'IncompleteSignatureException',
      message: `Authorization header requires '${name}' parameter. Authorization=${header}`,
    });
  });

  it('several parameters and the date missing at once', async () => {
    const header = 'AWS4-HMAC-SHA256 SignedHeaders=host';
    const result = await verifySigV4(withHeaders(withAuth(header), { 'x-amz-date': undefined }), cognito);
    expect(result).toMatchObject({
      code: 'IncompleteSignatureException',
      message:
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=" +
        header,
    });
  });

  it('a date not in ISO-8601 basic format', async () => {
    const result = await verifySigV4(withHeaders(base, { 'x-amz-date': '2024-01-01T12:00:00Z' }), cognito);
    expect(result).toMatchObject({
      code: 'IncompleteSignatureException',
      message: "Date must be in ISO-8601 'basic format'. Got '2024-01-01T12:00:00Z'. See http://en.wikipedia.org/wiki/ISO_8601",
    });
  });

  it('an unsupported algorithm', async () => {
    const result = await verifySigV4(withAuth(auth.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA512')), cognito);
    expect(result).toMatchObject({
      code: 'IncompleteSignatureException',
      message: "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512' (only AWS4-HMAC-SHA256 for now). ",
    });
  });

  it('a credential without 5 parts (a trailing slash is ignored)', async () => {
    const short = auth.replace('/aws4_request', '');
    expect(await verifySigV4(withAuth(short), cognito)).toMatchObject({
      code: 'IncompleteSignatureException',
      message: `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${AKID}/20240101/us-east-1/cognito-idp'`,
    });
    expect(await verifySigV4(withAuth(auth.replace('/aws4_request', '/aws4_request/')), cognito)).toMatchObject({ ok: true });
  });
});

describe('scope, host and clock', () => {
  it.each([
    ['region', 'us-east-1/cognito-idp', 'eu-west-1/cognito-idp', "Credential should be scoped to a valid region, not 'eu-west-1'. "],
    ['service', '/cognito-idp/', '/dynamodb/', "Credential should be scoped to correct service: 'cognito-idp'. "],
    ['terminator', '/aws4_request', '/aws5_request', "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. "],
    [
      'date',
      '/20240101/',
      '/20231231/',
      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20231231' != '20240101', from '20240101T120000Z'.",
    ],
  ])('a wrong %s in the credential scope', async (_what, from, to, message) => {
    const result = await verifySigV4(withAuth(auth.replace(from, to)), cognito);
    expect(result).toEqual({ ok: false, code: 'InvalidSignatureException', message, accessKeyId: AKID });
  });

  it('every scope error at once, in AWS order', async () => {
    const header = auth.replace('20240101/us-east-1/cognito-idp/aws4_request', 'b/c/d/e');
    expect(await verifySigV4(withAuth(header), cognito)).toMatchObject({
      message:
        "Credential should be scoped to a valid region, not 'c'. Credential should be scoped to correct service: 'cognito-idp'. " +
        "Credential should be scoped with a valid terminator: 'aws4_request', not 'e'. " +
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: 'b' != '20240101', from '20240101T120000Z'.",
    });
  });

  it('a request signed for another region or service by the SDK', async () => {
    const other = await smithySign(cognitoJson, { region: 'eu-west-1' });
    expect(await verifySigV4(other, cognito)).toMatchObject({ code: 'InvalidSignatureException', message: expect.stringMatching(/valid region, not 'eu-west-1'/) });
    const sts = await smithySign(cognitoJson, { service: 'sts' });
    expect(await verifySigV4(sts, cognito)).toMatchObject({ message: "Credential should be scoped to correct service: 'cognito-idp'. " });
  });

  it('host not among the signed headers', async () => {
    const result = await verifySigV4(withAuth(auth.replace(';host;', ';')), cognito);
    expect(result).toMatchObject({ code: 'InvalidSignatureException', message: "'Host' must be a 'SignedHeader' in the AWS Authorization." });
  });

  it('a signature too old, accepted exactly at the 15 minute boundary', async () => {
    expect(await verifySigV4(base, { ...cognito, now: NOW + 15 * MINUTE })).toMatchObject({ ok: true });
    expect(await verifySigV4(base, { ...cognito, now: NOW + 15 * MINUTE + 1000 })).toEqual({
      ok: false,
      code: 'InvalidSignatureException',
      message: 'Signature expired: 20240101T120000Z is now earlier than 20240101T120001Z (20240101T121501Z - 15 min.)',
    });
  });

  it('a signature from the future, accepted exactly at the boundary', async () => {
    expect(await verifySigV4(base, { ...cognito, now: NOW - 15 * MINUTE })).toMatchObject({ ok: true });
    expect(await verifySigV4(base, { ...cognito, now: NOW - 15 * MINUTE - 1000 })).toEqual({
      ok: false,
      code: 'InvalidSignatureException',
      message: 'Signature not yet current: 20240101T120000Z is still later than 20240101T115959Z (20240101T114459Z + 15 min.)',
    });
  });

  it("API Gateway's 5 minute window", async () => {
    const options = { ...cognito, maxSkewMs: 5 * MINUTE, now: NOW + 5 * MINUTE + 1 };
    expect(await verifySigV4(base, options)).toMatchObject({
      message: 'Signature expired: 20240101T120000Z is now earlier than 20240101T120000Z (20240101T120500Z - 5 min.)',
    });
  });
});

describe('keys, tokens and signatures', () => {
  const temporary = keyStore({ ASIATEMP: { secretAccessKey: SECRET, sessionToken: 'token-1', expiresAt: NOW + MINUTE } });
  const signTemporary = (sessionToken?: string) => smithySign(cognitoJson, { accessKeyId: 'ASIATEMP', sessionToken });

  it('an unknown access key id, still showing the canonical request', async () => {
    const result = await verifySigV4(base, { ...cognito, lookup: () => undefined });
    expect(result).toMatchObject({
      ok: false,
      code: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
      accessKeyId: AKID,
      canonicalRequest: expect.stringMatching(/^POST\n\/\n\n/),
      stringToSign: expect.stringMatching(/^AWS4-HMAC-SHA256\n/),
    });
  });

  it('a wrong secret: AWS explains what it computed', async () => {
    const wrong = await smithySign(cognitoJson, { secretAccessKey: 'not-the-secret' });
    const result = await verifySigV4(wrong, cognito);
    if (result.ok) throw new Error('expected a failure');
    expect(result.code).toBe('InvalidSignatureException');
    expect(result.message).toBe(
      `${SIGNATURE_MISMATCH_MESSAGE}\n\nThe Canonical String for this request should have been\n'${result.canonicalRequest}'\n\nThe String-to-Sign should have been\n'${result.stringToSign}'\n`,
    );
    const good = await verifySigV4(base, cognito);
    expect(good.ok && good.canonicalRequest).toBe(result.canonicalRequest);
  });

  it('a tampered body, a tampered signed header, a tampered path', async () => {
    const body = new TextEncoder().encode(cognitoJson.body.replace('10', '60'));
    expect(await verifySigV4({ ...base, body }, cognito)).toMatchObject({ code: 'InvalidSignatureException' });
    const target = withHeaders(base, { 'x-amz-target': 'AWSCognitoIdentityProviderService.AdminDeleteUser' });
    expect(await verifySigV4(target, cognito)).toMatchObject({ code: 'InvalidSignatureException' });
    expect(await verifySigV4({ ...base, url: `${base.url}admin` }, cognito)).toMatchObject({ code: 'InvalidSignatureException' });
    const unsigned = withHeaders(base, { 'x-unsigned-extra': 'anything' });
    expect(await verifySigV4(unsigned, cognito)).toMatchObject({ ok: true });
  });

  it("a tampered body whose x-amz-content-sha256 still claims the original hash", async () => {
    expect(base.headers['x-amz-content-sha256']).toBe(await sha256Hex(cognitoJson.body));
    const body = new TextEncoder().encode('{"UserPoolId":"us-east-1_Other","Limit":60}');
    expect(await verifySigV4({ ...base, body }, cognito)).toMatchObject({
      ok: false,
      code: 'InvalidSignatureException',
      message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
    });
  });

  it('a client whose x-amz-content-sha256 lies from the start (the SDK signs whatever it is told)', async () => {
    const lie = await smithySign({ ...cognitoJson, headers: { ...cognitoJson.headers, 'x-amz-content-sha256': 'a'.repeat(64) } });
    expect(await verifySigV4(lie, cognito)).toMatchObject({ message: "The provided 'x-amz-content-sha256' header does not match what was computed." });
    const unsigned = await smithySign({ ...cognitoJson, headers: { ...cognitoJson.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    const result = await verifySigV4(unsigned, cognito);
    expect(result).toMatchObject({ code: 'InvalidSignatureException', message: expect.stringContaining(await sha256Hex(cognitoJson.body)) });
  });

  it('temporary credentials with the right token are accepted until they expire', async () => {
    const request = await signTemporary('token-1');
    expect(await verifySigV4(request, { ...cognito, lookup: temporary })).toMatchObject({ ok: true });
    expect(await verifySigV4(request, { ...cognito, lookup: temporary, now: NOW + MINUTE - 1 })).toMatchObject({ ok: true });
    expect(await verifySigV4(request, { ...cognito, lookup: temporary, now: NOW + MINUTE })).toMatchObject({
      ok: false,
      code: 'ExpiredTokenException',
      message: 'The security token included in the request is expired',
      accessKeyId: 'ASIATEMP',
    });
  });

  it('a missing or different security token', async () => {
    const invalid = { ok: false, code: 'UnrecognizedClientException', message: 'The security token included in the request is invalid' };
    expect(await verifySigV4(await signTemporary(), { ...cognito, lookup: temporary })).toMatchObject(invalid);
    expect(await verifySigV4(await signTemporary('token-2'), { ...cognito, lookup: temporary })).toMatchObject(invalid);
    const longTermWithToken = await smithySign(cognitoJson, { sessionToken: 'stray' });
    expect(await verifySigV4(longTermWithToken, cognito)).toMatchObject(invalid);
  });

  it('a Date header instead of x-amz-date', async () => {
    const url = 'https://cognito-idp.us-east-1.amazonaws.com/';
    const body = new TextEncoder().encode('{}');
    const added = await signSigV4({ method: 'POST', url, headers: {}, body }, { accessKeyId: AKID, secretAccessKey: SECRET }, cognito);
    const swapped = added.authorization?.replace('x-amz-date', 'date') ?? '';
    const request = { method: 'POST', url, body, headers: { authorization: swapped, date: 'Mon, 01 Jan 2024 12:00:00 GMT' } };
    const result = await verifySigV4(request, cognito);
    // The signature was made over x-amz-date, so it fails, but the Date header was accepted as the request time.
    expect(result).toMatchObject({ code: 'InvalidSignatureException', stringToSign: expect.stringContaining('\n20240101T120000Z\n') });
    if (result.ok || result.stringToSign === undefined) throw new Error('expected a signature mismatch');
    expect(result.canonicalRequest).toContain('\ndate:Mon, 01 Jan 2024 12:00:00 GMT\n');
    // Signed over the Date header as AWS would have it, the same request verifies.
    const signature = await computeSignature(SECRET, '20240101', 'us-east-1', 'cognito-idp', result.stringToSign);
    const resigned = { ...request, headers: { ...request.headers, authorization: swapped.replace(/Signature=\w+/, `Signature=${signature}`) } };
    expect(await verifySigV4(resigned, cognito)).toMatchObject({ ok: true });
  });

  it('a query string with only X-Amz-Date is not presigned', async () => {
    const request = { method: 'GET', url: 'https://h.example.com/?X-Amz-Date=20240101T120000Z', headers: {}, body: new Uint8Array() };
    expect(await verifySigV4(request, cognito)).toMatchObject({ code: 'MissingAuthenticationTokenException' });
  });

  it('a presigned URL with a parameter missing', async () => {
    const presigned = await smithySign({ method: 'GET', query: { Action: 'X' } }, { presignExpiresIn: 300 });
    const url = presigned.url.replace(/X-Amz-Signature=[0-9a-f]+&?/, '');
    expect(await verifySigV4({ ...presigned, url }, cognito)).toMatchObject({
      code: 'IncompleteSignatureException',
      message: "AWS query-string parameters must include 'X-Amz-Signature'. Re-examine the query-string parameters.",
    });
  });
});
