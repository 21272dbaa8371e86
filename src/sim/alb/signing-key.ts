// The ELB signing key for x-amzn-oidc-data: ECDSA P-256 (ES256), its key id a UUID, its public half served
// as PEM (not a JWKS) at https://public-keys.auth.elb.{region}.amazonaws.com/{kid} (aws-behaviour.md §9).
// Keys are regional on AWS, so one key serves every load balancer of this world's region. The kid comes
// from the seed; the key material from WebCrypto (it cannot be seeded), generated the first time it is needed.
import { exportSPKI, generateKeyPair, type CryptoKey } from 'jose';
import type { Random } from '../core/random';

export interface AlbSigningKey {
  readonly kid: string;
  privateKey(): Promise<CryptoKey>;
  /** -----BEGIN PUBLIC KEY----- … (SubjectPublicKeyInfo, as the ELB endpoint serves it). */
  publicPem(): Promise<string>;
}

export function createAlbSigningKey(random: Random): AlbSigningKey {
  const kid = random.uuid();
  let pair: Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> | undefined;
  const load = () => (pair ??= generateKeyPair('ES256', { extractable: true }));
  return {
    kid,
    privateKey: async () => (await load()).privateKey,
    publicPem: async () => `${await exportSPKI((await load()).publicKey)}\n`,
  };
}
