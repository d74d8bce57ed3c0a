/**
 * Bytes through a compression stream (the browser's CompressionStream / DecompressionStream, also in
 * Node 20 and workers), stopping the moment the output passes a limit: a zip bomb or a tampered link
 * cannot blow up in memory. Used by the Shapefile importer's zip reader and by tour links.
 */

/** The output passed the limit; `bytes` is how far it had got when reading stopped. */
export class OverLimit extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`more than ${limit} bytes inflated`);
    this.name = 'OverLimit';
  }
}

export async function pipeBytes(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit = Number.POSITIVE_INFINITY,
): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel();
      throw new OverLimit(size, limit);
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
