import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Exchange } from '../../sim/index';
import { runScenario } from '../../content/scenarios/run';
import { signUpAndSignIn } from '../../content/scenarios/sign-up-and-sign-in';
import { tokenLifecycle } from '../../content/scenarios/token-lifecycle';
import { findTokens, isOpaque } from './find-tokens';

const b64url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const jwt = (payload: object) => `${b64url('{"alg":"RS256","kid":"k1"}')}.${b64url(JSON.stringify(payload))}.c2lnbmF0dXJl`;
const jwe = `${b64url('{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}')}.a2V5.aXY.Y2lwaGVy.dGFn`;

function exchange(request: Partial<Exchange['request']>, response: Partial<Exchange['response']> = {}): Exchange {
  return {
    id: 'x1', from: 'browser', to: 'hosted-ui', operation: 'test', at: 0, notes: [],
    request: { method: 'POST', url: 'https://example.com/', headers: {}, ...request },
    response: { status: 200, headers: {}, ...response },
  };
}

describe('findTokens in real exchanges', () => {
  let signIn: Exchange;
  let getUser: Exchange;
  let refresh: Exchange;
  beforeAll(async () => {
    const first = await runScenario(signUpAndSignIn, createSimulator);
    signIn = first.trace.find((x) => x.operation === 'InitiateAuth' && x.response.status === 200)!;
    getUser = first.trace.find((x) => x.operation === 'GetUser')!;
    const lifecycle = await runScenario(tokenLifecycle, createSimulator);
    refresh = lifecycle.trace.find((x) => x.request.body?.includes('REFRESH_TOKEN_AUTH') && x.response.status === 200)!;
  });

  it('finds the three tokens of a sign-in, each named by what it is and where it was', () => {
    const found = findTokens(signIn);
    expect(found.map((t) => [t.label, t.where])).toEqual([
      ['Access token', ['Response body, AuthenticationResult.AccessToken']],
      ['ID token', ['Response body, AuthenticationResult.IdToken']],
      ['Refresh token', ['Response body, AuthenticationResult.RefreshToken']],
    ]);
    const id = found[1]!;
    expect(!isOpaque(id) && id.decoded.payload['cognito:username']).toBe('maya');
    expect(isOpaque(found[2]!)).toBe(true);
    expect(found[2]).not.toHaveProperty('decoded');
  });

  it('finds the access token a request carries', () => {
    expect(findTokens(getUser).map((t) => [t.kind, t.where])).toEqual([['access', ['Request body, AccessToken']]]);
  });

  it('finds the refresh token sent to REFRESH_TOKEN_AUTH and the tokens that came back', () => {
    expect(findTokens(refresh).map((t) => [t.kind, t.where[0]])).toEqual([
      ['refresh', 'Request body, AuthParameters.REFRESH_TOKEN'],
      ['access', 'Response body, AuthenticationResult.AccessToken'],
      ['id', 'Response body, AuthenticationResult.IdToken'],
    ]);
  });
});

describe('findTokens in other places', () => {
  it('reads Bearer tokens in the Authorization header and tokens in redirect URLs', () => {
    const id = jwt({ token_use: 'id' });
    const access = jwt({ token_use: 'access', scope: 'openid' });
    const found = findTokens(exchange({ headers: { authorization: `Bearer ${access}` } }, { status: 302, headers: { location: `https://app.example.com/cb#id_token=${id}&token_type=Bearer` } }));
    expect(found.map((t) => [t.label, t.where])).toEqual([
      ['Access token', ['Request header authorization']],
      ['ID token', ['Response header location']],
    ]);
  });

  it('reads form-encoded bodies, calling a five-part token under a refresh name a refresh token', () => {
    const found = findTokens(exchange({ body: `grant_type=refresh_token&client_id=abc&refresh_token=${jwe}` }));
    expect(found).toEqual([{ kind: 'refresh', label: 'Refresh token', token: jwe, where: ['Request body, refresh_token'] }]);
  });

  it('lists a token once with every place it was seen', () => {
    const access = jwt({ token_use: 'access' });
    const found = findTokens(exchange({ body: JSON.stringify({ AccessToken: access }) }, { body: JSON.stringify({ Echo: [access] }) }));
    expect(found).toHaveLength(1);
    expect(found[0]!.where).toEqual(['Request body, AccessToken', 'Response body, Echo[0]']);
  });

  it('names tokens without token_use by who issued or carried them, and keeps unknown JWEs opaque', () => {
    const openId = jwt({ iss: 'https://cognito-identity.amazonaws.com', aud: 'us-east-1:pool' });
    const albClaims = jwt({ sub: 'u', iss: 'https://cognito-idp.us-east-1.amazonaws.com/p' });
    const found = findTokens(exchange({ headers: { 'x-amzn-oidc-data': albClaims } }, { body: JSON.stringify({ Token: openId, Blob: jwe }) }));
    expect(found.map((t) => [t.kind, t.label])).toEqual([
      ['jwt', 'User claims signed by the load balancer'],
      ['jwt', 'OpenID token from the identity pool'],
      ['opaque', 'Encrypted token (JWE)'],
    ]);
  });

  it('finds nothing in an exchange without tokens, and skips look-alikes that do not decode', () => {
    expect(findTokens(exchange({ body: '{"ClientId":"abc"}' }, { body: '{}' }))).toEqual([]);
    expect(findTokens(exchange({ body: 'eyJub3Q.eyJqc29u.sig' }))).toEqual([]);
  });
});
