/**
 * A planner's red line goes back into the office's GIS: drawings with Chinese names exported as a zipped
 * Shapefile in CGCS2000 Gauss-Kruger (EPSG:4549 and 4528, GBK), read by Debian's GDAL — the system GDAL
 * reports is the one chosen, the names read back, and every vertex, taken back to WGS-84 by GDAL, within
 * 0.1 m of the WGS-84 the app converted from the map's GCJ-02 — and brought back into the app.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { gcjToWgs } from '../../src/export/exportCrs';
import { EXPORT_STRINGS } from '../../src/export/exportStrings';
import { TOOL_STRINGS } from '../../src/i18n/toolStrings';
import { type AppDriver, expect, shot, test } from './driver';

const t = EXPORT_STRINGS.zh;
const RED_LINE: [number, number][] = [
  [119.268, 28.586],
  [119.282, 28.586],
  [119.284, 28.597],
  [119.27, 28.598],
  [119.268, 28.586],
];
const POINT: [number, number] = [119.275, 28.592];
const drawings = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: '会议红线·东区', note: '2026年12月规划会议上画的' },
      geometry: { type: 'Polygon', coordinates: [RED_LINE] },
    },
    { type: 'Feature', properties: { name: '遂昌县城测点', note: '' }, geometry: { type: 'Point', coordinates: POINT } },
  ],
};

/** Given: the app open with the planner tools, and the meeting's red line and a point imported as drawings. */
async function givenRedLine(app: AppDriver): Promise<void> {
  await app.given.open();
  await app.when.openTools();
  await app.tools.when.importDrawings('red-line.geojson', drawings);
}

/** GDAL's view of a layer in the exported zip: its EPSG, and its features in WGS-84 as GDAL computes them. */
function gdalRead(
  zip: string,
  layer: string,
): { epsg: string | null; features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] } {
  const info = execFileSync('ogrinfo', ['-so', `/vsizip/${zip}`, layer], { encoding: 'utf8' });
  const epsg = [...info.matchAll(/ID\["EPSG",(\d+)\]/g)].at(-1)?.[1] ?? null;
  const json = execFileSync(
    'ogr2ogr',
    ['-f', 'GeoJSON', '/vsistdout/', `/vsizip/${zip}`, layer, '-t_srs', 'EPSG:4326', '-lco', 'COORDINATE_PRECISION=10'],
    {
      encoding: 'utf8',
    },
  );
  return { epsg, features: JSON.parse(json).features };
}

/** Metres between two WGS-84 positions (small distances). */
const metres = (a: number[], b: number[]) =>
  Math.hypot(((a[0] as number) - (b[0] as number)) * 97_800, ((a[1] as number) - (b[1] as number)) * 110_900);

test.describe('export for GIS', () => {
  for (const epsg of [4549, 4528]) {
    test(`drawings as a GBK Shapefile in EPSG:${epsg}, read by GDAL and by the app`, async ({ app, page }, info) => {
      await givenRedLine(app);
      await expect(app.tools.get.drawingNames()).toHaveText(['会议红线·东区', '遂昌县城测点']);

      const gis = app.tools.get.gisExport();
      await gis.getByLabel(t.crs).selectOption(String(epsg));
      await expect(gis.getByLabel(t.encoding)).toHaveValue('GBK');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        gis.getByRole('button', { name: t.shapefile, exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`suichang-drawings-EPSG${epsg}.zip`);
      const zip = info.outputPath(`drawings-${epsg}.zip`);
      await download.saveAs(zip);
      await expect(app.get.notices()).toContainText(`已导出 Shapefile（EPSG:${epsg}，GBK）：点 1 个、面 1 个`);
      await shot(page, `export-gis-${epsg}`);

      const polygons = gdalRead(zip, 'suichang_drawings_polygons');
      expect(polygons.epsg).toBe(String(epsg));
      expect(polygons.features[0]?.properties).toMatchObject({ name: '会议红线·东区', note: '2026年12月规划会议上画的' });
      const ring = ((polygons.features[0]?.geometry.coordinates ?? [[]]) as number[][][])[0] as number[][];
      // The same ring (GDAL may start it elsewhere and wind it back): each vertex within 0.1 m of the app's WGS-84.
      const want = RED_LINE.map((p) => gcjToWgs(p));
      expect(ring).toHaveLength(want.length);
      for (const w of want) expect(Math.min(...ring.map((v) => metres(v, w)))).toBeLessThan(0.1);
      const points = gdalRead(zip, 'suichang_drawings_points');
      expect(points.epsg).toBe(String(epsg));
      expect(points.features[0]?.properties.name).toBe('遂昌县城测点');
      expect(metres(points.features[0]?.geometry.coordinates as number[], gcjToWgs(POINT))).toBeLessThan(0.1);
      // The .cpg and the DBF's language driver both say GBK (code page 936), as GDAL reads them.
      const md = execFileSync('ogrinfo', ['-so', '-mdd', 'all', `/vsizip/${zip}`, 'suichang_drawings_polygons'], { encoding: 'utf8' });
      expect(md).toContain('ENCODING_FROM_CPG=GBK');
      expect(md).toContain('ENCODING_FROM_LDID=CP936');

      // Back into the app: the zip as the office would hand it over, read as a layer where it was drawn.
      await app.tools.when.importFiles(zip);
      await expect.poll(async () => (await app.map.sourceFeatures('import-')).length).toBeGreaterThan(0);
      const back = await app.map.sourceFeatures('import-');
      expect(back.map((f) => f.name).sort()).toEqual(['会议红线·东区', '遂昌县城测点']);
      const polygon = back.find((f) => f.type === 'Polygon');
      const again = ((polygon?.coordinates ?? [[]]) as number[][][])[0] as number[][];
      // Shifted back into the map's GCJ-02 by the importer: the red line where it was drawn, to within 0.5 m.
      for (const v of RED_LINE) expect(Math.min(...again.map((a) => metres(a, v)))).toBeLessThan(0.5);
      writeFileSync(info.outputPath('back.json'), JSON.stringify(back));
    });
  }

  test('drawings as KMZ for Ovital and Google Earth, read by GDAL in WGS-84; nothing leaves the machine', async ({ app, page }, info) => {
    // The KML namespace written into the file is an identifier, not an address: the export asks nothing of it.
    const offMachine: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (/^https?:$/.test(u.protocol) && u.hostname !== '127.0.0.1') offMachine.push(r.url());
    });
    await givenRedLine(app);
    const gis = app.tools.get.gisExport();
    const [download] = await Promise.all([page.waitForEvent('download'), gis.getByRole('button', { name: t.kmz }).click()]);
    const kmz = info.outputPath('drawings.kmz');
    await download.saveAs(kmz);
    const fc = JSON.parse(execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', kmz], { encoding: 'utf8' }));
    const byName = new Map(fc.features.map((f: { properties: { Name: string } }) => [f.properties.Name, f]));
    const polygon = byName.get('会议红线·东区') as { properties: { description: string }; geometry: { coordinates: number[][][] } };
    expect(polygon.properties.description).toBe('2026年12月规划会议上画的');
    const ring = polygon.geometry.coordinates[0] as number[][];
    for (const w of RED_LINE.map((p) => gcjToWgs(p))) expect(Math.min(...ring.map((v) => metres(v, w)))).toBeLessThan(0.1);
    const point = byName.get('遂昌县城测点') as { geometry: { coordinates: number[] } };
    expect(metres(point.geometry.coordinates, gcjToWgs(POINT))).toBeLessThan(0.1);
    expect(offMachine).toEqual([]);
  });

  test('drawings as a GeoPackage in EPSG:4549 (GDAL in the browser), read by Debian’s GDAL and by the app', async ({ app, page }, info) => {
    await givenRedLine(app);
    const gis = app.tools.get.gisExport();
    await gis.getByLabel(t.crs).selectOption('4549');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 40_000 }),
      gis.getByRole('button', { name: t.geoPackage, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('suichang-drawings-EPSG4549.gpkg');
    const gpkg = info.outputPath('drawings-4549.gpkg');
    await download.saveAs(gpkg);
    await expect(app.get.notices()).toContainText(t.gpkgDone(2, 4549));

    const layerInfo = execFileSync('ogrinfo', ['-so', gpkg, 'suichang_drawings'], { encoding: 'utf8' });
    expect([...layerInfo.matchAll(/ID\["EPSG",(\d+)\]/g)].at(-1)?.[1]).toBe('4549');
    const fc = JSON.parse(
      execFileSync(
        'ogr2ogr',
        ['-f', 'GeoJSON', '/vsistdout/', gpkg, 'suichang_drawings', '-t_srs', 'EPSG:4326', '-lco', 'COORDINATE_PRECISION=10'],
        {
          encoding: 'utf8',
        },
      ),
    );
    const byName = new Map(fc.features.map((f: { properties: { name: string } }) => [f.properties.name, f]));
    const polygon = byName.get('会议红线·东区') as { properties: { note: string }; geometry: { coordinates: number[][][] } };
    expect(polygon.properties.note).toBe('2026年12月规划会议上画的');
    const ring = polygon.geometry.coordinates[0] as number[][];
    for (const w of RED_LINE.map((p) => gcjToWgs(p))) expect(Math.min(...ring.map((v) => metres(v, w)))).toBeLessThan(0.1);
    const point = byName.get('遂昌县城测点') as { geometry: { coordinates: number[] } };
    expect(metres(point.geometry.coordinates, gcjToWgs(POINT))).toBeLessThan(0.1);

    // Back into the app: one layer, named by the file, the red line where it was drawn.
    await app.tools.when.importFiles(gpkg);
    await expect(app.get.status(TOOL_STRINGS.zh.imported('drawings-4549', 2, 'saved'))).toBeVisible({
      timeout: 30_000,
    });
    await expect(app.tools.get.importRow('drawings-4549').locator('.read-as')).toContainText('EPSG:4549');
  });

  test('an imported CGCS2000 layer exported as a GeoPackage in EPSG:4528: projected as read, no GCJ-02 inversion', async ({
    app,
    page,
  }, info) => {
    const known = readFileSync(new URL('../fixtures/import/points.csv', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','))
      .map((c) => ({ name: c[1] as string, at: [Number(c[4]), Number(c[5])] }));
    await app.given.open();
    await app.when.openTools();
    await app.tools.when.importFiles({
      name: 'cgcs2000-geographic-utf8.zip',
      mimeType: 'application/zip',
      buffer: readFileSync(new URL('../fixtures/import/cgcs2000-geographic-utf8.zip', import.meta.url)),
    });
    await expect(app.get.status(TOOL_STRINGS.zh.imported('cgcs2000-geographic-utf8', 5, 'saved'))).toBeVisible();
    const gis = app.tools.get.gisExport();
    await gis.getByLabel(t.what).selectOption({ label: t.whatLayer('cgcs2000-geographic-utf8', 5, 5) });
    await expect(gis).toContainText(t.datumNoteWgs);
    await gis.getByLabel(t.crs).selectOption('4528');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 40_000 }),
      gis.getByRole('button', { name: t.geoPackage, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('cgcs2000-geographic-utf8-EPSG4528.gpkg');
    const gpkg = info.outputPath('layer-4528.gpkg');
    await download.saveAs(gpkg);
    const fc = JSON.parse(
      execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', gpkg, '-t_srs', 'EPSG:4326', '-lco', 'COORDINATE_PRECISION=10'], {
        encoding: 'utf8',
      }),
    );
    expect(fc.features).toHaveLength(known.length);
    for (const k of known) {
      const f = fc.features.find((x: { properties: Record<string, unknown> }) => x.properties.名称 === k.name);
      expect(metres(f.geometry.coordinates, k.at)).toBeLessThan(0.1);
    }
  });
});
