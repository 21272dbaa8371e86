// The sandbox store: acting appends and runs incrementally, world edits are refused with their issues or replayed,
// the cursor, persistence (round trip, corrupted, wrong version), export and import with reasons, wouldAllow over the
// current world, and opening a shared sandbox whose passwords were left out.
import { describe, expect, it } from 'vitest';
import { createSimulator, defaultWorld, DEMO_PASSWORDS } from '../sim/index';
import type { KeyValueStorage } from './settings';
import {
  createSandboxStore,
  decodeShare,
  defaultDoc,
  encodeShare,
  exportSandbox,
  importSandbox,
  readSandbox,
  SANDBOX_KEY,
  SANDBOX_RECOVERED_PREFIX,
  type SandboxAction,
} from './sandbox';

function memory(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const BOB_SIGN_IN: SandboxAction = { kind: 'sign-in', flow: 'USER_PASSWORD_AUTH', username: 'bob', password: DEMO_PASSWORDS.bob };
const newStore = (storage = memory()) => ({ storage, store: createSandboxStore({ storage, createSimulator, now: () => 1_700_000_000_000 }) });

describe('acting', () => {
  it('appends an action, runs it incrementally and moves the cursor to its first step', async () => {
    const { store, storage } = newStore();
    await store.getState().start();
    expect(store.getState().run?.steps).toEqual([]);
    await store.getState().act(BOB_SIGN_IN);
    await store.getState().act({ kind: 'get-credentials', as: 'signed-in' });
    const s = store.getState();
    expect(s.status).toBe('idle');
    expect(s.doc.actions).toHaveLength(2);
    expect(s.run!.steps.map((x) => x.title)).toEqual(['Sign in bob (password)', 'GetId for bob', 'GetCredentialsForIdentity']);
    expect(s.cursor).toBe(1);
    expect(JSON.parse(storage.data.get(SANDBOX_KEY)!).actions).toHaveLength(2);
  });

  it('an action that cannot run adds a problem and leaves the cursor where it was', async () => {
    const { store } = newStore();
    await store.getState().act(BOB_SIGN_IN);
    await store.getState().act({ kind: 'dynamodb', operation: 'Query', table: 'Notes' });
    expect(store.getState().run!.problems).toEqual([{ actionIndex: 1, message: expect.stringContaining('credentials') }]);
    expect(store.getState().cursor).toBe(0);
  });

  it('undoLast, clearActions, resetWorld and advanceClock', async () => {
    const { store } = newStore();
    await store.getState().act(BOB_SIGN_IN);
    await store.getState().advanceClock(60_000);
    await store.getState().act({ kind: 'sign-out' });
    expect(store.getState().doc.actions.map((a) => a.kind)).toEqual(['sign-in', 'advance-clock', 'sign-out']);
    expect(store.getState().run!.session.now).toBe(defaultDoc().startTime + 60_000);
    await store.getState().undoLast();
    expect(store.getState().doc.actions.map((a) => a.kind)).toEqual(['sign-in', 'advance-clock']);
    expect(store.getState().run!.session.username).toBe('bob');
    expect(store.getState().cursor).toBe(0);
    await store.getState().clearActions();
    expect(store.getState().run!.steps).toEqual([]);
    const noGuests = structuredClone(defaultWorld);
    noGuests.identityPools[0]!.allowUnauthenticatedIdentities = false;
    expect(store.getState().setWorld(noGuests)).toEqual([]);
    await store.getState().idle();
    expect(store.getState().doc.world.identityPools[0]!.allowUnauthenticatedIdentities).toBe(false);
    // Removing the identity pool that the roles' trust policies name is refused.
    expect(store.getState().setWorld({ ...structuredClone(defaultWorld), identityPools: [] })[0]!.message).toContain('{{identityPool:LearnerIdentities}}');
    await store.getState().resetWorld();
    expect(store.getState().doc.world).toEqual(defaultWorld);
  });

  it('goTo, next and previous stay within the steps', async () => {
    const { store } = newStore();
    await store.getState().act({ kind: 'get-credentials', as: 'guest' });
    store.getState().goTo(99);
    expect(store.getState().cursor).toBe(1);
    store.getState().next();
    expect(store.getState().cursor).toBe(1);
    store.getState().previous();
    store.getState().previous();
    expect(store.getState().cursor).toBe(0);
  });
});

describe('verifyToken', () => {
  it("checks the sandbox's tokens against its user pool's keys without adding to the trace", async () => {
    const { store } = newStore();
    await store.getState().act(BOB_SIGN_IN);
    const run = store.getState().run!;
    const traceLength = run.trace.length;
    const body = JSON.parse(run.trace.at(-1)!.response.body!) as { AuthenticationResult: { IdToken: string } };
    const token = body.AuthenticationResult.IdToken;
    const at = run.trace.at(-1)!.at;
    const valid = await store.getState().verifyToken(token, at);
    expect(valid.status).toBe('valid');
    const [h, p, sig] = token.split('.') as [string, string, string];
    const claims = JSON.parse(atob(p.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    const forged = `${h}.${btoa(JSON.stringify({ ...claims, 'cognito:groups': ['admins'] })).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.${sig}`;
    expect(await store.getState().verifyToken(forged, at)).toMatchObject({ status: 'invalid', reason: 'The signature does not match the issuer’s public key.' });
    expect(await store.getState().verifyToken(token, at + 2 * 3600_000)).toMatchObject({ status: 'invalid', reason: 'The signature is valid, but the token had expired at this moment.' });
    expect(store.getState().run!.trace.length).toBe(traceLength);
  });
});

describe('setWorld', () => {
  it('refuses an invalid world: returns the issues and changes nothing', async () => {
    const { store } = newStore();
    await store.getState().act(BOB_SIGN_IN);
    const before = store.getState().doc;
    const world = structuredClone(defaultWorld);
    world.userPools[0]!.passwordPolicy = { MinimumLength: 4 };
    const issues = store.getState().setWorld(world);
    expect(issues).toEqual([{ path: 'userPools[0].passwordPolicy.MinimumLength', message: 'Minimum length must be between 6 and 99' }]);
    expect(store.getState().issues).toEqual(issues);
    expect(store.getState().doc).toBe(before);
  });

  it('accepts a valid world, saves it and replays the actions against it', async () => {
    const { store, storage } = newStore();
    await store.getState().act({ kind: 'sign-up', username: 'nina', password: 'Nina#Passw0rd', email: 'nina@example.com' });
    expect(store.getState().run!.trace.at(-1)!.response.status).toBe(200);
    const world = structuredClone(defaultWorld);
    world.userPools[0]!.passwordPolicy = { MinimumLength: 20 };
    expect(store.getState().setWorld(world)).toEqual([]);
    await store.getState().idle();
    expect(JSON.parse(store.getState().run!.trace.at(-1)!.response.body!).__type).toBe('InvalidPasswordException');
    expect(JSON.parse(storage.data.get(SANDBOX_KEY)!).world.userPools[0].passwordPolicy).toEqual({ MinimumLength: 20 });
  });
});

describe('persistence', () => {
  it('round trip: a new store reads back the saved document', async () => {
    const { store, storage } = newStore();
    await store.getState().act(BOB_SIGN_IN);
    const again = createSandboxStore({ storage, createSimulator });
    expect(again.getState().doc).toEqual(store.getState().doc);
    expect(again.getState().notice).toBeNull();
    await again.getState().start();
    expect(again.getState().run!.session.username).toBe('bob');
  });

  it('corrupted: the default document, a notice, and the unreadable text kept under a recovered key', () => {
    const storage = memory({ [SANDBOX_KEY]: '{"version":1,"world":' });
    const { doc, notice } = readSandbox(storage, 1234);
    expect(doc).toEqual(defaultDoc());
    expect(notice).toContain(`${SANDBOX_RECOVERED_PREFIX}1234`);
    expect(storage.data.get(`${SANDBOX_RECOVERED_PREFIX}1234`)).toBe('{"version":1,"world":');
    expect(JSON.parse(storage.data.get(SANDBOX_KEY)!)).toEqual(defaultDoc());
    // A second corrupted value found at the same moment does not overwrite the first copy.
    storage.data.set(SANDBOX_KEY, 'garbage');
    readSandbox(storage, 1234);
    expect(storage.data.get(`${SANDBOX_RECOVERED_PREFIX}1234-2`)).toBe('garbage');
  });

  it('wrong version: a newer format is set aside with a notice that says so', () => {
    const saved = JSON.stringify({ ...defaultDoc(), version: 2 });
    const storage = memory({ [SANDBOX_KEY]: saved });
    const { doc, notice } = readSandbox(storage, 99);
    expect(doc).toEqual(defaultDoc());
    expect(notice).toMatch(/newer version of Cognito Lab/);
    expect(storage.data.get(`${SANDBOX_RECOVERED_PREFIX}99`)).toBe(saved);
  });

  it.each([
    ['without a version', (() => { const { version: _v, ...rest } = defaultDoc(); return rest; })()],
    ['version 0', { ...defaultDoc(), version: 0 }],
  ])('older format (%s): set aside with a notice, and a new store starts from the default document', (_label, old) => {
    const saved = JSON.stringify(old);
    const storage = memory({ [SANDBOX_KEY]: saved });
    const store = createSandboxStore({ storage, createSimulator, now: () => 42 });
    expect(store.getState().doc).toEqual(defaultDoc());
    expect(store.getState().notice).toContain(`${SANDBOX_RECOVERED_PREFIX}42`);
    expect(store.getState().notice).not.toMatch(/newer version/);
    expect(storage.data.get(`${SANDBOX_RECOVERED_PREFIX}42`)).toBe(saved);
    expect(JSON.parse(storage.data.get(SANDBOX_KEY)!)).toEqual(defaultDoc());
    // Recovered once: the next visit finds the current format and says nothing.
    expect(createSandboxStore({ storage, createSimulator, now: () => 43 }).getState().notice).toBeNull();
  });

  it('an invalid world or a malformed action is treated as damaged', () => {
    const badWorld = defaultDoc();
    badWorld.world.userPools[0]!.passwordPolicy = { MinimumLength: 200 };
    expect(readSandbox(memory({ [SANDBOX_KEY]: JSON.stringify(badWorld) }), 1).notice).toMatch(/damaged/);
    const badAction = { ...defaultDoc(), actions: [{ kind: 'sign-in', flow: 'MAGIC', username: 'x', password: 'y' }] };
    expect(readSandbox(memory({ [SANDBOX_KEY]: JSON.stringify(badAction) }), 1).notice).toMatch(/damaged/);
  });

  it('a browser that refuses to store keeps the document in memory with a notice', async () => {
    const storage: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const store = createSandboxStore({ storage, createSimulator });
    await store.getState().act(BOB_SIGN_IN);
    expect(store.getState().doc.actions).toHaveLength(1);
    expect(store.getState().notice).toMatch(/could not be saved/);
  });
});

describe('export and import', () => {
  it('round trip through a file', async () => {
    const { store } = newStore();
    await store.getState().act(BOB_SIGN_IN);
    const text = store.getState().exportJson();
    expect(JSON.parse(text)).toMatchObject({ app: 'cognito-lab', kind: 'sandbox', version: 1 });
    const other = newStore().store;
    expect(other.getState().importJson(text)).toEqual({ ok: true });
    await other.getState().idle();
    expect(other.getState().doc).toEqual(store.getState().doc);
    expect(other.getState().run!.session.username).toBe('bob');
  });

  it('refuses, with the reason, and loses nothing', async () => {
    const { store } = newStore();
    await store.getState().act(BOB_SIGN_IN);
    const before = store.getState().doc;
    const exported = JSON.parse(exportSandbox(before)) as Record<string, unknown>;
    const badWorld = structuredClone(exported) as { world: { userPools: { clients: { callbackUrls: string[] }[] }[] } };
    badWorld.world.userPools[0]!.clients[0]!.callbackUrls = ['http://evil.example/cb'];
    const cases: [string, RegExp][] = [
      ['{oops', /not JSON/],
      ['[1,2]', /holds no JSON object/],
      [JSON.stringify({ ...exported, app: 'other-app' }), /not exported by Cognito Lab/],
      [JSON.stringify({ ...exported, kind: 'quiz-progress' }), /holds "quiz-progress", not a sandbox/],
      [JSON.stringify({ ...exported, version: 3 }), /newer version of Cognito Lab \(sandbox format 3\): update the app/],
      [JSON.stringify({ ...exported, actions: [{ kind: 'teleport' }] }), /damaged \(actions\[0\]\.kind/],
      [JSON.stringify({ ...exported, seed: 'x' }), /damaged \(seed/],
      [JSON.stringify(badWorld), /world is not valid \(userPools\[0\]\.clients\[0\]\.callbackUrls\[0\]: .*must use HTTPS/],
    ];
    for (const [text, reason] of cases) {
      const result = store.getState().importJson(text);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.reason).toMatch(reason);
      expect(importSandbox(text).ok).toBe(false);
    }
    await store.getState().idle();
    expect(store.getState().doc).toBe(before);
  });
});

describe('wouldAllow', () => {
  it("evaluates a role's policies with the simulator's ids filled in", async () => {
    const { store } = newStore();
    expect(store.getState().wouldAllow({ roleName: 'AdminRole', action: 'dynamodb:GetItem', resource: 'x' })).toEqual({ error: expect.stringContaining('not started') });
    await store.getState().start();
    const notes = 'arn:aws:dynamodb:us-east-1:123456789012:table/Notes';
    const admin = store.getState().wouldAllow({ roleName: 'AdminRole', action: 'dynamodb:GetItem', resource: notes });
    expect('decision' in admin && admin.decision).toBe('Allow');
    const drop = store.getState().wouldAllow({ roleName: 'AdminRole', action: 'dynamodb:DeleteTable', resource: notes });
    expect('decision' in drop && drop.decision).toBe('ExplicitDeny');
    const own = store.getState().wouldAllow({
      roleName: 'Cognito_LearnerAuth_Role',
      action: 'dynamodb:GetItem',
      resource: notes,
      context: { 'dynamodb:LeadingKeys': ['us-east-1:someone'], 'cognito-identity.amazonaws.com:sub': 'us-east-1:me' },
    });
    expect('decision' in own && own.decision).toBe('ImplicitDeny');
    const reports = store.getState().wouldAllow({ roleName: 'Cognito_LearnerAuth_Role', action: 'execute-api:Invoke', resource: 'arn:aws:execute-api:us-east-1:123456789012:*/prod/GET/reports' });
    expect('decision' in reports).toBe(true);
    expect(store.getState().wouldAllow({ roleName: 'Nope', action: 'a:b', resource: '*' })).toEqual({ error: 'This world has no role called Nope.' });
  });
});

describe('shared sandboxes', () => {
  it('opens a shared sandbox, waits for the passwords left out, and replays once given', async () => {
    const doc = { ...defaultDoc(), actions: [BOB_SIGN_IN, { kind: 'get-credentials', as: 'signed-in' }] satisfies SandboxAction[] };
    const decoded = await decodeShare(await encodeShare({ kind: 'sandbox', doc, step: 1, view: { layout: 'diagram' } }, { includeSecrets: false }));
    if (!decoded.ok || decoded.target.kind !== 'sandbox') throw new Error('not decoded');
    const { store } = newStore();
    await store.getState().loadShared(decoded.target);
    expect(store.getState().missingPasswords()).toEqual([0]);
    expect(store.getState().run!.trace).toHaveLength(0);
    expect(store.getState().run!.problems.map((p) => p.actionIndex)).toEqual([0, 1]);
    await store.getState().providePassword(0, DEMO_PASSWORDS.bob);
    expect(store.getState().missingPasswords()).toEqual([]);
    expect(store.getState().run!.problems).toEqual([]);
    expect(store.getState().run!.steps).toHaveLength(3);
  });

  it("decodeShare refuses a scenario this version does not have, and a world that is not valid", async () => {
    const unknown = await decodeShare(await encodeShare({ kind: 'scenario', scenario: 'no-such-scenario', step: 0, view: { layout: 'diagram' } }, { includeSecrets: false }));
    expect(unknown).toEqual({ ok: false, reason: expect.stringContaining('does not have') });
    const known = await decodeShare(await encodeShare({ kind: 'scenario', scenario: 'srp-vs-password', step: 2, view: { layout: 'diagram' } }, { includeSecrets: false }));
    expect(known.ok).toBe(true);
    const world = structuredClone(defaultWorld);
    world.userPools[0]!.groups![0]!.precedence = -5;
    const invalid = await decodeShare(await encodeShare({ kind: 'sandbox', doc: { ...defaultDoc(), world }, step: 0, view: { layout: 'diagram' } }, { includeSecrets: false }));
    expect(invalid).toEqual({ ok: false, reason: expect.stringContaining('precedence') });
  });
});
