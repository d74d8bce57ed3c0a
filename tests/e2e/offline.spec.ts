import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importProblemText, TOOL_STRINGS } from '../../src/i18n/toolStrings';
import { site, stops } from './data';
import { expect, test } from './driver';

test.describe('offline delivery', () => {
  test.describe('installed app', () => {
    test.use({ serviceWorkers: 'allow' });

    test('after a first visit, the map, panel and tour work with the network off', async ({ app, page, context }) => {
      await app.given.installed();

      await context.setOffline(true);
      await app.given.reopened();
      expect(await app.map.renderedValues('county-fill', 'name_zh')).toContain('遂昌县');
      await app.when.selectSite('enclave-nanhu');
      await expect(app.get.heading()).toHaveText(site('enclave-nanhu').name_zh);
      await page.keyboard.press('Escape');
      await app.tour.start();
      await app.tour.next();
      await expect(app.tour.title()).toHaveText(stops[1]!.title.zh);
      expect(await app.get.fontCovers('遂昌')).toBe(true);
      await context.setOffline(false);
    });

    test('GDAL, fetched with the first GeoPackage, is kept: a GeoPackage opens again with the network off', async ({
      app,
      page,
      context,
    }) => {
      const gpkg = {
        name: 'office.gpkg',
        mimeType: 'application/octet-stream',
        buffer: readFileSync(resolve('tests/fixtures/import/office.gpkg')),
      };
      const gdalFiles: string[] = [];
      page.on('request', (r) => {
        if (/gdal3WebAssembly-.*\.(wasm|data)$/.test(r.url())) gdalFiles.push(r.url());
      });
      await app.given.installed();
      // Nothing of GDAL is fetched before a file needs it.
      expect(gdalFiles).toEqual([]);
      await app.when.openTools();
      const importOffice = async () => {
        await app.tools.when.importFiles(gpkg);
        const chooser = app.tools.get.layerChooser();
        await chooser.getByRole('checkbox').nth(0).uncheck();
        await chooser.getByRole('button', { name: 'OK' }).click();
        await expect(app.get.status(TOOL_STRINGS.zh.imported('office · 项目点', 5, 'saved')).first()).toBeVisible({
          timeout: 40_000,
        });
      };
      await importOffice();
      expect(gdalFiles.length).toBeGreaterThanOrEqual(2);

      await context.setOffline(true);
      await app.given.reopened();
      await app.when.openTools();
      await importOffice();
      await context.setOffline(false);
    });
  });

  test('the one-file build opened from disk reaches idle and opens a site', async ({ app, page }) => {
    const file = resolve('dist-single/index.html');
    expect(existsSync(file), 'dist-single/index.html: run `npm run build:single` first (npm test does)').toBe(true);
    await app.given.openAt(pathToFileURL(file).href);
    expect(await app.map.renderedValues('county-fill', 'name_zh')).toContain('遂昌县');
    await app.when.selectSite('yuanli-bar-line');
    await expect(app.get.heading()).toHaveText(site('yuanli-bar-line').name_zh);
    expect(await app.get.fontCovers('遂昌')).toBe(true);
    await page.screenshot({ path: 'tests/e2e/screenshots/single-file.png' });

    // No GDAL in the one file (40 MB): a GeoPackage is refused with why and what to do instead.
    await app.when.openTools();
    await app.tools.when.importFiles({
      name: 'office.gpkg',
      mimeType: 'application/octet-stream',
      buffer: readFileSync(resolve('tests/fixtures/import/office.gpkg')),
    });
    await expect(app.get.status(importProblemText({ code: 'gdal-unavailable' }, 'zh'))).toBeVisible();
  });
});
