import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../sim/index';
import { authorizerAnswer, findInvocations, proxyAnswer } from './lambda-invocations';

const METHOD_ARN = 'arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/partner';

function invoke(name: string, event: object, response: { status?: number; body: string; headers?: Record<string, string> }): Exchange {
  return {
    id: `inv-${name}`,
    parentId: 'g1',
    from: 'api-gateway',
    to: 'lambda',
    operation: 'Invoke',
    request: { method: 'POST', url: `https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/${encodeURIComponent(name)}/invocations`, headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) },
    response: { status: response.status ?? 200, headers: { 'content-type': 'application/json', ...response.headers }, body: response.body },
    at: 0,
    notes: [],
  };
}

const policy = { principalId: 'acme', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: METHOD_ARN }] }, context: { partner: 'acme', verified: true } };
const authorizerCall = invoke('partner-authorizer', { type: 'TOKEN', methodArn: METHOD_ARN, authorizationToken: 'Bearer allow-acme' }, { body: JSON.stringify(policy) });
const integrationCall = invoke('partner-data', { resource: '/partner', httpMethod: 'GET', requestContext: {} }, { body: JSON.stringify({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' }) });

describe('findInvocations', () => {
  it('tells a Lambda authorizer’s invocation (type and methodArn) from the integration’s, in order, and skips other calls', () => {
    const jwks: Exchange = { ...integrationCall, id: 'jwks', to: 'cognito-idp', request: { method: 'GET', url: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_X/.well-known/jwks.json', headers: {} } };
    const [first, second, ...rest] = findInvocations([authorizerCall, jwks, integrationCall]);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ role: 'authorizer', type: 'TOKEN', functionName: 'partner-authorizer', methodArn: METHOD_ARN, token: 'Bearer allow-acme', result: policy });
    expect(second).toMatchObject({ role: 'integration', functionName: 'partner-data', event: { resource: '/partner' } });
    expect(second).not.toHaveProperty('error');
  });

  it('reports a function that threw (x-amz-function-error) with Lambda’s errorType and errorMessage, and no result', () => {
    const threw = invoke('partner-authorizer', { type: 'REQUEST', methodArn: METHOD_ARN }, { body: '{"errorType":"Error","errorMessage":"Unauthorized","trace":[]}', headers: { 'X-Amz-Function-Error': 'Unhandled' } });
    const [found] = findInvocations([threw]);
    expect(found).toMatchObject({ role: 'authorizer', type: 'REQUEST', error: { errorType: 'Error', errorMessage: 'Unauthorized' }, result: undefined });
    expect(found).not.toHaveProperty('token');
  });

  it('decodes the function name from the URL', () => {
    expect(findInvocations([invoke('my fn', {}, { body: 'null' })])[0]?.functionName).toBe('my fn');
  });
});

describe('What a function answered', () => {
  it('reads an authorizer’s policy statement by statement, a lone Statement object and single strings included', () => {
    expect(authorizerAnswer(policy)).toEqual({ principalId: 'acme', statements: [{ effect: 'Allow', actions: ['execute-api:Invoke'], resources: [METHOD_ARN] }], context: { partner: 'acme', verified: true } });
    const lone = { principalId: 'p', policyDocument: { Statement: { Effect: 'Deny', Action: ['execute-api:Invoke'], Resource: ['a', 'b'] } } };
    expect(authorizerAnswer(lone)).toEqual({ principalId: 'p', statements: [{ effect: 'Deny', actions: ['execute-api:Invoke'], resources: ['a', 'b'] }] });
    expect(authorizerAnswer('nonsense')).toBeUndefined();
    expect(authorizerAnswer({})).toEqual({ statements: [] });
  });

  it('reads a proxy response: statusCode, headers as strings, body', () => {
    expect(proxyAnswer({ statusCode: 201, headers: { 'x-count': 2 }, body: '{}' })).toEqual({ statusCode: 201, headers: { 'x-count': '2' }, body: '{}' });
    expect(proxyAnswer({ body: 'no status' })).toEqual({ body: 'no status' });
    expect(proxyAnswer(null)).toBeUndefined();
  });
});
