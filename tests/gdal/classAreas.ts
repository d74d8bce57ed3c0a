/**
 * GDAL's answer to "how much of this red line does each class take": Debian's ogr2ogr projects the parcels
 * and the red line to an Albers equal-area projection for China (not the app's own projection) and sums
 * SpatiaLite's ST_Area(ST_Intersection(…)) by class. Used by the unit and end-to-end tests of the land-class table.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon } from 'geojson';

const ALBERS = '+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs';

/** m² by class; `redLine` in WGS-84 / CGCS2000 longitude and latitude. */
export function gdalClassAreas(source: string, layer: string, field: string, redLine: Polygon): Map<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'landclass-'));
  const red = join(dir, 'red.geojson');
  writeFileSync(red, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: redLine }] }));
  const db = join(dir, 'work.gpkg');
  const common = ['-f', 'GPKG', '-lco', 'GEOMETRY_NAME=geom', '-t_srs', ALBERS];
  execFileSync('ogr2ogr', [...common, '-nln', 'parcels', db, source, layer]);
  execFileSync('ogr2ogr', [...common, '-update', '-s_srs', 'EPSG:4326', '-nln', 'redline', db, red]);
  const sql = `SELECT p."${field}" AS cls, SUM(ST_Area(ST_Intersection(p.geom, r.geom))) AS m2 FROM parcels p, redline r WHERE ST_Intersects(p.geom, r.geom) GROUP BY p."${field}"`;
  const csv = execFileSync('ogr2ogr', ['-f', 'CSV', '/vsistdout/', db, '-dialect', 'SQLite', '-sql', sql], { encoding: 'utf8' });
  return new Map(
    csv
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','))
      .filter((c) => Number(c[1]) > 0)
      .map((c) => [c[0] as string, Number(c[1])]),
  );
}
