// Share links: round trips for a scenario step and for a sandbox, the size of a typical sandbox link, secrets left
// out unless asked for, and every kind of bad payload refused with a reason (never an exception).
import { describe, expect, it } from 'vitest';
import { defaultWorld, DEMO_PASSWORDS, type WorldConfig } from '../../sim/index';
import { deflateRaw } from '../../lib/compress';
import { toBase64Url, utf8 } from '../../lib/encoding';
import { newSandboxDoc, type SandboxAction, type SandboxDoc } from '../sandbox/actions';
import { applyPatch, createPatch } from './merge-patch';
import { decodeShareWith, encodeShareWith, MAX_INFLATED_BYTES, shareAddress, type ShareTarget } from './share';

const encode = (target: ShareTarget, includeSecrets = false) => encodeShareWith(defaultWorld, target, { includeSecrets });
const decode = (payload: string) => decodeShareWith(defaultWorld, payload);
const rawText = async (text: string) => toBase64Url(await deflateRaw(utf8.encode(text)));
const raw = (json: unknown) => rawText(JSON.stringify(json));

/** A typical sandbox: the default world with a changed password policy, and six actions. */
function typicalDoc(): SandboxDoc {
  const world = structuredClone(defaultWorld);
  world.userPools[0]!.passwordPolicy = { MinimumLength: 12, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: 3 };
  const actions: SandboxAction[] = [
    { kind: 'sign-up', username: 'nina', password: 'Nina#Passw0rd-long', email: 'nina@example.com' },
    { kind: 'confirm-sign-up', username: 'nina' },
    { kind: 'sign-in', flow: 'USER_SRP_AUTH', username: 'nina', password: 'Nina#Passw0rd-long' },
    { kind: 'get-credentials', as: 'signed-in' },
    { kind: 'dynamodb', operation: 'PutItem', table: 'Notes', item: { noteId: 'n1', text: 'hello' } },
    { kind: 'call-api', method: 'GET', path: '/profile', auth: 'id-token', fault: 'tampered-claim' },
  ];
  return { ...newSandboxDoc(world), actions };
}

describe('round trips', () => {
  it('a scenario step, with its view', async () => {
    const target: ShareTarget = { kind: 'scenario', scenario: 'api-gateway-wrong-tokens', step: 3, view: { layout: 'sequence', tab: 'claims', presenter: true } };
    const payload = await encode(target);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decode(payload)).toEqual({ ok: true, target });
    expect(shareAddress(target, payload)).toBe(`#/share/${payload}`);
    console.log(`share link, scenario step: ${payload.length} characters`);
    expect(payload.length).toBeLessThan(120);
  });

  it('a sandbox with its secrets: the same document back', async () => {
    const doc = typicalDoc();
    const payload = await encode({ kind: 'sandbox', doc, step: 4, view: { layout: 'diagram' } }, true);
    const decoded = await decode(payload);
    expect(decoded).toEqual({ ok: true, target: { kind: 'sandbox', doc, step: 4, view: { layout: 'diagram' } } });
    expect(shareAddress({ kind: 'sandbox' }, payload)).toBe(`#/sandbox/share/${payload}`);
  });

  it('the default world with no actions travels as an empty patch', async () => {
    const payload = await encode({ kind: 'sandbox', doc: newSandboxDoc(defaultWorld), step: 0, view: { layout: 'diagram' } });
    console.log(`share link, empty sandbox: ${payload.length} characters`);
    expect(payload.length).toBeLessThan(100);
    const decoded = await decode(payload);
    expect(decoded.ok && decoded.target.kind === 'sandbox' && decoded.target.doc).toEqual(newSandboxDoc(defaultWorld));
  });

  it('keeps a seed and start time other than the defaults', async () => {
    const doc = { ...newSandboxDoc(defaultWorld), seed: 99, startTime: Date.UTC(2027, 0, 1) };
    const decoded = await decode(await encode({ kind: 'sandbox', doc, step: 0, view: { layout: 'diagram' } }));
    expect(decoded.ok && decoded.target.kind === 'sandbox' && [decoded.target.doc.seed, decoded.target.doc.startTime]).toEqual([99, Date.UTC(2027, 0, 1)]);
  });
});

describe('size', () => {
  it('a typical sandbox (default world, a changed password policy, six actions) is under 2 KB', async () => {
    const withoutSecrets = await encode({ kind: 'sandbox', doc: typicalDoc(), step: 5, view: { layout: 'diagram', tab: 'policy' } });
    const withSecrets = await encode({ kind: 'sandbox', doc: typicalDoc(), step: 5, view: { layout: 'diagram', tab: 'policy' } }, true);
    const address = `https://cognito-lab.example/${shareAddress({ kind: 'sandbox' }, withoutSecrets)}`;
    console.log(`share link, typical sandbox: payload ${withoutSecrets.length} characters without secrets, ${withSecrets.length} with; whole address ${address.length}`);
    expect(withoutSecrets.length).toBeLessThan(2048);
    expect(withSecrets.length).toBeLessThan(2048);
  });

  it('a world edit deep inside a list carries that field, not the whole list (indexed merge patch)', () => {
    const world = structuredClone(defaultWorld);
    world.userPools[0]!.clients[0]!.idTokenValidity = 2;
    expect(createPatch(defaultWorld, world)).toEqual({ userPools: { '0': { clients: { '0': { idTokenValidity: 2 } } } } });
  });
});

describe('secrets', () => {
  it('leaves passwords out unless asked, and lists the actions that need one', async () => {
    const payload = await encode({ kind: 'sandbox', doc: typicalDoc(), step: 0, view: { layout: 'diagram' } });
    const decoded = await decode(payload);
    if (!decoded.ok || decoded.target.kind !== 'sandbox') throw new Error('not decoded');
    expect(decoded.target.missing).toEqual([0, 2]);
    expect(decoded.target.doc.actions[0]).toMatchObject({ kind: 'sign-up', password: '' });
    expect(decoded.target.doc.actions[2]).toMatchObject({ kind: 'sign-in', password: '' });
    const withSecrets = await decode(await encode({ kind: 'sandbox', doc: typicalDoc(), step: 0, view: { layout: 'diagram' } }, true));
    expect(withSecrets.ok && withSecrets.target.kind === 'sandbox' && withSecrets.target.missing).toBeUndefined();
  });

  it('leaves a client secret out of the world unless asked (the client generates a new one)', async () => {
    const world: WorldConfig = structuredClone(defaultWorld);
    world.userPools[0]!.clients[1]!.clientSecret = 'super-secret-value-0123456789';
    const doc = { ...newSandboxDoc(world), actions: [{ kind: 'sign-in', flow: 'USER_PASSWORD_AUTH', username: 'alice', password: DEMO_PASSWORDS.alice }] satisfies SandboxAction[] };
    const without = await decode(await encode({ kind: 'sandbox', doc, step: 0, view: { layout: 'diagram' } }));
    if (!without.ok || without.target.kind !== 'sandbox') throw new Error('not decoded');
    expect(without.target.doc.world.userPools[0]!.clients[1]!.clientSecret).toBeUndefined();
    expect(without.target.doc.world.userPools[0]!.clients[1]!.generateSecret).toBe(true);
    expect(JSON.stringify(without.target.doc)).not.toContain('super-secret-value');
    expect(JSON.stringify(without.target.doc)).not.toContain(DEMO_PASSWORDS.alice.slice(0, 8) + '"');
    const withSecrets = await decode(await encode({ kind: 'sandbox', doc, step: 0, view: { layout: 'diagram' } }, true));
    expect(withSecrets.ok && withSecrets.target.kind === 'sandbox' && withSecrets.target.doc.world.userPools[0]!.clients[1]!.clientSecret).toBe('super-secret-value-0123456789');
  });
});

describe('refusals, with a reason', () => {
  const refusal = async (payload: string) => {
    const decoded = await decode(payload);
    expect(decoded.ok).toBe(false);
    return decoded.ok ? '' : decoded.reason;
  };

  it('truncated', async () => {
    const payload = await encode({ kind: 'sandbox', doc: typicalDoc(), step: 0, view: { layout: 'diagram' } });
    expect(await refusal(payload.slice(0, Math.floor(payload.length / 2)))).toMatch(/incomplete or damaged/);
  });

  it('garbage: characters a link never has, bytes that are not DEFLATE, JSON that is not ours', async () => {
    expect(await refusal('hello world!')).toMatch(/characters a share link never has/);
    expect(await refusal('')).toMatch(/holds no shared state/);
    expect(await refusal(toBase64Url(utf8.encode('definitely not deflate data, just text')))).toMatch(/incomplete or damaged|not readable/);
    expect(await refusal(await raw([1, 2, 3]))).toMatch(/not a shared state/);
    expect(await refusal(await rawText('{not json'))).toMatch(/not readable/);
    expect(await refusal(await raw({ v: 1, k: 'x' }))).toMatch(/neither a scenario nor a sandbox/);
    expect(await refusal(await raw({ v: 1, k: 'c', s: '../../etc', n: 0 }))).toMatch(/names no scenario/);
    expect(await refusal(await raw({ v: 1, k: 'c', s: 'x', n: -1 }))).toMatch(/step/);
    expect(await refusal('A'.repeat(40_000))).toMatch(/too long/);
  });

  it('hostile: a payload that inflates to megabytes is stopped at the cap', async () => {
    const bomb = await deflateRaw(new Uint8Array(20 * 1024 * 1024));
    const payload = toBase64Url(bomb);
    console.log(`decompression bomb: ${payload.length} characters inflating to 20 MB; cap ${MAX_INFLATED_BYTES} bytes`);
    expect(await refusal(payload)).toMatch(/unpacks to more than 512 KB/);
  });

  it('hostile: prototype keys, absurd list lengths and malformed actions in a sandbox', async () => {
    expect(await refusal(await rawText('{"v":1,"k":"s","p":{"__proto__":{"polluted":true}},"a":[]}'))).toMatch(/not a key a world may hold/);
    expect(await refusal(await rawText('{"v":1,"k":"s","p":{"userPools":{"0":{"constructor":{"x":1}}}},"a":[]}'))).toMatch(/not a key a world may hold/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await refusal(await raw({ v: 1, k: 's', p: { userPools: { '[]': 1e9 } }, a: [] }))).toMatch(/claims a list of 1000000000 entries/);
    expect(await refusal(await raw({ v: 1, k: 's', p: { userPools: { '[]': 3 } }, a: [] }))).toMatch(/userPools\[1\] is missing/);
    expect(await refusal(await raw({ v: 1, k: 's', p: {}, a: [{ kind: 'rm -rf' }] }))).toMatch(/actions\[0\]\.kind/);
    expect(await refusal(await raw({ v: 1, k: 's', p: { region: 7 }, a: [] }))).toMatch(/region/);
    expect(await refusal(await raw({ v: 1, k: 's', p: {} }))).toMatch(/no list of actions/);
  });

  it('wrong version: newer, or none', async () => {
    expect(await refusal(await raw({ v: 2, k: 'c', s: 'x', n: 0 }))).toMatch(/newer version of Cognito Lab \(share format 2\)/);
    expect(await refusal(await raw({ k: 'c', s: 'x', n: 0 }))).toMatch(/names no format version/);
  });
});

describe('merge patch', () => {
  it('round-trips additions, removals and changes anywhere, lists included', () => {
    const base = { a: 1, list: [{ n: 'x', v: 1 }, { n: 'y' }], gone: { deep: true }, keep: 'k' };
    const target = { a: 2, list: [{ n: 'x', v: 2, extra: [1, 2] }], added: { z: [] }, keep: 'k' };
    const patch = createPatch(base, target);
    expect(applyPatch(base, JSON.parse(JSON.stringify(patch)))).toEqual(target);
    expect(applyPatch(base, createPatch(base, base))).toEqual(base);
  });

  it('applies the whole default world onto an empty one', () => {
    expect(applyPatch({}, createPatch({}, defaultWorld))).toEqual(JSON.parse(JSON.stringify(defaultWorld)));
  });
});
