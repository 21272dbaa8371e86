// A real, minimal X.509 v3 certificate (RFC 5280) for CorpAD's token-signing key: self-signed with
// sha256WithRSAEncryption, as AD FS's own "ADFS Signing - {host}" certificate is. A SAML IdP publishes its
// certificate in its metadata; the service provider (here the user pool) pins it and checks signatures with the
// public key inside, so the certificate is how the trust is configured, not a chain to a CA.
// Built by hand on WebCrypto because no certificate library is part of the app bundle; tests check it with
// Node's X509Certificate and pkijs.
import { bitString, boolean, children, explicit, nullValue, octetString, oid, readTime, readTlv, sequence, set, smallInteger, TAG, time, unsignedInteger, utf8String } from './der';

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const COMMON_NAME = '2.5.4.3';
const ORGANIZATION = '2.5.4.10';
const KEY_USAGE = '2.5.29.15';

export interface CertificateRequest {
  /** The issuer and subject (self-signed): CN and O. */
  commonName: string;
  organization: string;
  /** Positive, at most 20 octets (RFC 5280 §4.1.2.2). */
  serialNumber: Uint8Array;
  notBefore: number;
  notAfter: number;
  /** RSASSA-PKCS1-v1_5 with SHA-256, extractable public key. */
  keyPair: CryptoKeyPair;
}

const name = (commonName: string, organization: string): Uint8Array =>
  sequence(set(sequence(oid(ORGANIZATION), utf8String(organization))), set(sequence(oid(COMMON_NAME), utf8String(commonName))));

const algorithm = (): Uint8Array => sequence(oid(SHA256_WITH_RSA), nullValue());

/** keyUsage, critical: digitalSignature only (the key signs tokens, nothing else). */
const keyUsage = (): Uint8Array => sequence(oid(KEY_USAGE), boolean(true), octetString(Uint8Array.of(TAG.BIT_STRING, 2, 7, 0x80)));

/** The DER bytes of a self-signed certificate for the key pair. */
export async function createSelfSignedCertificate(request: CertificateRequest): Promise<Uint8Array> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', request.keyPair.publicKey));
  const subject = name(request.commonName, request.organization);
  const tbs = sequence(
    explicit(0, smallInteger(2)), // v3
    unsignedInteger(request.serialNumber),
    algorithm(),
    subject, // issuer: itself
    sequence(time(request.notBefore), time(request.notAfter)),
    subject,
    spki,
    explicit(3, sequence(keyUsage())),
  );
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'RSASSA-PKCS1-v1_5' }, request.keyPair.privateKey, tbs as Uint8Array<ArrayBuffer>));
  return sequence(tbs, algorithm(), bitString(signature));
}

export interface CertificateInfo {
  /** SubjectPublicKeyInfo, for crypto.subtle.importKey('spki', …). */
  spki: Uint8Array;
  notBefore: number;
  notAfter: number;
}

/** The public key and validity of a DER certificate, or undefined when it is not one. */
export function readCertificate(der: Uint8Array): CertificateInfo | undefined {
  const cert = readTlv(der);
  if (!cert || cert.tag !== TAG.SEQUENCE || cert.whole.length !== der.length) return undefined;
  const [tbs] = children(cert.content) ?? [];
  if (!tbs || tbs.tag !== TAG.SEQUENCE) return undefined;
  const fields = children(tbs.content);
  if (!fields) return undefined;
  // [0] version is optional (absent means v1); then serial, signature, issuer, validity, subject, spki.
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const validity = rest[3];
  const spki = rest[5];
  if (!validity || validity.tag !== TAG.SEQUENCE || !spki || spki.tag !== TAG.SEQUENCE) return undefined;
  const [from, to] = children(validity.content) ?? [];
  const notBefore = from && readTime(from);
  const notAfter = to && readTime(to);
  if (notBefore === undefined || notAfter === undefined) return undefined;
  return { spki: spki.whole, notBefore, notAfter };
}
