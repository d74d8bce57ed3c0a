/**
 * Where an extract reads its source: a PMTiles archive over HTTP byte ranges (a `pmtiles` Source with
 * errors that name the server and what it did), a local archive file, or a `{z}/{x}/{y}` tile template.
 * Every read has a timeout; a server that answers a range with the whole file is refused before the
 * whole file is read.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { RangeResponse, Source } from 'pmtiles';

export class ExtractError extends Error {}

/** How long a read may wait for an answer (EXTRACT_TIMEOUT_MS, read when asked). */
export const readTimeoutMs = () => Number(process.env.EXTRACT_TIMEOUT_MS ?? 30_000);

async function get(url: string, headers: Record<string, string>, signal?: AbortSignal): Promise<Response> {
  const ms = readTimeoutMs();
  const timeout = AbortSignal.timeout(ms);
  try {
    return await fetch(url, { headers, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
  } catch (e) {
    if (timeout.aborted) throw new ExtractError(`${url}: no answer within ${ms / 1000} s`);
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new ExtractError(`${url}: ${cause?.code ?? cause?.message ?? (e as Error).message}`);
  }
}

async function body(url: string, r: Response): Promise<ArrayBuffer> {
  try {
    return await r.arrayBuffer();
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    throw new ExtractError(`${url}: the connection dropped while reading (${cause?.code ?? (e as Error).message})`);
  }
}

/** A PMTiles archive on a web server that serves byte ranges. */
export class HttpRangeSource implements Source {
  constructor(readonly url: string) {}
  getKey(): string {
    return this.url;
  }
  async getBytes(offset: number, length: number, signal?: AbortSignal): Promise<RangeResponse> {
    const r = await get(this.url, { range: `bytes=${offset}-${offset + length - 1}` }, signal);
    if (r.status === 200) {
      const size = Number(r.headers.get('content-length') ?? Number.NaN);
      if (!(size <= length)) {
        await r.body?.cancel();
        throw new ExtractError(
          `${this.url}: the server sent the whole file (HTTP 200${Number.isFinite(size) ? `, ${size} bytes` : ''}) for a byte range — it does not serve ranges, and an extract reads only the tiles it needs. Serve the archive from a server that does (nginx, Apache, S3, a CDN), or download it and pass the file's path.`,
        );
      }
    } else if (r.status !== 206) {
      await r.body?.cancel();
      throw new ExtractError(`${this.url}: HTTP ${r.status} ${r.statusText}`.trim());
    }
    const encoding = r.headers.get('content-encoding');
    if (encoding && encoding !== 'identity') {
      await r.body?.cancel();
      throw new ExtractError(`${this.url}: the server compressed the range (Content-Encoding: ${encoding}); byte offsets no longer match`);
    }
    const data = await body(this.url, r);
    if (data.byteLength < Math.min(length, 1)) throw new ExtractError(`${this.url}: an empty answer at byte ${offset}`);
    return { data, etag: r.headers.get('etag') ?? undefined };
  }
}

/** A PMTiles archive on this machine. */
export class FileRangeSource implements Source {
  private readonly fd: number;
  readonly size: number;
  constructor(readonly path: string) {
    try {
      this.fd = openSync(path, 'r');
    } catch (e) {
      throw new ExtractError(`${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    this.size = fstatSync(this.fd).size;
  }
  getKey(): string {
    return this.path;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const buf = Buffer.alloc(Math.max(0, Math.min(length, this.size - offset)));
    readSync(this.fd, buf, 0, buf.length, offset);
    return { data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length) as ArrayBuffer };
  }
  close(): void {
    closeSync(this.fd);
  }
}

/** One tile from a `{z}/{x}/{y}` template: its bytes, or null where the server has none (404/204). */
export async function templateTile(template: string, z: number, x: number, y: number): Promise<Uint8Array | null> {
  const url = template
    .replace('{z}', String(z))
    .replace('{x}', String(x))
    .replace('{y}', String(y))
    .replace('{-y}', String(2 ** z - 1 - y));
  const r = await get(url, {});
  if (r.status === 404 || r.status === 204) {
    await r.body?.cancel();
    return null;
  }
  if (!r.ok) {
    await r.body?.cancel();
    throw new ExtractError(`${url}: HTTP ${r.status} ${r.statusText}`.trim());
  }
  return new Uint8Array(await body(url, r));
}
