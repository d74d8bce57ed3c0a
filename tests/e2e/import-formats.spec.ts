/**
 * The files planners really have, imported as a user would (fixtures from GDAL's ogr2ogr, made by
 * scripts/make-import-fixtures.sh): a GBK Shapefile in CGCS2000 Gauss-Kruger without a .cpg, a GBK CSV
 * from Excel, an .xlsx with the project list on its second sheet, and metres with no coordinate system
 * (the question). Their Chinese names must be in the attribute table, their features near the county seat.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { distance } from '@turf/turf';
import { TOOL_STRINGS } from '../../src/i18n/toolStrings';
import { LAYER_STRINGS } from '../../src/layers/layerStrings';
import { COUNTY_SEAT } from './data';
import { type AppDriver, expect, shot, test } from './driver';

const T = TOOL_STRINGS.zh;
const L = LAYER_STRINGS.zh;
/** Said once a file is imported and stored. */
const imported = (app: AppDriver, name: string, n: number) => expect(app.get.status(T.imported(name, n, 'saved'))).toBeVisible();

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
const KNOWN_NAMES = readFileSync(new URL('../fixtures/import/points.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(',')[1] as string);

async function expectTableNames(app: AppDriver, layer: string) {
  const row = app.tools.get.importRow(layer);
  await row.getByRole('button', { name: T.table }).click();
  for (const n of KNOWN_NAMES) await expect(row.locator('.attribute-table')).toContainText(n);
  await row.getByRole('button', { name: T.hideTable }).click();
}

/** Imports a fixture of tests/fixtures/import/ as a planner chooses it. */
const importFixture = (app: AppDriver, name: string, mimeType = 'application/octet-stream') =>
  app.tools.when.importFiles({ name, mimeType, buffer: fixture(name) });

test.describe('importing the files planners have', () => {
  test('a GBK Shapefile in CGCS2000 GK without .cpg, a GBK CSV and an .xlsx: Chinese names, near the county seat', async ({
    app,
    page,
  }) => {
    await app.given.open();
    await app.when.openTools();

    await importFixture(app, 'cgcs2000-cm120-gbk-nocpg.zip', 'application/zip');
    await imported(app, 'cgcs2000-cm120-gbk-nocpg', 5);
    const shpRow = app.tools.get.importRow('cgcs2000-cm120-gbk-nocpg');
    await expect(shpRow.locator('.read-as')).toContainText('文字编码：GBK / GB18030（不是 UTF-8，按 GBK 读取）');
    await expect(shpRow.locator('.read-as')).toContainText('CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549)');
    await expectTableNames(app, 'cgcs2000-cm120-gbk-nocpg');

    await importFixture(app, 'gbk.csv', 'text/csv');
    await imported(app, 'gbk', 5);
    await expectTableNames(app, 'gbk');

    await importFixture(app, 'projects.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await imported(app, 'projects', 5);
    await expect(app.tools.get.importRow('projects').locator('.read-as')).toContainText('工作表：项目清单。');
    await expectTableNames(app, 'projects');

    // Every feature of the three layers near the county seat (天工之城 is 35 km west; nothing off the Earth).
    await app.when.resetView();
    await app.map.idle();
    // Longitude/latitude of the layers' features as the map holds them (the import sources).
    const out = await app.map.sourcePoints('import-');
    expect(out.length).toBeGreaterThanOrEqual(12);
    for (const p of out) expect(distance(p, COUNTY_SEAT, { units: 'kilometers' })).toBeLessThan(40);
    await shot(page, 'imports-gbk-cgcs2000-xlsx-zh-1366');
  });

  test('a wrong encoding guess is corrected by reading again; metres without a system are asked about', async ({ app, page }) => {
    await app.given.open();
    await app.when.openTools();
    await importFixture(app, 'cgcs2000-cm120-gbk-nocpg.zip', 'application/zip');
    const row = app.tools.get.importRow('cgcs2000-cm120-gbk-nocpg');
    await expect(row.locator('.read-as')).toBeVisible();
    await row.getByRole('button', { name: T.rereadAs('UTF-8') }).click();
    await expect(row.locator('.read-as')).toContainText('文字编码：UTF-8（手动选择）');
    await row.getByRole('button', { name: T.table }).click();
    await expect(row.locator('.attribute-table')).not.toContainText('遂昌县城');
    await row.getByRole('button', { name: T.rereadAs('GBK / GB18030') }).click();
    await expect(row.locator('.attribute-table')).toContainText('遂昌县城');

    await importFixture(app, 'projected-no-crs.csv', 'text/csv');
    const chooser = app.tools.get.crsChooser();
    await expect(chooser).toContainText(T.chooseCrs);
    // The zone number in front of the easting (40 429 188) makes zone 40 the first guess.
    await expect(chooser.getByRole('combobox')).toHaveValue('4528');
    await shot(page, 'import-crs-question-zh-1366');
    await chooser.getByRole('button', { name: 'OK' }).click();
    await imported(app, 'projected-no-crs', 5);
    await expect(app.tools.get.importRow('projected-no-crs').locator('.read-as')).toContainText('（手动选择）');

    // English: the details follow the language.
    await app.when.switchLanguage();
    await expect(app.tools.get.importRow('projected-no-crs').locator('.read-as')).toContainText(
      'Coordinate system: CGCS2000 / 3-degree Gauss-Kruger zone 40 (EPSG:4528) (chosen)',
    );
  });

  test("a name the app's font subset lacks is drawn from the whole font's slices, on the map and in the table", async ({ app, page }) => {
    // Characters no text of the app has (the unit test tests/unit/fonts.test.ts holds them outside the subset).
    const name = '宅基地耕林镢犇';
    const slices: string[] = [];
    page.on('request', (r) => {
      if (/noto-sans-sc-\d+-400-normal-[^/]+\.woff2$/.test(r.url())) slices.push(r.url());
    });
    await app.given.open();
    await app.when.openTools();
    const fc = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { 名称: name }, geometry: { type: 'Point', coordinates: COUNTY_SEAT } }],
    };
    await app.tools.when.importText('rare.geojson', JSON.stringify(fc), 'application/geo+json');
    await imported(app, 'rare', 1);
    // No slice is fetched before a character of it is needed.
    const before = slices.length;
    const row = app.tools.get.importRow('rare');
    await row.locator('[data-style-controls="rare"]').getByLabel(L.labelField).selectOption('名称');
    await app.map.idle();
    const label = (await app.map.layerIds()).find((id) => id.startsWith('import-') && id.endsWith('-label')) as string;
    await expect.poll(() => app.map.renderedValues(label, '名称')).toContain(name);
    await row.getByRole('button', { name: T.table }).click();
    const cell = row.locator('.attribute-table td', { hasText: name });
    await expect(cell).toBeVisible();
    // The table's text is laid out with a fallback slice that has the characters, loaded (not boxes).
    const families = await cell.evaluate(async (el, t) => {
      const cs = getComputedStyle(el);
      const faces = await document.fonts.load(`${cs.fontSize} ${cs.fontFamily}`, t);
      return faces.filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, ''));
    }, name);
    expect(families).toContain('Noto Sans SC Fallback');
    expect(slices.length).toBeGreaterThan(before);
    expect(before).toBe(0);
    // What the pictures show: the name in the table, and as the point's label on the map once the panel is closed.
    await cell.screenshot({ path: 'tests/e2e/screenshots/import-rare-characters-table.png' });
    await app.get.header().getByRole('button', { name: T.toolsClose }).click();
    await app.map.idle();
    await expect.poll(() => app.map.renderedValues(label, '名称')).toContain(name);
    await shot(page, 'import-rare-characters-1366');
  });

  test('a layer styled by category: legend in the panel and in the PNG; the table filter filters the map and exports', async ({
    app,
    page,
  }) => {
    await app.given.open();
    await app.when.openTools();
    await importFixture(app, 'gbk.csv', 'text/csv');
    await imported(app, 'gbk', 5);
    const row = app.tools.get.importRow('gbk');
    await row.locator('[data-style-controls="gbk"]').getByLabel(L.styleBy).selectOption('类型');
    // 园区 ×2, then 县城, 街道, 车站 (by count, then by name): a colour each.
    const legend = app.get.layerControl().locator('.import-legend [data-legend="gbk"]');
    await expect(legend).toContainText('gbk · 类型');
    await expect(legend.locator('li')).toHaveCount(4);
    await expect(legend.locator('li').first()).toContainText('园区');
    await row.locator('[data-style-controls="gbk"]').getByLabel(L.labelField).selectOption('名称');
    await app.map.idle();
    const labelled = (await app.map.layerIds()).some((id) => id.endsWith('-label') && id.startsWith('import-'));
    expect(labelled).toBe(true);
    await shot(page, 'import-styled-by-category-zh-1366');

    // The PNG carries the legend: the first category's colour (#0072B2) in the legend box.
    const b64 = (await app.tools.when.download('exportPng')).toString('base64');
    const inLegend = await page.evaluate(async (data) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const ratio = img.width / window.__map!.getCanvas().clientWidth;
      const px = ctx.getImageData(0, Math.round(56 * ratio), Math.round(240 * ratio), Math.round(360 * ratio)).data;
      let n = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i] === 0x00 && px[i + 1] === 0x72 && px[i + 2] === 0xb2) n++;
      return n;
    }, b64);
    expect(inLegend).toBeGreaterThan(50);

    // Filter by a field's value: the table and the map show the 2 园区 only; the export holds them.
    await row.getByRole('button', { name: T.table }).click();
    await row.getByLabel(T.filterField).selectOption('类型');
    await row.getByLabel(T.filterValue).selectOption('园区');
    await expect(row.getByTestId('filter-count')).toHaveText(T.filterShown(2, 5));
    await expect(row.locator('.attribute-table tbody tr')).toHaveCount(2);
    await app.map.idle();
    expect(new Set(await app.map.sourceValues('import-', '名称')).size).toBe(2);
    const [csv] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'CSV' }).click()]);
    const text = readFileSync((await csv.path()) as string, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(3);
    expect(text).toContain('城东区块');
    expect(text).not.toContain('遂昌站');
    // …and as a Shapefile for the office's GIS: the 2 园区, names in GBK, in CGCS2000 / 3-degree GK 120°E, as GDAL reads it.
    const [shp] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /^Shapefile/ }).click()]);
    const zipPath = test.info().outputPath('gbk-filtered.zip');
    await shp.saveAs(zipPath);
    const info = execFileSync('ogrinfo', ['-al', `/vsizip/${zipPath}`], { encoding: 'utf8' });
    expect(info).toContain('Feature Count: 2');
    expect(info).toContain('ID["EPSG",4549]');
    expect(info).toContain('城东区块');
    expect(info).not.toContain('遂昌站');
  });
});
