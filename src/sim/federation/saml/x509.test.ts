// CorpAD's self-signed certificate is a real X.509 v3 certificate: OpenSSL (Node's X509Certificate) and pkijs (inside
// xmldsigjs) parse it, its self-signature verifies, and the public key inside is the signing key's.
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as xmldsig from 'xmldsigjs';
import { toBase64 } from '../../../lib/encoding';
import { createRandom } from '../../core/random';
import { createClock } from '../../core/clock';
import { createCorpAdKeys } from './corp-ad-keys';
import { readCertificate } from './x509';

const T = Date.UTC(2026, 0, 1, 12, 0, 0, 789);
const pem = (der: Uint8Array) => `-----BEGIN CERTIFICATE-----\n${toBase64(der).replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;

describe("CorpAD's token-signing certificate", async () => {
  const clock = createClock(T);
  const keyOf = createCorpAdKeys(clock, createRandom(7));
  const key = await keyOf();

  it('is made once per simulator, when first needed', async () => {
    expect(await keyOf()).toBe(key);
  });

  it('parses with OpenSSL as a self-signed v3 certificate whose signature verifies with its own key', () => {
    const cert = new X509Certificate(pem(key.certificate));
    expect(cert.subject).toBe('O=CorpAD\nCN=ADFS Signing - adfs.corp.example');
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(new Date(cert.validFrom).getTime()).toBe(Date.UTC(2026, 0, 1, 12, 0, 0));
    expect(new Date(cert.validTo).getTime()).toBe(Date.UTC(2027, 0, 1, 12, 0, 0));
    expect(cert.serialNumber).toMatch(/^[0-9A-F]{32}$/);
    expect(cert.ca).toBe(false);
  });

  it('carries the signing key: what the private key signs verifies with the certificate\'s public key', async () => {
    const data = new TextEncoder().encode('signed by CorpAD');
    const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key.privateKey, data);
    const info = readCertificate(key.certificate)!;
    const fromCert = await crypto.subtle.importKey('spki', info.spki as Uint8Array<ArrayBuffer>, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', fromCert, signature, data)).toBe(true);
    expect(info).toMatchObject({ notBefore: Date.UTC(2026, 0, 1, 12, 0, 0), notAfter: Date.UTC(2027, 0, 1, 12, 0, 0) });
  });

  it('parses with pkijs (through xmldsigjs) with the same subject and public key', async () => {
    const cert = new xmldsig.X509Certificate(key.certificate as Uint8Array<ArrayBuffer>);
    expect(cert.Subject).toContain('CN=ADFS Signing - adfs.corp.example');
    const exported = await crypto.subtle.exportKey('spki', key.publicKey);
    xmldsig.Application.setEngine('WebCrypto', { subtle: crypto.subtle, getRandomValues: crypto.getRandomValues.bind(crypto) } as unknown as Crypto);
    const viaPkijs = await cert.exportKey({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as RsaHashedImportParams);
    expect(toBase64(new Uint8Array(await crypto.subtle.exportKey('spki', viaPkijs)))).toBe(toBase64(new Uint8Array(exported)));
  });

  it('declares keyUsage digitalSignature as a critical extension', () => {
    // OID 2.5.29.15, critical TRUE, OCTET STRING { BIT STRING 07 80 }
    const hex = Buffer.from(key.certificate).toString('hex');
    expect(hex).toContain('0603551d0f0101ff040403020780');
  });

  it('is refused by the reader when it is not DER', () => {
    expect(readCertificate(Uint8Array.of(1, 2, 3))).toBeUndefined();
    expect(readCertificate(key.certificate.subarray(0, 100))).toBeUndefined();
  });
});
