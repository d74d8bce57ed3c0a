/**
 * A PMTiles v3 archive writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): the one
 * part of the tiler no well-kept JavaScript library covers (the `pmtiles` package reads archives; its
 * tile ids and header layout are what this writes). Tiles are added in tile-id order and their bytes
 * go straight to a temporary file, so memory holds only the directory entries; identical tiles are
 * stored once (a run of them is one entry). `finish` writes header, root directory, metadata, leaf
 * directories and tile data to a second temporary file and renames it into place: the output name
 * never holds a half-written archive.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';

export const HEADER_BYTES = 127;
/** The header and the root directory must fit in the first 16 KiB (one request reads both). */
export const ROOT_BYTES = 16_384;

export interface Entry {
  tileId: number;
  offset: number;
  length: number;
  /** Tiles from tileId on with the same content; 0 marks a leaf directory. */
  runLength: number;
}

export interface ArchiveHeader {
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  center: [number, number, number];
  /** 1 = MVT, 2 = PNG, 3 = JPEG, 4 = WebP. */
  tileType: number;
  /** How the tiles' bytes are stored: 2 = gzip (vector tiles, the default), 1 = as they are (images). */
  tileCompression?: 1 | 2;
}

function pushVarint(out: number[], n: number): void {
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** A directory, as the spec lays it out: ids as deltas, then run lengths, lengths, offsets (0 = follows the previous). */
export function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  pushVarint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    pushVarint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) pushVarint(out, e.runLength);
  for (const e of entries) pushVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    pushVarint(out, i > 0 && prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

const gzip = (b: Uint8Array) => new Uint8Array(gzipSync(b));

/**
 * Root and leaf directories: all entries in the root when it fits beside the header, else leaves of
 * a size grown until the root of their first ids fits (as go-pmtiles does).
 */
export function buildDirectories(entries: readonly Entry[]): { root: Uint8Array; leaves: Uint8Array; leafCount: number } {
  const whole = gzip(serializeDirectory(entries));
  if (whole.byteLength <= ROOT_BYTES - HEADER_BYTES) return { root: whole, leaves: new Uint8Array(0), leafCount: 0 };
  let leafSize = Math.max(4096, Math.ceil(entries.length / 3500));
  for (;;) {
    const rootEntries: Entry[] = [];
    const parts: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const chunk = entries.slice(i, i + leafSize);
      const leaf = gzip(serializeDirectory(chunk));
      rootEntries.push({ tileId: (chunk[0] as Entry).tileId, offset, length: leaf.byteLength, runLength: 0 });
      parts.push(leaf);
      offset += leaf.byteLength;
    }
    const root = gzip(serializeDirectory(rootEntries));
    if (root.byteLength <= ROOT_BYTES - HEADER_BYTES) return { root, leaves: Buffer.concat(parts), leafCount: parts.length };
    leafSize = Math.ceil(leafSize * 1.2);
  }
}

export function serializeHeader(
  h: ArchiveHeader & {
    rootOffset: number;
    rootLength: number;
    metadataOffset: number;
    metadataLength: number;
    leafOffset: number;
    leafLength: number;
    dataOffset: number;
    dataLength: number;
    addressed: number;
    entries: number;
    contents: number;
  },
): Uint8Array {
  const b = new Uint8Array(HEADER_BYTES);
  b.set(new TextEncoder().encode('PMTiles'), 0);
  const v = new DataView(b.buffer);
  v.setUint8(7, 3);
  const u64 = (at: number, n: number) => v.setBigUint64(at, BigInt(n), true);
  u64(8, h.rootOffset);
  u64(16, h.rootLength);
  u64(24, h.metadataOffset);
  u64(32, h.metadataLength);
  u64(40, h.leafOffset);
  u64(48, h.leafLength);
  u64(56, h.dataOffset);
  u64(64, h.dataLength);
  u64(72, h.addressed);
  u64(80, h.entries);
  u64(88, h.contents);
  v.setUint8(96, 1); // clustered: tiles in tile-id order
  v.setUint8(97, 2); // directories and metadata gzipped
  v.setUint8(98, h.tileCompression ?? 2); // tiles gzipped (vector) or stored as they are (images)
  v.setUint8(99, h.tileType);
  v.setUint8(100, h.minZoom);
  v.setUint8(101, h.maxZoom);
  const e7 = (at: number, deg: number) => v.setInt32(at, Math.round(deg * 1e7), true);
  e7(102, h.bounds[0]);
  e7(106, h.bounds[1]);
  e7(110, h.bounds[2]);
  e7(114, h.bounds[3]);
  v.setUint8(118, h.center[2]);
  e7(119, h.center[0]);
  e7(123, h.center[1]);
  return b;
}

export class ArchiveWriter {
  private readonly entries: Entry[] = [];
  private readonly byHash = new Map<string, { offset: number; length: number }>();
  private readonly dataPath: string;
  private fd: number;
  private dataLength = 0;
  private lastId = -1;
  private lastHash = '';
  addressed = 0;

  /** `outPath`: where the archive goes once finished; temporary files sit beside it. */
  constructor(private readonly outPath: string) {
    this.dataPath = `${outPath}.tiles-${process.pid}.tmp`;
    this.fd = openSync(this.dataPath, 'w');
  }

  /** Adds a tile's bytes (already gzipped, or an image as it is). Tile ids must rise. */
  addTile(tileId: number, gzipped: Uint8Array): void {
    if (tileId <= this.lastId) throw new Error(`pmtiles-writer: tile ${tileId} after ${this.lastId} (ids must rise)`);
    const hash = createHash('sha1').update(gzipped).digest('hex');
    this.addressed++;
    const prev = this.entries.at(-1);
    if (prev && hash === this.lastHash && tileId === prev.tileId + prev.runLength) {
      prev.runLength++;
    } else {
      const seen = this.byHash.get(hash);
      let at = seen;
      if (!at) {
        writeSync(this.fd, gzipped);
        at = { offset: this.dataLength, length: gzipped.byteLength };
        this.dataLength += gzipped.byteLength;
        this.byHash.set(hash, at);
      }
      this.entries.push({ tileId, offset: at.offset, length: at.length, runLength: 1 });
    }
    this.lastId = tileId;
    this.lastHash = hash;
  }

  get tileBytes(): number {
    return this.dataLength;
  }

  /** Writes the archive under the output name; returns its size in bytes. */
  async finish(header: ArchiveHeader, metadata: object): Promise<number> {
    closeSync(this.fd);
    this.fd = -1;
    const { root, leaves } = buildDirectories(this.entries);
    const meta = gzip(new TextEncoder().encode(JSON.stringify(metadata)));
    const rootOffset = HEADER_BYTES;
    const metadataOffset = rootOffset + root.byteLength;
    const leafOffset = metadataOffset + meta.byteLength;
    const dataOffset = leafOffset + leaves.byteLength;
    const head = serializeHeader({
      ...header,
      rootOffset,
      rootLength: root.byteLength,
      metadataOffset,
      metadataLength: meta.byteLength,
      leafOffset,
      leafLength: leaves.byteLength,
      dataOffset,
      dataLength: this.dataLength,
      addressed: this.addressed,
      entries: this.entries.length,
      contents: this.byHash.size,
    });
    const partPath = `${this.outPath}.part-${process.pid}.tmp`;
    try {
      const out = createWriteStream(partPath);
      for (const part of [head, root, meta, leaves]) out.write(part);
      await pipeline(createReadStream(this.dataPath), out);
      renameSync(partPath, this.outPath);
    } finally {
      rmSync(partPath, { force: true });
      rmSync(this.dataPath, { force: true });
    }
    return dataOffset + this.dataLength;
  }

  /** Gives up: removes the temporary files; the output name is left as it was. */
  abort(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    rmSync(this.dataPath, { force: true });
  }
}
