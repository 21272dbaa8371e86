// CorpAD's token-signing key: RSA-2048 with its self-signed certificate, one per simulator, made the first time it
// is needed (key generation takes ~0.1 s; the first paint must not wait for it). The serial number comes from the
// seed; the key material from WebCrypto, which cannot be seeded. Like AD FS's auto-generated token-signing
// certificate it is valid for one year from when it was made [P AD FS AutoCertificateRollover default].
import type { Clock } from '../../core/clock';
import type { Random } from '../../core/random';
import { CORP_AD_HOST } from './corp-ad-directory';
import { generateSigningKeyPair } from './xml-dsig';
import { createSelfSignedCertificate } from './x509';

export interface SigningKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** DER. */
  certificate: Uint8Array;
  notBefore: number;
  notAfter: number;
}

const YEAR = 365 * 24 * 60 * 60 * 1000;

export function createCorpAdKeys(clock: Clock, random: Random): () => Promise<SigningKey> {
  const serialNumber = random.bytes(16);
  serialNumber[0] = (serialNumber[0]! & 0x7f) | 0x01; // positive and 16 octets long
  let key: Promise<SigningKey> | undefined;
  return () =>
    (key ??= (async () => {
      const keyPair = await generateSigningKeyPair();
      // Certificates carry whole seconds.
      const notBefore = Math.floor(clock.now() / 1000) * 1000;
      const notAfter = notBefore + YEAR;
      const certificate = await createSelfSignedCertificate({ commonName: `ADFS Signing - ${CORP_AD_HOST}`, organization: 'CorpAD', serialNumber, notBefore, notAfter, keyPair });
      return { privateKey: keyPair.privateKey, publicKey: keyPair.publicKey, certificate, notBefore, notAfter };
    })());
}
