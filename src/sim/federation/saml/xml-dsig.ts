// XML Signature (xmldsig-core1) as SAML uses it: an enveloped signature inside the signed element, one Reference to
// that element's ID, the transforms enveloped-signature then exc-c14n, SHA-256 digest, RSA-SHA256 signature
// (RSASSA-PKCS1-v1_5). Signing and verifying run on WebCrypto and @xmldom/xmldom only, in Node and in browsers.
//
// The verifier is deliberately narrow, the way careful SAML service providers are: it accepts only this profile,
// checks the one Reference points at the element that holds the signature (so a signature cannot vouch for some
// other element while the reader looks at this one: XML signature wrapping), and uses only the key it was given
// (the certificate pinned from the IdP's metadata), never a key or certificate carried in the message's KeyInfo.
// Why not xmldsigjs here: its XML layer (xml-core) takes the page's DOMParser, XMLSerializer and document.evaluate
// whenever they exist (setNodeDependencies only applies where they do not), so in a browser it cannot work on
// @xmldom/xmldom documents and the simulator would depend on the DOM; with pkijs it would also add ~110 KB (gzip).
// Tests use it as the independent implementation to check this one against, both ways (xml-dsig.test.ts).
import type { Document, Element } from '@xmldom/xmldom';
import { fromBase64, toBase64, utf8 } from '../../../lib/encoding';
import { excC14n } from './c14n';
import { childElements, childrenNamed, elementsWithId, firstChild, is, NS, textOf } from './xml';

export const ALGORITHMS = {
  excC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  enveloped: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
} as const;

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

const sha256 = async (text: string): Promise<Uint8Array> => new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(text) as Uint8Array<ArrayBuffer>));

function dsElement(doc: Document, localName: string, attributes: Record<string, string> = {}, text?: string): Element {
  const el = doc.createElementNS(NS.dsig, `ds:${localName}`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (text !== undefined) el.appendChild(doc.createTextNode(text));
  return el;
}

/**
 * Signs `target` in place: computes the digest of its canonical form, inserts a ds:Signature as its child right
 * after `insertAfter` (SAML's schema puts it after the Issuer), and signs the canonical SignedInfo.
 */
export async function signEnveloped(target: Element, options: { id: string; privateKey: CryptoKey; certificate: Uint8Array; insertAfter?: Element }): Promise<void> {
  const doc = target.ownerDocument!;
  const digest = await sha256(excC14n(target));

  const signature = dsElement(doc, 'Signature');
  const signedInfo = dsElement(doc, 'SignedInfo');
  signedInfo.appendChild(dsElement(doc, 'CanonicalizationMethod', { Algorithm: ALGORITHMS.excC14n }));
  signedInfo.appendChild(dsElement(doc, 'SignatureMethod', { Algorithm: ALGORITHMS.rsaSha256 }));
  const reference = dsElement(doc, 'Reference', { URI: `#${options.id}` });
  const transforms = dsElement(doc, 'Transforms');
  transforms.appendChild(dsElement(doc, 'Transform', { Algorithm: ALGORITHMS.enveloped }));
  transforms.appendChild(dsElement(doc, 'Transform', { Algorithm: ALGORITHMS.excC14n }));
  reference.appendChild(transforms);
  reference.appendChild(dsElement(doc, 'DigestMethod', { Algorithm: ALGORITHMS.sha256 }));
  reference.appendChild(dsElement(doc, 'DigestValue', {}, toBase64(digest)));
  signedInfo.appendChild(reference);
  signature.appendChild(signedInfo);

  const after = options.insertAfter?.nextSibling ?? (options.insertAfter ? null : target.firstChild);
  target.insertBefore(signature, after);

  const value = new Uint8Array(await crypto.subtle.sign(RSA, options.privateKey, utf8.encode(excC14n(signedInfo)) as Uint8Array<ArrayBuffer>));
  signature.appendChild(dsElement(doc, 'SignatureValue', {}, toBase64(value)));
  const keyInfo = dsElement(doc, 'KeyInfo');
  const x509Data = dsElement(doc, 'X509Data');
  x509Data.appendChild(dsElement(doc, 'X509Certificate', {}, toBase64(options.certificate)));
  keyInfo.appendChild(x509Data);
  signature.appendChild(keyInfo);
}

export type SignatureCheck =
  | { outcome: 'valid'; signatureMethod: string; digestMethod: string }
  | { outcome: 'missing' }
  | { outcome: 'invalid'; reason: string; signatureMethod?: string; digestMethod?: string };

const invalid = (reason: string, methods: { signatureMethod?: string; digestMethod?: string } = {}): SignatureCheck => ({ outcome: 'invalid', reason, ...methods });

/**
 * Verifies the enveloped signature that is a direct child of `signed`, with the trusted keys only.
 * `root` is the whole message: the signed element's ID must be unique in it.
 */
export async function verifyEnveloped(signed: Element, root: Element, trustedKeys: readonly CryptoKey[]): Promise<SignatureCheck> {
  const signatures = childrenNamed(signed, NS.dsig, 'Signature');
  if (signatures.length === 0) return { outcome: 'missing' };
  if (signatures.length > 1) return invalid(`${signed.localName} carries ${signatures.length} signatures; exactly one is expected.`);
  const signature = signatures[0]!;
  const signedInfo = firstChild(signature, NS.dsig, 'SignedInfo');
  const signatureValue = firstChild(signature, NS.dsig, 'SignatureValue');
  if (!signedInfo || !signatureValue) return invalid('The signature has no SignedInfo or no SignatureValue.');
  const algorithm = (parent: Element, name: string) => firstChild(parent, NS.dsig, name)?.getAttribute('Algorithm') ?? '';
  const canonicalization = algorithm(signedInfo, 'CanonicalizationMethod');
  const signatureMethod = algorithm(signedInfo, 'SignatureMethod');
  const references = childrenNamed(signedInfo, NS.dsig, 'Reference');
  const reference = references[0];
  const digestMethod = reference ? algorithm(reference, 'DigestMethod') : '';
  const methods = { signatureMethod, digestMethod };
  if (canonicalization !== ALGORITHMS.excC14n) return invalid(`Canonicalization ${canonicalization || '(none)'} is not accepted; SAML signatures here use exclusive C14N.`, methods);
  if (signatureMethod !== ALGORITHMS.rsaSha256) return invalid(`Signature method ${signatureMethod || '(none)'} is not accepted; RSA-SHA256 is required.`, methods);
  if (references.length !== 1 || !reference) return invalid(`SignedInfo has ${references.length} references; exactly one, to the signed element, is expected.`, methods);
  if (digestMethod !== ALGORITHMS.sha256) return invalid(`Digest method ${digestMethod || '(none)'} is not accepted; SHA-256 is required.`, methods);

  // The Reference must point at the element that holds the signature, by an ID that is unique in the message.
  const id = signed.getAttribute('ID') ?? '';
  const uri = reference.getAttribute('URI') ?? '';
  if (!id || uri !== `#${id}`) return invalid(`The signature's Reference URI ${uri || '(empty)'} does not point at the ${signed.localName} that contains it (ID ${id || 'missing'}).`, methods);
  if (elementsWithId(root, id).length !== 1) return invalid(`The ID ${id} appears more than once in the message.`, methods);
  const transforms = firstChild(reference, NS.dsig, 'Transforms');
  const transformList = transforms ? childElements(transforms) : [];
  const expected = [ALGORITHMS.enveloped, ALGORITHMS.excC14n];
  const ok = transformList.length === expected.length && transformList.every((t, i) => is(t, NS.dsig, 'Transform') && t.getAttribute('Algorithm') === expected[i] && childElements(t).length === 0);
  if (!ok) return invalid('The Reference must use exactly the transforms enveloped-signature then exclusive C14N.', methods);

  let digestValue: Uint8Array;
  let value: Uint8Array;
  try {
    digestValue = fromBase64(textOf(firstChild(reference, NS.dsig, 'DigestValue')).replace(/\s+/g, ''));
    value = fromBase64(textOf(signatureValue).replace(/\s+/g, ''));
  } catch {
    return invalid('DigestValue or SignatureValue is not base64.', methods);
  }
  const digest = await sha256(excC14n(signed, signature));
  if (toBase64(digest) !== toBase64(digestValue)) return invalid(`The digest of the signed ${signed.localName} does not match its DigestValue: the content was changed after it was signed.`, methods);
  const signedBytes = utf8.encode(excC14n(signedInfo)) as Uint8Array<ArrayBuffer>;
  for (const key of trustedKeys) {
    if (await crypto.subtle.verify(RSA, key, value as Uint8Array<ArrayBuffer>, signedBytes)) return { outcome: 'valid', ...methods };
  }
  return invalid('The SignatureValue does not verify with the trusted signing certificate: it was made with another key, or SignedInfo was changed.', methods);
}

/** Imports a certificate's SubjectPublicKeyInfo as an RSA-SHA256 verification key. */
export const importVerifyKey = (spki: Uint8Array): Promise<CryptoKey> => crypto.subtle.importKey('spki', spki as Uint8Array<ArrayBuffer>, RSA, false, ['verify']);

export const generateSigningKeyPair = (): Promise<CryptoKeyPair> =>
  crypto.subtle.generateKey({ ...RSA, modulusLength: 2048, publicExponent: Uint8Array.of(1, 0, 1) }, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
