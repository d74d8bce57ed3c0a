/** The one user-layer model: one store for every kind, one builder, one legend, and saved layers of the old layout read into it. */
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Geometry } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { beforeEach, describe, expect, it } from 'vitest';
import { overlayCredits } from '../../src/layers/credits';
import { KINDS } from '../../src/layers/kinds';
import { ownerOf } from '../../src/layers/layersFeature';
import { LAYER_COLORS, layersOf, nextColor, useLayers } from '../../src/layers/layersState';
import { legendRows, styleFields, styleFor } from '../../src/layers/legend';
import { userLayerSpecs } from '../../src/layers/mapLayers';
import { type GeoJsonLayer, isDrawable, isImagery, type Props, type TiledLayer } from '../../src/layers/model';
import { tileRequest } from '../../src/services/tileRequest';
import { archiveBasemap, archiveService, type ImageLayer } from '../../src/tiles/imageArchive';
import { layerFromStored } from '../../src/tools/storedWork';

const fc: FeatureCollection<Geometry, Props> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { 名称: '甲', 类型: '住宅', 面积: 10 }, geometry: { type: 'Point', coordinates: [119.2, 28.6] } },
    { type: 'Feature', properties: { 名称: '乙', 类型: '商业', 面积: 30 }, geometry: { type: 'Point', coordinates: [119.3, 28.6] } },
  ],
};
const imported: GeoJsonLayer = {
  kind: 'geojson',
  id: 'layer-a',
  name: 'a',
  datum: 'WGS-84',
  color: '#7B3294',
  opacity: 0.8,
  visible: true,
  fc,
};
const tiled: TiledLayer = {
  kind: 'tiled',
  id: 'tiles-b',
  name: 'b',
  datum: 'GCJ-02',
  color: '#1b7837',
  opacity: 0.5,
  visible: true,
  origin: { kind: 'url', url: 'https://example.org/b.pmtiles' },
  status: { kind: 'ready' },
  kept: { kind: 'saved', how: 'url' },
  key: 'https://example.org/b.pmtiles',
  bounds: [119, 28, 120, 29],
  minZoom: 0,
  maxZoom: 14,
  vectorLayers: [
    {
      id: 'parcels',
      geometry: 'Polygon',
      fields: [
        { name: '用途', type: 'string', values: ['住宅', '商业', '工业'] },
        { name: '面积', type: 'number', values: [1, 5, 9, 20] },
      ],
    },
  ],
};

/** The map's layers of a user layer, as the one map feature builds them. */
const specsOf = (l: GeoJsonLayer | TiledLayer): LayerSpecification[] =>
  l.kind === 'geojson'
    ? KINDS.geojson.parts(l).flatMap((p) => userLayerSpecs(l, p, ['Noto Sans SC']))
    : KINDS.tiled.parts(l).flatMap((p) => userLayerSpecs(l, p, ['Noto Sans SC']));

function styleWith(layers: LayerSpecification[]) {
  return {
    version: 8,
    sources: {
      'import-layer-a': { type: 'geojson', data: fc },
      'tiled-tiles-b': { type: 'vector', url: 'pmtiles://x' },
    },
    layers,
  };
}

describe('one builder for every kind', () => {
  it('builds valid layers for an import and an archive, styled by an attribute and labelled', () => {
    const a = { ...imported, style: styleFor(imported, '类型', 'category'), labelField: '名称' };
    const b = { ...tiled, style: styleFor(tiled, '面积', 'graduated'), labelField: '用途' };
    const layers = [...specsOf(a), ...specsOf(b)];
    expect(validateStyleMin(styleWith(layers) as never).map((e) => e.message)).toEqual([]);
    expect(layers.map((l) => l.id)).toEqual([
      'import-layer-a-fill',
      'import-layer-a-line',
      'import-layer-a-point',
      'import-layer-a-label',
      'tiled-tiles-b-parcels-fill',
      'tiled-tiles-b-parcels-line',
      'tiled-tiles-b-parcels-label',
    ]);
    // The style's colours reach the paint of both kinds.
    expect(JSON.stringify(layers[2]?.paint)).toContain('match');
    expect(JSON.stringify(layers[4]?.paint)).toContain('step');
  });

  it('finds which user layer drew a map layer, and no other', () => {
    const all = [imported, tiled];
    expect(ownerOf('import-layer-a-point', all)?.id).toBe('layer-a');
    expect(ownerOf('tiled-tiles-b-parcels-fill', all)?.id).toBe('tiles-b');
    expect(ownerOf('import-layer-a-extra', all)).toBeUndefined();
    expect(ownerOf('site-fill', all)).toBeUndefined();
  });
});

describe('an archive of image tiles', () => {
  const image: TiledLayer = {
    ...tiled,
    id: 'tiles-img',
    name: 'orthophoto',
    datum: 'WGS-84',
    vectorLayers: [],
    raster: { format: 'JPEG', tileSize: 512, credit: '县测绘院 <2024>' },
    role: 'overlay',
  };

  it('is drawn as a picture through the service protocol, in the map datum asked for, under the vector layers', () => {
    const { spec } = KINDS.tiled.source(image, 'GCJ-02');
    expect(spec).toMatchObject({ type: 'raster', tiles: ['svc://tiles-img/GCJ-02/{z}/{x}/{y}'], tileSize: 256, minzoom: 0 });
    // The archive's credit is text: escaped before MapLibre shows it as markup.
    expect((spec as { attribution: string }).attribution).toBe('县测绘院 &lt;2024&gt;');
    const layers = KINDS.tiled.parts(image).flatMap((p) => userLayerSpecs(image, p, ['Noto Sans SC']));
    const style = { version: 8, sources: { 'tiled-image-tiles-img': spec }, layers };
    expect(validateStyleMin(style as never).map((e) => e.message)).toEqual([]);
    expect(layers.map((l) => [l.id, l.type])).toEqual([['tiled-tiles-img-raster', 'raster']]);
    expect(ownerOf('tiled-tiles-img-raster', [imported, tiled, image])?.id).toBe('tiles-img');
    expect([isImagery(image), isImagery(tiled), isImagery(imported)]).toEqual([true, false, false]);
  });

  it('is drawn over the map and credited in the PNG and print only as an overlay that is shown and ready', () => {
    expect(isDrawable(image)).toBe(true);
    expect(overlayCredits([imported, tiled, image])).toEqual(['县测绘院 <2024>']);
    expect(overlayCredits([{ ...image, credit: undefined, raster: { format: 'PNG', tileSize: 256 } } as TiledLayer])).toEqual([
      'orthophoto',
    ]);
    for (const not of [
      { ...image, role: 'basemap' as const },
      { ...image, visible: false },
      { ...image, status: { kind: 'missing' as const } },
    ])
      expect(overlayCredits([not])).toEqual([]);
    expect(isDrawable({ ...image, role: 'basemap' })).toBe(false);
  });

  it('is read as a map service of Web Mercator tiles: direct in its own datum, resampled from its own tiles in another', () => {
    const def = archiveService({ ...image, key: 'file-tiles-img' } as ImageLayer);
    expect(tileRequest(def, 12, 3403, 1727, 'WGS-84', null)).toEqual({ kind: 'direct', url: 'pmtiles://file-tiles-img/12/3403/1727' });
    const shifted = tileRequest(def, 12, 3403, 1727, 'GCJ-02', null);
    expect(shifted.kind).toBe('resample');
    // The source tiles are the archive's, around the same tile (the GCJ-02 shift is ~500 m, under a z12 tile).
    const urls = shifted.kind === 'resample' ? shifted.urls : [];
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u).toMatch(/^pmtiles:\/\/file-tiles-img\/12\/340[2-4]\/172[6-8]$/);
    // Past its deepest zoom (14) it is drawn from its zoom-14 tiles, stretched.
    const deeper = tileRequest(def, 16, 3403 * 16, 1727 * 16, 'WGS-84', null);
    expect(deeper.kind === 'resample' && deeper.urls.every((u) => u.startsWith('pmtiles://file-tiles-img/14/'))).toBe(true);
    // As a basemap it is the archive's own tiles in its own datum.
    expect(archiveBasemap(image as ImageLayer)).toMatchObject({
      id: 'tiles-img',
      type: 'raster',
      datum: 'WGS-84',
      tileSize: 512,
      imageArchive: true,
    });
  });
});

describe('one store and one legend', () => {
  beforeEach(() => useLayers.setState({ layers: [] }));

  it('keeps each kind when another kind is read back, and updates any layer the same way', () => {
    useLayers.getState().add(imported);
    useLayers.getState().setKind('tiled', [tiled]);
    useLayers.getState().setKind('geojson', []);
    expect(useLayers.getState().layers.map((l) => l.id)).toEqual(['tiles-b']);
    useLayers.getState().setKind('geojson', [imported]);
    useLayers.getState().update('tiles-b', { opacity: 0.2 });
    expect(layersOf('tiled')[0]?.opacity).toBe(0.2);
    expect(layersOf('geojson')[0]).toBe(imported);
  });

  it('gives new layers the colours of one list in turn', () => {
    expect(nextColor()).toBe(LAYER_COLORS[0]);
    useLayers.getState().add(imported);
    expect(nextColor()).toBe(LAYER_COLORS[1]);
  });

  it('makes the legend from the features of an import and from the sampled values of an archive', () => {
    expect(styleFields(imported).map((f) => `${f.name}:${f.numeric}`)).toEqual(['名称:false', '类型:false', '面积:true']);
    expect(styleFields(tiled).map((f) => f.name)).toEqual(['用途', '面积']);
    expect(legendRows(imported, 'a', 'zh')).toEqual([{ color: '#7B3294', label: 'a' }]);
    const styled = { ...tiled, style: styleFor(tiled, '用途', 'category') };
    expect(legendRows(styled, 'b', 'en').map((r) => r.label)).toEqual(['工业', '商业', '住宅']); // equal counts: in pinyin order
  });
});

describe('saved layers of the layout before the one model', () => {
  it('reads an index entry without a kind as an imported layer, whole', () => {
    const { kind: _kind, fc: _fc, ...stored } = imported;
    const back = layerFromStored(stored, fc);
    expect(back).toEqual(imported);
  });
});

describe('the order layers are drawn in', () => {
  it('moves a layer past the next one of its kind, never past the end', async () => {
    const { useLayers } = await import('../../src/layers/layersState');
    const base = { datum: 'WGS-84' as const, color: '#000000', opacity: 1, visible: true };
    const svc = (id: string) =>
      ({ ...base, id, name: id, kind: 'service', role: 'overlay', status: { kind: 'ready' }, service: {} }) as never;
    const geo = (id: string) => ({ ...base, id, name: id, kind: 'geojson', fc: { type: 'FeatureCollection', features: [] } }) as never;
    useLayers.setState({ layers: [svc('a'), geo('g'), svc('b'), svc('c')] });
    useLayers.getState().move('a', 1);
    expect(useLayers.getState().layers.map((l) => l.id)).toEqual(['b', 'g', 'a', 'c']);
    useLayers.getState().move('c', 1);
    expect(useLayers.getState().layers.map((l) => l.id)).toEqual(['b', 'g', 'a', 'c']);
    useLayers.getState().move('b', -1);
    expect(useLayers.getState().layers.map((l) => l.id)).toEqual(['b', 'g', 'a', 'c']);
  });
});
