import { describe, expect, it } from 'vitest';
import { ConfirmSignUpCommand, GetUserCommand, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createSimulator } from '../../index';
import { cognitoClient } from '../../../testing/sdk-handler';

describe('smoke', () => {
  it('signs up, confirms and signs in through the real SDK', async () => {
    const sim = await createSimulator({ seed: 1, startTime: Date.UTC(2026, 0, 1) });
    const client = cognitoClient(sim);
    const web = sim.describe().userPools[0]!.clients[0]!;
    const out = await client.send(new SignUpCommand({ ClientId: web.clientId, Username: 'carol', Password: 'Carol#Passw0rd', UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }] }));
    expect(out.UserConfirmed).toBe(false);
    const code = sim.messages().at(-1)!.code!;
    await client.send(new ConfirmSignUpCommand({ ClientId: web.clientId, Username: 'carol', ConfirmationCode: code }));
    const auth = await client.send(new InitiateAuthCommand({ ClientId: web.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'carol@example.com', PASSWORD: 'Carol#Passw0rd' } }));
    const me = await client.send(new GetUserCommand({ AccessToken: auth.AuthenticationResult!.AccessToken! }));
    expect(me.Username).toBe('carol');
    await expect(client.send(new InitiateAuthCommand({ ClientId: web.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'carol', PASSWORD: 'wrong' } }))).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });
});
