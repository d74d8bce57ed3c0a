/**
 * Reading a zip without trusting it: the central directory is read first and every entry's declared
 * size (and their sum) held to the limit before anything is inflated; inflating stops the moment the
 * output passes the limit, so a directory that lies about sizes is caught too. Entry names are decoded
 * as the zip says (UTF-8 flag) or, without the flag, as UTF-8 where valid and GB18030 otherwise (zips
 * made on Chinese Windows). Pure and worker-safe: DecompressionStream is in browsers and Node 20.
 */
import { OverLimit, pipeBytes } from '../../lib/streamBytes';
import { ImportError } from './errors';

export interface ZipEntry {
  name: string;
  /** Sizes as the central directory declares them. */
  compressedSize: number;
  size: number;
  method: number;
  encrypted: boolean;
  /** Offset of the local header. */
  offset: number;
}

const u16 = (b: DataView, at: number) => b.getUint16(at, true);
const u32 = (b: DataView, at: number) => b.getUint32(at, true);
const u64 = (b: DataView, at: number) => b.getUint32(at, true) + b.getUint32(at + 4, true) * 2 ** 32;

const bad = (fileName: string, detail: string) => new ImportError({ code: 'bad-zip', file: fileName, detail });

function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder('utf-8').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The entries of a zip, from its central directory (ZIP64 included). */
export function zipDirectory(zip: Uint8Array, fileName: string): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.byteLength - 22; i >= Math.max(0, zip.byteLength - 22 - 0xffff); i--) {
    if (u32(view, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad(fileName, 'no central directory (the file is cut short or not a zip)');
  let count = u16(view, eocd + 10);
  let cdOffset = u32(view, eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && u32(view, eocd - 20) === 0x07064b50) {
    const z64 = u64(view, eocd - 12);
    if (z64 + 56 > zip.byteLength || u32(view, z64) !== 0x06064b50) throw bad(fileName, 'a broken ZIP64 directory');
    count = u64(view, z64 + 32);
    cdOffset = u64(view, z64 + 48);
  }
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.byteLength || u32(view, at) !== 0x02014b50) throw bad(fileName, `entry ${n + 1} of the directory is broken`);
    const flags = u16(view, at + 8);
    const nameLen = u16(view, at + 28);
    const extraLen = u16(view, at + 30);
    const commentLen = u16(view, at + 32);
    let compressedSize = u32(view, at + 20);
    let size = u32(view, at + 24);
    let offset = u32(view, at + 42);
    const name = decodeName(zip.subarray(at + 46, at + 46 + nameLen), (flags & 0x800) !== 0);
    // ZIP64 sizes live in an extra field, in this order, for the fields set to 0xFFFFFFFF.
    let e = at + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = u16(view, e);
      const len = u16(view, e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        if (size === 0xffffffff) {
          size = u64(view, p);
          p += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(view, p);
          p += 8;
        }
        if (offset === 0xffffffff) offset = u64(view, p);
      }
      e += 4 + len;
    }
    entries.push({ name, compressedSize, size, method: u16(view, at + 10), encrypted: (flags & 1) !== 0, offset });
    at = end + commentLen;
  }
  return entries;
}

/** Refuses, before inflating, an entry or a set of entries larger than the limit. */
export function checkSizes(entries: readonly ZipEntry[], fileName: string, limit: number): void {
  for (const e of entries)
    if (e.size > limit) throw new ImportError({ code: 'zip-too-large', file: fileName, entry: e.name, bytes: e.size, limit });
  const total = entries.reduce((s, e) => s + e.size, 0);
  if (total > limit) throw new ImportError({ code: 'zip-too-large', file: fileName, entry: null, bytes: total, limit });
}

/** Inflates raw deflate data, stopping as soon as the output passes `limit`. */
async function inflate(data: Uint8Array, limit: number, fileName: string, entry: string): Promise<Uint8Array> {
  try {
    return await pipeBytes(data, new DecompressionStream('deflate-raw'), limit);
  } catch (error) {
    if (error instanceof OverLimit)
      throw new ImportError({ code: 'zip-too-large', file: fileName, entry, bytes: error.bytes, limit, inflated: true });
    throw bad(fileName, `"${entry}" cannot be inflated (${String((error as Error)?.message ?? error).slice(0, 80)})`);
  }
}

/** The bytes of one entry; at most `limit` of them, however the directory declares its size. */
export async function readEntry(zip: Uint8Array, entry: ZipEntry, fileName: string, limit: number): Promise<Uint8Array> {
  if (entry.encrypted) throw new ImportError({ code: 'zip-encrypted', file: fileName, entry: entry.name });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (entry.offset + 30 > zip.byteLength || u32(view, entry.offset) !== 0x04034b50)
    throw bad(fileName, `"${entry.name}" has no local header`);
  const start = entry.offset + 30 + u16(view, entry.offset + 26) + u16(view, entry.offset + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (data.byteLength < entry.compressedSize) throw bad(fileName, `"${entry.name}" is cut short`);
  if (entry.method === 0) {
    if (data.byteLength > limit)
      throw new ImportError({ code: 'zip-too-large', file: fileName, entry: entry.name, bytes: data.byteLength, limit });
    return data;
  }
  if (entry.method === 8) return inflate(data, limit, fileName, entry.name);
  throw bad(fileName, `"${entry.name}" uses compression method ${entry.method}; only stored (0) and deflate (8) entries can be read`);
}
