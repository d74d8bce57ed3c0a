/**
 * The planners' GIS round trip in `npm run bench` (BENCH_ONLY=gis; opt-in: GDAL's first load is a download
 * of 40 MB, not a budget), each against Debian's GDAL command line doing the same on this machine:
 * - a GeoPackage of 10k parcels (EPSG:4549) imported in the app → drawn: the first time (GDAL fetched and
 *   compiled in its worker), then again in the same page (GDAL warm) — against `ogr2ogr` to GeoJSON in WGS-84;
 * - 10k polygons as a GBK Shapefile in EPSG:4549: the app's writer (src/export, under Node's V8) against
 *   `ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:4549 -lco ENCODING=CP936`;
 * - the land-class table for a red line over 50k parcels: the app's table (src/landclass, under Node's V8)
 *   against `ogr2ogr -dialect SQLite` with ST_Intersection/ST_Area in an equal-area projection.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, Polygon } from 'geojson';
import { exportShapefile } from '../src/export/exportShapefile.ts';
import { landClassTable } from '../src/landclass/landClass.ts';
import { median, r1, waitIdle, x2 } from './measure.ts';
import type { TilesBenchContext } from './tiles.ts';

const CLASSES = ['水田', '旱地', '乔木林地', '农村宅基地', '河流水面', '果园', '农村道路', '城镇住宅用地'];

/** A grid of `cols × rows` parcels of `d` degrees around Suichang's seat (WGS-84), land classes in a pattern. */
function parcels(cols: number, rows: number, d: number): Feature<Polygon>[] {
  const out: Feature<Polygon>[] = [];
  const x0 = 119.276 - (cols * d) / 2;
  const y0 = 28.592 - (rows * d) / 2;
  for (let j = 0; j < rows; j++)
    for (let i = 0; i < cols; i++) {
      const x = x0 + i * d;
      const y = y0 + j * d;
      out.push({
        type: 'Feature',
        properties: { BSM: out.length + 1, DLMC: CLASSES[(i * 3 + j * 5) % CLASSES.length] as string, QSDWMC: '妙高街道某村' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + d, y],
              [x + d, y + d],
              [x, y + d],
              [x, y],
            ].map(([a, b]) => [Number((a as number).toFixed(7)), Number((b as number).toFixed(7))]),
          ],
        },
      });
    }
  return out;
}

const timed = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
};

const ALBERS = '+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs';

export async function benchGis(c: TilesBenchContext & { runs: number }): Promise<void> {
  const runs = Math.max(1, c.runs);
  // Inputs: 10k parcels (as GeoJSON and as a GeoPackage in EPSG:4549), 50k parcels, a red line over a quarter of them.
  const small = parcels(100, 100, 0.0009);
  const smallJson = join(c.out, 'parcels-10k.geojson');
  writeFileSync(smallJson, JSON.stringify({ type: 'FeatureCollection', features: small }));
  const gpkg = join(c.out, 'parcels-10k.gpkg');
  execFileSync('ogr2ogr', ['-overwrite', '-f', 'GPKG', '-s_srs', 'EPSG:4326', '-t_srs', 'EPSG:4549', '-nln', 'parcels', gpkg, smallJson]);
  // The same file under another name, for the second (warm) import in the same page.
  const gpkgAgain = join(c.out, 'parcels-10k-again.gpkg');
  copyFileSync(gpkg, gpkgAgain);
  const large = parcels(250, 200, 0.0004);
  const largeJson = join(c.out, 'parcels-50k.geojson');
  writeFileSync(largeJson, JSON.stringify({ type: 'FeatureCollection', features: large }));
  const red: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [119.2555, 28.5768],
        [119.2985, 28.5741],
        [119.3012, 28.6071],
        [119.2702, 28.6102],
        [119.2555, 28.5768],
      ],
    ],
  };

  // 1. GeoPackage → drawn, first use and warm; GDAL's command line reading the same file to WGS-84 GeoJSON.
  c.log('gis: GeoPackage import');
  const first: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await c.fresh();
    await page.goto(`${c.base}/`);
    await waitIdle(page);
    await page.getByRole('button', { name: '打开规划工具' }).click();
    const once = async (file: string, name: string) => {
      const t0 = Date.now();
      await page.locator('.tools-panel input[type=file]').first().setInputFiles(file);
      await page.locator('.notices').getByText(`“${name}”：10000 个要素`).waitFor({ timeout: 120_000 });
      await waitIdle(page);
      return Date.now() - t0;
    };
    first.push(await once(gpkg, 'parcels-10k'));
    warm.push(await once(gpkgAgain, 'parcels-10k-again'));
    await context.close();
  }
  const [, ogr] = timed(() =>
    execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '/vsistdout/', gpkg], { maxBuffer: 1 << 28 }),
  );
  c.row(
    'GeoPackage 10k parcels → drawn, first use (GDAL fetched), ms',
    median(first),
    r1(ogr),
    `ogr2ogr to GeoJSON; ratio ${x2(median(first) / ogr)}`,
  );
  c.row('GeoPackage 10k parcels → drawn, GDAL warm, ms', median(warm), r1(ogr), `ratio ${x2(median(warm) / ogr)}`);

  // 2. 10k polygons as a GBK Shapefile in EPSG:4549.
  c.log('gis: Shapefile export');
  const shp: number[] = [];
  for (let i = 0; i < runs; i++) shp.push(timed(() => exportShapefile('parcels', small, 4549, 'GBK', 'WGS-84'))[1]);
  const shpDir = join(c.out, 'parcels-10k-shp');
  const [, ogrShp] = timed(() =>
    execFileSync('ogr2ogr', ['-overwrite', '-f', 'ESRI Shapefile', '-t_srs', 'EPSG:4549', '-lco', 'ENCODING=CP936', shpDir, smallJson]),
  );
  c.row('Shapefile export, 10k polygons, EPSG:4549 GBK, ms', median(shp), r1(ogrShp), `ogr2ogr; ratio ${x2(median(shp) / ogrShp)}`);

  // 3. The land-class table over 50k parcels.
  c.log('gis: land-class table');
  const lc: number[] = [];
  let pieces = 0;
  for (let i = 0; i < runs; i++) {
    const [r, ms] = timed(() => landClassTable({ target: red, parcels: large, field: 'DLMC' }));
    pieces = r.pieces.length;
    lc.push(ms);
  }
  const db = join(c.out, 'landclass.gpkg');
  const redFile = join(c.out, 'redline.geojson');
  writeFileSync(redFile, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: red }] }));
  const [, ogrLc] = timed(() => {
    const common = ['-overwrite', '-f', 'GPKG', '-lco', 'GEOMETRY_NAME=geom', '-s_srs', 'EPSG:4326', '-t_srs', ALBERS];
    execFileSync('ogr2ogr', [...common, '-nln', 'parcels', db, largeJson]);
    execFileSync('ogr2ogr', ['-update', ...common, '-nln', 'redline', db, redFile]);
    execFileSync('ogr2ogr', [
      '-f',
      'CSV',
      '/vsistdout/',
      db,
      '-dialect',
      'SQLite',
      '-sql',
      'SELECT p.DLMC, SUM(ST_Area(ST_Intersection(p.geom, r.geom))) FROM parcels p, redline r WHERE ST_Intersects(p.geom, r.geom) GROUP BY p.DLMC',
    ]);
  });
  c.row(
    'land-class table, red line over 50k parcels, ms',
    median(lc),
    r1(ogrLc),
    `${pieces} pieces; GDAL: project + SpatiaLite; ratio ${x2(median(lc) / ogrLc)}`,
  );
  c.results.gis = {
    gpkgFirstMs: first,
    gpkgWarmMs: warm,
    ogrReadMs: ogr,
    shpMs: shp,
    ogrShpMs: ogrShp,
    landClassMs: lc,
    ogrLandClassMs: ogrLc,
  };
}
