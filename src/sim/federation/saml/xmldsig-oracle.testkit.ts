// For tests only: an independent XML-DSig implementation (PeculiarVentures' xmldsigjs on @xmldom/xmldom, in
// Node) to check that what the simulator signs verifies elsewhere, and that what another implementation signs
// verifies in the simulator. xml-core (xmldsigjs's XML layer) uses the browser's DOMParser when one exists and
// needs setNodeDependencies in Node; that is why the simulator itself does not use it (see c14n.ts).
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import * as xmldsig from 'xmldsigjs';
import { setNodeDependencies } from 'xml-core';
import xpath from 'xpath';
import { fromBase64 } from '../../../lib/encoding';

let ready = false;
function setUp(): void {
  if (ready) return;
  setNodeDependencies({ DOMParser, XMLSerializer, xpath });
  // A wrapper, so xmldsigjs's setEngine does not write a `name` onto the global crypto object.
  xmldsig.Application.setEngine('WebCrypto', { subtle: crypto.subtle, getRandomValues: crypto.getRandomValues.bind(crypto) } as unknown as Crypto);
  ready = true;
}

/** The signatures xmldsigjs finds under the element with this local name, verified with `key`. */
export async function xmldsigjsVerify(xml: string, signedLocalName: string, key: CryptoKey): Promise<boolean> {
  setUp();
  const doc = xmldsig.Parse(xml);
  const signed = [...(doc.getElementsByTagNameNS('*', signedLocalName) as unknown as Iterable<Element>)];
  if (signed.length !== 1) throw new Error(`expected one ${signedLocalName}, found ${signed.length}`);
  const signatures = [...(signed[0]!.childNodes as unknown as Iterable<Element>)].filter((n) => n.localName === 'Signature');
  if (signatures.length !== 1) throw new Error(`expected one Signature in ${signedLocalName}, found ${signatures.length}`);
  const verifier = new xmldsig.SignedXml(doc as unknown as globalThis.Document);
  verifier.LoadXml(signatures[0] as unknown as globalThis.Element);
  return verifier.Verify(key);
}

/** The public key of the first X509Certificate in a metadata document (as a relying party would read it). */
export async function keyFromMetadata(metadataXml: string): Promise<CryptoKey> {
  setUp();
  const doc = xmldsig.Parse(metadataXml);
  const cert = doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'X509Certificate').item(0);
  if (!cert?.textContent) throw new Error('no X509Certificate in the metadata');
  const x509 = new xmldsig.X509Certificate(fromBase64(cert.textContent.replace(/\s+/g, '')) as Uint8Array<ArrayBuffer>);
  return x509.exportKey({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as Algorithm);
}

/**
 * xmldsigjs's own enveloped signature over the element with `id`, moved into that element after its first child
 * (the Issuer), with exclusive C14N for SignedInfo: the SAML layout, made by another implementation.
 */
export async function xmldsigjsSign(xml: string, id: string, privateKey: CryptoKey): Promise<string> {
  setUp();
  const doc = xmldsig.Parse(xml);
  const signer = new xmldsig.SignedXml();
  signer.XmlSignature.SignedInfo.CanonicalizationMethod.Algorithm = 'http://www.w3.org/2001/10/xml-exc-c14n#';
  const target = [...(doc.getElementsByTagNameNS('*', '*') as unknown as Iterable<Element>)].find((e) => e.getAttribute('ID') === id);
  if (!target) throw new Error(`no element with ID ${id}`);
  const signature = await signer.Sign({ name: 'RSASSA-PKCS1-v1_5' }, privateKey, doc, {
    references: [{ uri: `#${id}`, hash: 'SHA-256', transforms: ['enveloped', 'exc-c14n'] }],
  });
  const node = signature.GetXml() as unknown as Element;
  const imported = (target.ownerDocument as unknown as { importNode(n: Element, deep: boolean): Element }).importNode(node, true);
  target.insertBefore(imported, target.firstChild?.nextSibling ?? null);
  return new XMLSerializer().serializeToString(doc as unknown as Element);
}
