import { describe, expect, it } from 'vitest';
import { DeleteUserCommand, GetUserCommand, GlobalSignOutCommand, InitiateAuthCommand, RevokeTokenCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_PASSWORDS } from '../../index';
import { awsError, learnerLab, worldWith, type LearnerLab } from '../../../testing/user-pool-harness';

const { alice, bob } = DEMO_PASSWORDS;
const revokedAccess = { name: 'NotAuthorizedException', message: 'Access Token has been revoked' };
const revokedRefresh = { name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' };

const getUser = (lab: LearnerLab, AccessToken: string) => lab.cognito.send(new GetUserCommand({ AccessToken }));
const refresh = (lab: LearnerLab, REFRESH_TOKEN: string, ClientId = lab.web, extra: Record<string, string> = {}) =>
  lab.cognito.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN, ...extra } }));
const revoke = (lab: LearnerLab, Token: string, ClientId = lab.web, ClientSecret?: string) =>
  lab.cognito.send(new RevokeTokenCommand({ Token, ClientId, ...(ClientSecret ? { ClientSecret } : {}) }));
const albWithPasswords = worldWith((p) => void p.clients[1]!.explicitAuthFlows.push('ALLOW_USER_PASSWORD_AUTH'));

describe('When the learner signs out everywhere', () => {
  it('revokes every sign-in: access tokens fail on Cognito and refresh tokens buy nothing', async () => {
    const lab = await learnerLab();
    const phone = await lab.signIn('alice', alice);
    const laptop = await lab.signIn('alice', alice);
    expect(await lab.cognito.send(new GlobalSignOutCommand({ AccessToken: laptop.AccessToken }))).toMatchObject({ $metadata: { httpStatusCode: 200 } });
    for (const session of [phone, laptop]) {
      expect(await awsError(getUser(lab, session.AccessToken!))).toEqual(revokedAccess);
      expect(await awsError(refresh(lab, session.RefreshToken!))).toEqual(revokedRefresh);
    }
    expect(await awsError(lab.cognito.send(new GlobalSignOutCommand({ AccessToken: laptop.AccessToken })))).toEqual(revokedAccess);
  });

  it('leaves other users signed in, and a new sign-in works', async () => {
    const lab = await learnerLab();
    const alices = await lab.signIn('alice', alice);
    const bobs = await lab.signIn('bob', bob);
    await lab.cognito.send(new GlobalSignOutCommand({ AccessToken: alices.AccessToken }));
    expect((await getUser(lab, bobs.AccessToken!)).Username).toBe('bob');
    expect((await refresh(lab, bobs.RefreshToken!)).AuthenticationResult?.AccessToken).toBeTruthy();
    const again = await lab.signIn('alice', alice);
    expect((await getUser(lab, again.AccessToken!)).Username).toBe('alice');
  });

  it('refuses a token that is not one the pool issued', async () => {
    const lab = await learnerLab();
    expect(await awsError(lab.cognito.send(new GlobalSignOutCommand({ AccessToken: 'eyJhbGciOiJub25lIn0.e30.' })))).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Access Token' });
    const { IdToken } = await lab.signIn('alice', alice);
    expect(await awsError(getUser(lab, IdToken!))).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Access Token' });
  });
});

describe('When the app revokes one refresh token', () => {
  it('ends that sign-in only: its refresh and access tokens stop working, the other sign-in goes on', async () => {
    const lab = await learnerLab();
    const phone = await lab.signIn('alice', alice);
    const laptop = await lab.signIn('alice', alice);
    const renewed = (await refresh(lab, phone.RefreshToken!)).AuthenticationResult!;
    expect(await revoke(lab, phone.RefreshToken!)).toMatchObject({ $metadata: { httpStatusCode: 200 } });
    expect(await awsError(refresh(lab, phone.RefreshToken!))).toEqual(revokedRefresh);
    expect(await awsError(getUser(lab, phone.AccessToken!))).toEqual(revokedAccess);
    expect(await awsError(getUser(lab, renewed.AccessToken!))).toEqual(revokedAccess);
    expect((await getUser(lab, laptop.AccessToken!)).Username).toBe('alice');
    expect((await refresh(lab, laptop.RefreshToken!)).AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('revokes refresh tokens only', async () => {
    const lab = await learnerLab();
    const { AccessToken, IdToken } = await lab.signIn('alice', alice);
    for (const token of [AccessToken!, IdToken!]) {
      expect(await awsError(revoke(lab, token))).toEqual({ name: 'UnsupportedTokenTypeException', message: 'Only refresh tokens can be revoked.' });
    }
    expect((await getUser(lab, AccessToken!)).Username).toBe('alice');
  });

  it('answers success for a token it does not know, and for one already revoked', async () => {
    const lab = await learnerLab();
    const { RefreshToken } = await lab.signIn('alice', alice);
    expect(await revoke(lab, 'aaaa.bbbb.cccc.dddd.eeee')).toMatchObject({ $metadata: { httpStatusCode: 200 } });
    await revoke(lab, RefreshToken!);
    expect(await revoke(lab, RefreshToken!)).toMatchObject({ $metadata: { httpStatusCode: 200 } });
  });

  it('needs the client secret of a client that has one, and refuses a token issued to another client', async () => {
    const lab = await learnerLab({ world: albWithPasswords });
    const viaAlb = await lab.signIn('alice', alice, lab.alb, await lab.secretHash('alice'));
    const viaWeb = await lab.signIn('alice', alice);
    expect(await awsError(revoke(lab, viaAlb.RefreshToken!, lab.alb))).toEqual({ name: 'UnauthorizedException', message: `Client ${lab.alb} is configured with secret but ClientSecret was not received` });
    expect(await awsError(revoke(lab, viaAlb.RefreshToken!, lab.alb, 'wrongsecret'))).toEqual({ name: 'UnauthorizedException', message: 'Client authentication failed.' });
    expect(await awsError(revoke(lab, viaWeb.RefreshToken!, lab.alb, lab.albSecret))).toEqual({ name: 'UnauthorizedException', message: 'The refresh token was not issued to this client.' });
    expect(await awsError(revoke(lab, viaAlb.RefreshToken!, 'nosuchclient'))).toEqual({ name: 'UnauthorizedException', message: 'Client authentication failed.' });
    expect((await refresh(lab, viaAlb.RefreshToken!, lab.alb, { SECRET_HASH: await lab.secretHash('alice') })).AuthenticationResult?.AccessToken).toBeTruthy();

    await revoke(lab, viaAlb.RefreshToken!, lab.alb, lab.albSecret);
    expect(await awsError(refresh(lab, viaAlb.RefreshToken!, lab.alb, { SECRET_HASH: await lab.secretHash('alice') }))).toEqual(revokedRefresh);
    expect((await getUser(lab, viaWeb.AccessToken!)).Username).toBe('alice');
  });

  it('is refused on a client without token revocation', async () => {
    const lab = await learnerLab({ world: worldWith((p) => void (p.clients[0]!.enableTokenRevocation = false)) });
    const { RefreshToken } = await lab.signIn('alice', alice);
    expect(await awsError(revoke(lab, RefreshToken!))).toEqual({ name: 'UnsupportedOperationException', message: 'Token revocation is not enabled for this client.' });
    expect((await refresh(lab, RefreshToken!)).AuthenticationResult?.AccessToken).toBeTruthy();
  });
});

describe('When the learner deletes their account', () => {
  it('is gone: tokens stop working and signing in fails as for any unknown user', async () => {
    const lab = await learnerLab();
    const tokens = await lab.signIn('bob', bob);
    expect(await lab.cognito.send(new DeleteUserCommand({ AccessToken: tokens.AccessToken }))).toMatchObject({ $metadata: { httpStatusCode: 200 } });
    expect(await awsError(getUser(lab, tokens.AccessToken!))).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
    expect(await awsError(refresh(lab, tokens.RefreshToken!))).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token' });
    expect(await awsError(lab.signIn('bob', bob))).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(await awsError(lab.signIn('bob@example.com', bob))).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('frees the username, and a new account with it is not reachable with the old tokens', async () => {
    const lab = await learnerLab();
    const old = await lab.signIn('bob', bob);
    await lab.cognito.send(new DeleteUserCommand({ AccessToken: old.AccessToken }));
    const out = await lab.cognito.send(new SignUpCommand({ ClientId: lab.web, Username: 'bob', Password: 'Bob#N3wPassword', UserAttributes: [{ Name: 'email', Value: 'bob@new.example' }] }));
    expect(out.UserConfirmed).toBe(false);
    expect(await awsError(getUser(lab, old.AccessToken!))).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
    expect(await awsError(refresh(lab, old.RefreshToken!))).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token' });
  });
});
