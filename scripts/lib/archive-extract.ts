/**
 * Cuts the tiles of a few boxes out of a large archive (the Protomaps OpenStreetMap build, a terrain
 * archive or tile service) into a small PMTiles archive the app serves itself: `npm run basemap:extract`
 * and `npm run terrain:extract` (scripts/extract-archive.ts). Only the tiles inside the boxes are read,
 * by byte range. What has been read is kept in a journal beside the output (`<out>.extract/`), so a run
 * stopped by a dropped connection goes on where it stopped when started again; the archive is written
 * under its name only once whole (pmtiles-writer renames it into place).
 */
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Header, PMTiles, type Source, zxyToTileId } from 'pmtiles';
import { PROTOMAPS_LAYERS } from '../../src/basemap/protomapsSchema';
import { xOfLon, yOfLat } from '../../src/lib/webMercator';
import { ArchiveWriter } from './pmtiles-writer';
import { ExtractError, FileRangeSource, HttpRangeSource, templateTile } from './range-source';

export { ExtractError } from './range-source';

export type ExtractKind = 'basemap' | 'terrain';
/** [west, south, east, north] in degrees (WGS-84). */
export type Box = [number, number, number, number];
export type DemEncoding = 'terrarium' | 'mapbox';

export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';
/** Above this many tiles an extract asks for --yes (the size is estimated first). */
export const ASK_ABOVE_TILES = 60_000;
const TILE_TYPES: Record<number, string> = { 1: 'vector (MVT)', 2: 'PNG', 3: 'JPEG', 4: 'WebP', 5: 'AVIF', 6: 'MLT' };
/** Bytes a tile takes on average, for the estimate before reading (rural OpenStreetMap tiles are smaller). */
const TYPICAL_TILE_BYTES: Record<ExtractKind, number> = { basemap: 20_000, terrain: 60_000 };

export interface ExtractOptions {
  kind: ExtractKind;
  /** An http(s) URL or a path of a PMTiles archive; for terrain also a `{z}/{x}/{y}` URL template. */
  source: string;
  out: string;
  boxes: Box[];
  maxZoom: number;
  minZoom?: number;
  /** Go on above `askAbove` tiles. */
  yes?: boolean;
  /** Default ASK_ABOVE_TILES. */
  askAbove?: number;
  /** Terrain: how heights are coded in the tiles (from the archive's metadata when it says). */
  encoding?: DemEncoding;
  concurrency?: number;
  onProgress?: (p: { done: number; total: number; bytes: number }) => void;
  /** Told once, before reading: the plan (tiles, estimate, resumed). */
  onPlan?: (p: { tiles: number; estimateBytes: number; resumed: number; maxZoom: number; note: string | null }) => void;
}

export interface ExtractResult {
  out: string;
  /** Tiles asked for / found in the source. */
  planned: number;
  written: number;
  bytes: number;
  /** Tiles read in this run (the rest came from the journal of a stopped run). */
  fetched: number;
  resumed: number;
  maxZoom: number;
  ms: number;
  peakRssBytes: number;
}

const clampTile = (v: number, z: number) => Math.max(0, Math.min(2 ** z - 1, Math.floor(v)));

/** Checks the boxes: each named by its place in the list when wrong. */
export function checkBoxes(boxes: readonly Box[]): void {
  if (boxes.length === 0) throw new ExtractError('--bbox: no box given');
  boxes.forEach((b, i) => {
    const at = `--bbox ${i + 1} (${b.join(',')})`;
    if (b.length !== 4 || !b.every(Number.isFinite)) throw new ExtractError(`${at}: four numbers west,south,east,north`);
    const [w, s, e, n] = b;
    if (w < -180 || e > 180 || s < -85.06 || n > 85.06) throw new ExtractError(`${at}: outside longitude −180…180 / latitude −85…85`);
    if (w > e || s > n) throw new ExtractError(`${at}: inverted (west must be less than east, south less than north)`);
    if (w === e || s === n) throw new ExtractError(`${at}: empty (no width or no height)`);
  });
}

/** The tiles the boxes cover from minZoom to maxZoom: tile id → [z, x, y]. */
export function planZxy(boxes: readonly Box[], minZoom: number, maxZoom: number): Map<number, [number, number, number]> {
  const tiles = new Map<number, [number, number, number]>();
  for (let z = minZoom; z <= maxZoom; z++)
    for (const [w, s, e, n] of boxes)
      for (let x = clampTile(xOfLon(w, z), z); x <= clampTile(xOfLon(e, z), z); x++)
        for (let y = clampTile(yOfLat(n, z), z); y <= clampTile(yOfLat(s, z), z); y++) tiles.set(zxyToTileId(z, x, y), [z, x, y]);
  return tiles;
}

/** The tile ids the boxes cover, in rising order (the archive's order). */
export const planTiles = (boxes: readonly Box[], minZoom: number, maxZoom: number): number[] =>
  [...planZxy(boxes, minZoom, maxZoom).keys()].sort((a, b) => a - b);

const overlaps = (a: Box, b: Box) => a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
const union = (boxes: readonly Box[]): Box => [
  Math.min(...boxes.map((b) => b[0])),
  Math.min(...boxes.map((b) => b[1])),
  Math.max(...boxes.map((b) => b[2])),
  Math.max(...boxes.map((b) => b[3])),
];
/** A source's address as said in messages and metadata: without its query (where a key would be). */
export const sourceName = (s: string) => s.replace(/\?.*$/, '');

interface Opened {
  read: (z: number, x: number, y: number) => Promise<Uint8Array | null>;
  header: Pick<Header, 'tileType' | 'minZoom' | 'maxZoom' | 'minLon' | 'minLat' | 'maxLon' | 'maxLat'>;
  metadata: Record<string, unknown>;
  close: () => void;
}

async function openSource(o: ExtractOptions): Promise<Opened> {
  const name = sourceName(o.source);
  const remote = /^https?:\/\//.test(o.source);
  if (remote && o.source.includes('{z}')) {
    if (o.kind !== 'terrain') throw new ExtractError(`${name}: a basemap is read from a PMTiles archive, not a tile template`);
    return {
      read: (z, x, y) => templateTile(o.source, z, x, y),
      header: { tileType: 2, minZoom: 0, maxZoom: 15, minLon: -180, minLat: -85.06, maxLon: 180, maxLat: 85.06 },
      metadata: {},
      close: () => {},
    };
  }
  const source: Source & { close?: () => void } = remote ? new HttpRangeSource(o.source) : new FileRangeSource(o.source);
  const archive = new PMTiles(source);
  let header: Header;
  let metadata: Record<string, unknown>;
  try {
    header = await archive.getHeader();
    metadata = ((await archive.getMetadata()) ?? {}) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof ExtractError) throw e;
    const m = (e as Error).message;
    if (/magic number/i.test(m)) throw new ExtractError(`${name}: not a PMTiles archive (its first bytes are not "PMTiles")`);
    throw new ExtractError(`${name}: unreadable as a PMTiles v3 archive (${m})`);
  }
  const type = TILE_TYPES[header.tileType] ?? `type ${header.tileType}`;
  if (o.kind === 'basemap') {
    if (header.tileType !== 1) throw new ExtractError(`${name}: holds ${type} tiles; a basemap is read from a vector archive`);
    const has = new Set(((metadata.vector_layers ?? []) as { id?: string }[]).map((l) => l.id));
    const missing = PROTOMAPS_LAYERS.filter((l) => !has.has(l));
    if (missing.length > 0)
      throw new ExtractError(
        `${name}: not the Protomaps basemap schema — no ${missing.map((l) => `"${l}"`).join(', ')} layer (it has ${[...has].join(', ') || 'none'})`,
      );
  } else if (header.tileType !== 2 && header.tileType !== 4)
    throw new ExtractError(`${name}: holds ${type} tiles; terrain is read from PNG or WebP height tiles (Terrarium or terrain-RGB)`);
  return {
    read: async (z, x, y) => {
      const r = await archive.getZxy(z, x, y);
      return r ? new Uint8Array(r.data) : null;
    },
    header,
    metadata,
    close: () => source.close?.(),
  };
}

/** The journal of a run: records of [tile id: float64][length: uint32][bytes], appended as tiles arrive. */
class Journal {
  readonly dir: string;
  private readonly path: string;
  private fd = -1;
  private size = 0;
  /** Tile id → [offset of the bytes, length]; length 0: not in the source. */
  readonly index = new Map<number, [number, number]>();

  constructor(out: string, plan: object) {
    this.dir = `${out}.extract`;
    this.path = `${this.dir}/tiles.journal`;
    const planPath = `${this.dir}/plan.json`;
    const want = JSON.stringify(plan);
    if (existsSync(planPath) && readFileSync(planPath, 'utf8') !== want) rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(planPath, want);
    this.fd = openSync(this.path, existsSync(this.path) ? 'r+' : 'w+');
    this.load();
  }

  /** Reads the records of a stopped run; a record cut short by the stop is dropped. */
  private load(): void {
    const total = statSync(this.path).size;
    const head = Buffer.alloc(12);
    let at = 0;
    while (at + 12 <= total) {
      readSync(this.fd, head, 0, 12, at);
      const id = head.readDoubleLE(0);
      const len = head.readUInt32LE(8);
      if (at + 12 + len > total) break;
      this.index.set(id, [at + 12, len]);
      at += 12 + len;
    }
    ftruncateSync(this.fd, at);
    this.size = at;
  }

  add(id: number, bytes: Uint8Array | null): void {
    const head = Buffer.alloc(12);
    head.writeDoubleLE(id, 0);
    head.writeUInt32LE(bytes?.byteLength ?? 0, 8);
    writeSync(this.fd, head, 0, 12, this.size);
    if (bytes && bytes.byteLength > 0) writeSync(this.fd, bytes, 0, bytes.byteLength, this.size + 12);
    this.index.set(id, [this.size + 12, bytes?.byteLength ?? 0]);
    this.size += 12 + (bytes?.byteLength ?? 0);
  }

  read(id: number): Uint8Array | null {
    const at = this.index.get(id);
    if (!at || at[1] === 0) return null;
    const buf = Buffer.alloc(at[1]);
    readSync(this.fd, buf, 0, at[1], at[0]);
    return buf;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  remove(): void {
    this.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export async function extractArchive(o: ExtractOptions): Promise<ExtractResult> {
  const t0 = performance.now();
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  try {
    return await run(o, t0, () => peak);
  } finally {
    clearInterval(sample);
  }
}

async function run(o: ExtractOptions, t0: number, peak: () => number): Promise<ExtractResult> {
  checkBoxes(o.boxes);
  const name = sourceName(o.source);
  const src = await openSource(o);
  try {
    const h = src.header;
    const sourceBox: Box = [h.minLon, h.minLat, h.maxLon, h.maxLat];
    const inside = o.boxes.filter((b) => overlaps(b, sourceBox));
    if (inside.length === 0)
      throw new ExtractError(
        `--bbox ${o.boxes.map((b) => b.join(',')).join(' ')}: outside the source ${name} (it covers ${sourceBox.join(',')})`,
      );
    const minZoom = Math.max(o.minZoom ?? 0, h.minZoom);
    const maxZoom = Math.min(o.maxZoom, h.maxZoom);
    if (minZoom > maxZoom) throw new ExtractError(`--maxzoom ${o.maxZoom}: below the source's lowest zoom (${h.minZoom})`);
    const note = maxZoom < o.maxZoom ? `the source stops at zoom ${h.maxZoom}; the map enlarges its tiles beyond` : null;
    const zxy = planZxy(inside, minZoom, maxZoom);
    const ids = [...zxy.keys()].sort((a, b) => a - b);
    const estimateBytes = ids.length * TYPICAL_TILE_BYTES[o.kind];
    const encoding: DemEncoding = o.encoding ?? (src.metadata.encoding === 'mapbox' ? 'mapbox' : 'terrarium');
    const plan = { kind: o.kind, source: o.source, boxes: inside, minZoom, maxZoom, encoding };
    const askAbove = o.askAbove ?? ASK_ABOVE_TILES;
    if (ids.length > askAbove && !o.yes)
      throw new ExtractError(
        `${ids.length.toLocaleString('en')} tiles (about ${Math.round(estimateBytes / 1e6)} MB) for --bbox ${inside.map((b) => b.join(',')).join(' ')} to zoom ${maxZoom}: more than ${askAbove.toLocaleString('en')}. Lower --maxzoom, make the box smaller, or add --yes to go on.`,
      );
    mkdirSync(dirname(resolve(o.out)), { recursive: true });
    const journal = new Journal(o.out, plan);
    const resumed = ids.filter((id) => journal.index.has(id)).length;
    o.onPlan?.({ tiles: ids.length, estimateBytes, resumed, maxZoom, note });

    const vector = src.header.tileType === 1;
    const todo = ids.filter((id) => !journal.index.has(id));
    let done = resumed;
    let bytes = 0;
    let fetched = 0;
    let failure: { error: Error; at: string } | null = null;
    let next = 0;
    const worker = async () => {
      while (failure === null && next < todo.length) {
        const id = todo[next++] as number;
        const [z, x, y] = zxy.get(id) as [number, number, number];
        let data: Uint8Array | null = null;
        for (let attempt = 0; ; attempt++) {
          try {
            data = await src.read(z, x, y);
            break;
          } catch (e) {
            if (attempt >= 2 || !(e instanceof ExtractError)) {
              failure ??= { error: e as Error, at: `${z}/${x}/${y}` };
              return;
            }
            await new Promise((r) => setTimeout(r, 250 * (attempt + 1)));
          }
        }
        const stored = data && data.byteLength > 0 ? (vector ? new Uint8Array(gzipSync(data)) : data) : null;
        journal.add(id, stored);
        fetched++;
        done++;
        bytes += stored?.byteLength ?? 0;
        o.onProgress?.({ done, total: ids.length, bytes });
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.max(1, o.concurrency ?? 8) }, worker));
    } catch (e) {
      failure ??= { error: e as Error, at: '?' };
    }
    if (failure) {
      journal.close();
      const f = failure as { error: Error; at: string };
      throw new ExtractError(
        `${f.error.message}\nStopped at tile ${f.at} after ${done.toLocaleString('en')} of ${ids.length.toLocaleString('en')} tiles. Those are kept in ${journal.dir}/: run the same command again to go on from there. ${o.out} was not written.`,
      );
    }

    const writer = new ArchiveWriter(o.out);
    let written = 0;
    try {
      for (const id of ids) {
        const t = journal.read(id);
        if (!t) continue;
        writer.addTile(id, t);
        written++;
      }
      if (written === 0) throw new ExtractError(`${name}: no tile inside --bbox ${inside.map((b) => b.join(',')).join(' ')}`);
      const box = union(inside).map((v, i) => (i < 2 ? Math.max(v, sourceBox[i] as number) : Math.min(v, sourceBox[i] as number))) as Box;
      const size = await writer.finish(
        {
          minZoom,
          maxZoom,
          bounds: box,
          center: [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2, Math.min(maxZoom, 10)],
          tileType: src.header.tileType,
          tileCompression: vector ? 2 : 1,
        },
        {
          ...src.metadata,
          attribution:
            typeof src.metadata.attribution === 'string' ? src.metadata.attribution : o.kind === 'basemap' ? OSM_ATTRIBUTION : '',
          ...(o.kind === 'terrain' ? { encoding } : {}),
          extract: { kind: o.kind, source: name, boxes: inside, minZoom, maxZoom, made: new Date().toISOString() },
        },
      );
      journal.remove();
      return {
        out: o.out,
        planned: ids.length,
        written,
        bytes: size,
        fetched,
        resumed,
        maxZoom,
        ms: performance.now() - t0,
        peakRssBytes: peak(),
      };
    } catch (e) {
      writer.abort();
      journal.close();
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC')
        throw new ExtractError(`${o.out}: the disk is full — nothing was written there; the tiles read are kept in ${journal.dir}/`);
      throw e;
    }
  } finally {
    src.close();
  }
}
