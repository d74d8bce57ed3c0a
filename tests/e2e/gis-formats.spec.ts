/**
 * What offices hand over besides Shapefiles, imported as a planner would (fixtures written by Debian's GDAL,
 * scripts/make-import-fixtures.sh): a GeoPackage of two layers and an attribute-only table in CGCS2000
 * Gauss-Kruger, a 三调 File Geodatabase with a coded-value domain (zipped as x.gdb.zip and as a plain zip
 * with the folder inside), a KMZ, and a file that only claims to be a GeoPackage. GDAL (WebAssembly) loads
 * in its worker when the first such file comes.
 */
import { readFileSync } from 'node:fs';
import { distance } from '@turf/turf';
import gcoord from 'gcoord';
import { TOOL_STRINGS } from '../../src/i18n/toolStrings';
import { type AppDriver, expect, shot, test } from './driver';

type Page = import('@playwright/test').Page;

const t = TOOL_STRINGS.zh;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
/** The known points (WGS-84 = CGCS2000 longitude/latitude) the fixtures were written from. */
const KNOWN = readFileSync(new URL('../fixtures/import/points.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','))
  .map((c) => ({ name: c[1] as string, at: [Number(c[4]), Number(c[5])] as [number, number] }));

async function importFixture(app: AppDriver, name: string) {
  await app.tools.when.importFiles({ name, mimeType: 'application/octet-stream', buffer: fixture(name) });
}

const imported = (app: AppDriver, name: string, n: number) =>
  expect(app.get.status(t.imported(name, n, 'saved'))).toBeVisible({ timeout: 30_000 });

/**
 * The positions of the imported points as the map's sources hold them (GeoJSON, not tiled), with their names.
 * The map is GCJ-02 and these layers WGS-84: the app draws them converted, so the expectations are converted too.
 */
async function namedPoints(page: Page, field: string) {
  return page.evaluate(async (f) => {
    const map = window.__map!;
    const out: { name: string; at: number[] }[] = [];
    for (const id of Object.keys(map.getStyle().sources)) {
      if (!id.startsWith('import-')) continue;
      const data = (await (map.getSource(id) as unknown as { getData(): Promise<GeoJSON.FeatureCollection> }).getData()) ?? null;
      for (const feat of data?.features ?? [])
        if (feat.geometry?.type === 'Point' && feat.properties?.[f])
          out.push({ name: String(feat.properties[f]), at: feat.geometry.coordinates });
    }
    return out;
  }, field);
}
const onMap = (at: [number, number]) => gcoord.transform(at, gcoord.WGS84, gcoord.GCJ02) as [number, number];

test.describe('GeoPackage, File Geodatabase, KMZ, DXF and MapInfo', () => {
  test('a GeoPackage of two layers in CGCS2000 GK: both chosen, names and places right, the attribute table left out', async ({
    app,
    page,
  }) => {
    await app.given.open();
    await app.when.openTools();
    await importFixture(app, 'office.gpkg');
    const chooser = app.tools.get.layerChooser();
    await expect(chooser).toContainText(t.chooseLayers, { timeout: 30_000 });
    await expect(chooser.getByRole('checkbox')).toHaveCount(2);
    await expect(chooser).toContainText(t.layerSummary(96, 'Polygon', 'CGCS2000 / 3-degree Gauss-Kruger CM 120E'));
    await expect(chooser).toContainText(t.layerSummary(5, 'Point', 'CGCS2000 / 3-degree Gauss-Kruger CM 120E'));
    await expect(chooser).not.toContainText('说明');
    await shot(page, 'import-gpkg-layers-zh-1366');
    await chooser.getByRole('button', { name: 'OK' }).click();
    await imported(app, 'office · 三调地类图斑', 96);
    await imported(app, 'office · 项目点', 5);
    const points = app.tools.get.importRow('office · 项目点');
    await expect(points.locator('.read-as')).toContainText(t.readLayer('项目点'));
    await expect(points.locator('.read-as')).toContainText('EPSG:4549');
    // Each point where the fixture put it: GDAL's projection there and back again, within 0.1 m.
    const drawn = await namedPoints(page, '名称');
    for (const k of KNOWN) {
      const p = drawn.find((d) => d.name === k.name);
      expect(p, k.name).toBeTruthy();
      expect(distance(p!.at, onMap(k.at), { units: 'meters' })).toBeLessThan(0.1);
    }
    await points.getByRole('button', { name: t.table }).click();
    await expect(points.locator('.attribute-table')).toContainText('遂昌县城');
  });

  for (const name of ['sandiao.gdb.zip', 'landuse-gdb.zip']) {
    test(`a 三调 File Geodatabase zipped (${name}): coded values shown by name beside their codes`, async ({ app, page }) => {
      await app.given.open();
      await app.when.openTools();
      await importFixture(app, name);
      const layer = name.replace(/\.(gdb\.zip|zip)$/, '');
      await imported(app, layer, 96);
      const r = app.tools.get.importRow(layer);
      await expect(r.locator('.read-as')).toContainText(t.readLayer('DLTB'));
      // Recognised as a 三调 layer and coloured by its land class: the legend lists the classes.
      await expect(r.locator('.read-as')).toContainText(t.sandiao('BSM、DLBM、DLMC、QSDWMC、TBMJ'));
      await expect(app.get.legendItems(layer)).toHaveCount(7);
      await r.getByRole('button', { name: t.table }).click();
      const table = r.locator('.attribute-table');
      await expect(table.locator('thead')).toContainText('DLBM_resolved');
      await expect(table).toContainText('0101');
      await expect(table).toContainText('水田');
      await shot(page, `import-filegdb-${layer}-zh-1366`);
    });
  }

  test('a KMZ: names kept; a false GeoPackage is refused with GDAL’s reason, the layers before it kept', async ({ app, page }) => {
    await app.given.open();
    await app.when.openTools();
    await importFixture(app, 'points.kmz');
    await imported(app, 'points', 5);
    const drawn = await namedPoints(page, 'name');
    for (const k of KNOWN) expect(drawn.map((d) => d.name)).toContain(k.name);

    await importFixture(app, 'broken.gpkg');
    await expect(app.get.status(t.importFailed('broken.gpkg'))).toBeVisible({ timeout: 30_000 });
    await expect(app.tools.get.importRows()).toHaveCount(1);
    await expect(app.tools.get.importRow('points')).toBeVisible();
  });

  test('a DXF in Gauss-Kruger metres is asked about and placed; a zipped MapInfo table reads its GBK names', async ({ app }) => {
    await app.given.open();
    await app.when.openTools();
    await importFixture(app, 'points-4549.dxf');
    const chooser = app.tools.get.crsChooser();
    await expect(chooser).toContainText(t.chooseCrs, { timeout: 30_000 });
    await chooser.getByRole('combobox').selectOption('4549');
    await chooser.getByRole('button', { name: 'OK' }).click();
    await imported(app, 'points-4549', 5);
    await expect(app.tools.get.importRow('points-4549').locator('.read-as')).toContainText('EPSG:4549');

    await importFixture(app, 'mapinfo-points.zip');
    await imported(app, 'mapinfo-points', 5);
    const r = app.tools.get.importRow('mapinfo-points');
    await expect(r.locator('.read-as')).toContainText('Transverse Mercator');
    await r.getByRole('button', { name: t.table }).click();
    for (const k of KNOWN) await expect(r.locator('.attribute-table')).toContainText(k.name);
  });
});
