// API Gateway scenario 2: an access token where an ID token is expected, an expired token and a tampered one.
import type { Scenario } from './types';
import { HOUR, SCENARIO_START } from './helpers';
import { DEMO } from './demo-users';
import { api, signInForTokens } from './api-steps';

function tamper(token: string): string {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  claims['cognito:groups'] = ['admins'];
  const forged = btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${header}.${forged}.${signature}`;
}

export const apiTokenSwap: Scenario = {
  id: 'api-gateway-wrong-tokens',
  title: 'Wrong, expired and tampered tokens',
  goal: 'See a Cognito authorizer refuse an access token where it wants an ID token, a token edited by hand, and a token past its expiry.',
  level: 'intermediate',
  services: ['User pool', 'API Gateway'],
  minutes: 6,
  seed: 302,
  startTime: SCENARIO_START,
  outcome: 'Every bad token got 401 Unauthorized: the access token because a method without scopes wants an ID token, the edited one because its signature no longer matched, the old one because it had expired.',
  check: (last) => last.request.url.endsWith('/profile') && last.response.status === 401,
  async script(ctx) {
    const tokens = await signInForTokens(ctx, 'bob', DEMO.bob.password, { title: 'Sign in', narration: 'Bob signs in to the user pool and gets an ID token and an access token.' });
    await api(ctx, {
      title: 'Access token on /profile',
      narration: 'Bob\'s app sends the access token to GET /profile. The method has no OAuth scopes, so the Cognito authorizer wants an ID token: the access token is refused with 401.',
      examTip: 'Cognito authorizer: no scopes on the method → send the ID token; scopes on the method → send an access token carrying one of them.',
    }, '/profile', { token: tokens.AccessToken });
    await api(ctx, {
      title: 'A tampered ID token',
      narration: 'Bob edits his ID token to claim membership of admins and sends it. The payload changed, so the RS256 signature no longer verifies against the pool\'s public key: 401.',
    }, '/profile', { token: tamper(tokens.IdToken) });
    await api(ctx, { title: 'The genuine ID token', narration: 'The unmodified ID token passes every check and the Lambda answers 200 with Bob\'s claims.' }, '/profile', { token: tokens.IdToken });
    ctx.advance(HOUR + 60_000);
    await api(ctx, {
      title: 'An hour later',
      narration: 'An hour and a minute later the same ID token is past its exp claim, so the authorizer refuses it with 401. The app should have refreshed its tokens.',
    }, '/profile', { token: tokens.IdToken });
  },
};
