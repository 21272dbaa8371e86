// The pool stores only a salt and the SRP verifier for each password, made wherever a password is set (sign-up,
// the world's demo users, administrators, reset, change, a new password after a temporary one), and every
// password flow checks against it: USER_PASSWORD_AUTH and ChangePassword recompute it, SRP proves it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  AdminSetUserPasswordCommand,
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import * as cognitoJs from 'amazon-cognito-identity-js';
import { DEMO_PASSWORDS } from '../../index';
import { awsError, learnerLab, worldWith } from '../../../testing/user-pool-harness';
import { srpSignIn } from './srp-kit';

const { alice } = DEMO_PASSWORDS;
const incorrect = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };

describe('A password set anywhere works for SRP, and the old one stops working', () => {
  it('after sign-up and confirmation', async () => {
    const lab = await learnerLab();
    await lab.cognito.send(new SignUpCommand({ ClientId: lab.web, Username: 'maya', Password: 'Maya#Passw0rd', UserAttributes: [{ Name: 'email', Value: 'maya@example.com' }] }));
    await lab.cognito.send(new ConfirmSignUpCommand({ ClientId: lab.web, Username: 'maya', ConfirmationCode: lab.codeSentTo('maya@example.com') }));
    expect((await srpSignIn(lab, 'maya', 'Maya#Passw0rd')).AuthenticationResult?.IdToken).toBeTruthy();
    expect((await srpSignIn(lab, 'maya@example.com', 'Maya#Passw0rd')).AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('after ChangePassword: the verifier was recomputed', async () => {
    const lab = await learnerLab();
    const tokens = await lab.signIn('alice', alice);
    const before = lab.user('alice').password!;
    expect(await awsError(lab.cognito.send(new ChangePasswordCommand({ AccessToken: tokens.AccessToken!, PreviousPassword: 'Wrong#Passw0rd1', ProposedPassword: 'Alice#New1pass' })))).toEqual(incorrect);
    await lab.cognito.send(new ChangePasswordCommand({ AccessToken: tokens.AccessToken!, PreviousPassword: alice, ProposedPassword: 'Alice#New1pass' }));
    expect(lab.user('alice').password!.salt).not.toBe(before.salt);
    expect(lab.user('alice').password!.verifier).not.toBe(before.verifier);
    expect((await srpSignIn(lab, 'alice', 'Alice#New1pass')).AuthenticationResult).toBeDefined();
    expect(await awsError(srpSignIn(lab, 'alice', alice))).toEqual(incorrect);
    expect((await lab.signIn('alice', 'Alice#New1pass')).AccessToken).toBeTruthy();
  });

  it('after ForgotPassword and ConfirmForgotPassword', async () => {
    const lab = await learnerLab();
    await lab.cognito.send(new ForgotPasswordCommand({ ClientId: lab.web, Username: 'alice' }));
    const code = lab.codeSentTo('alice@example.com');
    await lab.cognito.send(new ConfirmForgotPasswordCommand({ ClientId: lab.web, Username: 'alice', ConfirmationCode: code, Password: 'Alice#Reset1pw' }));
    expect((await srpSignIn(lab, 'alice', 'Alice#Reset1pw')).AuthenticationResult).toBeDefined();
    expect(await awsError(srpSignIn(lab, 'alice', alice))).toEqual(incorrect);
  });

  it('after AdminSetUserPassword (permanent)', async () => {
    const lab = await learnerLab();
    await lab.cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: lab.poolId, Username: 'bob', Password: 'Bob#Admin1set', Permanent: true }));
    expect((await srpSignIn(lab, 'bob', 'Bob#Admin1set')).AuthenticationResult).toBeDefined();
    expect(await awsError(srpSignIn(lab, 'bob', DEMO_PASSWORDS.bob))).toEqual(incorrect);
  });
});

/** The verifier as an independent party computes it: node:crypto's SHA-256 and jsbn's modPow (from amazon-cognito-identity-js). */
async function independentVerifier(poolId: string, username: string, password: string, saltHex: string): Promise<string> {
  const helper = new (cognitoJs as unknown as { AuthenticationHelper: new (pool: string) => { g: Jsbn; N: Jsbn; padHex(v: Jsbn): string } }).AuthenticationHelper(poolId.split('_')[1]!);
  const BI = helper.N.constructor as new (hex: string, radix: number) => Jsbn;
  const inner = createHash('sha256').update(`${poolId.split('_')[1]}${username}:${password}`).digest('hex');
  const x = createHash('sha256').update(Buffer.from(helper.padHex(new BI(saltHex, 16)) + inner, 'hex')).digest('hex');
  return new Promise((resolve) => helper.g.modPow(new BI(x, 16), helper.N, (_e, v) => resolve(helper.padHex(v))));
}
interface Jsbn {
  modPow(e: Jsbn, m: Jsbn, callback: (err: unknown, v: Jsbn) => void): void;
}

describe('What the pool stores for a password', () => {
  it('is a salt and the verifier v = g^x only: no password, no hash of it', async () => {
    const lab = await learnerLab({ world: worldWith((p) => void p.users!.push({ username: 'dana', password: 'Dana#Temp0rary', attributes: { email: 'dana@example.com', email_verified: 'true' }, status: 'FORCE_CHANGE_PASSWORD' })) });
    const stored = lab.user('alice').password!;
    expect(Object.keys(stored).sort()).toEqual(['salt', 'verifier']);
    expect(stored.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(stored.verifier).toBe(await independentVerifier(lab.poolId, 'alice', alice, stored.salt));
    // 3072 bits: nothing like a 256-bit digest of the password.
    expect(BigInt(`0x${stored.verifier}`).toString(2).length).toBeGreaterThan(3000);

    const everything = JSON.stringify([...lab.state().users.values()].map((u) => u.password));
    for (const secret of [alice, DEMO_PASSWORDS.bob, 'Dana#Temp0rary', createHash('sha256').update(alice).digest('hex')]) expect(everything).not.toContain(secret);
  });

  it('keeps a temporary password’s expiry beside the verifier, and a new user’s verifier from sign-up', async () => {
    const lab = await learnerLab();
    await lab.cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: lab.poolId, Username: 'bob', Password: 'Bob#Temp1pass', Permanent: false }));
    expect(Object.keys(lab.user('bob').password!).sort()).toEqual(['expiresAt', 'salt', 'verifier']);
    await lab.cognito.send(new SignUpCommand({ ClientId: lab.web, Username: 'maya', Password: 'Maya#Passw0rd', UserAttributes: [{ Name: 'email', Value: 'maya@example.com' }] }));
    const maya = lab.user('maya').password!;
    expect(maya.verifier).toBe(await independentVerifier(lab.poolId, 'maya', 'Maya#Passw0rd', maya.salt));
  });
});
