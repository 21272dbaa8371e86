// SAML's two browser bindings (saml-bindings-2.0-os): HTTP-Redirect carries a request in the query string as
// SAMLRequest = base64(DEFLATE(xml)) (raw DEFLATE, RFC 1951, no zlib header) plus RelayState; HTTP-POST carries
// a response in an auto-submitting HTML form as SAMLResponse = base64(xml) plus RelayState. Compression uses the
// platform's CompressionStream('deflate-raw'), present in Node 20 and in browsers.
import { fromBase64, toBase64, utf8 } from '../../../lib/encoding';

async function pipe(bytes: Uint8Array, transform: { readable: ReadableStream<Uint8Array>; writable: WritableStream<BufferSource> }, maxBytes: number): Promise<Uint8Array> {
  const writer = transform.writable.getWriter();
  // Write and close without awaiting: the readable side is drained below, and errors surface there.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new RangeError(`more than ${maxBytes} bytes after decompression`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** HTTP-Redirect encoding of a SAML message: base64 of its raw DEFLATE (the caller URL-encodes it). */
export async function deflateAndEncode(xml: string): Promise<string> {
  return toBase64(await pipe(utf8.encode(xml), new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY));
}

/** The XML of an HTTP-Redirect SAMLRequest, or undefined when it is not base64 of raw DEFLATE of UTF-8 text. */
export async function decodeAndInflate(encoded: string, maxBytes = 100_000): Promise<string | undefined> {
  try {
    const bytes = fromBase64(encoded.replace(/\s+/g, ''));
    return new TextDecoder('utf-8', { fatal: true }).decode(await pipe(bytes, new DecompressionStream('deflate-raw'), maxBytes));
  } catch {
    return undefined;
  }
}

/** HTTP-POST encoding: plain base64 of the UTF-8 XML. */
export const encodePost = (xml: string): string => toBase64(utf8.encode(xml));

/** The XML of an HTTP-POST SAMLResponse, or undefined when it is not base64 of UTF-8 text. */
export function decodePost(encoded: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(fromBase64(encoded.replace(/\s+/g, '')));
  } catch {
    return undefined;
  }
}
