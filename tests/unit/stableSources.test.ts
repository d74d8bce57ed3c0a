import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { keepUnchangedSources } from '../../src/map/stableSources';

const fc = (n: number) => ({
  type: 'FeatureCollection' as const,
  features: Array.from({ length: n }, () => ({
    type: 'Feature' as const,
    properties: {},
    geometry: { type: 'Point' as const, coordinates: [120, 29] },
  })),
});
const style = (sources: StyleSpecification['sources']): StyleSpecification => ({ version: 8, sources, layers: [] });

describe('keeping unchanged GeoJSON sources out of the style diff', () => {
  const url = 'http://127.0.0.1/assets/counties.geojson';
  const sites = fc(3);

  it('puts a URL back where MapLibre serialised the loaded data, so the basemap is not reloaded', () => {
    const applied = style({ counties: { type: 'geojson', data: url, attribution: 'x' } });
    const current = style({ counties: { type: 'geojson', data: fc(2), attribution: 'x' } });
    const next = style({ counties: { type: 'geojson', data: url, attribution: 'x' } });
    const out = keepUnchangedSources(current, next, applied, true);
    expect(current.sources.counties).toEqual(next.sources.counties);
    expect(out.sources.counties).toEqual({ type: 'geojson', data: url, attribution: 'x' });
  });

  it('gives the same object on both sides one small token while diffing, never when loading afresh', () => {
    const applied = style({ sites: { type: 'geojson', data: sites, promoteId: 'id' } });
    const current = style({ sites: { type: 'geojson', data: fc(3), promoteId: 'id' } });
    const next = style({ sites: { type: 'geojson', data: sites, promoteId: 'id' } });
    const out = keepUnchangedSources(current, next, applied, true);
    expect(out.sources.sites).toEqual({ type: 'geojson', data: 'unchanged:sites', promoteId: 'id' });
    expect(current.sources.sites).toEqual(out.sources.sites);
    expect(next.sources.sites).toEqual({ type: 'geojson', data: sites, promoteId: 'id' }); // the caller's style is not touched
    const fresh = style({ sites: { type: 'geojson', data: fc(3), promoteId: 'id' } });
    expect(keepUnchangedSources(fresh, next, applied, false)).toBe(next);
  });

  it('leaves changed data, changed options and new sources to the diff', () => {
    const applied = style({ a: { type: 'geojson', data: sites }, b: { type: 'geojson', data: url, promoteId: 'id' } });
    const current = style({ a: { type: 'geojson', data: fc(3) }, b: { type: 'geojson', data: fc(1), promoteId: 'id' } });
    const next = style({
      a: { type: 'geojson', data: fc(3) },
      b: { type: 'geojson', data: url, promoteId: 'key' },
      c: { type: 'geojson', data: sites },
    });
    const out = keepUnchangedSources(current, next, applied, true);
    expect(out).toBe(next);
    expect(typeof current.sources.a === 'object' && 'data' in current.sources.a && typeof current.sources.a.data).toBe('object');
    expect(current.sources.b).toEqual({ type: 'geojson', data: fc(1), promoteId: 'id' });
  });

  it('does nothing before a style was applied', () => {
    const next = style({ a: { type: 'geojson', data: url } });
    expect(keepUnchangedSources(style({}), next, null, true)).toBe(next);
  });
});
