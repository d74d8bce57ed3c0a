/**
 * Source archives for the extract tests, made here, never fetched: a vector archive in the Protomaps
 * basemap schema (earth, water, landuse, roads, places, boundaries with their `kind` attributes) and a
 * Terrarium height archive from a formula — one hill of known height at a known point. Test data only:
 * the roads, river and town in it are drawn for the tests ("测试…" names), except the county seat, which
 * is placed at the WGS-84 position of geodata's seat so a test can check the datum rule.
 * `npm run fixtures:basemap` writes both to tests/fixtures/basemap/ (not committed: made by the tests).
 */
import { deflateSync } from 'node:zlib';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { latOfY, lonOfX } from '../../src/lib/webMercator';
import { type Box, planZxy } from './archive-extract';
import { ArchiveWriter } from './pmtiles-writer';
import { cutTiles } from './tiler';

/** Where the fixture's hill stands (WGS-84), how high, and how wide (the standard deviation, metres). */
export const HILL = { lon: 119.08, lat: 28.42, top: 1700, base: 200, sigmaM: 4000 };
export const FIXTURE_BOX: Box = [118.6, 28.1, 119.6, 28.9];

const f = (geometry: Geometry, properties: Record<string, unknown>): Feature => ({ type: 'Feature', geometry, properties });
const fc = (features: Feature[]): FeatureCollection<Geometry, Record<string, unknown> | null> => ({ type: 'FeatureCollection', features });

/**
 * A town's density for the benchmark (bench/county.ts): inside `box`, a street grid every `step` degrees
 * (minor roads, every fourth a major road) and a building in each block corner, seeded, so the extracted
 * archive weighs what a county's real map does (tens of MB at z15).
 */
function denseLayers(box: Box, step: number): { roads: Feature[]; buildings: Feature[] } {
  const [w, s, e, n] = box;
  const roads: Feature[] = [];
  const buildings: Feature[] = [];
  let k = 0;
  for (let x = w, i = 0; x <= e; x += step, i++)
    roads.push(
      f(
        {
          type: 'LineString',
          coordinates: [
            [x, s],
            [x + step / 3, (s + n) / 2],
            [x, n],
          ],
        },
        i % 4 ? { kind: 'minor_road', kind_detail: 'residential' } : { kind: 'major_road', kind_detail: 'secondary' },
      ),
    );
  for (let y = s, j = 0; y <= n; y += step, j++)
    roads.push(
      f(
        {
          type: 'LineString',
          coordinates: [
            [w, y],
            [(w + e) / 2, y + step / 3],
            [e, y],
          ],
        },
        j % 4 ? { kind: 'minor_road', kind_detail: 'residential' } : { kind: 'major_road', kind_detail: 'secondary' },
      ),
    );
  const b = step / 6;
  for (let x = w; x < e; x += step / 2)
    for (let y = s; y < n; y += step / 2) {
      k = (k * 1103515245 + 12345) & 0x7fffffff;
      const dx = ((k % 1000) / 1000) * b;
      buildings.push(
        f(
          {
            type: 'Polygon',
            coordinates: [
              [
                [x + dx, y + dx],
                [x + dx + b, y + dx],
                [x + dx + b, y + dx + b * 0.7],
                [x + dx + b * 0.5, y + dx + b],
                [x + dx, y + dx + b * 0.7],
                [x + dx, y + dx],
              ],
            ],
          },
          { kind: 'building', height: 6 + (k % 30) },
        ),
      );
    }
  return { roads, buildings };
}

/** The vector source: `seat` is the county seat in WGS-84; `dense` adds a town's density in a box (the benchmark's). */
export async function makeVectorSource(
  out: string,
  seat: [number, number],
  maxZoom = 13,
  box: Box = FIXTURE_BOX,
  dense?: { box: Box; step: number },
): Promise<number> {
  const [w, s, e, n] = box;
  const [sx, sy] = seat;
  const ring = (x0: number, y0: number, x1: number, y1: number) => [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ];
  const layers = [
    { name: 'earth', fc: fc([f({ type: 'Polygon', coordinates: ring(w, s, e, n) }, { kind: 'earth' })]) },
    {
      name: 'water',
      fc: fc([
        f(
          { type: 'Polygon', coordinates: ring(sx + 0.08, sy + 0.05, sx + 0.14, sy + 0.09) },
          { kind: 'lake', name: '测试湖', 'name:zh': '测试湖', 'name:en': 'Test Lake' },
        ),
        f(
          {
            type: 'LineString',
            coordinates: [
              [w, sy - 0.02],
              [sx - 0.1, sy - 0.01],
              [sx, sy - 0.012],
              [sx + 0.2, sy + 0.03],
              [e, sy + 0.06],
            ],
          },
          { kind: 'river', name: '测试河', 'name:zh': '测试河', 'name:en': 'Test River' },
        ),
      ]),
    },
    { name: 'landuse', fc: fc([f({ type: 'Polygon', coordinates: ring(sx - 0.2, sy + 0.05, sx - 0.05, sy + 0.15) }, { kind: 'forest' })]) },
    {
      name: 'roads',
      fc: fc([
        f(
          {
            type: 'LineString',
            coordinates: [
              [w, sy - 0.1],
              [sx, sy],
              [e, sy + 0.2],
            ],
          },
          { kind: 'highway', kind_detail: 'motorway', ref: 'G0000', name: '测试高速' },
        ),
        f(
          {
            type: 'LineString',
            coordinates: [
              [sx, s],
              [sx, sy],
              [sx + 0.01, n],
            ],
          },
          { kind: 'major_road', kind_detail: 'primary', name: '测试大道', 'name:zh': '测试大道', 'name:en': 'Test Avenue' },
        ),
        f(
          {
            type: 'LineString',
            coordinates: [
              [sx - 0.03, sy + 0.005],
              [sx + 0.03, sy + 0.005],
            ],
          },
          { kind: 'minor_road', kind_detail: 'residential', name: '测试路' },
        ),
        f(
          {
            type: 'LineString',
            coordinates: [
              [w, sy + 0.04],
              [e, sy + 0.01],
            ],
          },
          { kind: 'rail', kind_detail: 'rail' },
        ),
      ]),
    },
    {
      name: 'places',
      fc: fc([
        f(
          { type: 'Point', coordinates: seat },
          { kind: 'locality', name: '遂昌县', 'name:zh': '遂昌县', 'name:en': 'Suichang', min_zoom: 6, population_rank: 10 },
        ),
        f(
          { type: 'Point', coordinates: [sx + 0.1, sy - 0.05] },
          { kind: 'locality', name: '测试镇', 'name:zh': '测试镇', 'name:en': 'Test Town', min_zoom: 8, population_rank: 6 },
        ),
      ]),
    },
    {
      name: 'boundaries',
      fc: fc([
        f(
          {
            type: 'LineString',
            coordinates: [
              [w + 0.05, s],
              [w + 0.05, n],
            ],
          },
          { kind: 'county', kind_detail: 6 },
        ),
      ]),
    },
  ];
  if (dense) {
    const d = denseLayers(dense.box, dense.step);
    (layers.find((l) => l.name === 'roads') as { fc: FeatureCollection }).fc.features.push(...d.roads);
    layers.push({ name: 'buildings', fc: fc(d.buildings) });
  }
  const writer = new ArchiveWriter(out);
  const summary = await cutTiles(layers, writer, { minZoom: 0, maxZoom });
  return writer.finish(
    { minZoom: 0, maxZoom, bounds: box, center: [sx, sy, 10], tileType: 1 },
    {
      name: 'test basemap (Protomaps schema)',
      attribution: '© OpenStreetMap contributors',
      vector_layers: summary.layers.map((l) => ({ id: l.layer, fields: {} })),
    },
  );
}

/** Height in metres at a point: the hill over a flat base. */
export function heightAt(lon: number, lat: number): number {
  const dx = (lon - HILL.lon) * 111_320 * Math.cos((HILL.lat * Math.PI) / 180);
  const dy = (lat - HILL.lat) * 110_540;
  return HILL.base + (HILL.top - HILL.base) * Math.exp(-(dx * dx + dy * dy) / (2 * HILL.sigmaM ** 2));
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const v of b) c = (CRC[(c ^ v) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** An 8-bit RGB PNG. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** A Terrarium tile (256 px): height = R·256 + G + B/256 − 32768. */
export function demTile(z: number, x: number, y: number, size = 256): Uint8Array {
  const rgb = new Uint8Array(size * size * 3);
  for (let py = 0; py < size; py++) {
    const lat = latOfY(y + (py + 0.5) / size, z);
    for (let px = 0; px < size; px++) {
      const lon = lonOfX(x + (px + 0.5) / size, z);
      const v = heightAt(lon, lat) + 32768;
      const i = (py * size + px) * 3;
      rgb[i] = Math.floor(v / 256);
      rgb[i + 1] = Math.floor(v) % 256;
      rgb[i + 2] = Math.floor((v - Math.floor(v)) * 256);
    }
  }
  return encodePng(size, size, rgb);
}

/** The DEM source archive: Terrarium PNG tiles over `box` from zoom 0 to maxZoom. */
export async function makeDemSource(out: string, maxZoom = 11, box: Box = FIXTURE_BOX): Promise<number> {
  const tiles = planZxy([box], 0, maxZoom);
  const writer = new ArchiveWriter(out);
  for (const id of [...tiles.keys()].sort((a, b) => a - b)) writer.addTile(id, demTile(...(tiles.get(id) as [number, number, number])));
  return writer.finish(
    { minZoom: 0, maxZoom, bounds: box, center: [HILL.lon, HILL.lat, 10], tileType: 2, tileCompression: 1 },
    { name: 'test terrain (Terrarium)', encoding: 'terrarium', attribution: 'test heights (a formula)' },
  );
}
