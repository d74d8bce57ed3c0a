/** The app's side of tiled layers: the archive check, the layers configuration and the map layers built for an archive. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Feature, Polygon } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveWriter } from '../../scripts/lib/pmtiles-writer';
import { cutTiles } from '../../scripts/lib/tiler';
import { KINDS } from '../../src/layers/kinds';
import { userLayerSpecs } from '../../src/layers/mapLayers';
import type { TiledLayer } from '../../src/layers/model';
import { checkArchive, resolveUrl, TilesError, type TilesProblem } from '../../src/tiles/archive';
import { parseLayerConfig } from '../../src/tiles/config';
import { vectorLayersOf } from '../../src/tiles/open';

const dir = mkdtempSync(join(tmpdir(), 'tiles-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function archive(bounds: [number, number, number, number] = [119, 28.4, 119.3, 28.7], tileType = 1): Promise<Buffer> {
  const out = join(dir, `a-${Math.random().toString(36).slice(2)}.pmtiles`);
  const w = new ArchiveWriter(out);
  w.addTile(0, new Uint8Array(gzipSync(Buffer.from('x'))));
  await w.finish({ minZoom: 0, maxZoom: 0, bounds, center: [119.1, 28.5, 0], tileType }, {});
  return readFileSync(out);
}

const ab = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
function problem(run: () => unknown): TilesProblem | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof TilesError) return error.problem;
    throw error;
  }
}

describe('the archive check', () => {
  it('passes an archive the tiler wrote, with its bounds', async () => {
    const b = await archive();
    expect(checkArchive(ab(b), b.byteLength).bounds).toEqual([119, 28.4, 119.3, 28.7]);
  });
  it('names each way an archive is wrong', async () => {
    const good = await archive();
    expect(problem(() => checkArchive(ab(Buffer.from('{"type":"FeatureCollection"}')), 28))).toEqual({ code: 'not-pmtiles' });
    const v2 = Buffer.alloc(200);
    v2.write('PM', 0);
    v2.writeUInt16LE(2, 2);
    expect(problem(() => checkArchive(ab(v2), 200))).toEqual({ code: 'old-version', version: 2 });
    const v4 = Buffer.from(good);
    v4[7] = 4;
    expect(problem(() => checkArchive(ab(v4), v4.byteLength))).toEqual({ code: 'newer-version', version: 4 });
    expect(problem(() => checkArchive(ab(good), good.byteLength - 1))).toMatchObject({ code: 'truncated', needs: good.byteLength });
    const raster = await archive(undefined, 2);
    expect(problem(() => checkArchive(ab(raster), raster.byteLength))).toEqual({ code: 'raster', format: 'PNG' });
    // Metres taken for degrees: far outside China.
    const metres = await archive([40, -80, 80, -40]);
    expect(problem(() => checkArchive(ab(metres), metres.byteLength))).toMatchObject({ code: 'outside-china' });
  });
  it('resolves a layer URL against the app and refuses what is not http(s)', () => {
    expect(resolveUrl('tiles/p.pmtiles', 'https://example.org/app/')).toBe('https://example.org/app/tiles/p.pmtiles');
    expect(problem(() => resolveUrl('javascript:alert(1)', 'https://example.org/'))).toMatchObject({ code: 'not-url' });
  });
});

describe('the layers configuration', () => {
  it('keeps good entries and names each problem with the entry and field', () => {
    const r = parseLayerConfig(
      [
        { id: 'parcels', name: { zh: '地块', en: 'Parcels' }, url: 'tiles/parcels.pmtiles', color: '#1b7837', opacity: 0.7 },
        { id: 'Bad Id', name: { zh: '甲' }, url: 'x.geojson', opacity: 3 },
        { id: 'parcels', name: { zh: '地块', en: 'Parcels' }, url: 'tiles/again.pmtiles' },
      ],
      'layers.json',
    );
    expect(r.layers.map((l) => l.id)).toEqual(['parcels']);
    expect(r.problems).toEqual([
      'layers.json: layer "Bad Id": id: lowercase letters, digits and "-"',
      'layers.json: layer "Bad Id": name: needs {"zh": …, "en": …}',
      'layers.json: layer "Bad Id": url: the URL of a .pmtiles archive',
      'layers.json: layer "Bad Id": opacity: a number from 0 to 1',
      'layers.json: layer "parcels": id: duplicate',
    ]);
    expect(parseLayerConfig({}, 'VITE_LAYERS').problems).toEqual(['VITE_LAYERS: expected a list of layers']);
  });
});

describe('the map layers of an archive', () => {
  const base: TiledLayer = {
    kind: 'tiled',
    id: 't1',
    name: 'x',
    origin: { kind: 'url', url: 'https://example.org/x.pmtiles' },
    status: { kind: 'ready' },
    kept: { kind: 'saved', how: 'url' },
    key: 'https://example.org/x.pmtiles',
    bounds: [119, 28, 120, 29],
    datum: 'WGS-84',
    minZoom: 0,
    maxZoom: 14,
    vectorLayers: vectorLayersOf({
      vector_layers: [
        { id: 'parcels', fields: { 用途: 'String' } },
        { id: 'wells', fields: {} },
      ],
      tilestats: {
        layers: [
          { layer: 'parcels', geometry: 'Polygon', attributes: [{ attribute: '用途', type: 'string', values: ['住宅', '商业'] }] },
          { layer: 'wells', geometry: 'Point', attributes: [] },
        ],
      },
    }),
    color: '#1b7837',
    opacity: 0.5,
    visible: false,
  };
  it('draws areas as fill and outline, points as circles, from the source layer, hidden when off', () => {
    const layers = KINDS.tiled.parts(base).flatMap((p) => userLayerSpecs(base, p, ['Noto Sans SC']));
    expect(layers.map((l) => `${l.type}:${(l as { 'source-layer'?: string })['source-layer']}`)).toEqual([
      'fill:parcels',
      'line:parcels',
      'circle:wells',
    ]);
    expect(layers.every((l) => l.layout?.visibility === 'none')).toBe(true);
    expect(base.vectorLayers[0]?.fields[0]).toEqual({ name: '用途', type: 'string', values: ['住宅', '商业'] });
  });
});

describe('the tiler with small features', () => {
  it('cuts tiles down to the top zoom even where low zooms simplify every feature away', async () => {
    const parcels: Feature<Polygon>[] = [];
    for (let i = 0; i < 20; i++) {
      const [x, y] = [119 + i * 0.001, 28.43];
      parcels.push({
        type: 'Feature',
        properties: { i },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + 0.0009, y],
              [x + 0.0009, y + 0.0009],
              [x, y + 0.0009],
              [x, y],
            ],
          ],
        },
      });
    }
    const w = new ArchiveWriter(join(dir, 'small.pmtiles'));
    const s = await cutTiles([{ name: 'p', fc: { type: 'FeatureCollection', features: parcels } }], w, { maxZoom: 14 });
    w.abort();
    expect(s.inTiles[14]).toBeGreaterThanOrEqual(20);
    expect(s.tiles).toBeGreaterThan(3);
  });
});
