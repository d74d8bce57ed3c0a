/**
 * A planner's question of a red line: how many 亩 of which land class does it take? The 三调 parcels come as
 * the office hands them over (a zipped File Geodatabase, tests/fixtures/import), the red line as a drawing
 * (the map's GCJ-02); the table's areas agree with Debian's GDAL within 0.1 %, the pieces are drawn as a
 * layer, the table leaves as CSV — in Chinese and in English.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Polygon } from 'geojson';
import { gcjToWgs } from '../../src/export/exportCrs';
import { TOOL_STRINGS } from '../../src/i18n/toolStrings';
import { LAND_CLASS_STRINGS } from '../../src/landclass/landClassStrings';
import { gdalClassAreas } from '../gdal/classAreas';
import { site } from './data';
import { expect, shot, test } from './driver';

const t = LAND_CLASS_STRINGS.zh;
const GDB = fileURLToPath(new URL('../fixtures/import/sandiao.gdb.zip', import.meta.url));
/** The red line as drawn on the map (GCJ-02), over about half of the fixture's parcel grid. */
const RED_LINE_GCJ: [number, number][] = [
  [119.27, 28.5815],
  [119.2795, 28.581],
  [119.2806, 28.5855],
  [119.2755, 28.5862],
  [119.2735, 28.5868],
  [119.27, 28.5815],
];
const drawings = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name: '会议红线', note: '' }, geometry: { type: 'Polygon', coordinates: [RED_LINE_GCJ] } }],
};
const number = (s: string) => Number(s.replace(/[,\s]/g, ''));

test('area by land class of a drawn red line over a 三调 geodatabase, as GDAL computes it', async ({ app, page }) => {
  await app.given.open();
  await app.when.openTools();
  await app.tools.when.importFiles({ name: 'sandiao.gdb.zip', mimeType: 'application/zip', buffer: readFileSync(GDB) });
  await expect(app.get.status(TOOL_STRINGS.zh.imported('sandiao', 96, 'saved'))).toBeVisible({
    timeout: 30_000,
  });
  await app.tools.when.importDrawings('red-line.geojson', drawings);

  const section = app.tools.get.landClass();
  await expect(section.getByLabel(t.target)).toHaveValue(/^drawing:/);
  await expect(section.getByLabel(t.layer).locator('option:checked')).toHaveText('sandiao');
  // The 三调's land-class name is offered first.
  await expect(section.getByLabel(t.field)).toHaveValue('DLMC');
  await section.getByRole('button', { name: t.run }).click();
  const result = section.getByTestId('land-class');
  await expect(result).toBeVisible();

  const redLineWgs: Polygon = { type: 'Polygon', coordinates: [RED_LINE_GCJ.map((p) => gcjToWgs(p))] };
  const want = gdalClassAreas(`/vsizip/${GDB}/sandiao.gdb`, 'DLTB', 'DLMC', redLineWgs);
  const rows = await result
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
  // The red line reaches past the parcels: that part is its own row, so the rows add up to the total.
  const classes = rows.filter((r) => r[0] !== t.uncovered);
  expect(rows.length - classes.length).toBe(1);
  expect(classes.map((r) => r[0]).sort()).toEqual([...want.keys()].sort());
  const total = number((await result.locator('tfoot td').nth(2).textContent()) ?? '');
  expect(Math.abs(rows.reduce((s, r) => s + number(r[3] as string), 0) - total)).toBeLessThan(1);
  for (const r of classes) {
    const gdal = want.get(r[0] as string) as number;
    expect(Math.abs(number(r[3] as string) - gdal) / gdal, r[0]).toBeLessThan(0.001);
    // 亩 = m² / 666.67, shown to 0.01.
    expect(number(r[1] as string)).toBeCloseTo(number(r[3] as string) / (10_000 / 15), 1);
  }
  await expect(result).toContainText(t.method);
  await result.scrollIntoViewIfNeeded();
  await shot(page, 'land-class-zh-1366');

  // The pieces are a layer of their own, coloured by class, listed with the imports.
  const pieces = app.tools.get.importRow(t.piecesLayer('会议红线'));
  await expect(pieces).toBeVisible();
  expect(number((await pieces.locator('.count').textContent()) ?? '0')).toBeGreaterThanOrEqual(rows.length);

  // The table as CSV: a row per class, and the total.
  const [csv] = await Promise.all([page.waitForEvent('download'), result.getByRole('button', { name: t.csv, exact: true }).click()]);
  const text = readFileSync((await csv.path()) as string, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toBe([t.cls, t.mu, t.ha, t.m2, t.share, t.parcels].join(','));
  expect(lines).toHaveLength(rows.length + 2);
  expect(lines.at(-1)?.startsWith(`${t.total},`)).toBe(true);

  // English: the table follows the language.
  await app.when.switchLanguage();
  await expect(app.tools.get.landClass().getByTestId('land-class')).toContainText(LAND_CLASS_STRINGS.en.method);
});

test('a red line the land bureau sent as a file (WGS-84) is an area too: no datum inversion, still as GDAL computes it', async ({
  app,
}) => {
  await app.given.open();
  await app.when.openTools();
  await app.tools.when.importFiles({ name: 'sandiao.gdb.zip', mimeType: 'application/zip', buffer: readFileSync(GDB) });
  await expect(app.get.status(TOOL_STRINGS.zh.imported('sandiao', 96, 'saved'))).toBeVisible({
    timeout: 30_000,
  });
  // The same shape as the drawn one, this time in WGS-84 as a file holds it.
  const redLineWgs: Polygon = { type: 'Polygon', coordinates: [RED_LINE_GCJ.map((p) => gcjToWgs(p))] };
  const file = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 名称: '土地局红线' }, geometry: redLineWgs }] };
  await app.tools.when.importFiles({
    name: 'redline.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(app.get.status(TOOL_STRINGS.zh.imported('redline', 1, 'saved'))).toBeVisible();

  const section = app.tools.get.landClass();
  await section.getByLabel(t.target).selectOption({ label: 'redline · 土地局红线' });
  await section.getByLabel(t.layer).selectOption({ label: 'sandiao' });
  await section.getByRole('button', { name: t.run }).click();
  const result = section.getByTestId('land-class');
  await expect(result).toContainText('redline · 土地局红线');
  const want = gdalClassAreas(`/vsizip/${GDB}/sandiao.gdb`, 'DLTB', 'DLMC', redLineWgs);
  const rows = await result
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
  const classes = rows.filter((r) => r[0] !== t.uncovered);
  expect(classes.map((r) => r[0]).sort()).toEqual([...want.keys()].sort());
  for (const r of classes) {
    const gdal = want.get(r[0] as string) as number;
    expect(Math.abs(number(r[3] as string) - gdal) / gdal, r[0]).toBeLessThan(0.001);
  }

  // A site's schematic extent is offered too, and its table says it is not a surveyed red line.
  const east = site('devzone-east');
  await section.getByLabel(t.target).selectOption({ label: east.name_zh });
  await section.getByRole('button', { name: t.run }).click();
  await expect(section.getByRole('note').filter({ hasText: t.schematic(east.name_zh, east.precisionNote.zh) })).toBeVisible();
});
