// The sandbox runner against the default world: every action kind on its happy path and on one failure, each
// "break it" fault answered with the refusal AWS gives, actions that cannot run recorded as problems without a
// request, a stricter password policy in the world, and determinism (the same document replays to the same trace).
import { describe, expect, it } from 'vitest';
import { createSimulator, defaultWorld, DEMO_PASSWORDS, type Exchange, type WorldConfig } from '../../../sim/index';
import { GOOGLE_ACCOUNTS, FACEBOOK_ACCOUNTS } from '../../../sim/federation/accounts';
import { CORP_AD_PASSWORDS } from '../../../sim/federation/saml/corp-ad-directory';
import { decodeJwt } from '../../../client/jwt';
import { newSandboxDoc, type SandboxAction, type SandboxRun } from '../actions';
import { replay, runActions, runNext, snapshot, tamperToken } from '../run';
import { awsErrorOf } from '../narrate';

const ALICE: { username: string; password: string } = { username: 'alice', password: DEMO_PASSWORDS.alice };
const BOB: { username: string; password: string } = { username: 'bob', password: DEMO_PASSWORDS.bob };
const NINA = { username: 'nina', password: 'Nina#Passw0rd', email: 'nina@example.com' };

const signIn = (who: { username: string; password: string } = BOB, flow: 'USER_PASSWORD_AUTH' | 'USER_SRP_AUTH' = 'USER_PASSWORD_AUTH'): SandboxAction => ({ kind: 'sign-in', flow, ...who });

async function run(actions: SandboxAction[], world: WorldConfig = defaultWorld): Promise<SandboxRun> {
  return runActions({ ...newSandboxDoc(world), actions }, createSimulator);
}

function exchangesOf(result: SandboxRun, actionIndex: number): Exchange[] {
  return result.steps.filter((s) => s.actionIndex === actionIndex).map((s) => result.trace.find((x) => x.id === s.exchangeId)!);
}

/** The last exchange an action made. */
const lastOf = (result: SandboxRun, actionIndex: number): Exchange => exchangesOf(result, actionIndex).at(-1)!;
const codeOf = (x: Exchange) => awsErrorOf(x)?.code;
const messageOf = (x: Exchange) => awsErrorOf(x)?.message;

function withWorld(change: (w: WorldConfig) => void): WorldConfig {
  const w = structuredClone(defaultWorld);
  change(w);
  return w;
}

describe('sign-up and confirm-sign-up', () => {
  it('signs a new user up and confirms them with the latest code sent to them', async () => {
    const r = await run([{ kind: 'sign-up', ...NINA }, { kind: 'confirm-sign-up', username: NINA.username }, signIn(NINA)]);
    expect(r.problems).toEqual([]);
    expect(lastOf(r, 0)).toMatchObject({ operation: 'SignUp', response: { status: 200 } });
    const confirm = lastOf(r, 1);
    expect(confirm.operation).toBe('ConfirmSignUp');
    expect(confirm.response.status).toBe(200);
    expect(JSON.parse(confirm.request.body!).ConfirmationCode).toBe(r.messages.find((m) => m.destination === NINA.email)!.code);
    expect(r.session.username).toBe('nina');
  });

  it('answers UsernameExistsException for a taken username, and CodeMismatchException for a wrong code', async () => {
    const r = await run([
      { kind: 'sign-up', username: 'alice', password: 'Another#Passw0rd', email: 'alice2@example.com' },
      { kind: 'sign-up', ...NINA },
      { kind: 'confirm-sign-up', username: NINA.username, code: '000000' },
    ]);
    expect(codeOf(lastOf(r, 0))).toBe('UsernameExistsException');
    expect(codeOf(lastOf(r, 2))).toBe('CodeMismatchException');
    expect(r.problems).toEqual([]);
  });

  it('refuses a sign-up when the world has a stricter password policy: InvalidPasswordException', async () => {
    const strict = withWorld((w) => void (w.userPools[0]!.passwordPolicy = { MinimumLength: 20 }));
    const r = await run([{ kind: 'sign-up', ...NINA }], strict);
    expect(codeOf(lastOf(r, 0))).toBe('InvalidPasswordException');
    expect(messageOf(lastOf(r, 0))).toMatch(/^Password does not conform to policy: Password not long enough/);
    expect(r.steps[0]!.narration).toContain('InvalidPasswordException');
  });

  it('records a problem, and makes no request, when no code was ever sent', async () => {
    const r = await run([{ kind: 'confirm-sign-up', username: 'nobody' }]);
    expect(r.trace).toHaveLength(0);
    expect(r.problems).toEqual([{ actionIndex: 0, message: expect.stringContaining('No code has been sent to nobody') }]);
  });
});

describe('sign-in', () => {
  it('USER_PASSWORD_AUTH gives tokens; a wrong password NotAuthorizedException', async () => {
    const r = await run([signIn(BOB), signIn({ ...ALICE, password: 'Wrong#Passw0rd' })]);
    expect(lastOf(r, 0).response.status).toBe(200);
    expect(codeOf(lastOf(r, 1))).toBe('NotAuthorizedException');
    expect(messageOf(lastOf(r, 1))).toBe('Incorrect username or password.');
    // The refused sign-in leaves bob signed in.
    expect(r.session.username).toBe('bob');
    expect(decodeJwt(r.session.tokens!.idToken)!.payload['cognito:username']).toBe('bob');
  });

  it('USER_SRP_AUTH signs in without the password on the wire; a wrong password is refused at PASSWORD_VERIFIER', async () => {
    const r = await run([signIn(ALICE, 'USER_SRP_AUTH'), signIn({ ...BOB, password: 'Wrong#Passw0rd' }, 'USER_SRP_AUTH')]);
    const [initiate, verifier] = exchangesOf(r, 0);
    expect(initiate!.operation).toBe('InitiateAuth');
    expect(verifier).toMatchObject({ operation: 'RespondToAuthChallenge', response: { status: 200 } });
    for (const x of exchangesOf(r, 0)) expect(x.request.body).not.toContain(ALICE.password);
    expect(r.session.username).toBe('alice');
    expect(exchangesOf(r, 1).map((x) => x.operation)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    expect(codeOf(lastOf(r, 1))).toBe('NotAuthorizedException');
  });

  it('asks for the password left out of a shared link instead of sending an empty one', async () => {
    const r = await run([{ kind: 'sign-in', flow: 'USER_PASSWORD_AUTH', username: 'bob', password: '' }]);
    expect(r.trace).toHaveLength(0);
    expect(r.problems[0]!.message).toContain('left out of the shared link');
  });
});

describe('setup-totp and answer-challenge', () => {
  const setup = [signIn(ALICE), { kind: 'setup-totp' } as const];

  it('sets TOTP up with the virtual authenticator, then answers SOFTWARE_TOKEN_MFA with its code 30 s later', async () => {
    const r = await run([...setup, { kind: 'advance-clock', ms: 30_000 }, signIn(ALICE), { kind: 'answer-challenge' }]);
    expect(exchangesOf(r, 1).map((x) => [x.operation, x.response.status])).toEqual([
      ['AssociateSoftwareToken', 200],
      ['VerifySoftwareToken', 200],
      ['SetUserMFAPreference', 200],
    ]);
    expect(JSON.parse(lastOf(r, 3).response.body!).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(lastOf(r, 4)).toMatchObject({ operation: 'RespondToAuthChallenge', response: { status: 200 } });
    expect(r.session.tokens).toBeDefined();
    expect(r.session.challenge).toBeUndefined();
    expect(r.session.authenticator?.username).toBe('alice');
    // The clock move is said in the next step's narration.
    expect(exchangesOf(r, 3).length).toBe(1);
    expect(r.steps.find((s) => s.actionIndex === 3)!.narration).toMatch(/^30 seconds later:/);
  });

  it('a code of the same 30-second window is refused as reused (ExpiredCodeException); a wrong one as CodeMismatchException', async () => {
    const r = await run([...setup, signIn(ALICE), { kind: 'answer-challenge' }, { kind: 'answer-challenge', code: '000000' }]);
    expect(codeOf(lastOf(r, 3))).toBe('ExpiredCodeException');
    expect(messageOf(lastOf(r, 3))).toBe('Your software token has already been used once.');
    // The challenge stays open after a wrong answer, so it can be answered again.
    expect(['CodeMismatchException', 'ExpiredCodeException']).toContain(codeOf(lastOf(r, 4)));
    expect(r.session.challenge?.name).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('records problems for setup-totp without a sign-in and for an answer without a challenge', async () => {
    const r = await run([{ kind: 'setup-totp' }, { kind: 'answer-challenge' }]);
    expect(r.trace).toHaveLength(0);
    expect(r.problems.map((p) => p.actionIndex)).toEqual([0, 1]);
  });

  it('sets TOTP up inside the sign-in when the pool requires MFA (MFA_SETUP)', async () => {
    const required = withWorld((w) => void (w.userPools[0]!.mfaConfiguration = 'ON'));
    const r = await run([signIn(ALICE), { kind: 'setup-totp' }], required);
    expect(JSON.parse(lastOf(r, 0).response.body!).ChallengeName).toBe('MFA_SETUP');
    expect(exchangesOf(r, 1).map((x) => [x.operation, x.response.status])).toEqual([
      ['AssociateSoftwareToken', 200],
      ['VerifySoftwareToken', 200],
      ['RespondToAuthChallenge', 200],
    ]);
    expect(r.session.username).toBe('alice');
    expect(r.session.tokens).toBeDefined();
    expect(r.session.challenge).toBeUndefined();
  });
});

describe('hosted-ui-sign-in', () => {
  it('COGNITO: the whole code + PKCE dance ends with tokens; a wrong password stops at the login page', async () => {
    const r = await run([
      { kind: 'hosted-ui-sign-in', provider: 'COGNITO', username: 'bob', password: 'Wrong#Passw0rd' },
      { kind: 'hosted-ui-sign-in', provider: 'COGNITO', ...BOB },
    ]);
    const failed = exchangesOf(r, 0);
    expect(failed.map((x) => x.operation)).toEqual(['GET /oauth2/authorize', 'GET /login', 'POST /login']);
    expect(failed.at(-1)!.notes.some((n) => n.kind === 'password-checked' && n.outcome === 'incorrect')).toBe(true);
    const ok = exchangesOf(r, 1);
    expect(ok.at(-1)).toMatchObject({ operation: 'POST /oauth2/token', response: { status: 200 } });
    const authorize = new URL(ok[0]!.request.url);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(JSON.parse(ok.at(-1)!.response.body!).access_token).toBe(r.session.tokens!.accessToken);
    expect(r.session.username).toBe('bob');
    expect(r.problems).toEqual([]);
  });

  it('a user with TOTP on answers the hosted UI\'s MFA page with the virtual authenticator; a user without MFA meets no MFA page', async () => {
    const r = await run([
      signIn(ALICE),
      { kind: 'setup-totp' },
      { kind: 'advance-clock', ms: 30_000 },
      { kind: 'hosted-ui-sign-in', provider: 'COGNITO', ...ALICE },
    ]);
    expect(exchangesOf(r, 3).map((x) => x.operation)).toContain('POST /mfa');
    expect(lastOf(r, 3)).toMatchObject({ operation: 'POST /oauth2/token', response: { status: 200 } });
    const other = await run([signIn(ALICE), { kind: 'setup-totp' }, { kind: 'hosted-ui-sign-in', provider: 'COGNITO', ...BOB }, { kind: 'sign-out' }]);
    expect(other.problems).toEqual([]);
    expect(exchangesOf(other, 2).map((x) => x.operation)).not.toContain('POST /mfa');
    expect(lastOf(other, 3)).toMatchObject({ operation: 'GlobalSignOut', response: { status: 200 } });
  });

  it('Google, Facebook and CorpAD: each provider\'s own sign-in page, then the pool\'s tokens for the federated user', async () => {
    const r = await run([
      { kind: 'hosted-ui-sign-in', provider: 'Google', username: GOOGLE_ACCOUNTS[0]!.email, password: GOOGLE_ACCOUNTS[0]!.password },
      { kind: 'hosted-ui-sign-in', provider: 'Facebook', username: FACEBOOK_ACCOUNTS[0]!.email, password: FACEBOOK_ACCOUNTS[0]!.password },
      { kind: 'hosted-ui-sign-in', provider: 'CorpAD', username: 'carol.corp', password: CORP_AD_PASSWORDS['carol.corp']! },
    ]);
    expect(r.problems).toEqual([]);
    const users = [0, 1, 2].map((i) => decodeJwt(JSON.parse(lastOf(r, i).response.body!).id_token)!.payload['cognito:username']);
    expect(users).toEqual(['Google_104857600000000000001', 'Facebook_10160000000000001', 'CorpAD_carol.corp']);
    expect(exchangesOf(r, 2).some((x) => x.operation === 'POST /saml2/idpresponse')).toBe(true);
  });
});

describe('sign-out', () => {
  it('GlobalSignOut forgets the tokens; a token-needing call then is a problem', async () => {
    const r = await run([signIn(BOB), { kind: 'sign-out' }, { kind: 'call-api', method: 'GET', path: '/profile', auth: 'id-token' }]);
    expect(lastOf(r, 1)).toMatchObject({ operation: 'GlobalSignOut', response: { status: 200 } });
    expect(r.session.tokens).toBeUndefined();
    expect(r.problems).toEqual([{ actionIndex: 2, message: expect.stringContaining('nobody is signed in') }]);
  });

  it('an expired access token is refused: NotAuthorizedException', async () => {
    const r = await run([signIn(BOB), { kind: 'advance-clock', ms: 2 * 3_600_000 }, { kind: 'sign-out' }]);
    expect(codeOf(lastOf(r, 2))).toBe('NotAuthorizedException');
    expect(r.session.tokens).toBeDefined();
  });
});

describe('get-credentials', () => {
  it('signed-in and guest credentials: GetId then GetCredentialsForIdentity', async () => {
    const r = await run([signIn(BOB), { kind: 'get-credentials', as: 'signed-in' }, { kind: 'get-credentials', as: 'guest' }]);
    expect(exchangesOf(r, 1).map((x) => [x.operation, x.response.status])).toEqual([
      ['GetId', 200],
      ['GetCredentialsForIdentity', 200],
    ]);
    expect(exchangesOf(r, 2).map((x) => x.request.body).every((b) => !b!.includes('Logins'))).toBe(true);
    expect(r.session.credentials!.accessKeyId).toMatch(/^ASIA/);
  });

  it('guest access off: NotAuthorizedException; no sign-in for signed-in credentials: a problem', async () => {
    const noGuests = withWorld((w) => void (w.identityPools[0]!.allowUnauthenticatedIdentities = false));
    const r = await run([{ kind: 'get-credentials', as: 'guest' }, { kind: 'get-credentials', as: 'signed-in' }], noGuests);
    expect(codeOf(lastOf(r, 0))).toBe('NotAuthorizedException');
    expect(messageOf(lastOf(r, 0))).toBe('Unauthenticated access is not supported for this identity pool.');
    expect(r.problems.map((p) => p.actionIndex)).toEqual([1]);
  });

  it('fault other-identity: another user\'s identity id is refused by GetCredentialsForIdentity with NotAuthorizedException', async () => {
    const r = await run([signIn(ALICE), { kind: 'get-credentials', as: 'signed-in' }, signIn(BOB), { kind: 'get-credentials', as: 'signed-in', fault: 'other-identity' }]);
    const aliceId = JSON.parse(exchangesOf(r, 1)[0]!.response.body!).IdentityId as string;
    const broken = lastOf(r, 3);
    expect(broken.operation).toBe('GetCredentialsForIdentity');
    expect(JSON.parse(broken.request.body!).IdentityId).toBe(aliceId);
    expect(codeOf(broken)).toBe('NotAuthorizedException');
    expect(r.session.otherIdentityId).toBe(aliceId);
  });

  it('fault other-identity with no other identity known: a second app signs the other demo user in first', async () => {
    const r = await run([signIn(BOB), { kind: 'get-credentials', as: 'signed-in', fault: 'other-identity' }]);
    expect(exchangesOf(r, 1).map((x) => x.operation)).toEqual(['InitiateAuth', 'GetId', 'GetId', 'GetCredentialsForIdentity']);
    expect(codeOf(lastOf(r, 1))).toBe('NotAuthorizedException');
  });
});

describe('call-api', () => {
  const creds = [signIn(BOB), { kind: 'get-credentials', as: 'signed-in' } as const];

  it('each kind of authorization on its happy path: ID token, SigV4, none', async () => {
    const r = await run([
      ...creds,
      { kind: 'call-api', method: 'GET', path: '/profile', auth: 'id-token' },
      { kind: 'call-api', method: 'GET', path: '/reports', auth: 'sigv4' },
      { kind: 'call-api', method: 'GET', path: '/public', auth: 'none' },
    ]);
    expect([2, 3, 4].map((i) => lastOf(r, i).response.status)).toEqual([200, 200, 200]);
    expect(lastOf(r, 3).request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIA.*\/execute-api\/aws4_request/);
  });

  it('an access token without the method\'s scope: 403; no token on a Cognito method: 401', async () => {
    const r = await run([signIn(BOB), { kind: 'call-api', method: 'GET', path: '/notes', auth: 'access-token' }, { kind: 'call-api', method: 'GET', path: '/profile', auth: 'none' }]);
    expect(lastOf(r, 1).response.status).toBe(403);
    expect(lastOf(r, 2).response.status).toBe(401);
  });

  it('fault tampered-claim: API Gateway answers 401 (the signature no longer matches the claims)', async () => {
    const r = await run([signIn(BOB), { kind: 'call-api', method: 'GET', path: '/profile', auth: 'id-token', fault: 'tampered-claim' }]);
    const x = lastOf(r, 1);
    expect(x.response.status).toBe(401);
    const sent = decodeJwt(x.request.headers.authorization!)!;
    expect(sent.payload['cognito:groups']).toEqual(['readers', 'admins']);
    expect(sent.signature).toBe(r.session.tokens!.idToken.split('.')[2]);
  });

  it('fault swapped-token: the access token on an ID-token method is 401, and the ID token on a scoped method too', async () => {
    const r = await run([
      { kind: 'hosted-ui-sign-in', provider: 'COGNITO', ...BOB },
      { kind: 'call-api', method: 'GET', path: '/profile', auth: 'id-token', fault: 'swapped-token' },
      { kind: 'call-api', method: 'GET', path: '/notes', auth: 'access-token', fault: 'swapped-token' },
      { kind: 'call-api', method: 'GET', path: '/notes', auth: 'access-token' },
    ]);
    expect(lastOf(r, 1).request.headers.authorization).toBe(r.session.tokens!.accessToken);
    expect(lastOf(r, 1).response.status).toBe(401);
    expect(lastOf(r, 2).request.headers.authorization).toBe(r.session.tokens!.idToken);
    expect(lastOf(r, 2).response.status).toBe(401);
    // The same access token, unswapped, passes: the refusals are the swap's.
    expect(lastOf(r, 3).response.status).toBe(200);
  });

  it('fault clock-skew: a SigV4 signature 20 minutes old is refused (InvalidSignatureException, Signature expired)', async () => {
    const r = await run([...creds, { kind: 'call-api', method: 'GET', path: '/reports', auth: 'sigv4', fault: 'clock-skew' }]);
    const x = lastOf(r, 2);
    expect(x.response.status).toBe(403);
    expect(codeOf(x)).toBe('InvalidSignatureException');
    expect(messageOf(x)).toMatch(/^Signature expired: /);
  });

  it('faults that do not fit the authorization are problems, not requests', async () => {
    const r = await run([
      ...creds,
      { kind: 'call-api', method: 'GET', path: '/public', auth: 'none', fault: 'tampered-claim' },
      { kind: 'call-api', method: 'GET', path: '/profile', auth: 'id-token', fault: 'clock-skew' },
      { kind: 'call-api', method: 'GET', path: '/x', auth: 'none', api: 'NoSuchApi' },
    ]);
    expect(r.problems.map((p) => p.actionIndex)).toEqual([2, 3, 4]);
    expect(r.steps.filter((s) => s.actionIndex >= 2)).toEqual([]);
  });
});

describe('dynamodb', () => {
  const creds = [signIn(BOB), { kind: 'get-credentials', as: 'signed-in' } as const];

  it('PutItem, GetItem, Query and DeleteItem in the caller\'s own partition', async () => {
    const r = await run([
      ...creds,
      { kind: 'dynamodb', operation: 'PutItem', table: 'Notes', item: { noteId: 'n1', text: 'hello' } },
      { kind: 'dynamodb', operation: 'GetItem', table: 'Notes', key: { noteId: 'n1' } },
      { kind: 'dynamodb', operation: 'Query', table: 'Notes' },
      { kind: 'dynamodb', operation: 'DeleteItem', table: 'Notes', key: { noteId: 'n1' } },
    ]);
    expect([2, 3, 4, 5].map((i) => [lastOf(r, i).operation, lastOf(r, i).response.status])).toEqual([
      ['PutItem', 200],
      ['GetItem', 200],
      ['Query', 200],
      ['DeleteItem', 200],
    ]);
    expect(JSON.parse(lastOf(r, 3).response.body!).Item.text).toEqual({ S: 'hello' });
    expect(JSON.parse(lastOf(r, 4).response.body!).Count).toBe(1);
    expect(JSON.parse(lastOf(r, 2).request.body!).Item.ownerId).toEqual({ S: r.session.identityId });
  });

  it('fault other-owner: another user\'s partition key is refused with AccessDeniedException', async () => {
    const r = await run([...creds, { kind: 'dynamodb', operation: 'GetItem', table: 'Notes', key: { noteId: 'n1' }, fault: 'other-owner' }]);
    const x = lastOf(r, 2);
    expect(x.operation).toBe('GetItem');
    expect(JSON.parse(x.request.body!).Key.ownerId.S).not.toBe(r.session.identityId);
    expect(codeOf(x)).toBe('AccessDeniedException');
    expect(messageOf(x)).toContain('is not authorized to perform: dynamodb:GetItem');
  });

  it('fault clock-skew: DynamoDB refuses the signature (InvalidSignatureException); without credentials it is a problem', async () => {
    const r = await run([...creds, { kind: 'dynamodb', operation: 'Query', table: 'Notes', fault: 'clock-skew' }]);
    expect(codeOf(lastOf(r, 2))).toBe('InvalidSignatureException');
    expect(messageOf(lastOf(r, 2))).toMatch(/^Signature expired: /);
    const none = await run([{ kind: 'dynamodb', operation: 'Query', table: 'Notes' }]);
    expect(none.trace).toHaveLength(0);
    expect(none.problems[0]!.message).toContain('get AWS credentials');
  });

  it('a key that does not match the table\'s schema is DynamoDB\'s ValidationException', async () => {
    const r = await run([...creds, { kind: 'dynamodb', operation: 'GetItem', table: 'Notes' }]);
    expect(codeOf(lastOf(r, 2))).toBe('ValidationException');
  });
});

describe('advance-clock', () => {
  it('moves the virtual clock; a move backwards is a problem', async () => {
    const r = await run([{ kind: 'advance-clock', ms: 5 * 60_000 }, { kind: 'advance-clock', ms: -1 }]);
    expect(r.session.now).toBe(newSandboxDoc(defaultWorld).startTime + 5 * 60_000);
    expect(r.trace).toHaveLength(0);
    expect(r.problems.map((p) => p.actionIndex)).toEqual([1]);
  });
});

describe('steps and determinism', () => {
  const doc = {
    ...newSandboxDoc(defaultWorld),
    actions: [
      { kind: 'sign-up', ...NINA },
      { kind: 'confirm-sign-up', username: 'nina' },
      signIn(NINA, 'USER_SRP_AUTH'),
      { kind: 'get-credentials', as: 'signed-in' },
      { kind: 'dynamodb', operation: 'PutItem', table: 'Notes', item: { noteId: 'a' } },
      { kind: 'hosted-ui-sign-in', provider: 'COGNITO', ...ALICE },
      { kind: 'call-api', method: 'GET', path: '/notes', auth: 'access-token' },
    ] satisfies SandboxAction[],
  };

  it('every request is one step with a plain-words narration of at least 30 characters', async () => {
    const r = await runActions(doc, createSimulator);
    expect(r.steps.length).toBe(r.trace.filter((x) => x.parentId === undefined).length);
    for (const s of r.steps) {
      expect(s.narration.length).toBeGreaterThanOrEqual(30);
      expect(s.title).not.toBe('');
    }
  });

  it('the same document replays to the same trace, modulo opaque values (signatures of keys made at start-up)', async () => {
    const opaque = (text: string | undefined) => (text ?? '').replace(/[A-Za-z0-9+/_=-]{40,}/g, '…').replace(/\b[a-f0-9]{8}…/g, '…').replace(/\([A-Za-z0-9+/]{8}…\)/g, '(…)');
    const shape = (r: SandboxRun) =>
      r.trace.map((x) => ({ from: x.from, to: x.to, op: x.operation, status: x.response.status, at: x.at, url: x.request.url.replace(/[?#].*$/, ''), notes: x.notes.map((n) => n.kind), body: opaque(x.request.body).length > 0 }));
    const [a, b] = await Promise.all([runActions(doc, createSimulator), runActions(doc, createSimulator)]);
    expect(shape(a)).toEqual(shape(b));
    expect(a.steps.map((s) => [s.actionIndex, s.title, opaque(s.narration)])).toEqual(b.steps.map((s) => [s.actionIndex, s.title, opaque(s.narration)]));
    expect(a.messages.map((m) => m.code)).toEqual(b.messages.map((m) => m.code));
    expect(a.session.identityId).toBe(b.session.identityId);
  });

  it('runNext continues a replayed session exactly as a full replay does', async () => {
    const session = await replay({ ...doc, actions: doc.actions.slice(0, 4) }, createSimulator);
    for (const action of doc.actions.slice(4)) await runNext(session, action);
    const incremental = snapshot(session);
    const full = await runActions(doc, createSimulator);
    expect(incremental.steps.map((s) => [s.actionIndex, s.title])).toEqual(full.steps.map((s) => [s.actionIndex, s.title]));
    expect(incremental.trace.map((x) => x.response.status)).toEqual(full.trace.map((x) => x.response.status));
  });
});

describe('tamperToken', () => {
  it('adds admins to cognito:groups (or another group when admins is there) and keeps header and signature', () => {
    const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const token = `${b64({ alg: 'RS256' })}.${b64({ 'cognito:groups': ['admins'] })}.sig`;
    const tampered = tamperToken(token);
    expect(tampered.split('.')[0]).toBe(token.split('.')[0]);
    expect(tampered.split('.')[2]).toBe('sig');
    expect(decodeJwt(tampered)!.payload['cognito:groups']).toEqual(['admins', 'owners']);
    expect(tamperToken('not-a-jwt')).not.toBe('not-a-jwt');
  });
});
