/**
 * GeoPackage, File Geodatabase and KMZ as offices hand them over (fixtures from Debian's GDAL,
 * scripts/make-import-fixtures.sh), read by the app's code: KMZ by the parser, GeoPackage and geodatabase
 * by gdalRead.ts with GDAL's own WebAssembly build (its Node flavour, the same GDAL the browser loads).
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { distance } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Gdal, gdalMessage, readGdalLayer, spatialLayers } from '../../src/gdal/gdalRead';
import { parseImport } from '../../src/tools/import/parse';

const path = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));
const KNOWN = readFileSync(path('points.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','))
  .map((c) => ({ name: c[1] as string, at: [Number(c[4]), Number(c[5])] }));

let gdal: Gdal;
beforeAll(async () => {
  const init = createRequire(import.meta.url)('gdal3.js/node.js') as (c: object) => Promise<Gdal>;
  gdal = await init({ useWorker: false, logHandler: () => {}, errorHandler: () => {} });
}, 60_000);

const open = async (p: string, vfs: string[] = []) => {
  const r = await gdal.open(p, [], vfs);
  const ds = r.datasets[0];
  if (!ds) throw new Error('not opened');
  return ds;
};

describe('GeoPackage and File Geodatabase through GDAL', () => {
  it('lists the layers with geometry (not attribute tables) and asks which', async () => {
    const ds = await open(path('office.gpkg'));
    const layers = spatialLayers(ds.info as never);
    expect(layers).toEqual([
      { name: '三调地类图斑', features: 96, geometry: 'Polygon', crs: 'CGCS2000 / 3-degree Gauss-Kruger CM 120E' },
      { name: '项目点', features: 5, geometry: 'Point', crs: 'CGCS2000 / 3-degree Gauss-Kruger CM 120E' },
    ]);
    const r = await readGdalLayer(gdal, ds, 'geopackage', 'office.gpkg', {}, 'u1');
    expect(r).toEqual({ ok: false, needsLayers: layers });
    await gdal.close(ds);
  });

  it('reads a chosen layer in WGS-84 with its system named, each point within 1 cm of where it was written', async () => {
    const ds = await open(path('office.gpkg'));
    const r = await readGdalLayer(gdal, ds, 'geopackage', 'office.gpkg', { layer: '项目点' }, 'u2');
    await gdal.close(ds);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.kind).toBe('geopackage');
    expect(r.readAs).toEqual({
      crs: { name: 'CGCS2000 / 3-degree Gauss-Kruger CM 120E', epsg: 4549, approximate: false, basis: 'file' },
      layer: '项目点',
    });
    for (const k of KNOWN) {
      const f = r.fc.features.find((x) => x.properties?.名称 === k.name);
      expect(f, k.name).toBeTruthy();
      expect(distance(((f as GeoJSON.Feature).geometry as GeoJSON.Point).coordinates, k.at, { units: 'meters' })).toBeLessThan(0.01);
    }
    const missing = await readGdalLayer(gdal, await open(path('office.gpkg')), 'geopackage', 'office.gpkg', { layer: '没有' }, 'u3');
    expect(missing).toEqual({ ok: false, problem: { code: 'gdal-no-layer', file: 'office.gpkg', layer: '没有' } });
  });

  it('resolves a geodatabase’s coded values to their names beside the codes', async () => {
    const ds = await open(path('sandiao.gdb.zip'), ['vsizip']);
    const r = await readGdalLayer(gdal, ds, 'filegdb', 'sandiao.gdb.zip', {}, 'u4');
    await gdal.close(ds);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.fc.features).toHaveLength(96);
    const pairs = new Set(r.fc.features.map((f) => `${f.properties?.DLBM}=${f.properties?.DLBM_resolved}=${f.properties?.DLMC}`));
    // The domain's name for each code is the survey's own name of the class.
    for (const p of pairs) {
      const [code, resolved, name] = p.split('=');
      expect(code).toMatch(/^\d{4}$/);
      expect(resolved).toBe(name);
    }
    expect(r.readAs.crs?.epsg).toBe(4549);
  });

  it('a DXF in Gauss-Kruger metres names no system: the importer asks, then places each point within 1 cm', async () => {
    const ds = await open(path('points-4549.dxf'));
    const asked = await readGdalLayer(gdal, ds, 'dxf', 'points-4549.dxf', {}, 'u6');
    if (!('needsCrs' in asked)) throw new Error(JSON.stringify(asked));
    expect(asked.needsCrs.candidates).toContain(4549);
    const r = await readGdalLayer(gdal, ds, 'dxf', 'points-4549.dxf', { crs: 4549 }, 'u7');
    await gdal.close(ds);
    if (!r.ok) throw new Error(JSON.stringify(r));
    const at = r.fc.features.map((f) => (f.geometry as GeoJSON.Point).coordinates);
    for (const k of KNOWN) expect(Math.min(...at.map((p) => distance(p, k.at, { units: 'meters' })))).toBeLessThan(0.01);
  });

  it('a zipped MapInfo table in GBK: names read, the unnamed system described, points within 5 cm', async () => {
    // As the worker does: the zip mounted under /input, then the table inside it opened.
    await gdal.open(path('mapinfo-points.zip'), [], ['vsizip']).catch(() => null);
    const ds = await open('/input/mapinfo-points.zip/points.tab', ['vsizip']);
    const r = await readGdalLayer(gdal, ds, 'mapinfo', 'mapinfo-points.zip', {}, 'u8');
    await gdal.close(ds);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.readAs.crs?.name).toBe('Transverse Mercator, World Geodetic System 1984');
    for (const k of KNOWN) {
      const f = r.fc.features.find((x) => Object.values(x.properties ?? {}).includes(k.name));
      expect(f, k.name).toBeTruthy();
      // MapInfo stores coordinates on a grid of its bounds' resolution (here 1 cm), so within a few centimetres.
      expect(distance(((f as GeoJSON.Feature).geometry as GeoJSON.Point).coordinates, k.at, { units: 'meters' })).toBeLessThan(0.05);
    }
  });

  it('a file GDAL cannot open is refused with GDAL’s reason', async () => {
    const error = await gdal.open(path('broken.gpkg')).then(
      () => null,
      (e) => e,
    );
    expect(gdalMessage(error)).toMatch(/\S/);
  });

  it('a limit on features refuses a layer before it is converted', async () => {
    const ds = await open(path('office.gpkg'));
    const r = await readGdalLayer(
      gdal,
      ds,
      'geopackage',
      'office.gpkg',
      { layer: '三调地类图斑', limits: { bytes: 1e9, features: 50 } },
      'u5',
    );
    await gdal.close(ds);
    expect(r).toEqual({ ok: false, problem: { code: 'too-many-features', count: 96, limit: 50 } });
  });
});

describe('KMZ and what the import worker hands to GDAL', () => {
  it('reads every .kml inside a KMZ (GDAL writes doc.kml linking to layers/*.kml)', async () => {
    const r = await parseImport('points.kmz', new Uint8Array(readFileSync(path('points.kmz'))));
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.fc.features.map((f) => f.properties?.name).sort()).toEqual(KNOWN.map((k) => k.name).sort());
  });

  it('sends GeoPackages and zipped geodatabases to GDAL, refuses a renamed file', async () => {
    expect(await parseImport('office.gpkg', new Uint8Array(readFileSync(path('office.gpkg'))))).toEqual({
      ok: false,
      needsGdal: 'geopackage',
    });
    expect(await parseImport('landuse-gdb.zip', new Uint8Array(readFileSync(path('landuse-gdb.zip'))))).toEqual({
      ok: false,
      needsGdal: 'filegdb',
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await parseImport('fake.gpkg', png)).toEqual({ ok: false, problem: { code: 'not-what-it-claims', claimed: 'GeoPackage' } });
  });
});
