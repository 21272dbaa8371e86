// NotesHttpApi's JWT authorizer beside NotesApi's Cognito authorizer: the differences a learner can see
// (Bearer, aud or client_id, any token type, 403 for scopes, www-authenticate, 404 for unknown routes,
// payload format 2.0 with claims in requestContext.authorizer.jwt).
import { describe, expect, it } from 'vitest';
import { gatewayLab, HOUR } from '../../../testing/api-gateway-harness';

describe('NotesHttpApi (HTTP API, JWT authorizer for LearnerPool/web)', () => {
  it('accepts the ID token with a Bearer prefix, and sends a payload 2.0 event with the claims as strings', async () => {
    const lab = await gatewayLab();
    const { IdToken } = await lab.signIn('alice');
    const answer = await lab.http('/profile', { Authorization: `Bearer ${IdToken!}` });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('apigw-requestid')).toMatch(/^[A-Za-z0-9+/]{15}=$/);
    expect(answer.headers.get('x-amzn-requestid')).toBeNull();
    const [call] = lab.invocationsUnder(lab.lastGatewayExchange());
    const event = call!.event as { version: string; routeKey: string; rawPath: string; headers: Record<string, string>; requestContext: Record<string, unknown> };
    expect(event.version).toBe('2.0');
    expect(event.routeKey).toBe('GET /profile');
    expect(event.rawPath).toBe('/profile');
    expect(event.requestContext).toMatchObject({ apiId: lab.httpApiId, stage: '$default', http: { method: 'GET', path: '/profile', sourceIp: '203.0.113.10' } });
    const jwt = (event.requestContext.authorizer as { jwt: { claims: Record<string, string>; scopes: unknown } }).jwt;
    expect(jwt.claims['cognito:groups']).toBe('[admins]');
    expect(jwt.claims.email_verified).toBe('true');
    expect(jwt.claims.exp).toMatch(/^\d{10}$/);
    expect(jwt.scopes).toBeNull();
    expect(Object.keys(event.headers).every((h) => h === h.toLowerCase())).toBe(true);
  });

  it('accepts the API access token on /profile too (its client_id is in the audience), where the REST API says 401', async () => {
    const lab = await gatewayLab();
    const { AccessToken } = await lab.signIn('bob');
    expect((await lab.http('/profile', { Authorization: AccessToken! })).status).toBe(200);
    expect(lab.notesOf(lab.lastGatewayExchange(), 'authorizer')[0]).toMatchObject({ authorizer: 'JWT', outcome: 'allowed' });
    expect((await lab.rest('/profile', { Authorization: AccessToken! })).status).toBe(401);
  });

  it('lets /notes through for an access token with notes-api/notes.read and passes the scopes', async () => {
    const lab = await gatewayLab();
    const token = await lab.oauthAccessToken('bob', ['openid', 'notes-api/notes.read']);
    const answer = await lab.http('/notes', { Authorization: `Bearer ${token}` });
    expect(answer.status).toBe(200);
    expect(lab.bodyOf(answer)).toMatchObject({ owner: 'bob' });
    const event = lab.invocationsUnder(lab.lastGatewayExchange())[0]!.event as { requestContext: { authorizer: { jwt: { scopes: string[] } } } };
    expect(event.requestContext.authorizer.jwt.scopes).toEqual(['openid', 'notes-api/notes.read']);
  });

  it('answers 403 {"message":"Forbidden"} to a valid token without the scope: the ID token and the API access token alike', async () => {
    const lab = await gatewayLab();
    const tokens = await lab.signIn('bob');
    for (const token of [tokens.IdToken!, tokens.AccessToken!]) {
      const answer = await lab.http('/notes', { Authorization: token });
      expect(answer.status).toBe(403);
      expect(answer.text).toBe('{"message":"Forbidden"}');
    }
  });

  it('answers 401 with www-authenticate to a token of a client outside the audience', async () => {
    const lab = await gatewayLab();
    const token = await lab.oauthAccessToken('bob', ['openid'], 'alb');
    const answer = await lab.http('/profile', { Authorization: token });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ message: 'Unauthorized' });
    expect(answer.headers.get('www-authenticate')).toBe('Bearer scope="" error="invalid_token" error_description="the token does not have a valid audience"');
  });

  it('answers 401 with "the token has expired" once it has', async () => {
    const lab = await gatewayLab();
    const { IdToken } = await lab.signIn('alice');
    lab.sim.clock.advance(HOUR + 1000);
    const answer = await lab.http('/profile', { Authorization: IdToken! });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer scope="" error="invalid_token" error_description="the token has expired"');
  });

  it('answers 401 without www-authenticate when there is no token', async () => {
    const lab = await gatewayLab();
    const answer = await lab.http('/profile');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBeNull();
    expect(lab.invocationsUnder(lab.lastGatewayExchange())).toEqual([]);
  });

  it('answers an unknown route with 404 Not Found, where a REST API answers 403 Missing Authentication Token', async () => {
    const lab = await gatewayLab();
    const http = await lab.http('/nowhere');
    expect(http.status).toBe(404);
    expect(http.text).toBe('{"message":"Not Found"}');
    const rest = await lab.rest('/nowhere');
    expect(rest.status).toBe(403);
    expect(rest.text).toBe('{"message":"Missing Authentication Token"}');
  });
});
