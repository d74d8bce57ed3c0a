/**
 * Area by land class against Debian's GDAL: the fixture 三调 parcels (tests/fixtures/import/office.gpkg, from
 * scripts/make-import-fixtures.sh) cut by a red line, each class's area as GDAL computes it (SpatiaLite's
 * ST_Intersection and ST_Area in an Albers equal-area projection for China, not the app's own projection)
 * within 0.1 %; and what the table does with a parcel that crosses itself.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { landClassTable, M2_PER_MU, suggestClassField } from '../../src/landclass/landClass';
import { sandiaoClassField, sandiaoFields } from '../../src/layers/sandiao';
import { gdalClassAreas } from '../gdal/classAreas';

const GPKG = fileURLToPath(new URL('../fixtures/import/office.gpkg', import.meta.url));
const LAYER = '三调地类图斑';
/** A red line over about half of the grid, crossing cells at odd angles. */
const RED_LINE: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [119.2655, 28.5842],
      [119.2748, 28.5836],
      [119.2761, 28.5881],
      [119.2712, 28.5889],
      [119.2689, 28.5896],
      [119.2655, 28.5842],
    ],
  ],
};
const parcels = (): Feature[] =>
  JSON.parse(
    execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '-lco', 'COORDINATE_PRECISION=10', '/vsistdout/', GPKG, LAYER], {
      encoding: 'utf8',
    }),
  ).features;

const gdalAreas = () => gdalClassAreas(GPKG, LAYER, 'DLMC', RED_LINE);

describe('area by land class', () => {
  it('agrees with GDAL within 0.1 % for every class of a 三调 parcel layer', () => {
    const want = gdalAreas();
    const r = landClassTable({ target: RED_LINE, parcels: parcels(), field: 'DLMC' });
    expect(r.skipped).toEqual([]);
    expect(r.rows.map((x) => x.value).sort()).toEqual([...want.keys()].sort());
    for (const row of r.rows) {
      const gdal = want.get(row.value) as number;
      expect(Math.abs(row.m2 - gdal) / gdal, row.value).toBeLessThan(0.001);
    }
    // The grid covers the whole red line: the classes add up to its area, the shares to one.
    expect(Math.abs(r.classedM2 - r.areaM2) / r.areaM2).toBeLessThan(1e-6);
    expect(r.rows.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 6);
    // The pieces carry their class and area; 亩 is 1/15 of a hectare.
    expect(r.pieces.length).toBe(r.rows.reduce((s, x) => s + x.parcels, 0));
    const piece = r.pieces[0] as Feature<Polygon, Record<string, number>>;
    expect(piece.properties.mu).toBeCloseTo((piece.properties.m2 as number) / M2_PER_MU, 2);
    expect(M2_PER_MU).toBeCloseTo(666.667, 3);
  });

  it('skips a parcel that crosses itself, says which, and keeps the others right', () => {
    const all = parcels();
    const bow: Feature = {
      type: 'Feature',
      properties: { DLMC: '坏图斑' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [119.266, 28.585],
            [119.27, 28.587],
            [119.27, 28.585],
            [119.266, 28.587],
            [119.266, 28.585],
          ],
        ],
      },
    };
    const line: Feature = {
      type: 'Feature',
      properties: { DLMC: '线' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [119.27, 28.585],
          [119.271, 28.586],
        ],
      },
    };
    const good = landClassTable({ target: RED_LINE, parcels: all, field: 'DLMC' });
    const r = landClassTable({ target: RED_LINE, parcels: [...all, bow, line], field: 'DLMC' });
    expect(r.skipped).toEqual([{ index: all.length, reason: 'self-intersection' }]);
    expect(r.notPolygons).toBe(1);
    expect(r.rows.map((x) => x.value)).not.toContain('坏图斑');
    expect(r.classedM2).toBeCloseTo(good.classedM2, 6);
  });

  it('suggests the 三调 land-class name, then the code, then a text field', () => {
    expect(
      suggestClassField([
        { name: 'BSM', numeric: true },
        { name: 'DLBM', numeric: false },
        { name: 'DLMC', numeric: false },
      ]),
    ).toBe('DLMC');
    expect(
      suggestClassField([
        { name: 'BSM', numeric: true },
        { name: 'DLBM', numeric: false },
      ]),
    ).toBe('DLBM');
    expect(
      suggestClassField([
        { name: 'BSM', numeric: true },
        { name: '类型', numeric: false },
      ]),
    ).toBe('类型');
    expect(suggestClassField([{ name: 'BSM', numeric: true }])).toBeUndefined();
  });

  it('recognises a 三调 parcel layer by its fields, whatever their case, and names its class field', () => {
    expect(sandiaoFields(['BSM', 'DLBM', 'DLMC', 'QSDWMC', 'TBMJ'])).toEqual(['BSM', 'DLBM', 'DLMC', 'QSDWMC', 'TBMJ']);
    expect(sandiaoFields(['bsm', 'dlbm', 'DLBM_resolved'])).toEqual(['bsm', 'dlbm']);
    // A land-class field is needed, and one more of the survey's: a lone "BSM" or "DLMC" is not enough.
    expect(sandiaoFields(['BSM', 'TBMJ'])).toEqual([]);
    expect(sandiaoFields(['DLMC', '名称'])).toEqual([]);
    expect(sandiaoClassField(['BSM', 'DLBM', 'DLBM_resolved'])).toBe('DLBM_resolved');
    expect(sandiaoClassField(['dlmc', 'DLBM'])).toBe('dlmc');
  });
});
