// The administrator's side of MFA and the tokens it ends with: AdminSetUserMFAPreference, then AdminInitiateAuth and
// AdminRespondToAuthChallenge from a back end with a client secret (SigV4-signed), AdminGetUser's MFA members, and
// awslabs' aws-jwt-verify accepting the tokens issued after an SMS or TOTP challenge, as after any sign-in.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { decodeJwt } from 'jose';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createSimulator, DEMO_PASSWORDS, internalsOf } from '../../index';
import { cognitoClient } from '../../../testing/sdk-handler';
import { awsError, learnerLab } from '../../../testing/user-pool-harness';
import { computeSecretHash } from '../secret-hash';
import { START, worldWithBackend } from './admin-harness';
import { aliceWithTotp, authenticatorCode, mfaCalls, PHONE } from './mfa-harness';

const PASSWORD = 'Dana#Passw0rd1';

async function backOffice() {
  const sim = await createSimulator({ seed: 83, startTime: START, world: worldWithBackend() });
  const admin = cognitoClient(sim);
  const pool = sim.describe().userPools[0]!;
  const backend = pool.clients.find((c) => c.name === 'backend')!.clientId;
  const secret = internalsOf(sim).env.pools.get(pool.id)!.clients.get(backend)!.clientSecret!;
  const hash = (username: string) => computeSecretHash(secret, username, backend);
  const UserPoolId = pool.id;
  await admin.send(new AdminCreateUserCommand({ UserPoolId, Username: 'dana', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'dana@example.com' }, { Name: 'phone_number', Value: PHONE }] }));
  await admin.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'dana', Password: PASSWORD, Permanent: true }));
  const signIn = async (USERNAME: string, PASSWORD_: string) =>
    admin.send(new AdminInitiateAuthCommand({ UserPoolId, ClientId: backend, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD: PASSWORD_, SECRET_HASH: await hash(USERNAME) } }));
  const respond = (input: { ChallengeName: 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA'; Session?: string; ChallengeResponses: Record<string, string>; ClientId?: string }) =>
    admin.send(new AdminRespondToAuthChallengeCommand({ UserPoolId, ClientId: input.ClientId ?? backend, ChallengeName: input.ChallengeName, ...(input.Session ? { Session: input.Session } : {}), ChallengeResponses: input.ChallengeResponses }));
  const prefer = (Username: string, settings: { SMSMfaSettings?: { Enabled?: boolean; PreferredMfa?: boolean }; SoftwareTokenMfaSettings?: { Enabled?: boolean; PreferredMfa?: boolean } }) =>
    admin.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId, Username, ...settings }));
  return { sim, admin, UserPoolId, backend, hash, signIn, respond, prefer };
}

describe('When an administrator turns SMS MFA on for dana', () => {
  it('signs her in from the back end with AdminInitiateAuth and AdminRespondToAuthChallenge', async () => {
    const office = await backOffice();
    await office.prefer('dana', { SMSMfaSettings: { Enabled: true, PreferredMfa: true } });
    const user = await office.admin.send(new AdminGetUserCommand({ UserPoolId: office.UserPoolId, Username: 'dana' }));
    expect(user).toMatchObject({ UserMFASettingList: ['SMS_MFA'], PreferredMfaSetting: 'SMS_MFA', MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }] });

    const challenge = await office.signIn('dana', PASSWORD);
    expect(challenge.ChallengeName).toBe('SMS_MFA');
    expect(challenge.ChallengeParameters).toMatchObject({ CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0100' });
    const code = office.sim.messages().filter((m) => m.destination === PHONE).at(-1)!.code!;
    // SECRET_HASH is checked first, as for every challenge answer.
    expect(await awsError(office.respond({ ChallengeName: 'SMS_MFA', Session: challenge.Session!, ChallengeResponses: { USERNAME: 'dana', SMS_MFA_CODE: code } }))).toEqual({ name: 'NotAuthorizedException', message: `Client ${office.backend} is configured with secret but SECRET_HASH was not received` });
    const done = await office.respond({ ChallengeName: 'SMS_MFA', Session: challenge.Session!, ChallengeResponses: { USERNAME: 'dana', SMS_MFA_CODE: code, SECRET_HASH: await office.hash('dana') } });
    expect(decodeJwt(done.AuthenticationResult!.IdToken!)).toMatchObject({ 'cognito:username': 'dana', aud: office.backend, phone_number_verified: true });
    expect(decodeJwt(done.AuthenticationResult!.IdToken!).amr).toBeUndefined();
    const notes = office.sim.trace().at(-1)!.notes.map((n) => n.kind);
    expect(notes).toEqual(expect.arrayContaining(['sigv4', 'secret-hash', 'mfa', 'token-issued']));
  });

  it('refuses TOTP for a user who never verified a software token, and unknown users and pools', async () => {
    const office = await backOffice();
    expect(await awsError(office.prefer('dana', { SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }))).toEqual({ name: 'InvalidParameterException', message: 'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA' });
    expect(await awsError(office.prefer('nobody', { SMSMfaSettings: { Enabled: true } }))).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
    expect((await awsError(office.admin.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: 'us-east-1_Nope12345', Username: 'dana' }))))).toEqual({ name: 'ResourceNotFoundException', message: 'User pool us-east-1_Nope12345 does not exist.' });
    expect((await awsError(office.respond({ ChallengeName: 'SMS_MFA', ChallengeResponses: { USERNAME: 'dana', SMS_MFA_CODE: '123456' }, ClientId: 'nosuchclient1234567890abcd' }))).name).toBe('ResourceNotFoundException');
  });

  it('turns a factor off without asking for a phone or a token', async () => {
    const office = await backOffice();
    await office.prefer('dana', { SMSMfaSettings: { Enabled: true } });
    await office.prefer('dana', { SMSMfaSettings: { Enabled: false }, SoftwareTokenMfaSettings: { Enabled: false } });
    const user = await office.admin.send(new AdminGetUserCommand({ UserPoolId: office.UserPoolId, Username: 'dana' }));
    expect(user.UserMFASettingList).toBeUndefined();
    expect((await office.signIn('dana', PASSWORD)).AuthenticationResult).toBeDefined();
  });
});

describe('When aws-jwt-verify checks the tokens issued after MFA', () => {
  afterEach(() => void vi.useRealTimers());

  it('accepts the ID and access tokens of a TOTP sign-in with the JWKS the pool publishes', async () => {
    const lab = await learnerLab();
    const calls = mfaCalls(lab);
    const { secret } = await aliceWithTotp(lab);
    const challenge = await calls.startSignIn('alice', DEMO_PASSWORDS.alice);
    const done = await calls.answer('SOFTWARE_TOKEN_MFA', challenge.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(secret, lab.sim.clock.now()) });
    const jwks = (await (await lab.sim.fetch(new Request(`https://cognito-idp.us-east-1.amazonaws.com/${lab.poolId}/.well-known/jwks.json`))).json()) as Jwks;
    const verifier = (tokenUse: 'id' | 'access') => {
      const v = CognitoJwtVerifier.create({ userPoolId: lab.poolId, clientId: lab.web, tokenUse });
      v.cacheJwks(jwks);
      return v;
    };
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(lab.sim.clock.now());
    const id = await verifier('id').verify(done.AuthenticationResult!.IdToken!);
    const access = await verifier('access').verify(done.AuthenticationResult!.AccessToken!);
    expect(id).toMatchObject({ 'cognito:username': 'alice', token_use: 'id', aud: lab.web });
    expect(id.amr).toBeUndefined();
    expect(access).toMatchObject({ username: 'alice', token_use: 'access', client_id: lab.web });
  });
});
