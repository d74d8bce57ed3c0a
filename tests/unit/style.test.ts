import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { layers, sites } from '../../src/data/geodata';
import { LAYER, SOURCE } from '../../src/map/ids';
import { buildStyle as build, coreContribution, type StyleInput, siteFilter } from '../../src/map/style';
import { lines, styleData, styleInput } from './styleFixture';

const data = styleData;
const input = styleInput;
const buildStyle = (i: StyleInput) => build(i, data);

const layerOf = (style: ReturnType<typeof buildStyle>, id: string) => {
  const layer = style.layers.find((l) => l.id === id);
  if (!layer) throw new Error(`no layer ${id}`);
  return layer as { layout?: Record<string, unknown>; paint?: Record<string, unknown>; filter?: unknown };
};

describe('the style builder', () => {
  it('builds a style the style spec accepts', () => {
    const errors = validateStyleMin(buildStyle(input()) as never);
    expect(errors.map((e) => e.message)).toEqual([]);
    const selected = validateStyleMin(
      buildStyle(
        input({
          selectedId: 'devzone-east',
          lang: 'en',
          visibleLayers: [],
          highlightIds: ['chemical-park'],
          circles: true,
        }),
      ) as never,
    );
    expect(selected.map((e) => e.message)).toEqual([]);
  });

  it('a selection changes only the site labels: the sites and their links are marked by feature state', () => {
    const none = buildStyle(input());
    const chosen = buildStyle(input({ selectedId: 'enclave-nanhu', highlightIds: ['chemical-park'] }));
    const changed = chosen.layers.filter((l, i) => JSON.stringify(l) !== JSON.stringify(none.layers[i]));
    // MapLibre re-tiles a source when a filter or layout of one of its layers changes: only the small
    // one-point-per-site label source may be touched by a click or a tour stop.
    expect(changed.map((l) => l.id)).toEqual([LAYER.siteLabel]);
    expect(JSON.stringify(chosen.sources)).toEqual(JSON.stringify(none.sources));
    const outline = layerOf(chosen, LAYER.selectedOutline);
    expect(outline.paint?.['line-opacity']).toEqual(['case', ['boolean', ['feature-state', 'selected'], false], 1, 0]);
    expect(JSON.stringify(layerOf(chosen, LAYER.connectionLine).paint?.['line-width'])).toContain('feature-state');
    expect(JSON.stringify(layerOf(chosen, LAYER.siteLabel).filter)).toContain('enclave-nanhu');
  });

  it('puts an online raster basemap under the overlays, with the counties only tinting Suichang', () => {
    const config = {
      id: 'osm',
      name: { zh: 'OSM', en: 'OSM' },
      type: 'raster' as const,
      tiles: ['http://127.0.0.1:9/{z}/{x}/{y}.png'],
      datum: 'WGS-84' as const,
      attribution: '© OpenStreetMap contributors',
    };
    const style = buildStyle(input({ online: { config } }));
    expect(validateStyleMin(style as never).map((e) => e.message)).toEqual([]);
    expect(style.layers.map((l) => l.id).slice(0, 3)).toEqual([LAYER.background, LAYER.onlineBasemap, LAYER.countyFill]);
    expect(style.sources[SOURCE.onlineBasemap]).toMatchObject({ type: 'raster', tiles: config.tiles, attribution: config.attribution });
    expect(JSON.stringify(layerOf(style, LAYER.countyFill).paint?.['fill-opacity'])).toContain('"focus",0.18');
    expect(buildStyle(input()).sources[SOURCE.onlineBasemap]).toBeUndefined();
  });

  it('cuts the counties with a tile buffer that holds their widest line, not MapLibre’s quarter tile', () => {
    // The values a width expression can give (its outputs, not its stop zooms or conditions).
    const outputs = (e: unknown): number[] => {
      if (typeof e === 'number') return [e];
      if (!Array.isArray(e)) throw new Error(`unknown width ${JSON.stringify(e)}`);
      const at = (from: number, step: number, last: boolean) => [
        ...e.slice(from, last ? -1 : undefined).filter((_, i) => i % step === 0),
        ...(last ? [e.at(-1)] : []),
      ];
      if (e[0] === 'interpolate') return at(4, 2, false).flatMap(outputs);
      if (e[0] === 'case') return at(2, 2, true).flatMap(outputs);
      if (e[0] === 'match') return at(3, 2, true).flatMap(outputs);
      throw new Error(`unknown width expression ${String(e[0])}`);
    };
    const style = buildStyle(input());
    const widest = new Map<string, number>();
    for (const l of style.layers) {
      if (l.type !== 'line') continue;
      const w = Math.max(...outputs((l.paint as Record<string, unknown>)['line-width'] ?? 1));
      widest.set(l.source, Math.max(widest.get(l.source) ?? 0, w));
    }
    expect(widest.get(SOURCE.counties)).toBe(3);
    // The indicative areas' soft halo is the sites' widest line (22 px at zoom 14).
    expect(widest.get(SOURCE.sites)).toBe(22);
    for (const [id, w] of widest) {
      // MapLibre's default is 128. Half a line reaches past its centre, a round cap as far again: four widths hold both.
      const buffer = (style.sources[id] as { buffer?: number }).buffer ?? 128;
      expect(buffer, id).toBeGreaterThanOrEqual(4 * w);
    }
    expect((style.sources[SOURCE.counties] as { buffer?: number }).buffer).toBeLessThan(128);
  });

  it('uses only the app’s own fonts and no glyph server', () => {
    const style = buildStyle(input());
    expect(style.glyphs).toBeUndefined();
    expect(JSON.stringify(style['font-faces'])).toContain('cjk.woff2');
    const fonts = new Set(
      style.layers.flatMap((l) => ((l.layout as Record<string, unknown> | undefined)?.['text-font'] as string[] | undefined) ?? []),
    );
    expect([...fonts]).toEqual(['Noto Sans SC']);
  });

  it('exposes every source and layer id it declares as constants', () => {
    const style = buildStyle(input());
    const embedded = (ids: Record<string, string>) =>
      Object.values(ids)
        .filter((id) => id !== SOURCE.onlineBasemap)
        .sort();
    expect(Object.keys(style.sources).sort()).toEqual(embedded(SOURCE));
    expect(style.layers.map((l) => l.id).sort()).toEqual(embedded(LAYER));
  });

  it('filters sites by visible layer, status and precision', () => {
    expect(siteFilter({ visibleLayers: ['devzone'], statuses: ['built'], precisions: ['indicative'] })).toEqual([
      'all',
      ['in', ['get', 'layer'], ['literal', ['devzone']]],
      ['in', ['get', 'status'], ['literal', ['built']]],
      ['in', ['get', 'precision'], ['literal', ['indicative']]],
    ]);
  });

  it('hides the enclave links with the enclave layer, and labels in the chosen language', () => {
    const off = buildStyle(input({ visibleLayers: ['devzone'] }));
    expect(layerOf(off, LAYER.connectionLine).layout?.visibility).toBe('none');
    const en = buildStyle(input({ lang: 'en' }));
    expect(layerOf(en, LAYER.siteLabel).layout?.['text-field']).toEqual(['get', 'name_en']);
  });

  it('labels each site once, from its anchor point (a polygon would be labelled once per tile it spans)', () => {
    const style = buildStyle(input());
    const label = style.layers.find((l) => l.id === LAYER.siteLabel) as { source?: string };
    expect(label.source).toBe(SOURCE.siteLabels);
    const data = (style.sources[SOURCE.siteLabels] as { data: { features: { geometry: { type: string } }[] } }).data;
    expect(data.features.map((f) => f.geometry.type)).toEqual(sites.map(() => 'Point'));
    expect(sites.some((s) => s.geometry.type !== 'Point')).toBe(true);
  });

  it('draws indicative polygons dashed and placed ones solid, chosen or not', () => {
    const style = buildStyle(input());
    const chosenDashed = layerOf(style, LAYER.selectedOutlineIndicative);
    expect(chosenDashed.paint?.['line-dasharray']).toBeDefined();
    expect(JSON.stringify(chosenDashed.filter)).toContain('"==",["get","precision"],"indicative"');
    expect(layerOf(style, LAYER.selectedOutline).paint?.['line-dasharray']).toBeUndefined();
    expect(JSON.stringify(layerOf(style, LAYER.selectedOutline).filter)).toContain('"!=",["get","precision"],"indicative"');
    // An indicative area: a blurred halo (no edge to read as a boundary), its dashed edge only under the pointer.
    const halo = layerOf(style, LAYER.siteOutlineIndicative);
    expect(halo.paint?.['line-blur']).toBeDefined();
    expect(halo.paint?.['line-dasharray']).toBeUndefined();
    expect(JSON.stringify(halo.filter)).toContain('"==",["get","precision"],"indicative"');
    const edge = layerOf(style, LAYER.siteEdgeIndicative);
    expect(edge.paint?.['line-dasharray']).toBeDefined();
    expect(JSON.stringify(edge.paint?.['line-opacity'])).toContain('"feature-state","hover"');
    const solid = layerOf(style, LAYER.siteOutline);
    expect(solid.paint?.['line-dasharray']).toBeUndefined();
  });
});

describe('link distance labels', () => {
  it('are one point per link, at the middle of the arc (a line-center label repeats per tile)', () => {
    const style = buildStyle(input());
    const src = style.sources[SOURCE.connectionLabels] as unknown as {
      data: { features: { geometry: { type: string; coordinates: number[] }; properties: { km: number } }[] };
    };
    expect(src.data.features).toHaveLength(lines.features.length);
    lines.features.forEach((line, i) => {
      const c = line.geometry.coordinates;
      expect(src.data.features[i]?.geometry).toEqual({ type: 'Point', coordinates: c[Math.floor(c.length / 2)] });
      expect(src.data.features[i]?.properties.km).toBe(line.properties.km);
    });
    const label = style.layers.find((l) => l.id === LAYER.connectionLabel) as { source: string; layout: Record<string, unknown> };
    expect(label.source).toBe(SOURCE.connectionLabels);
    expect(label.layout['symbol-placement']).toBeUndefined();
  });
});

describe('style apart from data', () => {
  it('a change of state changes no source: data reaches the map with setData, not in the style', () => {
    const states: Partial<StyleInput>[] = [
      { lang: 'en' },
      { visibleLayers: ['devzone'] },
      { opacity: Object.fromEntries(layers.map((l) => [l.id, 0.4])) },
      { statuses: ['built'] },
      { selectedId: 'chemical-park', highlightIds: ['enclave-nanhu'] },
      { circles: true },
    ];
    const sources = coreContribution(input(), data).sources;
    for (const over of states) expect(coreContribution(input(over), data).sources).toEqual(sources);
  });

  it('each link fades with its own layer, whatever the layer is called', () => {
    const layer = lines.features[0]?.properties.layer as string;
    const style = buildStyle(input({ opacity: { ...Object.fromEntries(layers.map((l) => [l.id, 1])), [layer]: 0.3 } }));
    expect(JSON.stringify(layerOf(style, LAYER.connectionLine).paint?.['line-opacity'])).toContain(`"${layer}",0.3`);
  });
});
