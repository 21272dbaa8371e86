// The events a Lambda function receives, field by field: the REST proxy event (payload 1.0) and the HTTP API
// event (payload 2.0), for the same request with a path parameter, repeated query parameters and a cookie.
import { describe, expect, it } from 'vitest';
import { defaultWorld, type WorldConfig } from '../../index';
import { gatewayLab, START } from '../../../testing/api-gateway-harness';

function echoWorld(): WorldConfig {
  const world = structuredClone(defaultWorld);
  world.restApis[0]!.routes.push({ method: 'POST', path: '/echo/{id}', authorization: 'NONE', integration: { type: 'lambda', functionName: 'notes-profile' } });
  world.httpApis![0]!.routes.push({ method: 'POST', path: '/echo/{id}', authorization: 'NONE', integration: { type: 'lambda', functionName: 'notes-profile' } });
  return world;
}

const init = { method: 'POST', headers: { 'content-type': 'text/plain', 'user-agent': 'notes-app/1.0', cookie: 'theme=dark; lang=en' }, body: 'hello' };

describe('the REST proxy event (payload format 1.0)', () => {
  it('has every field API Gateway sends, with its request context', async () => {
    const lab = await gatewayLab({ world: echoWorld() });
    const answer = await lab.fetch(`${lab.restUrl}/echo/42?tag=a&tag=b`, init);
    expect(answer.status).toBe(200);
    const event = lab.invocationsUnder(lab.lastGatewayExchange())[0]!.event;
    expect(event).toMatchObject({
      resource: '/echo/{id}',
      path: '/echo/42',
      httpMethod: 'POST',
      queryStringParameters: { tag: 'b' },
      multiValueQueryStringParameters: { tag: ['a', 'b'] },
      pathParameters: { id: '42' },
      stageVariables: null,
      body: 'hello',
      isBase64Encoded: false,
    });
    expect(event.headers).toMatchObject({ 'content-type': 'text/plain', cookie: 'theme=dark; lang=en', Host: new URL(lab.restUrl).host, 'X-Forwarded-Proto': 'https', 'X-Forwarded-Port': '443', 'X-Amzn-Trace-Id': expect.stringMatching(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/) });
    expect((event.multiValueHeaders as Record<string, string[]>)['content-type']).toEqual(['text/plain']);
    expect(event.requestContext).toEqual({
      resourceId: expect.stringMatching(/^[a-z0-9]{6}$/),
      resourcePath: '/echo/{id}',
      httpMethod: 'POST',
      extendedRequestId: expect.stringMatching(/^[A-Za-z0-9+/]{15}=$/),
      requestTime: '01/Jan/2026:00:00:00 +0000',
      path: '/prod/echo/42',
      accountId: '123456789012',
      protocol: 'HTTP/1.1',
      stage: 'prod',
      domainPrefix: lab.restApiId,
      requestTimeEpoch: START,
      requestId: answer.headers.get('x-amzn-requestid'),
      identity: {
        cognitoIdentityPoolId: null,
        accountId: null,
        cognitoIdentityId: null,
        caller: null,
        sourceIp: '203.0.113.10',
        principalOrgId: null,
        accessKey: null,
        cognitoAuthenticationType: null,
        cognitoAuthenticationProvider: null,
        userArn: null,
        userAgent: 'notes-app/1.0',
        user: null,
      },
      domainName: `${lab.restApiId}.execute-api.us-east-1.amazonaws.com`,
      apiId: lab.restApiId,
    });
  });
});

describe('the HTTP API event (payload format 2.0)', () => {
  it('has lowercase headers, cookies apart, joined query values and requestContext.http', async () => {
    const lab = await gatewayLab({ world: echoWorld() });
    const answer = await lab.fetch(`${lab.httpUrl}/echo/42?tag=a&tag=b`, init);
    expect(answer.status).toBe(200);
    const event = lab.invocationsUnder(lab.lastGatewayExchange())[0]!.event;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /echo/{id}',
      rawPath: '/echo/42',
      rawQueryString: 'tag=a&tag=b',
      cookies: ['theme=dark', 'lang=en'],
      queryStringParameters: { tag: 'a,b' },
      pathParameters: { id: '42' },
      body: 'hello',
      isBase64Encoded: false,
      requestContext: {
        accountId: '123456789012',
        apiId: lab.httpApiId,
        domainName: `${lab.httpApiId}.execute-api.us-east-1.amazonaws.com`,
        http: { method: 'POST', path: '/echo/42', protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'notes-app/1.0' },
        requestId: answer.headers.get('apigw-requestid'),
        routeKey: 'POST /echo/{id}',
        stage: '$default',
        time: '01/Jan/2026:00:00:00 +0000',
        timeEpoch: START,
      },
    });
    expect(event.headers).not.toHaveProperty('cookie');
    expect(event.headers).toMatchObject({ 'content-type': 'text/plain', 'x-forwarded-proto': 'https' });
    expect(event.requestContext).not.toHaveProperty('authorizer');
  });
});
