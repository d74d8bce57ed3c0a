/**
 * The Shapefile export's pure parts: GBK text, the DBF's field names, ring winding, the .prj, the
 * zone offered first, and the GCJ-02 → WGS-84 inversion's residual. GDAL reads the files in
 * tests/e2e/export.spec.ts.
 */
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { exportCrsFor, gcjToWgs, prjOf } from '../../src/export/exportCrs';
import { exportShapefile } from '../../src/export/exportShapefile';
import { encodeGbk } from '../../src/export/gbk';
import { planFields, windForShapefile } from '../../src/export/shapefile';

describe('GBK', () => {
  it('encodes Chinese as GBK, ASCII as itself, and names what it cannot hold', () => {
    const r = encodeGbk('遂昌 A1');
    expect([...r.bytes]).toEqual([0xcb, 0xec, 0xb2, 0xfd, 0x20, 0x41, 0x31]);
    expect(new TextDecoder('gbk').decode(r.bytes)).toBe('遂昌 A1');
    expect(encodeGbk('红线😀').unmappable).toEqual(['😀']);
  });
});

describe('DBF fields', () => {
  it('cuts names to 10 bytes in the encoding, numbers collisions, types from values', () => {
    const features = [{ parts: [], properties: { 名称: '红线', 规划用地面积亩: 12.5, 规划用地面积公顷: 0.83, note: '' } }];
    const gbk = planFields(features, 'GBK');
    expect(gbk.map((f) => f.name)).toEqual(['名称', '规划用地面', '规划用地_1', 'note']);
    expect(gbk.map((f) => [f.type, f.decimals])).toEqual([
      ['C', 0],
      ['N', 1],
      ['N', 2],
      ['C', 0],
    ]);
    // UTF-8: three bytes a character, three characters.
    expect(planFields(features, 'UTF-8')[1]?.name).toBe('规划用');
  });
});

describe('geometry', () => {
  it('winds outer rings clockwise and holes counter-clockwise', () => {
    const ccw = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const [outer, hole] = windForShapefile([ccw, [...ccw].reverse()]);
    expect(outer).toEqual([...ccw].reverse());
    expect(hole).toEqual(ccw);
  });
});

describe('coordinate systems', () => {
  it("offers Suichang's own zone first: 3-degree, 120°E (4549), then with the zone number (4528)", () => {
    expect(exportCrsFor(119.3).map((c) => c.epsg)).toEqual([4549, 4528, 4509, 4490, 4326]);
  });

  it('writes the ESRI WKT ArcGIS writes', () => {
    expect(prjOf(4549)).toMatch(/^PROJCS\["CGCS2000_3_Degree_GK_CM_120E",GEOGCS\["GCS_China_Geodetic_Coordinate_System_2000"/);
    expect(prjOf(4549)).toContain('PARAMETER["False_Easting",500000.0]');
    expect(prjOf(4528)).toMatch(/^PROJCS\["CGCS2000_3_Degree_GK_Zone_40"/);
    expect(prjOf(4528)).toContain('PARAMETER["False_Easting",40500000.0]');
    expect(prjOf(4509)).toMatch(/^PROJCS\["CGCS2000_GK_CM_117E"/);
    expect(prjOf(4490)).toMatch(/^GEOGCS\["GCS_China_Geodetic_Coordinate_System_2000"/);
    expect(() => prjOf(2385)).toThrow(/not a CGCS2000 Gauss-Kruger/);
  });

  it('inverts GCJ-02 to under a millimetre (the residual measured over the county)', () => {
    let worst = 0;
    for (let lon = 118.7; lon <= 119.6; lon += 0.05)
      for (let lat = 28.1; lat <= 28.8; lat += 0.05) {
        const wgs = gcjToWgs([lon, lat]);
        const back = gcoord.transform(wgs, gcoord.WGS84, gcoord.GCJ02) as [number, number];
        worst = Math.max(worst, Math.hypot((back[0] - lon) * 97_800, (back[1] - lat) * 111_000));
      }
    // metres: the round trip reproduces the GCJ-02 input to well under a millimetre
    expect(worst).toBeLessThan(0.001);
  });
});

describe('the zip', () => {
  it('one Shapefile per kind, each with .prj and .cpg, and the field names told', () => {
    const r = exportShapefile(
      'drawings',
      [
        {
          type: 'Feature',
          properties: { name: '红线一', 备注说明文字很长的字段: '会议' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [119.27, 28.59],
                [119.28, 28.59],
                [119.28, 28.6],
                [119.27, 28.59],
              ],
            ],
          },
        },
        { type: 'Feature', properties: { name: '点' }, geometry: { type: 'Point', coordinates: [119.27, 28.59] } },
        { type: 'Feature', properties: { name: '无' }, geometry: null as never },
      ],
      4549,
      'GBK',
    );
    expect(r.files).toEqual([
      'drawings_points.shp',
      'drawings_points.shx',
      'drawings_points.dbf',
      'drawings_points.prj',
      'drawings_points.cpg',
      'drawings_polygons.shp',
      'drawings_polygons.shx',
      'drawings_polygons.dbf',
      'drawings_polygons.prj',
      'drawings_polygons.cpg',
      'drawings_fields.txt',
    ]);
    expect(r.counts).toEqual({ point: 1, polygon: 1 });
    expect(r.renamed).toEqual([{ from: '备注说明文字很长的字段', to: '备注说明文' }]);
    expect(r.skipped).toBe(1);
    expect(r.zip.slice(0, 4)).toEqual(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]));
  });
});

describe('KML and KMZ', () => {
  it('writes names, notes and attributes as XML text, in WGS-84', async () => {
    const { toKml, toKmz } = await import('../../src/export/kml');
    const { DOMParser } = await import('@xmldom/xmldom');
    const features = [
      {
        type: 'Feature' as const,
        properties: { name: '红线 <一>', note: 'A & B', area: 12.5 },
        geometry: { type: 'Point' as const, coordinates: [119.27, 28.59] },
      },
    ];
    const text = toKml('遂昌', features);
    const doc = new DOMParser().parseFromString(text, 'text/xml');
    expect(doc.getElementsByTagName('name')[1]?.textContent).toBe('红线 <一>');
    expect(doc.getElementsByTagName('description')[0]?.textContent).toBe('A & B');
    expect(doc.getElementsByTagName('Data')[0]?.getAttribute('name')).toBe('area');
    const [lon, lat] = (doc.getElementsByTagName('coordinates')[0]?.textContent ?? '').split(',').map(Number);
    const wgs = gcjToWgs([119.27, 28.59]);
    expect(lon).toBeCloseTo(wgs[0], 7);
    expect(lat).toBeCloseTo(wgs[1], 7);
    expect(text).not.toContain('<一>');
    expect(toKmz('遂昌', features).slice(0, 4)).toEqual(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]));
  });
});

describe('a layer kept in WGS-84', () => {
  it('is projected as it is, without the GCJ-02 inversion', async () => {
    const { projector } = await import('../../src/export/exportCrs');
    const p: [number, number] = [119.27, 28.59];
    expect(projector(4326, 'WGS-84')(p)).toEqual(p);
    expect(projector(4326, 'GCJ-02')(p)).toEqual(gcjToWgs(p));
    const [e] = projector(4549, 'WGS-84')(p);
    expect(e).toBeGreaterThan(400_000);
    expect(e).toBeLessThan(500_000);
  });
});
