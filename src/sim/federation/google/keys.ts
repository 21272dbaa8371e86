// Google's own signing keys for ID tokens: RS256, two of them in the JWKS at www.googleapis.com/oauth2/v3/certs
// (Google publishes the current key and the next one and rotates them [V developers.google.com/identity/openid-connect:
// "Google's public keys … are rotated periodically"]); tokens are signed with the first. Key ids are 40 hexadecimal
// characters like Google's [P values seen in its JWKS]. The kids come from the seed; the RSA key material comes from
// WebCrypto (it cannot be seeded) and is generated once, the first time a token is signed or the JWKS is read.
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { toHex } from '../../../lib/encoding';
import type { Random } from '../../core/random';

export interface GoogleSigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

export interface GoogleKeys {
  readonly kids: readonly string[];
  /** The key that signs new tokens. */
  current(): Promise<GoogleSigningKey>;
  jwks(): Promise<{ keys: JWK[] }>;
}

async function generate(kid: string): Promise<GoogleSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const exported = await exportJWK(publicKey);
  // Google's entries carry kty, use, alg, kid, n and e.
  return { kid, privateKey, jwk: { kty: 'RSA', use: 'sig', alg: 'RS256', kid, n: exported.n!, e: exported.e! } };
}

export function createGoogleKeys(random: Random): GoogleKeys {
  const kids = [toHex(random.bytes(20)), toHex(random.bytes(20))];
  const pending = new Map<string, Promise<GoogleSigningKey>>();
  const load = (kid: string) => {
    let key = pending.get(kid);
    if (!key) {
      key = generate(kid);
      pending.set(kid, key);
    }
    return key;
  };
  return {
    kids,
    current: () => load(kids[0]!),
    async jwks() {
      const keys = await Promise.all(kids.map(load));
      return { keys: keys.map((k) => k.jwk) };
    },
  };
}
