// Cognito's SRP in src/lib/srp, checked against an independent implementation of the client side: the
// AuthenticationHelper and DateHelper of amazon-cognito-identity-js (jsbn BigInteger and @aws-crypto's SHA-256),
// fed the same inputs, must compute the same group, padHex, k, A, session key and TIMESTAMP; node:crypto's HMAC
// is the oracle for HKDF and the claim signature.
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import * as cognitoJs from 'amazon-cognito-identity-js';
import { fromHex, toBase64, toHex } from '../encoding';
import { G, N, padHex, parseHex, poolNameOf, powG } from './group';
import { modPow, modPowBinary } from './mod-pow';
import { INFO, sessionKey, srpK, srpU } from './hashing';
import { formatSrpTimestamp, parseSrpTimestamp } from './timestamp';
import { answerPasswordVerifier, clientSessionKey, startSrpClient } from './client-half';
import { claimMatches, makeVerifier, secretB, serverPublicB, serverSessionKey } from './server';
import { claimSignature } from './claim';

// The helper is exported by the package at run time but not in its type declarations.
interface JsbnInteger {
  toString(radix: number): string;
  modPow(e: JsbnInteger, m: JsbnInteger, callback: (err: unknown, result: JsbnInteger) => void): void;
}
type JsbnConstructor = new (text: string, radix: number) => JsbnInteger;
interface Helper {
  N: JsbnInteger;
  g: JsbnInteger;
  k: JsbnInteger;
  smallAValue: JsbnInteger;
  largeAValue: JsbnInteger | undefined;
  padHex(value: JsbnInteger): string;
  getLargeAValue(callback: (err: unknown, A: JsbnInteger) => void): void;
  getPasswordAuthenticationKey(username: string, password: string, B: JsbnInteger, salt: JsbnInteger, callback: (err: unknown, key: Uint8Array) => void): void;
}
const { AuthenticationHelper, DateHelper } = cognitoJs as unknown as {
  AuthenticationHelper: new (poolName: string) => Helper;
  DateHelper: new () => { getNowString(): string };
};

const POOL_ID = 'us-east-1_AbCdEf123';
const POOL_NAME = 'AbCdEf123';
const bytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

function helperFor(a: bigint): { helper: Helper; BI: JsbnConstructor } {
  const helper = new AuthenticationHelper(POOL_NAME);
  const BI = helper.N.constructor as JsbnConstructor;
  helper.smallAValue = new BI(a.toString(16), 16);
  helper.largeAValue = undefined;
  return { helper, BI };
}

const jsbnModPow = (BI: JsbnConstructor, base: bigint, e: bigint, m: bigint) =>
  new Promise<bigint>((resolve, reject) => new BI(base.toString(16), 16).modPow(new BI(e.toString(16), 16), new BI(m.toString(16), 16), (err, r) => (err ? reject(err) : resolve(BigInt(`0x${r.toString(16)}`)))));

describe('The group', () => {
  it('is RFC 5054’s 3072-bit prime with g = 2, as the Cognito client has it', () => {
    const { helper } = helperFor(5n);
    expect(N.toString(2)).toHaveLength(3072);
    expect(N.toString(16).toUpperCase()).toMatch(/^FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1.*43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF$/);
    expect(BigInt(`0x${helper.N.toString(16)}`)).toBe(N);
    expect(BigInt(`0x${helper.g.toString(16)}`)).toBe(G);
  });

  it('pads hex like Java’s toByteArray: even length, and 00 before a top bit that would read as a sign', () => {
    expect([0n, 0x7fn, 0x80n, 0xffn, 0x100n, 0x8000n].map(padHex)).toEqual(['00', '7f', '0080', '00ff', '0100', '008000']);
    expect(padHex(N).slice(0, 4)).toBe('00ff');
    const { helper, BI } = helperFor(5n);
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: N * 4n }), (v) => padHex(v) === helper.padHex(new BI(v.toString(16), 16))), { numRuns: 200 });
  });

  it('derives k = H(padHex(N) ‖ padHex(g)) as the client does', async () => {
    const { helper } = helperFor(5n);
    expect(await srpK()).toBe(BigInt(`0x${helper.k.toString(16)}`));
  });

  it('reads hex of any case and refuses anything else; names the pool by the part of its id after the underscore', () => {
    expect(parseHex('0aFf')).toBe(0xaffn);
    expect(parseHex('')).toBeUndefined();
    expect(parseHex('0x12')).toBeUndefined();
    expect(parseHex('12 34')).toBeUndefined();
    expect(poolNameOf(POOL_ID)).toBe(POOL_NAME);
  });
});

describe('Modular exponentiation', () => {
  it('agrees with square-and-multiply and with jsbn for any base, exponent and the SRP modulus', async () => {
    const { BI } = helperFor(5n);
    await fc.assert(
      fc.asyncProperty(fc.bigInt({ min: 0n, max: N * 2n }), fc.bigInt({ min: 1n, max: (1n << 1100n) - 1n }), async (base, e) => {
        const ours = modPow(base, e, N);
        expect(ours).toBe(modPowBinary(base, e, N));
        expect(ours).toBe(await jsbnModPow(BI, base, e, N));
      }),
      { numRuns: 12 },
    );
  });

  it('takes the shift path for g = 2 and still agrees, down to exponents 0 and 1 and small moduli', async () => {
    const { BI } = helperFor(5n);
    for (const e of [0n, 1n, 2n, 63n, 64n, 65n, (1n << 256n) - 1n, 1n << 300n]) {
      expect(modPow(2n, e, N)).toBe(modPowBinary(2n, e, N));
      // jsbn never calls back for exponent 0.
      if (e > 0n) expect(modPow(2n, e, N)).toBe(await jsbnModPow(BI, 2n, e, N));
    }
    // The comb, for exponents up to 256 bits (and the windowed path beyond).
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: (1n << 300n) }), (e) => powG(e) === modPowBinary(2n, e, N)), { numRuns: 40 });
    for (const e of [0n, 1n, (1n << 256n) - 1n, 1n << 255n, 1n << 256n]) expect(powG(e)).toBe(modPowBinary(2n, e, N));
    fc.assert(fc.property(fc.bigInt({ min: -50n, max: 5000n }), fc.bigInt({ min: 0n, max: 5000n }), fc.bigInt({ min: 2n, max: 1000n }), (b, e, m) => modPow(b, e, m) === modPowBinary(b, e, m)));
  });
});

describe('The TIMESTAMP', () => {
  afterEach(() => vi.useRealTimers());

  it('is the client’s `EEE MMM d HH:mm:ss UTC yyyy`, day not zero-padded', () => {
    expect(formatSrpTimestamp(Date.UTC(2024, 2, 5, 9, 3, 7))).toBe('Tue Mar 5 09:03:07 UTC 2024');
    vi.useFakeTimers({ toFake: ['Date'] });
    for (const at of [Date.UTC(2024, 2, 5, 9, 3, 7), Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31, 23, 59, 59), Date.UTC(2017, 3, 5, 22, 42, 34)]) {
      vi.setSystemTime(at);
      expect(formatSrpTimestamp(at)).toBe(new DateHelper().getNowString());
    }
  });

  it('reads back what it writes, and reads a zero-padded day or a wrong weekday as Java would (to a different canonical text)', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
      const at = Math.floor(ms / 1000) * 1000;
      return parseSrpTimestamp(formatSrpTimestamp(at)) === at;
    }));
    const padded = parseSrpTimestamp('Wed Apr 05 22:44:40 UTC 2017');
    expect(padded).toBe(Date.UTC(2017, 3, 5, 22, 44, 40));
    expect(formatSrpTimestamp(padded!)).toBe('Wed Apr 5 22:44:40 UTC 2017');
    expect(formatSrpTimestamp(parseSrpTimestamp('Mon Apr 5 22:44:40 UTC 2017')!)).toBe('Wed Apr 5 22:44:40 UTC 2017');
  });

  it('refuses what does not fit the pattern', () => {
    for (const text of ['Mon Feb 12 15:26:37 +05:30 2018', '2024-03-05T09:03:07Z', 'Tue Mar 5 09:03:07 2024', 'Tue Mar 5 24:00:00 UTC 2024', 'Fri Feb 30 09:03:07 UTC 2024', 'Xyz Mar 5 09:03:07 UTC 2024', '']) {
      expect(parseSrpTimestamp(text), text).toBeUndefined();
    }
  });
});

describe('Both halves', () => {
  async function exchange(password = 'Alice#Passw0rd', proof = password) {
    const salt = BigInt(`0x${toHex(bytes(16))}`);
    const v = await makeVerifier(POOL_NAME, 'alice', password, salt);
    const b = secretB(bytes(32));
    const B = await serverPublicB(v, b);
    const client = startSrpClient(bytes(128));
    const clientKey = await clientSessionKey(client, POOL_ID, 'alice', proof, B, salt);
    const server = await serverSessionKey(client.A, B, b, v);
    return { salt, v, B, client, clientKey, server };
  }

  it('compute A and the session key exactly as amazon-cognito-identity-js does from the same a, B and salt', async () => {
    const { salt, B, client, clientKey, server } = await exchange();
    const { helper, BI } = helperFor(client.a);
    const A = await new Promise<JsbnInteger>((resolve) => helper.getLargeAValue((_e, value) => resolve(value)));
    expect(A.toString(16)).toBe(client.srpA);
    const theirs = await new Promise<Uint8Array>((resolve, reject) =>
      helper.getPasswordAuthenticationKey('alice', 'Alice#Passw0rd', new BI(B.toString(16), 16), new BI(salt.toString(16), 16), (err, key) => (err ? reject(err) : resolve(key))),
    );
    expect(toHex(new Uint8Array(theirs))).toBe(toHex(clientKey));
    expect(toHex(server.key)).toBe(toHex(clientKey));
    expect(server.u).toBe(await srpU(client.A, B));
  });

  it('derive different keys when the password is wrong, so the claim signature does not match', async () => {
    const { clientKey, server } = await exchange('Alice#Passw0rd', 'Alice#Passw0rd!');
    expect(toHex(clientKey)).not.toBe(toHex(server.key));
    const block = toBase64(bytes(64));
    const signature = await claimSignature(clientKey, POOL_NAME, 'alice', block, 'Tue Mar 5 09:03:07 UTC 2024');
    expect(await claimMatches(server.key, POOL_NAME, 'alice', block, 'Tue Mar 5 09:03:07 UTC 2024', signature)).toBe(false);
  });

  it('make the key with HKDF-SHA256 (salt padHex(u), info "Caldera Derived Key"), as RFC 5869 spells it out', async () => {
    const S = BigInt(`0x${toHex(bytes(384))}`) % N;
    const u = BigInt(`0x${toHex(bytes(32))}`);
    const prk = createHmac('sha256', Buffer.from(fromHex(padHex(u)))).update(Buffer.from(fromHex(padHex(S)))).digest();
    const okm = createHmac('sha256', prk).update(Buffer.concat([Buffer.from(INFO), Buffer.from([1])])).digest().subarray(0, 16);
    expect(toHex(await sessionKey(S, u))).toBe(okm.toString('hex'));
  });

  it('sign HMAC-SHA256(key, poolName ‖ userId ‖ SECRET_BLOCK bytes ‖ TIMESTAMP), which the pool checks to the bit', async () => {
    const { clientKey, server, B, salt, client } = await exchange();
    const block = toBase64(bytes(64));
    const answer = await answerPasswordVerifier(client, POOL_ID, 'Alice#Passw0rd', { SRP_B: B.toString(16), SALT: salt.toString(16), SECRET_BLOCK: block, USER_ID_FOR_SRP: 'alice' }, Date.UTC(2024, 2, 5, 9, 3, 7));
    const oracle = createHmac('sha256', Buffer.from(clientKey))
      .update(Buffer.concat([Buffer.from(POOL_NAME), Buffer.from('alice'), Buffer.from(block, 'base64'), Buffer.from('Tue Mar 5 09:03:07 UTC 2024')]))
      .digest('base64');
    expect(answer).toEqual({ USERNAME: 'alice', PASSWORD_CLAIM_SECRET_BLOCK: block, TIMESTAMP: 'Tue Mar 5 09:03:07 UTC 2024', PASSWORD_CLAIM_SIGNATURE: oracle });
    expect(await claimMatches(server.key, POOL_NAME, 'alice', block, answer.TIMESTAMP, answer.PASSWORD_CLAIM_SIGNATURE)).toBe(true);
    for (const [userId, ts, sig] of [['bob', answer.TIMESTAMP, oracle], ['alice', 'Tue Mar 5 09:03:08 UTC 2024', oracle], ['alice', answer.TIMESTAMP, 'not base64!'], ['alice', answer.TIMESTAMP, '']] as const) {
      expect(await claimMatches(server.key, POOL_NAME, userId, block, ts, sig)).toBe(false);
    }
  });
});
