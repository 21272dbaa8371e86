import { describe, expect, it } from 'vitest';
import { GetUserCommand, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_PASSWORDS } from '../../index';
import { HOUR, MINUTE, awsError, learnerLab, worldWith, type LearnerLab } from '../../../testing/user-pool-harness';

const { alice, bob } = DEMO_PASSWORDS;
const incorrect = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const exceeded = { name: 'NotAuthorizedException', message: 'Password attempts exceeded' };

const TEMPORARY = 'Temp#Passw0rd1';
const withMoreUsers = worldWith((pool) => {
  pool.users!.push(
    { username: 'erin', password: 'Erin#Passw0rd', attributes: { email: 'erin@example.com', email_verified: 'false' }, status: 'CONFIRMED' },
    { username: 'dana', password: TEMPORARY, attributes: { email: 'dana@example.com', email_verified: 'true' }, status: 'FORCE_CHANGE_PASSWORD' },
  );
  pool.clients[1]!.explicitAuthFlows.push('ALLOW_USER_PASSWORD_AUTH');
});

const getUser = (lab: LearnerLab, AccessToken: string) => lab.cognito.send(new GetUserCommand({ AccessToken }));
const refresh = (lab: LearnerLab, REFRESH_TOKEN: string, ClientId = lab.web, extra: Record<string, string> = {}) =>
  lab.cognito.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN, ...extra } }));
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

describe('When the learner signs in with a password', () => {
  it('gets three tokens by username, and GetUser reads the profile with the access token', async () => {
    const lab = await learnerLab();
    const tokens = await lab.signIn('alice', alice);
    expect(tokens).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    expect(tokens.RefreshToken!.split('.')).toHaveLength(5);
    const me = await getUser(lab, tokens.AccessToken!);
    expect(me.Username).toBe('alice');
    expect(me.UserAttributes).toEqual(expect.arrayContaining([
      { Name: 'sub', Value: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      { Name: 'email', Value: 'alice@example.com' },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'name', Value: 'Alice Liddell' },
    ]));
  });

  it('accepts the verified e-mail alias in place of the username', async () => {
    const lab = await learnerLab();
    const tokens = await lab.signIn('Alice@Example.com', alice);
    expect((await getUser(lab, tokens.AccessToken!)).Username).toBe('alice');
  });

  it('refuses an e-mail alias that is not verified, though the username works', async () => {
    const lab = await learnerLab({ world: withMoreUsers });
    expect(await awsError(lab.signIn('erin@example.com', 'Erin#Passw0rd'))).toEqual(incorrect);
    expect((await lab.signIn('erin', 'Erin#Passw0rd')).AccessToken).toBeTruthy();
  });

  it('answers a wrong password and an unknown user alike when PreventUserExistenceErrors is ENABLED', async () => {
    const lab = await learnerLab();
    expect(await awsError(lab.signIn('alice', 'Wrong#Passw0rd'))).toEqual(incorrect);
    expect(await awsError(lab.signIn('nobody', 'Wrong#Passw0rd'))).toEqual(incorrect);
  });

  it('says the user does not exist when the client is LEGACY', async () => {
    const lab = await learnerLab({ world: worldWith((p) => void (p.clients[0]!.preventUserExistenceErrors = 'LEGACY')) });
    expect(await awsError(lab.signIn('nobody', 'Wrong#Passw0rd'))).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
    expect(await awsError(lab.signIn('alice', 'Wrong#Passw0rd'))).toEqual(incorrect);
  });

  it('refuses a disabled user even with the right password', async () => {
    const lab = await learnerLab();
    await lab.disable('bob');
    expect(await awsError(lab.signIn('bob', bob))).toEqual({ name: 'NotAuthorizedException', message: 'User is disabled.' });
  });

  it('refuses USER_PASSWORD_AUTH on a client that does not allow it', async () => {
    const lab = await learnerLab();
    expect(await awsError(lab.signIn('alice', alice, lab.alb))).toEqual({ name: 'InvalidParameterException', message: 'USER_PASSWORD_AUTH flow not enabled for this client' });
  });

  it('needs SECRET_HASH on the client with a secret: missing, wrong, then right', async () => {
    const lab = await learnerLab({ world: withMoreUsers });
    expect(await awsError(lab.signIn('alice', alice, lab.alb))).toEqual({ name: 'NotAuthorizedException', message: `Client ${lab.alb} is configured with secret but SECRET_HASH was not received` });
    expect(await awsError(lab.signIn('alice', alice, lab.alb, await lab.secretHash('bob')))).toEqual({ name: 'NotAuthorizedException', message: `Unable to verify secret hash for client ${lab.alb}` });
    const tokens = await lab.signIn('alice', alice, lab.alb, await lab.secretHash('alice'));
    expect(claimsOf(tokens.IdToken!).aud).toBe(lab.alb);
  });
});

describe('When someone keeps guessing the password', () => {
  it('locks the user after five failures, refusing even the right password until the lock ends', async () => {
    const lab = await learnerLab();
    for (let i = 0; i < 5; i++) expect(await awsError(lab.signIn('alice', 'Wrong#Passw0rd'))).toEqual(incorrect);
    expect(await awsError(lab.signIn('alice', alice))).toEqual(exceeded);
    lab.sim.clock.advance(500);
    expect(await awsError(lab.signIn('alice', alice))).toEqual(exceeded);
    lab.sim.clock.advance(500);
    expect((await lab.signIn('alice', alice)).AccessToken).toBeTruthy();
  });

  it('doubles the lock with each further failure', async () => {
    const lab = await learnerLab();
    for (let i = 0; i < 5; i++) await awsError(lab.signIn('alice', 'Wrong#Passw0rd'));
    lab.sim.clock.advance(1000);
    expect(await awsError(lab.signIn('alice', 'Wrong#Passw0rd'))).toEqual(incorrect); // sixth: 2 s
    lab.sim.clock.advance(1999);
    expect(await awsError(lab.signIn('alice', alice))).toEqual(exceeded);
    lab.sim.clock.advance(1);
    expect(await awsError(lab.signIn('alice', 'Wrong#Passw0rd'))).toEqual(incorrect); // seventh: 4 s
    lab.sim.clock.advance(3999);
    expect(await awsError(lab.signIn('alice', alice))).toEqual(exceeded);
    lab.sim.clock.advance(1);
    expect((await lab.signIn('alice', alice)).AccessToken).toBeTruthy();
  });

  it('forgets the failures after 15 quiet minutes, and not before', async () => {
    const quiet = await learnerLab();
    for (let i = 0; i < 5; i++) await awsError(quiet.signIn('alice', 'Wrong#Passw0rd'));
    quiet.sim.clock.advance(15 * MINUTE);
    expect(await awsError(quiet.signIn('alice', 'Wrong#Passw0rd'))).toEqual(incorrect);
    expect((await quiet.signIn('alice', alice)).AccessToken).toBeTruthy();

    const restless = await learnerLab();
    for (let i = 0; i < 5; i++) await awsError(restless.signIn('alice', 'Wrong#Passw0rd'));
    restless.sim.clock.advance(14 * MINUTE);
    expect(await awsError(restless.signIn('alice', 'Wrong#Passw0rd'))).toEqual(incorrect);
    expect(await awsError(restless.signIn('alice', alice))).toEqual(exceeded);
  });
});

describe('When an hour has passed since sign-in', () => {
  it('refuses the expired access token, and the refresh token buys new ones from the same sign-in', async () => {
    const lab = await learnerLab();
    const tokens = await lab.signIn('alice', alice);
    lab.sim.clock.advance(HOUR);
    expect(await awsError(getUser(lab, tokens.AccessToken!))).toEqual({ name: 'NotAuthorizedException', message: 'Access Token has expired' });
    const out = await refresh(lab, tokens.RefreshToken!);
    expect(out.AuthenticationResult).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    expect(out.AuthenticationResult!.RefreshToken).toBeUndefined();
    const before = claimsOf(tokens.AccessToken!);
    const after = claimsOf(out.AuthenticationResult!.AccessToken!);
    expect(after.auth_time).toBe(before.auth_time);
    expect(after.origin_jti).toBe(before.origin_jti);
    expect(after.iat).toBe((before.iat as number) + 3600);
    expect((await getUser(lab, out.AuthenticationResult!.AccessToken!)).Username).toBe('alice');
  });

  it('refuses a refresh token it never issued, and one past its 30 days', async () => {
    const lab = await learnerLab();
    const tokens = await lab.signIn('alice', alice);
    expect(await awsError(refresh(lab, 'not.a.real.refresh.token'))).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token' });
    lab.sim.clock.advance(30 * 24 * HOUR);
    expect(await awsError(refresh(lab, tokens.RefreshToken!))).toEqual({ name: 'NotAuthorizedException', message: 'Refresh Token has expired' });
  });

  it('needs SECRET_HASH to refresh on the client with a secret', async () => {
    const lab = await learnerLab({ world: withMoreUsers });
    const tokens = await lab.signIn('alice', alice, lab.alb, await lab.secretHash('alice'));
    expect(await awsError(refresh(lab, tokens.RefreshToken!, lab.alb))).toEqual({ name: 'NotAuthorizedException', message: `Client ${lab.alb} is configured with secret but SECRET_HASH was not received` });
    const out = await refresh(lab, tokens.RefreshToken!, lab.alb, { SECRET_HASH: await lab.secretHash('alice') });
    expect(out.AuthenticationResult!.AccessToken).toBeTruthy();
  });
});

describe('When a user created with a temporary password signs in', () => {
  const start = (lab: LearnerLab) => lab.cognito.send(new InitiateAuthCommand({ ClientId: lab.web, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'dana', PASSWORD: TEMPORARY } }));
  const answer = (lab: LearnerLab, Session: string | undefined, NEW_PASSWORD: string) =>
    lab.cognito.send(new RespondToAuthChallengeCommand({ ClientId: lab.web, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session, ChallengeResponses: { USERNAME: 'dana', NEW_PASSWORD } }));

  it('gets the NEW_PASSWORD_REQUIRED challenge, and a policy-conforming new password completes the sign-in', async () => {
    const lab = await learnerLab({ world: withMoreUsers });
    const challenge = await start(lab);
    expect(challenge.AuthenticationResult).toBeUndefined();
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challenge.ChallengeParameters).toEqual({ USER_ID_FOR_SRP: 'dana', requiredAttributes: '[]', userAttributes: '{"email":"dana@example.com"}' });
    const out = await answer(lab, challenge.Session, 'Dana#NewPassw0rd');
    expect(out.AuthenticationResult!.RefreshToken).toBeTruthy();
    expect(await awsError(lab.signIn('dana', TEMPORARY))).toEqual(incorrect);
    expect((await lab.signIn('dana', 'Dana#NewPassw0rd')).AccessToken).toBeTruthy();
  });

  it('refuses a new password that breaks the policy', async () => {
    const lab = await learnerLab({ world: withMoreUsers });
    const challenge = await start(lab);
    expect(await awsError(answer(lab, challenge.Session, 'danadana1'))).toEqual({ name: 'InvalidPasswordException', message: 'Password does not conform to policy: Password must have uppercase characters' });
  });

  it('refuses the answer once the three-minute session has expired', async () => {
    const lab = await learnerLab({ world: withMoreUsers });
    const challenge = await start(lab);
    lab.sim.clock.advance(3 * MINUTE);
    expect(await awsError(answer(lab, challenge.Session, 'Dana#NewPassw0rd'))).toEqual({ name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
    expect((await start(lab)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });
});
