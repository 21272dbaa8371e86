import { describe, expect, it } from 'vitest';
import { GetUserCommand, GlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_PASSWORDS } from '../../index';
import { awsError, learnerLab, worldWith } from '../../../testing/user-pool-harness';

describe('When the app client has token revocation turned off', () => {
  it('still revokes access tokens issued before a global sign-out, though they carry no origin_jti', async () => {
    const lab = await learnerLab({ world: worldWith((pool) => void (pool.clients[0]!.enableTokenRevocation = false)) });
    const tokens = await lab.signIn('alice', DEMO_PASSWORDS.alice);
    const payload = JSON.parse(Buffer.from(tokens.AccessToken!.split('.')[1]!, 'base64url').toString());
    expect(payload.origin_jti).toBeUndefined();
    await lab.cognito.send(new GlobalSignOutCommand({ AccessToken: tokens.AccessToken! }));
    expect(await awsError(lab.cognito.send(new GetUserCommand({ AccessToken: tokens.AccessToken! })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
    lab.sim.clock.advance(1000);
    const fresh = await lab.signIn('alice', DEMO_PASSWORDS.alice);
    const me = await lab.cognito.send(new GetUserCommand({ AccessToken: fresh.AccessToken! }));
    expect(me.Username).toBe('alice');
  });
});
