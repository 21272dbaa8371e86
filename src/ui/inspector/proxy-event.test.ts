import { describe, expect, it } from 'vitest';
import { claimReading, contextReading, identityReading, proxyEventParts } from './proxy-event';

const NO_CALLER = { cognitoIdentityPoolId: null, accountId: null, cognitoIdentityId: null, caller: null, accessKey: null, cognitoAuthenticationType: null, cognitoAuthenticationProvider: null, userArn: null, user: null, sourceIp: '203.0.113.10', userAgent: null };
const PROVIDER = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI';

describe('proxyEventParts', () => {
  it('finds a Cognito authorizer’s claims in a REST event, and no IAM caller when identity holds only nulls', () => {
    const claims = { sub: 'u-1', 'cognito:groups': 'admins,readers', auth_time: '1767225600' };
    const parts = proxyEventParts({ resource: '/profile', httpMethod: 'GET', requestContext: { identity: NO_CALLER, authorizer: { claims } } });
    expect(parts).toEqual({ version: '1.0', route: 'GET /profile', claims: { path: 'requestContext.authorizer.claims', values: claims }, sourceIp: '203.0.113.10' });
  });

  it('takes requestContext.authorizer without claims as a Lambda authorizer’s context', () => {
    const authorizer = { principalId: 'acme', integrationLatency: 0, verified: 'true' };
    expect(proxyEventParts({ requestContext: { authorizer } }).authorizerContext).toEqual({ path: 'requestContext.authorizer', values: authorizer });
  });

  it('draws out an IAM caller’s identity fields, in reading order', () => {
    const identity = { ...NO_CALLER, accountId: '123456789012', cognitoIdentityId: 'us-east-1:abc', cognitoAuthenticationType: 'authenticated', cognitoAuthenticationProvider: `${PROVIDER},${PROVIDER}:CognitoSignIn:sub-1`, userArn: 'arn:aws:sts::123456789012:assumed-role/R/S' };
    const parts = proxyEventParts({ requestContext: { identity } });
    expect(Object.keys(parts.identity ?? {})).toEqual(['cognitoIdentityId', 'cognitoIdentityPoolId', 'cognitoAuthenticationType', 'cognitoAuthenticationProvider', 'userArn', 'caller', 'accessKey', 'accountId']);
    expect(parts.identity).toMatchObject({ cognitoIdentityId: 'us-east-1:abc', userArn: 'arn:aws:sts::123456789012:assumed-role/R/S' });
    expect(parts).not.toHaveProperty('claims');
  });

  it('reads an HTTP API event (2.0): the JWT claims and scopes, the route key, the source IP from requestContext.http', () => {
    const parts = proxyEventParts({ version: '2.0', routeKey: 'GET /notes', requestContext: { http: { sourceIp: '198.51.100.7' }, authorizer: { jwt: { claims: { scope: 'a b' }, scopes: ['a', 'b'] } } } });
    expect(parts).toEqual({ version: '2.0', route: 'GET /notes', claims: { path: 'requestContext.authorizer.jwt.claims', values: { scope: 'a b' } }, scopes: ['a', 'b'], sourceIp: '198.51.100.7' });
  });
});

describe('claimReading', () => {
  it('splits the lists API Gateway flattened: commas for REST, [a b] for HTTP APIs', () => {
    expect(claimReading('cognito:groups', 'admins,readers')).toBe('a list in one string, joined by commas: 2 items (admins, readers) — split it before use');
    expect(claimReading('cognito:groups', '[admins readers]')).toBe('a list in one string, written as [a b]: 2 items (admins, readers) — split it before use');
  });

  it('says which strings stand for numbers, booleans, dates and scopes, and leaves plain text alone', () => {
    expect(claimReading('auth_time', '1767225600')).toBe('a number, sent as a string');
    expect(claimReading('email_verified', 'true')).toBe('a boolean, sent as a string');
    expect(claimReading('exp', 'Thu Jan 01 01:00:00 UTC 2026')).toBe('a date written as text (the token holds seconds since 1970)');
    expect(claimReading('scope', 'openid notes-api/notes.read')).toBe('scopes separated by spaces: openid, notes-api/notes.read');
    expect(claimReading('email', 'alice@example.com')).toBeUndefined();
    expect(claimReading('exp', 1767229200)).toBe('a number, not a string');
  });
});

describe('identityReading and contextReading', () => {
  it('finds the user pool sub in cognitoAuthenticationProvider and explains a guest', () => {
    expect(identityReading('cognitoAuthenticationProvider', `${PROVIDER},${PROVIDER}:CognitoSignIn:sub-1`)).toBe('the login that got the credentials; the user pool user’s sub is sub-1');
    expect(identityReading('cognitoAuthenticationType', 'unauthenticated')).toBe('a guest (unauthenticated identity)');
    expect(identityReading('userArn', null)).toBe('null: not an identity-pool caller');
  });

  it('says a non-string context value reaches the integration as a string', () => {
    expect(contextReading(true)).toBe('a boolean: the integration receives the string "true"');
    expect(contextReading('acme')).toBeUndefined();
    expect(contextReading({ nested: 1 })).toMatch(/refuses it/);
  });
});
