// USER_SRP_AUTH and PASSWORD_VERIFIER through the real AWS SDK v3, with src/lib/srp's client half as the app:
// the challenge, the proof, and every way an answer can be wrong (aws-behaviour.md §3.7–3.8, §3.4, §3.5).
import { describe, expect, it } from 'vitest';
import { AdminCreateUserCommand, GetUserCommand, RespondToAuthChallengeCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DEMO_PASSWORDS } from '../../index';
import { toBase64, fromBase64 } from '../../../lib/encoding';
import { N } from '../../../lib/srp/group';
import { formatSrpTimestamp } from '../../../lib/srp/timestamp';
import { MINUTE, START, awsError, learnerLab, worldWith } from '../../../testing/user-pool-harness';
import { srpInitiate, srpRespond, srpSignIn } from './srp-kit';
import { aliceWithTotp, authenticatorCode } from './mfa-harness';

const { alice, bob } = DEMO_PASSWORDS;
const incorrect = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const HEX = /^[0-9a-f]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('When the app signs in with USER_SRP_AUTH', () => {
  it('gets a PASSWORD_VERIFIER challenge without a Session, then tokens for the right claim signature', async () => {
    const lab = await learnerLab();
    const { client, out, challenge } = await srpInitiate(lab, 'alice');
    expect(out.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(out.Session).toBeUndefined();
    expect(Object.keys(out.ChallengeParameters!).sort()).toEqual(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    expect(challenge).toMatchObject({ USERNAME: 'alice', USER_ID_FOR_SRP: 'alice', SALT: lab.user('alice').password!.salt });
    expect(challenge.SRP_B).toMatch(HEX);
    expect(fromBase64(challenge.SECRET_BLOCK).length).toBeGreaterThanOrEqual(32);

    const done = await srpRespond(lab, client, challenge, alice);
    expect(done.AuthenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    expect(done.ChallengeName).toBeUndefined();
    const me = await lab.cognito.send(new GetUserCommand({ AccessToken: done.AuthenticationResult!.AccessToken! }));
    expect(me.Username).toBe('alice');
  });

  it('never puts the password on the wire: the requests carry SRP_A, the signature and the TIMESTAMP only', async () => {
    const lab = await learnerLab();
    await srpSignIn(lab, 'alice', alice);
    const bodies = lab.sim.trace().filter((x) => x.operation === 'InitiateAuth' || x.operation === 'RespondToAuthChallenge').map((x) => x.request.body ?? '');
    expect(bodies).toHaveLength(2);
    for (const body of bodies) {
      expect(body).not.toContain(alice);
      expect(body).not.toContain('"PASSWORD"');
    }
    expect(JSON.parse(bodies[0]!).AuthParameters).toEqual({ USERNAME: 'alice', SRP_A: expect.stringMatching(HEX) });
    expect(Object.keys(JSON.parse(bodies[1]!).ChallengeResponses).sort()).toEqual(['PASSWORD_CLAIM_SECRET_BLOCK', 'PASSWORD_CLAIM_SIGNATURE', 'TIMESTAMP', 'USERNAME']);
  });

  it('signs in by the verified e-mail alias: USER_ID_FOR_SRP names the username the password was hashed with', async () => {
    const lab = await learnerLab();
    const { client, challenge } = await srpInitiate(lab, 'Alice@Example.com');
    expect(challenge.USER_ID_FOR_SRP).toBe('alice');
    expect((await srpRespond(lab, client, challenge, alice)).AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('works from a back end too, through AdminInitiateAuth', async () => {
    const lab = await learnerLab();
    const { client, out, challenge } = await srpInitiate(lab, 'bob', { admin: true });
    expect(out.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect((await srpRespond(lab, client, challenge, bob)).AuthenticationResult?.AccessToken).toBeTruthy();
  });
});

describe('When the proof is wrong', () => {
  it('answers a wrong password "Incorrect username or password." and counts it toward the lockout', async () => {
    const lab = await learnerLab();
    for (let i = 0; i < 5; i++) {
      const { client, challenge } = await srpInitiate(lab, 'alice');
      expect(await awsError(srpRespond(lab, client, challenge, `Wrong#Passw0rd${i}`))).toEqual(incorrect);
    }
    // The fifth failure locked alice: even the first step is refused now, whatever the password.
    expect(await awsError(srpInitiate(lab, 'alice'))).toEqual({ name: 'NotAuthorizedException', message: 'Password attempts exceeded' });
    lab.sim.clock.advance(1_000);
    expect((await srpSignIn(lab, 'alice', alice)).AuthenticationResult).toBeDefined();
  });

  it('refuses a TIMESTAMP not in the `EEE MMM d HH:mm:ss z yyyy` form with InvalidParameterException', async () => {
    const lab = await learnerLab();
    for (const TIMESTAMP of ['2026-01-01T00:00:00Z', 'Thu Jan 1 00:00:00 +01:00 2026', '']) {
      const { client, challenge } = await srpInitiate(lab, 'alice');
      const expected = TIMESTAMP === ''
        ? { name: 'InvalidParameterException', message: 'Missing required parameter TIMESTAMP' }
        : { name: 'InvalidParameterException', message: 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.' };
      expect(await awsError(srpRespond(lab, client, challenge, alice, { alter: (r) => ({ ...r, TIMESTAMP }) }))).toEqual(expected);
    }
  });

  it('signs the canonical TIMESTAMP: a zero-padded day or a wrong weekday fails even when the app signed that text', async () => {
    const lab = await learnerLab();
    expect(formatSrpTimestamp(START)).toBe('Thu Jan 1 00:00:00 UTC 2026');
    for (const timestamp of ['Thu Jan 01 00:00:00 UTC 2026', 'Fri Jan 1 00:00:00 UTC 2026']) {
      const { client, challenge } = await srpInitiate(lab, 'alice');
      expect(await awsError(srpRespond(lab, client, challenge, alice, { timestamp }))).toEqual(incorrect);
    }
    const { client, challenge } = await srpInitiate(lab, 'alice');
    expect((await srpRespond(lab, client, challenge, alice, { timestamp: 'Thu Jan 1 00:00:00 UTC 2026' })).AuthenticationResult).toBeDefined();
  });

  it('refuses a TIMESTAMP more than five minutes from the pool’s clock, without counting a failed password', async () => {
    const lab = await learnerLab();
    for (const skew of [6 * MINUTE, -6 * MINUTE]) {
      const { client, challenge } = await srpInitiate(lab, 'alice');
      expect(await awsError(srpRespond(lab, client, challenge, alice, { at: START + skew }))).toEqual(incorrect);
    }
    const last = lab.sim.trace().at(-1)!;
    expect(last.notes.some((n) => n.kind === 'password-checked')).toBe(false);
    expect(last.notes.find((n) => n.kind === 'srp')?.summary).toMatch(/6 minutes away from the pool's clock/);
    const { client, challenge } = await srpInitiate(lab, 'alice');
    expect((await srpRespond(lab, client, challenge, alice, { at: START - 2 * MINUTE })).AuthenticationResult).toBeDefined();
  });

  it('refuses an answer after the client’s AuthSessionValidity (3 minutes by default, 5 when so configured)', async () => {
    const expired = { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' };
    const lab = await learnerLab();
    const late = await srpInitiate(lab, 'alice');
    lab.sim.clock.advance(3 * MINUTE);
    expect(await awsError(srpRespond(lab, late.client, late.challenge, alice))).toEqual(expired);

    const longer = await learnerLab({ world: worldWith((p) => void (p.clients[0]!.authSessionValidity = 5)) });
    const first = await srpInitiate(longer, 'alice');
    longer.sim.clock.advance(5 * MINUTE - 1_000);
    expect((await srpRespond(longer, first.client, first.challenge, alice)).AuthenticationResult).toBeDefined();
    const second = await srpInitiate(longer, 'alice');
    longer.sim.clock.advance(5 * MINUTE);
    expect(await awsError(srpRespond(longer, second.client, second.challenge, alice))).toEqual(expired);
  });

  it('takes each SECRET_BLOCK once, from the client it was given to, and not altered', async () => {
    const lab = await learnerLab();
    const { client, challenge } = await srpInitiate(lab, 'alice');
    const answer = { ...challenge };
    let sent: Record<string, string> = {};
    expect((await srpRespond(lab, client, answer, alice, { alter: (r) => (sent = r) })).AuthenticationResult).toBeDefined();
    // The same answer again: a replay.
    expect(await awsError(lab.cognito.send(new RespondToAuthChallengeCommand({ ClientId: lab.web, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: sent })))).toEqual(incorrect);

    // A SECRET_BLOCK with one byte changed, signed correctly over the changed bytes: not one the pool handed out.
    const second = await srpInitiate(lab, 'alice');
    const bytes = fromBase64(second.challenge.SECRET_BLOCK);
    bytes[5] = bytes[5]! ^ 1;
    expect(await awsError(srpRespond(lab, second.client, { ...second.challenge, SECRET_BLOCK: toBase64(bytes) }, alice))).toEqual(incorrect);
    // The real SECRET_BLOCK was never presented, so it is still open.
    expect((await srpRespond(lab, second.client, second.challenge, alice)).AuthenticationResult).toBeDefined();
  });

  it('refuses a SECRET_BLOCK answered through another app client', async () => {
    const lab = await learnerLab({ world: worldWith((p) => void p.clients[1]!.explicitAuthFlows.push('ALLOW_USER_SRP_AUTH')) });
    const { client, challenge } = await srpInitiate(lab, 'alice');
    const SECRET_HASH = await lab.secretHash('alice');
    expect(await awsError(srpRespond(lab, client, challenge, alice, { clientId: lab.alb, alter: (r) => ({ ...r, SECRET_HASH }) }))).toEqual(incorrect);
    // The attempt used the SECRET_BLOCK up: not even its own client can answer it now.
    expect(await awsError(srpRespond(lab, client, challenge, alice))).toEqual(incorrect);
  });
});

describe('What the app client allows and requires', () => {
  it('refuses USER_SRP_AUTH on a client without ALLOW_USER_SRP_AUTH', async () => {
    const lab = await learnerLab();
    expect(await awsError(srpInitiate(lab, 'alice', { clientId: lab.alb }))).toEqual({ name: 'InvalidParameterException', message: 'USER_SRP_AUTH flow not enabled for this client' });
  });

  it('needs SECRET_HASH at both steps on a client with a secret, computed over USER_ID_FOR_SRP in the answer', async () => {
    const lab = await learnerLab({ world: worldWith((p) => void p.clients[1]!.explicitAuthFlows.push('ALLOW_USER_SRP_AUTH')) });
    expect(await awsError(srpInitiate(lab, 'alice', { clientId: lab.alb }))).toEqual({ name: 'NotAuthorizedException', message: `Client ${lab.alb} is configured with secret but SECRET_HASH was not received` });
    expect(await awsError(srpInitiate(lab, 'alice', { clientId: lab.alb, extra: { SECRET_HASH: await lab.secretHash('bob') } }))).toEqual({ name: 'NotAuthorizedException', message: `Unable to verify secret hash for client ${lab.alb}` });
    const { client, challenge } = await srpInitiate(lab, 'alice@example.com', { clientId: lab.alb, extra: { SECRET_HASH: await lab.secretHash('alice@example.com') } });
    expect(await awsError(srpRespond(lab, client, challenge, alice, { clientId: lab.alb }))).toEqual({ name: 'NotAuthorizedException', message: `Client ${lab.alb} is configured with secret but SECRET_HASH was not received` });
    const SECRET_HASH = await lab.secretHash('alice');
    const again = await srpInitiate(lab, 'alice', { clientId: lab.alb, extra: { SECRET_HASH } });
    const done = await srpRespond(lab, again.client, again.challenge, alice, { clientId: lab.alb, alter: (r) => ({ ...r, SECRET_HASH }) });
    const claims = JSON.parse(Buffer.from(done.AuthenticationResult!.IdToken!.split('.')[1]!, 'base64url').toString()) as { aud: string };
    expect(claims.aud).toBe(lab.alb);
  });

  it('refuses an SRP_A that is missing, not hex, or 0 modulo N', async () => {
    const lab = await learnerLab();
    const withA = (SRP_A: string) => srpInitiate(lab, 'alice', { extra: { SRP_A } });
    expect(await awsError(withA(''))).toEqual({ name: 'InvalidParameterException', message: 'Missing required parameter SRP_A' });
    expect(await awsError(withA('not-hex'))).toEqual({ name: 'InvalidParameterException', message: 'SRP_A must be a hexadecimal number.' });
    for (const zero of ['0', N.toString(16), (N * 2n).toString(16).toUpperCase()]) {
      expect(await awsError(withA(zero))).toEqual({ name: 'InvalidParameterException', message: 'SRP_A mod N cannot be 0.' });
    }
    expect(lab.sim.trace().at(-1)!.notes.find((n) => n.kind === 'srp')).toMatchObject({ step: 'challenge', outcome: 'refused' });
  });
});

describe('When the user does not exist, or may not sign in', () => {
  it('answers a made-up challenge with PreventUserExistenceErrors ENABLED: the same salt and UUID for the same name, failing at the answer', async () => {
    const lab = await learnerLab();
    const first = await srpInitiate(lab, 'nobody');
    const second = await srpInitiate(lab, 'NoBody');
    const other = await srpInitiate(lab, 'somebody');
    expect(first.out.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(Object.keys(first.out.ChallengeParameters!).sort()).toEqual(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    expect(first.challenge.USER_ID_FOR_SRP).toMatch(UUID);
    expect(first.challenge.SALT).toMatch(/^[0-9a-f]{32}$/);
    expect(second.challenge).toMatchObject({ SALT: first.challenge.SALT, USER_ID_FOR_SRP: first.challenge.USER_ID_FOR_SRP });
    expect(second.challenge.SRP_B).not.toBe(first.challenge.SRP_B);
    expect(other.challenge.SALT).not.toBe(first.challenge.SALT);
    expect(await awsError(srpRespond(lab, first.client, first.challenge, 'Any#Passw0rd1'))).toEqual(incorrect);
  });

  it('says UserNotFoundException at once with LEGACY', async () => {
    const lab = await learnerLab({ world: worldWith((p) => void (p.clients[0]!.preventUserExistenceErrors = 'LEGACY')) });
    expect(await awsError(srpInitiate(lab, 'nobody'))).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('refuses a disabled user at the first step, as USER_PASSWORD_AUTH does', async () => {
    const lab = await learnerLab();
    await lab.disable('bob');
    expect(await awsError(srpInitiate(lab, 'bob'))).toEqual({ name: 'NotAuthorizedException', message: 'User is disabled.' });
  });

  it('proves the password of an unconfirmed user, then says UserNotConfirmedException', async () => {
    const lab = await learnerLab();
    await lab.cognito.send(new SignUpCommand({ ClientId: lab.web, Username: 'maya', Password: 'Maya#Passw0rd', UserAttributes: [{ Name: 'email', Value: 'maya@example.com' }] }));
    const { client, challenge } = await srpInitiate(lab, 'maya');
    expect(await awsError(srpRespond(lab, client, challenge, 'Maya#Passw0rd'))).toEqual({ name: 'UserNotConfirmedException', message: 'User is not confirmed.' });
    const again = await srpInitiate(lab, 'maya');
    expect(await awsError(srpRespond(lab, again.client, again.challenge, 'Wrong#Passw0rd1'))).toEqual(incorrect);
  });

  it('leads a temporary password to NEW_PASSWORD_REQUIRED, and the new password works with SRP', async () => {
    const lab = await learnerLab();
    await lab.cognito.send(new AdminCreateUserCommand({ UserPoolId: lab.poolId, Username: 'dana', TemporaryPassword: 'Temp#Passw0rd1', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'dana@example.com' }] }));
    const { client, challenge } = await srpInitiate(lab, 'dana');
    const next = await srpRespond(lab, client, challenge, 'Temp#Passw0rd1');
    expect(next.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const done = await lab.cognito.send(new RespondToAuthChallengeCommand({ ClientId: lab.web, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: next.Session, ChallengeResponses: { USERNAME: 'dana', NEW_PASSWORD: 'Dana#Passw0rd1' } }));
    expect(done.AuthenticationResult).toBeDefined();
    expect((await srpSignIn(lab, 'dana', 'Dana#Passw0rd1')).AuthenticationResult).toBeDefined();
    expect(await awsError(srpSignIn(lab, 'dana', 'Temp#Passw0rd1'))).toEqual(incorrect);
  });
});

describe('After the proof', () => {
  it('goes on to the second factor like any first factor: SOFTWARE_TOKEN_MFA for alice with TOTP on', async () => {
    const lab = await learnerLab();
    const { secret } = await aliceWithTotp(lab);
    const { client, challenge } = await srpInitiate(lab, 'alice');
    const next = await srpRespond(lab, client, challenge, alice);
    expect(next.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(next.Session).toBeTruthy();
    const done = await lab.cognito.send(new RespondToAuthChallengeCommand({ ClientId: lab.web, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: next.Session, ChallengeResponses: { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(secret, lab.sim.clock.now()) } }));
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
  });
});

describe('What the trace shows', () => {
  it('notes the public values (SRP_A, SRP_B, SALT, u, the signature matched) and never a secret', async () => {
    const lab = await learnerLab();
    const { client, challenge } = await srpInitiate(lab, 'alice');
    const b = lab.state().srpChallenges.get(challenge.SECRET_BLOCK)!.b;
    await srpRespond(lab, client, challenge, alice);
    const [initiate, respond] = lab.sim.trace().slice(-2);
    const srpNotes = [...initiate!.notes, ...respond!.notes].filter((n) => n.kind === 'srp');
    expect(srpNotes.map((n) => [n.step, n.outcome])).toEqual([['challenge', 'ok'], ['verify', 'ok']]);
    expect(Object.keys(srpNotes[0]!.values!).sort()).toEqual(['SALT', 'SRP_A', 'SRP_B', 'u = H(A ‖ B)']);
    expect(srpNotes[1]!.values).toMatchObject({ 'Claim signature': 'matched', TIMESTAMP: formatSrpTimestamp(START) });
    expect(srpNotes[0]!.summary).toMatch(/the password never travels/);
    const everything = JSON.stringify(lab.sim.trace());
    for (const secret of [alice, b, lab.user('alice').password!.verifier, client.a.toString(16)]) expect(everything).not.toContain(secret);
  });
});
