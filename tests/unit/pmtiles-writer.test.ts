/**
 * The PMTiles writer and the tiler, read back with the `pmtiles` package's own reader (and the tiles
 * decoded with @mapbox/vector-tile): what the app and MapLibre will read is what was written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import type { Feature, Point, Polygon } from 'geojson';
import { PbfReader } from 'pbf';
import { PMTiles, type Source, tileIdToZxy, zxyToTileId } from 'pmtiles';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveWriter, HEADER_BYTES, ROOT_BYTES, serializeDirectory } from '../../scripts/lib/pmtiles-writer';
import { cutTiles, guessMaxZoom, type TileLayer } from '../../scripts/lib/tiler';

const dir = mkdtempSync(join(tmpdir(), 'pmtiles-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The reader over a file on disk, counting the requests it makes. */
function open(path: string): { archive: PMTiles; requests: { offset: number; length: number }[] } {
  const bytes = readFileSync(path);
  const requests: { offset: number; length: number }[] = [];
  const source: Source = {
    getKey: () => path,
    getBytes: async (offset, length) => {
      requests.push({ offset, length });
      const slice = bytes.subarray(offset, offset + length);
      return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.byteLength) };
    },
  };
  return { archive: new PMTiles(source), requests };
}

const header = {
  minZoom: 0,
  maxZoom: 14,
  bounds: [118.8, 28.3, 119.5, 28.8] as [number, number, number, number],
  center: [119.1, 28.5, 10] as [number, number, number],
  tileType: 1,
};
const text = (s: string) => new Uint8Array(gzipSync(Buffer.from(s)));

describe('the PMTiles writer', () => {
  it('round-trips header, metadata and tiles through the pmtiles reader', async () => {
    const out = join(dir, 'small.pmtiles');
    const w = new ArchiveWriter(out);
    const tiles: [number, number, number][] = [
      [0, 0, 0],
      [1, 1, 0],
      [5, 26, 13],
      [12, 3416, 1705],
    ];
    const ids = tiles.map(([z, x, y]) => zxyToTileId(z, x, y)).sort((a, b) => a - b);
    for (const id of ids) w.addTile(id, text(`tile ${id}`));
    await w.finish(header, { name: 'test', vector_layers: [{ id: 'a', fields: {} }] });
    const { archive } = open(out);
    const h = await archive.getHeader();
    expect(h.specVersion).toBe(3);
    expect([h.minZoom, h.maxZoom]).toEqual([0, 14]);
    expect([h.minLon, h.minLat, h.maxLon, h.maxLat]).toEqual([118.8, 28.3, 119.5, 28.8]);
    expect([h.centerLon, h.centerLat, h.centerZoom]).toEqual([119.1, 28.5, 10]);
    expect(h.clustered).toBe(true);
    expect(h.numAddressedTiles).toBe(4);
    expect(h.tileType).toBe(1);
    expect(await archive.getMetadata()).toMatchObject({ name: 'test', vector_layers: [{ id: 'a' }] });
    for (const [z, x, y] of tiles) {
      const t = await archive.getZxy(z, x, y);
      expect(Buffer.from(t?.data ?? new ArrayBuffer(0)).toString()).toBe(`tile ${zxyToTileId(z, x, y)}`);
    }
    // A tile never added is absent, not an error.
    expect(await archive.getZxy(12, 0, 0)).toBeUndefined();
  });

  it('stores identical tiles once, as a run where they follow each other', async () => {
    const out = join(dir, 'runs.pmtiles');
    const w = new ArchiveWriter(out);
    const same = text('ocean');
    for (let id = 100; id < 110; id++) w.addTile(id, same);
    w.addTile(200, text('land'));
    w.addTile(201, same);
    await w.finish(header, {});
    const { archive } = open(out);
    const h = await archive.getHeader();
    expect(h.numAddressedTiles).toBe(12);
    expect(h.numTileContents).toBe(2);
    expect(h.numTileEntries).toBe(3); // one run of ten, land, and ocean again pointing at the same bytes
    expect(h.tileDataLength).toBe(same.byteLength + text('land').byteLength);
  });

  it('puts many tiles in leaf directories, the root within the first 16 KiB, every tile found', async () => {
    const out = join(dir, 'many.pmtiles');
    const w = new ArchiveWriter(out);
    const n = 100_000;
    // Random gaps and sizes, so the directory does not compress to nothing (as real tiles).
    const r = rng(7);
    const ids: number[] = [];
    let id = 1000;
    for (let i = 0; i < n; i++) {
      id += 1 + Math.floor(r() * 50);
      ids.push(id);
      w.addTile(id, text(`t${i}${'x'.repeat(Math.floor(r() * 300))}`));
    }
    await w.finish(header, {});
    const { archive, requests } = open(out);
    const h = await archive.getHeader();
    expect(h.leafDirectoryLength).toBeGreaterThan(0);
    expect(h.rootDirectoryOffset).toBe(HEADER_BYTES);
    expect(h.rootDirectoryOffset + h.rootDirectoryLength).toBeLessThanOrEqual(ROOT_BYTES);
    expect(h.numAddressedTiles).toBe(n);
    for (const i of [0, 1, 4095, 4096, 33_333, 77_777, n - 1]) {
      const [z, x, y] = tileIdToZxy(ids[i] as number);
      const t = await archive.getZxy(z, x, y);
      expect(Buffer.from(t?.data ?? new ArrayBuffer(0)).toString()).toMatch(new RegExp(`^t${i}x*$`));
    }
    // Header and root came in one request of the first 16 KiB.
    expect(requests[0]).toEqual({ offset: 0, length: ROOT_BYTES });
  }, 60_000); // 100,000 tiles gzipped one by one: about 4 s alone, more beside the other test files

  it('refuses ids out of order, and leaves no file under the output name when given up', () => {
    const out = join(dir, 'aborted.pmtiles');
    const w = new ArchiveWriter(out);
    w.addTile(5, text('a'));
    expect(() => w.addTile(5, text('b'))).toThrow(/ids must rise/);
    w.abort();
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.tiles-${process.pid}.tmp`)).toBe(false);
  });

  it('serialises a directory as the spec lays it out', () => {
    // Two entries, the second following the first: offset written as 0.
    const bytes = serializeDirectory([
      { tileId: 3, offset: 0, length: 10, runLength: 1 },
      { tileId: 5, offset: 10, length: 4, runLength: 2 },
    ]);
    expect([...bytes]).toEqual([2, 3, 2, 1, 2, 10, 4, 1, 0]);
  });
});

const rng = (seed: number) => () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 4294967296;
};

function points(n: number, seed = 1): TileLayer {
  const r = rng(seed);
  const features: Feature<Point>[] = [];
  for (let i = 0; i < n; i++)
    features.push({
      type: 'Feature',
      id: i,
      properties: { name: `点${i}`, kind: ['住宅', '商业'][i % 2], value: i, nested: { a: 1 }, empty: null },
      geometry: { type: 'Point', coordinates: [119.2 + r() * 0.15, 28.55 + r() * 0.1] },
    });
  return { name: 'points', fc: { type: 'FeatureCollection', features } };
}

function decode(data: ArrayBuffer | undefined) {
  return new VectorTile(new PbfReader(new Uint8Array(data ?? new ArrayBuffer(0))));
}

describe('the tiler', () => {
  it('keeps attributes, skips empty tiles, and thins low zooms by rank so what shows at one zoom shows at the next', async () => {
    const out = join(dir, 'points.pmtiles');
    const w = new ArchiveWriter(out);
    const summary = await cutTiles([points(20_000)], w, { maxZoom: 13, maxTileBytes: 150_000 });
    await w.finish({ ...header, minZoom: 0, maxZoom: 13, bounds: summary.bounds }, {});
    expect(summary.features).toBe(20_000);
    expect(summary.dropped[0]).toBeGreaterThan(0);
    expect(summary.dropped[13]).toBeUndefined();
    const { archive } = open(out);
    const h = await archive.getHeader();
    expect(h.numAddressedTiles).toBe(summary.tiles);
    // Only tiles that hold something: at z13 the data covers a few dozen tiles, not 2^26.
    expect(summary.tiles).toBeLessThan(150);
    const z0 = decode((await archive.getZxy(0, 0, 0))?.data).layers.points;
    expect(z0).toBeDefined();
    const ids0 = new Set(Array.from({ length: z0?.length ?? 0 }, (_, i) => z0?.feature(i).id));
    expect(ids0.size).toBeGreaterThan(100);
    expect(ids0.size).toBeLessThan(20_000);
    const f = z0?.feature(0);
    expect(f?.properties).toMatchObject({ kind: expect.stringMatching(/住宅|商业/), nested: '{"a":1}' });
    expect(f?.properties.empty).toBeUndefined();
    expect(String(f?.properties.name)).toMatch(/^点\d+$/);
    // Every feature kept at z0 is in the z1 tiles too.
    const ids1 = new Set<number | undefined>();
    for (let x = 0; x < 2; x++)
      for (let y = 0; y < 2; y++) {
        const l = decode((await archive.getZxy(1, x, y))?.data).layers.points;
        for (let i = 0; i < (l?.length ?? 0); i++) ids1.add(l?.feature(i).id);
      }
    for (const id of ids0) expect(ids1.has(id)).toBe(true);
    // At the top zoom every feature is there, each tile within the limit.
    const all = new Set<number | undefined>();
    const n = 2 ** 13;
    const tx = (lon: number) => Math.floor(((lon + 180) / 360) * n);
    const ty = (lat: number) => {
      const s = Math.sin((lat * Math.PI) / 180);
      return Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n);
    };
    let found = 0;
    for (let x = tx(119.2); x <= tx(119.35); x++)
      for (let y = ty(28.65); y <= ty(28.55); y++) {
        const t = await archive.getZxy(13, x, y);
        if (!t) continue;
        found++;
        expect(t.data.byteLength).toBeLessThanOrEqual(150_000);
        const l = decode(t.data).layers.points;
        for (let i = 0; i < (l?.length ?? 0); i++) all.add(l?.feature(i).id);
      }
    expect(found).toBeGreaterThan(4);
    expect(all.size).toBe(20_000);
    // The tile bytes are gzipped in the file (the reader un-gzips them).
    const raw = readFileSync(out);
    expect([...raw.subarray(h.tileDataOffset, h.tileDataOffset + 2)]).toEqual([0x1f, 0x8b]);
  }, 60_000);

  it('chooses the zooms from the data: dense points and small parcels need more than a few large areas', () => {
    const parcel = (x: number, y: number, d: number): Feature<Polygon> => ({
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + d, y],
            [x + d, y + d],
            [x, y + d],
            [x, y],
          ],
        ],
      },
    });
    const small = Array.from({ length: 2000 }, (_, i) => parcel(119.2 + (i % 50) * 0.001, 28.5 + Math.floor(i / 50) * 0.001, 0.0005));
    const large = Array.from({ length: 20 }, (_, i) => parcel(110 + i, 28, 0.8));
    const zSmall = guessMaxZoom([{ name: 's', fc: { type: 'FeatureCollection', features: small } }]);
    const zLarge = guessMaxZoom([{ name: 'l', fc: { type: 'FeatureCollection', features: large } }]);
    expect(zSmall).toBeGreaterThanOrEqual(13);
    expect(zLarge).toBeLessThanOrEqual(8);
    expect(guessMaxZoom([points(200_000, 3)])).toBeGreaterThan(guessMaxZoom([points(2_000, 3)]));
  });
});
