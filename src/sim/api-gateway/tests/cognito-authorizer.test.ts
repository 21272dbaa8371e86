// NotesApi's Cognito user pool authorizer, as a learner meets it: /profile wants an ID token, /notes an access
// token with notes-api/notes.read; expired, tampered, foreign and missing tokens are refused with AWS's answers.
import { describe, expect, it } from 'vitest';
import { defaultWorld, type Note } from '../../index';
import { gatewayLab, HOUR, MINUTE, tamper, type GatewayLab } from '../../../testing/api-gateway-harness';

const UNAUTHORIZED = { message: 'Unauthorized' };
type AuthorizerNote = Extract<Note, { kind: 'authorizer' }>;

function expectUnauthorized(answer: { status: number; text: string; headers: Headers }) {
  expect(answer.status).toBe(401);
  expect(answer.text).toBe('{"message":"Unauthorized"}');
  expect(answer.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
  expect(answer.headers.get('content-type')).toBe('application/json');
  expect(answer.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  expect(answer.headers.get('x-amz-apigw-id')).toMatch(/^[A-Za-z0-9+/]{15}=$/);
}

describe('GET /profile (Cognito authorizer, no scopes: ID token)', () => {
  it('accepts the ID token and hands the claims to the Lambda as strings', async () => {
    const lab = await gatewayLab();
    const tokens = await lab.signIn('alice');
    const answer = await lab.rest('/profile', { Authorization: tokens.IdToken! });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const body = lab.bodyOf(answer) as { authorizer: { claims: Record<string, unknown> }; identity: Record<string, unknown> };
    const claims = body.authorizer.claims;
    expect(claims['cognito:username']).toBe('alice');
    expect(claims['cognito:groups']).toBe('admins');
    expect(claims.email_verified).toBe('true');
    expect(claims.token_use).toBe('id');
    for (const value of Object.values(claims)) expect(typeof value).toBe('string');
    expect(claims.exp).toBe('Thu Jan 01 01:00:00 UTC 2026');
    expect(claims.auth_time).toBe(String(Math.floor(lab.sim.clock.now() / 1000)));
    expect(body.identity.cognitoIdentityId).toBeNull();
  });

  it('joins several groups with commas in cognito:groups', async () => {
    const world = structuredClone(defaultWorld);
    world.userPools[0]!.users!.find((u) => u.username === 'alice')!.groups = ['admins', 'readers'];
    const lab = await gatewayLab({ world });
    const answer = await lab.rest('/profile', { Authorization: (await lab.signIn('alice')).IdToken! });
    const claims = (lab.bodyOf(answer).authorizer as { claims: Record<string, string> }).claims;
    expect(claims['cognito:groups']).toBe('admins,readers');
    const event = lab.invocationsUnder(lab.lastGatewayExchange())[0]!.event as { requestContext: { authorizer: { claims: Record<string, string> } } };
    expect(event.requestContext.authorizer.claims['cognito:groups']).toBe('admins,readers');
  });

  it('refuses the access token with 401: a method without scopes wants an ID token', async () => {
    const lab = await gatewayLab();
    const tokens = await lab.signIn('alice');
    expectUnauthorized(await lab.rest('/profile', { Authorization: tokens.AccessToken! }));
    const [note] = lab.notesOf(lab.lastGatewayExchange(), 'authorizer');
    expect(note).toMatchObject({ authorizer: 'COGNITO_USER_POOLS', name: 'LearnerPoolAuthorizer', outcome: 'unauthorized' });
    expect(lab.invocationsUnder(lab.lastGatewayExchange())).toEqual([]);
  });

  it('refuses a missing header with 401 and never calls the Lambda', async () => {
    const lab = await gatewayLab();
    expectUnauthorized(await lab.rest('/profile'));
    expect(lab.invocationsUnder(lab.lastGatewayExchange())).toEqual([]);
  });

  it('refuses the token once it has expired (one hour on the virtual clock)', async () => {
    const lab = await gatewayLab();
    const { IdToken } = await lab.signIn('alice');
    lab.sim.clock.advance(59 * MINUTE);
    expect((await lab.rest('/profile', { Authorization: IdToken! })).status).toBe(200);
    lab.sim.clock.advance(HOUR);
    expectUnauthorized(await lab.rest('/profile', { Authorization: IdToken! }));
    expect(lab.notesOf(lab.lastGatewayExchange(), 'token-checked')[0]).toMatchObject({ tokenUse: 'id', outcome: 'expired' });
  });

  it('refuses a tampered token: the signature no longer verifies', async () => {
    const lab = await gatewayLab();
    const { IdToken } = await lab.signIn('alice');
    expectUnauthorized(await lab.rest('/profile', { Authorization: tamper(IdToken!) }));
    const note = lab.notesOf(lab.lastGatewayExchange(), 'authorizer')[0] as AuthorizerNote;
    expect(note.checks.find((c) => !c.passed)?.check).toBe('signature (RS256)');
  });

  it('refuses a token from another user pool of the account', async () => {
    const world = structuredClone(defaultWorld);
    const other = structuredClone(world.userPools[0]!);
    other.name = 'OtherPool';
    delete other.domainPrefix;
    world.userPools.push(other);
    const lab = await gatewayLab({ world });
    const pools = lab.sim.describe().userPools;
    const otherPool = pools.find((p) => p.name === 'OtherPool')!;
    const client = otherPool.clients.find((c) => c.name === 'web')!.clientId;
    const response = await lab.sim.fetch(
      new Request('https://cognito-idp.us-east-1.amazonaws.com/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
        body: JSON.stringify({ ClientId: client, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: 'Alice#Passw0rd' } }),
      }),
    );
    const foreign = ((await response.json()) as { AuthenticationResult: { IdToken: string } }).AuthenticationResult.IdToken;
    expectUnauthorized(await lab.rest('/profile', { Authorization: foreign }));
    const note = lab.notesOf(lab.lastGatewayExchange(), 'authorizer')[0] as AuthorizerNote;
    expect(note.checks.find((c) => !c.passed)?.check).toBe('issuer (iss)');
  });

  it('accepts a "Bearer " prefix on the REST API too, and says it dropped it', async () => {
    const lab = await gatewayLab();
    const { IdToken } = await lab.signIn('bob');
    expect((await lab.rest('/profile', { Authorization: `Bearer ${IdToken!}` })).status).toBe(200);
    const note = lab.notesOf(lab.lastGatewayExchange(), 'authorizer')[0] as AuthorizerNote;
    expect(note.checks[0]).toEqual({ check: 'token in the Authorization header', passed: true, detail: 'the "Bearer " prefix was dropped' });
  });

  it('fetches the JWKS as a nested call once, then uses the keys it kept', async () => {
    const lab = await gatewayLab();
    const { IdToken } = await lab.signIn('alice');
    await lab.rest('/profile', { Authorization: IdToken! });
    const first = lab.lastGatewayExchange();
    await lab.rest('/profile', { Authorization: IdToken! });
    const second = lab.lastGatewayExchange();
    const jwksUnder = (e: typeof first) => lab.sim.trace().filter((x) => x.parentId === e.id && x.request.url.endsWith('/.well-known/jwks.json'));
    expect(jwksUnder(first).map((x) => [x.from, x.to, x.response.status])).toEqual([['api-gateway', 'cognito-idp', 200]]);
    expect(jwksUnder(second)).toEqual([]);
  });
});

describe('GET /notes (Cognito authorizer with scope notes-api/notes.read: access token)', () => {
  const scoped = (lab: GatewayLab) => lab.oauthAccessToken('bob', ['openid', 'notes-api/notes.read']);

  it('accepts an access token carrying the scope', async () => {
    const lab = await gatewayLab();
    const answer = await lab.rest('/notes', { Authorization: await scoped(lab) });
    expect(answer.status).toBe(200);
    expect(lab.bodyOf(answer)).toMatchObject({ owner: 'bob', scope: 'openid notes-api/notes.read' });
    expect(lab.invocationsUnder(lab.lastGatewayExchange()).map((i) => i.functionName)).toEqual(['notes-list']);
  });

  it('refuses the ID token with 401: only access tokens carry scopes', async () => {
    const lab = await gatewayLab();
    expectUnauthorized(await lab.rest('/notes', { Authorization: (await lab.signIn('bob')).IdToken! }));
  });

  it('refuses the API sign-in access token (scope aws.cognito.signin.user.admin) with 403', async () => {
    const lab = await gatewayLab();
    const answer = await lab.rest('/notes', { Authorization: (await lab.signIn('bob')).AccessToken! });
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({ message: 'Forbidden' });
    expect(answer.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(lab.notesOf(lab.lastGatewayExchange(), 'authorizer')[0]).toMatchObject({ outcome: 'forbidden' });
  });

  it('refuses an expired access token with 401', async () => {
    const lab = await gatewayLab();
    const token = await scoped(lab);
    lab.sim.clock.advance(HOUR + 1000);
    const answer = await lab.rest('/notes', { Authorization: token });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual(UNAUTHORIZED);
  });
});

describe('A Cognito authorizer with an identityValidationExpression (audience)', () => {
  async function labWithAudience(pattern: string) {
    const world = structuredClone(defaultWorld);
    const authorizer = world.restApis[0]!.authorizers!.find((a) => a.type === 'COGNITO_USER_POOLS')!;
    authorizer.identityValidationExpression = pattern;
    return gatewayLab({ world });
  }

  it('accepts a token whose audience matches', async () => {
    const lab = await labWithAudience('[a-z0-9]{26}');
    const tokens = await lab.signIn('alice');
    expect((await lab.rest('/profile', { Authorization: tokens.IdToken! })).status).toBe(200);
  });

  it('refuses, with 401, a genuine token issued to another app client', async () => {
    const lab = await labWithAudience('no-such-client');
    const tokens = await lab.signIn('alice');
    expectUnauthorized(await lab.rest('/profile', { Authorization: tokens.IdToken! }));
    const note = lab.sim.trace().filter((x) => x.to === 'api-gateway').at(-1)!.notes.find((n): n is AuthorizerNote => n.kind === 'authorizer')!;
    expect(note.checks.find((c) => c.check === 'audience')).toMatchObject({ passed: false });
  });
});
