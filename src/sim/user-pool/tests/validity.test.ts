import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { DEMO_PASSWORDS } from '../../index';
import { HOUR, learnerLab, worldWith } from '../../../testing/user-pool-harness';

describe('Token validity per app client', () => {
  it('uses AWS\'s defaults: one hour for ID and access tokens', async () => {
    const lab = await learnerLab();
    const tokens = await lab.signIn('alice', DEMO_PASSWORDS.alice);
    const id = decodeJwt(tokens.IdToken!);
    expect(id.exp! - id.iat!).toBe(3600);
    expect(tokens.ExpiresIn).toBe(3600);
  });

  it('follows the client\'s own validities and units', async () => {
    const lab = await learnerLab({
      world: worldWith((pool) => {
        Object.assign(pool.clients[0]!, { idTokenValidity: 5, accessTokenValidity: 10, refreshTokenValidity: 2, tokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'hours' } });
      }),
    });
    const tokens = await lab.signIn('alice', DEMO_PASSWORDS.alice);
    const id = decodeJwt(tokens.IdToken!);
    const access = decodeJwt(tokens.AccessToken!);
    expect(id.exp! - id.iat!).toBe(300);
    expect(access.exp! - access.iat!).toBe(600);
    expect(tokens.ExpiresIn).toBe(600);
    const record = lab.state().refreshTokens.get(tokens.RefreshToken!)!;
    expect(record.expiresAt - lab.sim.clock.now()).toBe(2 * HOUR);
  });

  it.each([
    ['an ID token of 4 minutes', { idTokenValidity: 4, tokenValidityUnits: { IdToken: 'minutes' } }, 'ID token validity must be between 5 minutes and 1 day.'],
    ['an access token of 2 days', { accessTokenValidity: 2, tokenValidityUnits: { AccessToken: 'days' } }, 'Access token validity must be between 5 minutes and 1 day.'],
    ['a refresh token of 30 minutes', { refreshTokenValidity: 30, tokenValidityUnits: { RefreshToken: 'minutes' } }, 'Refresh token validity must be between 60 minutes and 3650 days.'],
    ['an auth session of 20 minutes', { authSessionValidity: 20 }, 'AuthSessionValidity must be between 3 and 15 minutes.'],
  ])('refuses a world with %s', async (_label, change, message) => {
    await expect(learnerLab({ world: worldWith((pool) => void Object.assign(pool.clients[0]!, change)) })).rejects.toThrow(message);
  });

  it('treats a refresh validity of 0 as the 30-day default', async () => {
    const lab = await learnerLab({ world: worldWith((pool) => void Object.assign(pool.clients[0]!, { refreshTokenValidity: 0 })) });
    const tokens = await lab.signIn('alice', DEMO_PASSWORDS.alice);
    expect(lab.state().refreshTokens.get(tokens.RefreshToken!)!.expiresAt - lab.sim.clock.now()).toBe(30 * 24 * HOUR);
  });
});
