// Raw DEFLATE (RFC 1951) through the web platform's CompressionStream and DecompressionStream ('deflate-raw'), the
// same in browsers and Node 20. Inflating untrusted input is capped: a few hundred bytes can inflate to gigabytes
// (a "zip bomb"), so decompression stops and fails as soon as the output passes the limit.

export class InflateError extends Error {
  override readonly name = 'InflateError';
  constructor(
    readonly reason: 'too-large' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, maxBytes: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Errors surface on the reading side; the writer's own promises are only awaited to keep them from being unhandled.
  const written = writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close()).catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        await writer.abort().catch(() => {});
        throw new InflateError('too-large', `it inflates to more than ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof InflateError) throw error;
    throw new InflateError('corrupt', error instanceof Error ? error.message : String(error));
  }
  await written;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

export function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
}

/** Inflates at most `maxBytes` of output; throws InflateError ('too-large' or 'corrupt', e.g. truncated input). */
export function inflateRaw(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  return pipe(bytes, new DecompressionStream('deflate-raw'), maxBytes);
}
