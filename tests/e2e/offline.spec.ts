import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, waitForIdle } from './driver';

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
      const names = await page.evaluate(() =>
        window.__map!.queryRenderedFeatures(undefined, { layers: ['county-fill'] }).map((f) => f.properties.name_zh),
      );
      expect(names).toContain('遂昌县');
      await page.locator('[data-site-id="enclave-nanhu"]').click();
      await expect(page.locator('#panel-heading')).toHaveText('南湖—遂昌 消薄飞地产业园');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: '开始演示导览（可用翻页笔）' }).click();
      await page.keyboard.press('PageDown');
      await expect(page.locator('#tour-title')).toHaveText('发展为要：浙江遂昌经济开发区');
      expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '遂昌'))).toBe(true);
      await context.setOffline(false);
    });
  });

  test('the one-file build opened from disk reaches idle and opens a site', async ({ page }) => {
    const file = resolve('dist-single/index.html');
    expect(existsSync(file), 'dist-single/index.html: run `npm run build:single` first (npm test does)').toBe(true);
    await page.goto(`${pathToFileURL(file).href}?testing=1`);
    await waitForIdle(page);
    const names = await page.evaluate(() =>
      window.__map!.queryRenderedFeatures(undefined, { layers: ['county-fill'] }).map((f) => f.properties.name_zh),
    );
    expect(names).toContain('遂昌县');
    await page.locator('[data-site-id="yuanli-bar-line"]').click();
    await expect(page.locator('#panel-heading')).toHaveText('元立 · 高棒生产线');
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '遂昌'))).toBe(true);
    await page.screenshot({ path: 'tests/e2e/screenshots/single-file.png' });
  });
});
