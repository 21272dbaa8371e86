// Exclusive XML Canonicalization 1.0 without comments (http://www.w3.org/2001/10/xml-exc-c14n#), the transform
// and canonicalization method SAML signatures use. A signature covers bytes, and the same XML can be written many
// ways (attribute order, quotes, namespace declarations, empty-element tags), so signer and verifier both reduce
// the element to one canonical byte string first. "Exclusive" means a namespace is written only where an element
// or attribute of the output visibly uses it, so an assertion keeps its signature when it is moved into another
// document (which is exactly what SAML does with assertions).
// The subtree is taken from the data model (element and attribute namespace URIs), never from xmlns attributes.
// InclusiveNamespaces PrefixList is not supported: CorpAD does not use it and the verifier refuses it.
import type { Attr, Element, Node } from '@xmldom/xmldom';
import { NODE } from './xml';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

const escapeText = (text: string): string => text.replace(/[&<>\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' })[c]!);

const escapeAttribute = (value: string): string =>
  value.replace(/[&<"\t\n\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' })[c]!);

const isNamespaceDeclaration = (attr: Attr): boolean => attr.namespaceURI === XMLNS_NS || attr.name === 'xmlns' || attr.name.startsWith('xmlns:');

function compareStrings(a: string, b: string): number {
  // Canonical XML orders by code points of the strings, which for these ASCII names equals UTF-16 order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The canonical form of `element` and its descendants, leaving out `exclude` (the enveloped-signature transform
 * removes the Signature element that contains the reference being checked).
 */
export function excC14n(element: Element, exclude?: Node): string {
  const out: string[] = [];
  // prefix ('' for the default namespace) → URI, as rendered by the output ancestors.
  const render = (node: Node, rendered: ReadonlyMap<string, string>): void => {
    if (node === exclude) return;
    switch (node.nodeType) {
      case NODE.TEXT:
      case NODE.CDATA:
        out.push(escapeText((node as unknown as { data: string }).data));
        return;
      case NODE.PROCESSING_INSTRUCTION: {
        const pi = node as unknown as { target: string; data: string };
        out.push(`<?${pi.target}${pi.data ? ` ${pi.data}` : ''}?>`);
        return;
      }
      case NODE.ELEMENT:
        renderElement(node as Element, rendered);
        return;
      default:
        return; // comments (this is the without-comments variant) and anything else
    }
  };

  const renderElement = (el: Element, rendered: ReadonlyMap<string, string>): void => {
    const attrs: Attr[] = [];
    for (let i = 0; i < el.attributes.length; i++) {
      const attr = el.attributes.item(i)!;
      if (!isNamespaceDeclaration(attr)) attrs.push(attr);
    }
    // Namespaces visibly utilized here: the element's own prefix (or the default namespace) and its attributes' prefixes.
    const utilized = new Map<string, string>();
    utilized.set(el.prefix ?? '', el.namespaceURI ?? '');
    for (const attr of attrs) if (attr.prefix && attr.namespaceURI !== XML_NS) utilized.set(attr.prefix, attr.namespaceURI ?? '');
    const next = new Map(rendered);
    const declarations: [string, string][] = [];
    for (const [prefix, uri] of utilized) {
      const inEffect = rendered.get(prefix) ?? '';
      if (prefix === '' ? inEffect !== uri : rendered.get(prefix) !== uri) {
        declarations.push([prefix, uri]);
        next.set(prefix, uri);
      }
    }
    declarations.sort(([a], [b]) => compareStrings(a, b));
    attrs.sort((a, b) => compareStrings(a.namespaceURI ?? '', b.namespaceURI ?? '') || compareStrings(a.localName ?? a.name, b.localName ?? b.name));
    const qname = el.tagName;
    out.push(`<${qname}`);
    for (const [prefix, uri] of declarations) out.push(prefix ? ` xmlns:${prefix}="${escapeAttribute(uri)}"` : ` xmlns="${escapeAttribute(uri)}"`);
    for (const attr of attrs) out.push(` ${attr.name}="${escapeAttribute(attr.value)}"`);
    out.push('>');
    for (let child = el.firstChild; child; child = child.nextSibling) render(child, next);
    out.push(`</${qname}>`);
  };

  render(element, new Map());
  return out.join('');
}
