import { describe, expect, it } from 'vitest';
import type { Exchange, Note } from '../../sim/index';
import { gatewayAnswer, gatewayRoute, hasGatewayView, isGatewayExchange, throttlingOf } from './gateway-route';

const REST = 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com';

function call(over: { url: string; operation?: string; status?: number; headers?: Record<string, string>; notes?: Note[]; to?: Exchange['to'] }): Exchange {
  return {
    id: 'g1',
    from: 'app',
    to: over.to ?? 'api-gateway',
    operation: over.operation ?? `GET ${new URL(over.url).pathname}`,
    request: { method: 'GET', url: over.url, headers: {} },
    response: { status: over.status ?? 200, headers: over.headers ?? { 'x-amzn-requestid': 'r-1' } },
    at: 0,
    notes: over.notes ?? [],
  };
}

const gatewayError = (status: number, code: string, type: string): Note => ({ kind: 'error', summary: `API Gateway answered ${status} itself (gateway response ${type}): {}`, code, message: '{}', status });
const authorizer: Note = { kind: 'authorizer', summary: 'open', authorizer: 'NONE', outcome: 'allowed', checks: [] };

describe('Which exchanges are API Gateway’s', () => {
  it('knows a request to api-gateway, or to an execute-api host, and nothing else', () => {
    expect(isGatewayExchange(call({ url: `${REST}/prod/profile` }))).toBe(true);
    expect(isGatewayExchange(call({ url: `${REST}/prod/profile`, to: 'app' }))).toBe(true);
    expect(isGatewayExchange(call({ url: 'https://cognito-idp.us-east-1.amazonaws.com/', to: 'cognito-idp' }))).toBe(false);
    expect(isGatewayExchange(call({ url: 'https://execute-api.example.com/prod', to: 'target' }))).toBe(false);
  });

  it('has a Gateway view for any exchange whose calls ran an authorizer', () => {
    const other = call({ url: 'https://learner-alb.example.com/app', to: 'alb' });
    expect(hasGatewayView(other, [])).toBe(false);
    expect(hasGatewayView(other, [{ ...other, id: 'n1', notes: [authorizer] }])).toBe(true);
  });
});

describe('gatewayRoute', () => {
  it('reads a REST API’s stage from the path and the matched resource from the operation', () => {
    expect(gatewayRoute(call({ url: `${REST}/prod/catalog/BOOK-001`, operation: 'GET /catalog/{sku}', notes: [authorizer] }))).toEqual({
      api: 'REST',
      apiId: 'a1b2c3d4e5',
      region: 'us-east-1',
      stage: 'prod',
      method: 'GET',
      resource: '/catalog/{sku}',
      path: '/catalog/BOOK-001',
    });
  });

  it('knows an HTTP API by its apigw-requestid: the $default stage, the whole path', () => {
    const route = gatewayRoute(call({ url: 'https://q9w8e7r6t5.execute-api.eu-west-1.amazonaws.com/profile', operation: 'GET /profile', headers: { 'apigw-requestid': 'abc=' } }));
    expect(route).toMatchObject({ api: 'HTTP', stage: '$default', resource: '/profile', path: '/profile', region: 'eu-west-1' });
  });

  it('has no resource when API Gateway refused with its no-route answer before any authorizer', () => {
    const missing = call({ url: `${REST}/prod/nope`, status: 403, notes: [gatewayError(403, 'MissingAuthenticationTokenException', 'MISSING_AUTHENTICATION_TOKEN')] });
    expect(gatewayRoute(missing)).not.toHaveProperty('resource');
    expect(gatewayRoute(missing).path).toBe('/nope');
    // The same answer for an unsigned AWS_IAM method comes after the authorizer ran: the route matched.
    const unsigned = call({ url: `${REST}/prod/reports`, operation: 'GET /reports', status: 403, notes: [{ ...authorizer, authorizer: 'AWS_IAM', outcome: 'forbidden' }, gatewayError(403, 'MissingAuthenticationTokenException', 'MISSING_AUTHENTICATION_TOKEN')] });
    expect(gatewayRoute(unsigned).resource).toBe('/reports');
  });
});

describe('gatewayAnswer', () => {
  it('says nothing of a success', () => {
    expect(gatewayAnswer(call({ url: `${REST}/prod/public` }))).toBeUndefined();
  });

  it('explains a throttled call with its gateway response type and error type', () => {
    const throttled = call({
      url: `${REST}/prod/catalog`,
      status: 429,
      headers: { 'x-amzn-errortype': 'TooManyRequestsException' },
      notes: [{ kind: 'info', summary: 'Throttling (method throttling: rate 1 requests/s, burst 2): the bucket is empty.' }, gatewayError(429, 'TooManyRequestsException', 'THROTTLED')],
    });
    expect(gatewayAnswer(throttled)).toMatchObject({ by: 'gateway', status: 429, errorType: 'TooManyRequestsException', responseType: 'THROTTLED', title: 'Throttled' });
    expect(gatewayAnswer(throttled)?.text).toMatch(/before any authorizer or integration ran/);
    expect(throttlingOf(throttled)).toBe('Throttling (method throttling: rate 1 requests/s, burst 2): the bucket is empty.');
  });

  it('takes the error type from the note when the header is absent (HTTP APIs send none)', () => {
    const answer = gatewayAnswer(call({ url: `${REST}/profile`, status: 401, headers: { 'apigw-requestid': 'x' }, notes: [gatewayError(401, 'UnauthorizedException', 'UNAUTHORIZED')] }));
    expect(answer).toMatchObject({ errorType: 'UnauthorizedException', title: 'Unauthorized' });
  });

  it('names a SigV4 refusal by its code, and a 429 without notes still as throttling', () => {
    const signature = call({ url: `${REST}/prod/reports`, status: 403, headers: { 'x-amzn-errortype': 'InvalidSignatureException' }, notes: [gatewayError(403, 'InvalidSignatureException', 'INVALID_SIGNATURE')] });
    expect(gatewayAnswer(signature)).toMatchObject({ title: 'Signature refused' });
    expect(gatewayAnswer(signature)?.text).toContain('InvalidSignatureException');
    expect(gatewayAnswer(call({ url: `${REST}/prod/catalog`, status: 429 }))).toMatchObject({ by: 'gateway', title: 'Throttled' });
  });

  it('tells an error the integration wrote from one API Gateway wrote', () => {
    expect(gatewayAnswer(call({ url: `${REST}/prod/notes`, status: 401 }))).toMatchObject({ by: 'integration', status: 401, title: 'From the integration' });
  });
});
