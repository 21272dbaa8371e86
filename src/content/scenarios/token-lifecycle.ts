// Scenario 4: tokens expire on the clock, the refresh token renews them, global sign-out revokes them.
import type { Scenario } from './types';
import { HOUR, MINUTE, SCENARIO_START } from './helpers';
import { DEMO } from './demo-users';

export const tokenLifecycle: Scenario = {
  id: 'token-expiry-and-sign-out',
  title: 'Tokens expire, refresh, and are revoked',
  goal: 'Watch an access token expire after an hour, renew it with the refresh token, then revoke everything with a global sign-out.',
  level: 'intermediate',
  services: ['User pool'],
  minutes: 7,
  seed: 104,
  startTime: SCENARIO_START,
  outcome: 'After the global sign-out the refresh token is refused ("Refresh Token has been revoked"), so Bob must sign in again.',
  check: (last) => last.operation === 'InitiateAuth' && last.response.status === 400 && (last.response.body ?? '').includes('Refresh Token has been revoked'),
  async script(ctx) {
    const web = ctx.world.userPools[0]!.clients.find((c) => c.name === 'web')!;
    const first = await ctx.step(
      {
        title: 'Sign in',
        narration: 'Bob signs in and gets his three tokens. The ID and access tokens are valid for one hour (the app client\'s default); the refresh token for 30 days.',
      },
      () => ctx.idp.call('InitiateAuth', { ClientId: web.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: DEMO.bob.username, PASSWORD: DEMO.bob.password } }),
    );
    const tokens = first.ok ? (first.output as { AuthenticationResult: { AccessToken: string; RefreshToken: string } }).AuthenticationResult : { AccessToken: '', RefreshToken: '' };

    ctx.advance(HOUR + MINUTE);
    await ctx.step(
      {
        title: 'An hour later',
        narration: 'An hour and a minute pass on the virtual clock. Bob\'s app calls GetUser with the same access token; its exp claim is in the past, so the pool refuses it: "Access Token has expired".',
        examTip: 'ID and access tokens last 5 minutes to 1 day (default 1 hour); refresh tokens 60 minutes to 10 years (default 30 days). Short-lived tokens limit the damage of a leak.',
      },
      () => ctx.idp.call('GetUser', { AccessToken: tokens.AccessToken }),
    );

    const refreshed = await ctx.step(
      {
        title: 'Refresh',
        narration: 'The app sends the refresh token with REFRESH_TOKEN_AUTH. The pool finds it, checks it is unexpired and unrevoked, and issues a new ID and access token for the same sign-in: same auth_time and origin_jti, new iat and exp. No new refresh token and no password.',
      },
      () => ctx.idp.call('InitiateAuth', { ClientId: web.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken } }),
    );
    const newAccess = refreshed.ok ? (refreshed.output as { AuthenticationResult: { AccessToken: string } }).AuthenticationResult.AccessToken : '';

    await ctx.step(
      {
        title: 'Global sign-out',
        narration: 'Bob signs out everywhere: GlobalSignOut with his new access token. The pool revokes all his refresh tokens and marks their access tokens revoked for its own APIs.',
        examTip: 'JWTs are self-contained: a revoked access token still passes an offline signature check until it expires. Keep token lifetimes short when revocation matters.',
      },
      () => ctx.idp.call('GlobalSignOut', { AccessToken: newAccess }),
    );

    await ctx.step(
      {
        title: 'Revoked access token',
        narration: 'The app tries GetUser with the access token again. It is signed and unexpired, but the pool knows its sign-in was revoked: "Access Token has been revoked".',
      },
      () => ctx.idp.call('GetUser', { AccessToken: newAccess }),
    );

    await ctx.step(
      {
        title: 'Revoked refresh token',
        narration: 'Finally the refresh token: refused with "Refresh Token has been revoked". Bob has to sign in again with his password.',
      },
      () => ctx.idp.call('InitiateAuth', { ClientId: web.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken } }),
    );
  },
};
