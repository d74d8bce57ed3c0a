/**
 * The county basemap's style (src/basemap/countyStyle.ts) inside the app's style, its configuration, the
 * credits it adds to the map and exports, and a tour stop's 3D terrain.
 */
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchiveLayers } from '../../src/basemap/archiveLayers';
import { parseBasemaps } from '../../src/basemap/config';
import { countyBasemapLayers } from '../../src/basemap/countyStyle';
import { showStopTerrain, useTerrain } from '../../src/basemap/terrainState';
import { exportAttribution, mapCredits } from '../../src/i18n/attribution';
import { LAYER, SOURCE } from '../../src/map/ids';
import { buildStyle, type StyleInput } from '../../src/map/style';
import { styleData, styleInput } from './styleFixture';

const county = {
  id: 'county',
  name: { zh: '县域地图（离线）', en: 'County map (offline)' },
  type: 'archive' as const,
  url: 'http://127.0.0.1:4196/basemap/county.pmtiles',
  datum: 'WGS-84' as const,
  attribution: '© OpenStreetMap contributors <b>',
  found: true as const,
};
const input = (lang: 'zh' | 'en'): StyleInput => styleInput({ lang, online: { config: county } });
const data = styleData;

beforeAll(loadArchiveLayers);

describe('the county basemap style', () => {
  it('is valid, draws the archive under the counties and the sites, and names no font, glyph or sprite of its own', () => {
    for (const lang of ['zh', 'en'] as const) {
      const style = buildStyle(input(lang), data);
      expect(validateStyleMin(style as never)).toEqual([]);
      expect(style.glyphs).toBeUndefined();
      expect(style.sprite).toBeUndefined();
      expect(style.sources[SOURCE.onlineBasemap]).toMatchObject({ type: 'vector', url: `pmtiles://${county.url}` });
      const ids = style.layers.map((l) => l.id);
      const basemap = ids.filter((id) => id.startsWith('basemap-'));
      expect(basemap.length).toBeGreaterThan(50);
      // All of it below the county fill, which is below the sites.
      expect(Math.max(...basemap.map((id) => ids.indexOf(id)))).toBeLessThan(ids.indexOf(LAYER.countyFill));
      const text = JSON.stringify(style.layers);
      expect(text).not.toMatch(/Noto Sans (Regular|Medium|Italic)/);
      expect(text).not.toContain('icon-image":["step'); // no sprite icons
      for (const l of style.layers.filter((x) => x.type === 'symbol' && x.id.startsWith('basemap-')))
        expect(JSON.stringify((l as { layout: object }).layout)).toContain(lang === 'zh' ? '"name:zh"' : '"name:en"');
    }
  });

  it('keeps the sites’ colours the loudest: no basemap fill is more saturated than a pastel', () => {
    const sat = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
      return Math.max(r, g, b) - Math.min(r, g, b);
    };
    const fills = countyBasemapLayers('s', 'zh', 'F')
      .filter((l) => l.type === 'fill' || l.type === 'background')
      .flatMap((l) => JSON.stringify((l as { paint?: object }).paint ?? {}).match(/#[0-9a-f]{6}/gi) ?? []);
    expect(fills.length).toBeGreaterThan(5);
    for (const c of fills) expect(sat(c), c).toBeLessThan(0.25);
  });
});

describe('county basemap configuration and credits', () => {
  it('accepts an archive basemap in basemaps.json by its address, and names what is wrong', () => {
    const ok = parseBasemaps([{ ...county, id: 'office-osm', url: 'basemap/other.pmtiles', found: undefined }], 'basemaps.json');
    expect(ok.problems).toEqual([]);
    const bad = parseBasemaps([{ ...county, id: 'x', url: 'basemap/other.mbtiles' }], 'basemaps.json');
    expect(bad.problems).toEqual(['basemaps.json: basemap "x": url: the address of a .pmtiles archive (relative to the app, or absolute)']);
  });

  it('credits OpenStreetMap on the map (as text, not markup) and in the PNG and print line', () => {
    const credits = mapCredits('zh', county, null);
    expect(credits).toContain('© OpenStreetMap contributors &lt;b&gt;');
    expect(exportAttribution('en', 'county', [county], [], null)).toContain('© OpenStreetMap contributors <b>');
    expect(credits[0]).toContain('WGS-84');
  });
});

describe('a tour stop’s 3D terrain', () => {
  it('turns 3D terrain on with the stop’s exaggeration and puts back what was there after the tour', () => {
    useTerrain.setState({ threeD: false, exaggeration: 1.25 });
    showStopTerrain({ exaggeration: 2 });
    expect(useTerrain.getState()).toMatchObject({ threeD: true, exaggeration: 2 });
    showStopTerrain({ exaggeration: 3 });
    expect(useTerrain.getState()).toMatchObject({ threeD: true, exaggeration: 3 });
    showStopTerrain(undefined);
    expect(useTerrain.getState()).toMatchObject({ threeD: false, exaggeration: 1.25 });
  });
});

describe('the terrain credit in exports', () => {
  it('is given while the terrain is drawn: found, shown, on a WGS-84 map', async () => {
    const { terrainCredits } = await import('../../src/basemap/terrainCredit');
    const found = { url: 'u', encoding: 'terrarium' as const, maxzoom: 12, attribution: 'Terrain: AWS Open Data' };
    const maps = [{ id: 'county', datum: 'WGS-84' }] as never;
    expect(terrainCredits({ found, hillshade: true, threeD: false }, 'county', maps)).toEqual(['Terrain: AWS Open Data']);
    expect(terrainCredits({ found, hillshade: false, threeD: false }, 'county', maps)).toEqual([]);
    expect(terrainCredits({ found, hillshade: true, threeD: false }, 'embedded', maps)).toEqual([]);
    expect(terrainCredits({ found: { ...found, attribution: ' ' }, hillshade: true, threeD: true }, 'county', maps)).toEqual([]);
    expect(terrainCredits({ found: null, hillshade: true, threeD: true }, 'county', maps)).toEqual([]);
  });
});
