// XML for SAML on @xmldom/xmldom, never the browser's DOM: the simulator must parse, canonicalize and sign the
// same way in Node and in a browser tab. Parsing is strict (any parser error, a DOCTYPE or an entity declaration
// refuses the document: SAML forbids DTDs, and refusing them shuts out entity-expansion attacks).
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';

export const NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
} as const;

export const NODE = { ELEMENT: 1, ATTRIBUTE: 2, TEXT: 3, CDATA: 4, PROCESSING_INSTRUCTION: 7, COMMENT: 8, DOCUMENT: 9, DOCUMENT_TYPE: 10 } as const;

export type XmlParse = { ok: true; doc: Document; root: Element } | { ok: false; reason: string };

export function parseXml(text: string): XmlParse {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { ok: false, reason: 'the document has a DOCTYPE, which SAML messages must not have' };
  const problems: string[] = [];
  let doc: Document;
  try {
    doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && problems.push(message)) }).parseFromString(text, 'application/xml');
  } catch (error) {
    return { ok: false, reason: `the document is not well-formed XML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
  if (problems.length > 0) return { ok: false, reason: `the document is not well-formed XML (${problems[0]!.split('\n')[0]})` };
  const root = doc.documentElement;
  if (!root) return { ok: false, reason: 'the document has no root element' };
  return { ok: true, doc, root };
}

export const serializeXml = (node: Node): string => new XMLSerializer().serializeToString(node);

export const isElement = (node: Node | null | undefined): node is Element => node?.nodeType === NODE.ELEMENT;

export const is = (node: Node | null | undefined, ns: string, localName: string): node is Element =>
  isElement(node) && node.namespaceURI === ns && node.localName === localName;

/** The element children of a node, in document order. */
export function childElements(node: Node): Element[] {
  const out: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (isElement(child)) out.push(child);
  return out;
}

export const childrenNamed = (node: Node, ns: string, localName: string): Element[] => childElements(node).filter((e) => is(e, ns, localName));

export const firstChild = (node: Node, ns: string, localName: string): Element | undefined => childrenNamed(node, ns, localName)[0];

/** Every element under `node` (itself included) with that name, however deep. */
export function descendantsNamed(node: Node, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    if (is(n, ns, localName)) out.push(n);
    for (const child of childElements(n)) walk(child);
  };
  walk(node);
  return out;
}

/** Every element under `node` (itself included) that carries this value in an ID, Id or id attribute. */
export function elementsWithId(node: Node, id: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    if (isElement(n) && ['ID', 'Id', 'id'].some((name) => n.getAttribute(name) === id)) out.push(n);
    for (const child of childElements(n)) walk(child);
  };
  walk(node);
  return out;
}

/** The text content of an element, trimmed (NameID, Issuer, AttributeValue…). */
export const textOf = (element: Element | undefined): string => (element?.textContent ?? '').trim();

/** Escaping for XML text and double-quoted attribute values built as strings. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** SAML's xs:dateTime in UTC with milliseconds, as AD FS writes it: 2026-01-01T12:00:00.000Z. */
export const samlTime = (epochMs: number): string => new Date(epochMs).toISOString();

/** An xs:dateTime in UTC (Z or +00:00, with or without fractions) as epoch ms, or undefined. */
export function parseSamlTime(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}
