// The pool's two RS256 signing keys, one for ID tokens and one for access tokens, as real Cognito has.
// Key ids are 44-character base64 strings like AWS's and come from the seed; the RSA key material comes
// from WebCrypto (it cannot be seeded) and is generated once, the first time a token is signed or the
// JWKS is read, so creating a simulator stays fast.
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { toBase64 } from '../../lib/encoding';
import type { Random } from '../core/random';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
}

export interface PoolKeys {
  readonly idKid: string;
  readonly accessKid: string;
  get(use: 'id' | 'access'): Promise<SigningKey>;
  jwks(): Promise<{ keys: JWK[] }>;
  /** The public key for a kid found in the JWKS, or undefined. */
  byKid(kid: string): Promise<SigningKey | undefined>;
}

async function generate(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const exported = await exportJWK(publicKey);
  // exportJWK gives {kty, n, e} only; Cognito's JWKS entries carry alg, kid and use too.
  const jwk: JWK = { alg: 'RS256', e: exported.e!, kid, kty: 'RSA', n: exported.n!, use: 'sig' };
  return { kid, privateKey, publicKey, jwk };
}

export function createPoolKeys(random: Random): PoolKeys {
  const idKid = toBase64(random.bytes(32));
  const accessKid = toBase64(random.bytes(32));
  const pending = new Map<string, Promise<SigningKey>>();
  const load = (kid: string) => {
    let key = pending.get(kid);
    if (!key) {
      key = generate(kid);
      pending.set(kid, key);
    }
    return key;
  };
  return {
    idKid,
    accessKid,
    get: (use) => load(use === 'id' ? idKid : accessKid),
    async jwks() {
      const [id, access] = await Promise.all([load(idKid), load(accessKid)]);
      return { keys: [id.jwk, access.jwk] };
    },
    async byKid(kid) {
      if (kid !== idKid && kid !== accessKid) return undefined;
      return load(kid);
    },
  };
}
