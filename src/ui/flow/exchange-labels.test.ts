import { describe, expect, it } from 'vitest';
import { buildRun, type ExchangeSpec } from './fixtures';
import { errorCode, isSigned, outcomeOf, requestLabel, responseLabel } from './exchange-labels';

const one = (spec: Partial<ExchangeSpec>) => buildRun([{ from: 'app', to: 'cognito-idp', operation: 'Op', ...spec }]).trace[0]!;
const jwt = (claims: object) => `eyJhbGciOiJSUzI1NiJ9.${btoa(JSON.stringify(claims)).replace(/=+$/, '')}.sig`;

describe('Chip labels', () => {
  it('name what a successful answer carries', () => {
    expect(responseLabel(one({ body: { AuthenticationResult: {} } }))).toBe('tokens');
    expect(responseLabel(one({ body: { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's' } }))).toBe('NEW_PASSWORD_REQUIRED');
    expect(responseLabel(one({ body: { CodeDeliveryDetails: {} } }))).toBe('code sent');
    expect(responseLabel(one({ body: { Credentials: {} } }))).toBe('credentials');
    expect(responseLabel(one({ body: '<AssumeRoleResult><Credentials><AccessKeyId>ASIA</AccessKeyId></Credentials></AssumeRoleResult>' }))).toBe('credentials');
    expect(responseLabel(one({ body: { IdentityId: 'us-east-1:1', Token: 't' } }))).toBe('OpenID token');
    expect(responseLabel(one({ body: { IdentityId: 'us-east-1:1' } }))).toBe('identity ID');
    expect(responseLabel(one({ body: { id_token: 'a', access_token: 'b' } }))).toBe('tokens');
    expect(responseLabel(one({ body: {} }))).toBe('OK');
  });

  it('read redirects for the code or the tokens they carry', () => {
    expect(responseLabel(one({ status: 302, responseHeaders: { Location: 'https://app.example/cb?code=abc&state=1' } }))).toBe('code');
    expect(responseLabel(one({ status: 302, responseHeaders: { location: 'https://app.example/cb#id_token=a' } }))).toBe('tokens');
    expect(responseLabel(one({ status: 302, responseHeaders: { location: '/login' } }))).toBe('redirect');
  });

  it('name an error by its AWS code, wherever the protocol puts it', () => {
    expect(errorCode(one({ status: 400, body: { __type: 'com.amazonaws.cognito#NotAuthorizedException', message: 'x' } }))).toBe('NotAuthorizedException');
    expect(errorCode(one({ status: 403, responseHeaders: { 'x-amzn-ErrorType': 'AccessDeniedException:http://internal' } }))).toBe('AccessDeniedException');
    expect(errorCode(one({ status: 403, body: '<ErrorResponse><Error><Code>AccessDenied</Code></Error></ErrorResponse>' }))).toBe('AccessDenied');
    expect(errorCode(one({ status: 400, body: { error: 'invalid_grant' } }))).toBe('invalid_grant');
    expect(responseLabel(one({ status: 500 }))).toBe('HTTP 500');
    expect(outcomeOf(one({ status: 399 }))).toBe('success');
    expect(outcomeOf(one({ status: 400 }))).toBe('error');
  });

  it('say what a request carries: a SigV4 signature, a bearer token or an authorization code', () => {
    expect(isSigned(one({ signed: true }))).toBe(true);
    expect(isSigned(one({ url: 'https://bucket/x?X-Amz-Signature=abc' }))).toBe(true);
    expect(requestLabel(one({ operation: 'GetItem', signed: true }))).toBe('signed GetItem');
    expect(requestLabel(one({ operation: 'GET /profile', requestHeaders: { Authorization: jwt({ token_use: 'id' }) } }))).toBe('GET /profile + ID token');
    expect(requestLabel(one({ operation: 'GET /notes', requestHeaders: { authorization: `Bearer ${jwt({ token_use: 'access' })}` } }))).toBe('GET /notes + access token');
    expect(requestLabel(one({ operation: 'POST /oauth2/token', requestBody: 'grant_type=authorization_code&code=abc' }))).toBe('POST /oauth2/token + code');
    expect(requestLabel(one({ operation: 'SignUp', requestHeaders: { authorization: 'not a token' } }))).toBe('SignUp');
  });
});
