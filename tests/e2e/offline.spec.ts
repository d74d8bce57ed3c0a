import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { site, stops } from './data';
import { AppDriver, expect, test, waitForIdle } from './driver';

test.describe('offline delivery', () => {
  test.describe('installed app', () => {
    test.use({ serviceWorkers: 'allow' });

    test('after a first visit, the map, panel and tour work with the network off', async ({ page, context }) => {
      await page.goto('/?testing=1');
      await waitForIdle(page);
      // The first visit stays online until the service worker has everything cached and controls the page.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.reload();
      await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
      await waitForIdle(page);

      await context.setOffline(true);
      await page.reload();
      await waitForIdle(page);
      const app = new AppDriver(page);
      expect(await app.map.renderedValues('county-fill', 'name_zh')).toContain('遂昌县');
      await app.selectSite('enclave-nanhu');
      await expect(app.heading()).toHaveText(site('enclave-nanhu').name_zh);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: '开始演示导览（可用翻页笔）' }).click();
      await page.keyboard.press('PageDown');
      await expect(app.tour.title()).toHaveText(stops[1]!.title.zh);
      expect(await app.fontCovers('遂昌')).toBe(true);
      await context.setOffline(false);
    });
  });

  test('the one-file build opened from disk reaches idle and opens a site', async ({ app, page }) => {
    const file = resolve('dist-single/index.html');
    expect(existsSync(file), 'dist-single/index.html: run `npm run build:single` first (npm test does)').toBe(true);
    await page.goto(`${pathToFileURL(file).href}?testing=1`);
    await waitForIdle(page);
    expect(await app.map.renderedValues('county-fill', 'name_zh')).toContain('遂昌县');
    await app.selectSite('yuanli-bar-line');
    await expect(app.heading()).toHaveText(site('yuanli-bar-line').name_zh);
    expect(await app.fontCovers('遂昌')).toBe(true);
    await page.screenshot({ path: 'tests/e2e/screenshots/single-file.png' });
  });
});
