import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { area, bbox } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  assertRequiredCounties,
  type CityFile,
  cleanRing,
  readCityCollection,
  roleOf,
  simplifyCounties,
} from '../../scripts/lib/basemap-derive';
import { HOME_BOUNDS } from '../../src/map/camera';
import { GEODATA } from './helpers';

const countiesText = readFileSync(join(GEODATA, 'basemap/counties.geojson'), 'utf8');
const counties = JSON.parse(countiesText) as FeatureCollection<Polygon | MultiPolygon, { name_zh: string; role: string }>;
const LISHUI: CityFile = { file: 'test.geojson', zh: '丽水市', en: 'Lishui' };

describe('the committed basemap', () => {
  it('keeps Suichang within 1 % of the package polygon (about 2,549 km²)', () => {
    const suichang = counties.features.find((f) => f.properties.name_zh === '遂昌县');
    expect(suichang).toBeDefined();
    const km2 = area(suichang!) / 1e6;
    expect(Math.abs(km2 - 2548.8) / 2548.8).toBeLessThan(0.01);
    // and within 1 % of the official 2,539.56 km² too
    expect(Math.abs(km2 - 2539.56) / 2539.56).toBeLessThan(0.01);
  });

  it('stays small: all basemap data under 300 kB gzipped', () => {
    const labels = readFileSync(join(GEODATA, 'basemap/labels.geojson'));
    expect(gzipSync(countiesText).length + gzipSync(labels).length).toBeLessThan(300 * 1024);
  });

  it('has every county of Zhejiang, with the roles the style colours', () => {
    expect(counties.features.length).toBe(89);
    const roles = Object.fromEntries(counties.features.map((f) => [f.properties.name_zh, f.properties.role]));
    expect(roles['遂昌县']).toBe('focus');
    expect(roles['南湖区']).toBe('enclave-host');
    expect(roles['桐乡市']).toBe('enclave-host');
    expect(roles['龙泉市']).toBe('lishui');
    expect(roles['西湖区']).toBe('zhejiang');
  });

  it('agrees with the camera’s home bounds', () => {
    const suichang = counties.features.find((f) => f.properties.name_zh === '遂昌县')!;
    expect(bbox(suichang).map((v) => Number(v.toFixed(4)))).toEqual(HOME_BOUNDS);
  });
});

describe('basemap derivation helpers', () => {
  it('roleOf', () => {
    expect(roleOf('丽水市', '遂昌县')).toBe('focus');
    expect(roleOf('嘉兴市', '桐乡市')).toBe('enclave-host');
    expect(roleOf('丽水市', '松阳县')).toBe('lishui');
    expect(roleOf('杭州市', '西湖区')).toBe('zhejiang');
  });

  it('cleanRing rounds, drops repeated vertices, keeps the ring closed, and drops degenerate rings', () => {
    expect(
      cleanRing(
        [
          [0, 0],
          [0, 0],
          [1.000001, 0],
          [1, 1],
          [0, 0.0000001],
        ],
        4,
      ),
    ).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ]);
    expect(
      cleanRing(
        [
          [0, 0],
          [0.00001, 0],
          [0, 0],
        ],
        4,
      ),
    ).toBeNull();
  });

  it('readCityCollection names the file and feature it cannot read', () => {
    expect(() => readCityCollection(LISHUI, '{oops')).toThrow(/^test\.geojson: not valid JSON/);
    expect(() => readCityCollection(LISHUI, '{"type":"Topology"}')).toThrow('test.geojson: expected a GeoJSON FeatureCollection');
    expect(() =>
      readCityCollection(
        LISHUI,
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[0,0]}}]}',
      ),
    ).toThrow('test.geojson: feature 0 has no "name" property');
  });

  it('assertRequiredCounties lists what is missing', () => {
    expect(() => assertRequiredCounties([])).toThrow(/lacks counties the basemap needs: 遂昌县, 莲都区/);
  });

  it('simplifies neighbours without opening a gap on their shared border', () => {
    // Two squares sharing a wiggly border.
    const border = Array.from({ length: 21 }, (_, i) => [1 + (i % 2) * 0.001, i / 20]);
    const left = [[0, 0], ...border, [0, 1], [0, 0]];
    const right = [[2, 0], [2, 1], ...border.slice().reverse(), [2, 0]];
    const raw = [
      { id: '1', name: '遂昌县', cp: null, geometry: { type: 'Polygon' as const, coordinates: [left] }, city: LISHUI },
      { id: '2', name: '松阳县', cp: null, geometry: { type: 'Polygon' as const, coordinates: [right] }, city: LISHUI },
    ];
    const out = simplifyCounties(raw, 1e-4, 6);
    expect(out).toHaveLength(2);
    const a = area(out[0]!) + area(out[1]!);
    const b = area(raw[0]!.geometry) + area(raw[1]!.geometry);
    expect(Math.abs(a - b) / b).toBeLessThan(1e-9); // what one loses the other gains
    const ring = (out[0]!.geometry as Polygon).coordinates[0]!;
    expect(ring.length).toBeLessThan(left.length);
  });
});
