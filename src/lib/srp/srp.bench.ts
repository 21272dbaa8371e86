// What Cognito's SRP costs here, with `npx vitest bench --run --project node src/lib/srp/srp.bench.ts`:
//   (a) exponentiation in the 3072-bit group: textbook square-and-multiply versus the windowed forms of mod-pow.ts,
//       for the generator (a 256-bit x: a verifier; a 1024-bit a: the client's A) and for another base (S);
//   (b) the pool's work per password: a verifier (sign-up, password change, USER_PASSWORD_AUTH's check), against the
//       single SHA-256 the pool stored before SRP;
//   (c) one whole SRP exchange, both halves.
import { bench, describe } from 'vitest';
import { G, N, powG } from './group';
import { modPow, modPowBinary, prepareFixedBase } from './mod-pow';
import { clientSessionKey, startSrpClient } from './client-half';
import { makeVerifier, secretB, serverPublicB, serverSessionKey } from './server';

const bytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const bigFrom = (n: number) => BigInt(`0x${[...bytes(n)].map((b) => b.toString(16).padStart(2, '0')).join('')}`);
const x256 = bigFrom(32);
const a1024 = bigFrom(128);
const base = bigFrom(384) % N;

describe('(a) g^x mod N, x of 256 bits (a verifier)', () => {
  bench('square-and-multiply', () => void modPowBinary(G, x256, N));
  bench('windowed, shifts for g = 2', () => void modPow(G, x256, N));
  bench('fixed-base comb (table built once, beforehand)', () => void powG(x256));
});

describe('(a) g^a mod N, a of 1024 bits (the client’s A)', () => {
  bench('square-and-multiply', () => void modPowBinary(G, a1024, N));
  bench('windowed, shifts for g = 2', () => void modPow(G, a1024, N));
});

describe('(a) the comb’s table for g = 2, built once per page or process', () => {
  // Two builds per iteration: another modulus first, so that the call for N really rebuilds.
  bench('prepareFixedBase, twice', () => {
    prepareFixedBase(N - 2n);
    prepareFixedBase(N);
  });
});

describe('(a) base^e mod N, any base, e of 1024 bits (S)', () => {
  bench('square-and-multiply', () => void modPowBinary(base, a1024, N));
  bench('sliding window', () => void modPow(base, a1024, N));
});

describe('(b, c) per password and per sign-in', () => {
  // What the pool stored before SRP, for comparison: one SHA-256 of salt and password.
  bench('before: SHA-256(salt ‖ password)', async () => void (await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${bigFrom(16).toString(16)}:Alice#Passw0rd`))));
  bench('a verifier (salt → v = g^x)', async () => void (await makeVerifier('AbCdEf123', 'alice', 'Alice#Passw0rd', bigFrom(16))));
  bench('a whole exchange: v, B, A, both session keys', async () => {
    const salt = bigFrom(16);
    const v = await makeVerifier('AbCdEf123', 'alice', 'Alice#Passw0rd', salt);
    const b = secretB(bytes(32));
    const B = await serverPublicB(v, b);
    const client = startSrpClient(bytes(128));
    await clientSessionKey(client, 'us-east-1_AbCdEf123', 'alice', 'Alice#Passw0rd', B, salt);
    await serverSessionKey(client.A, B, b, v);
  });
});
