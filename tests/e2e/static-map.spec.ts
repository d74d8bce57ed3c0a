/**
 * The map before the map (scripts/lib/static-map.ts): drawn without WebGL in the first view, where
 * MapLibre then draws — checked in pixels — and kept, with a message, where WebGL cannot start.
 */
import { site } from './data';
import { expect, shot, test, waitForIdle } from './driver';
import { MAP_ONLY, mapArea, mismatch, NO_WEBGL } from './staticMap.driver';

test.describe('the map before the map', () => {
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
    // Windows it was not drawn for: a 32:9 monitor, a tall portrait screen, a tiny window.
    { width: 3840, height: 1080 },
    { width: 800, height: 1800 },
    { width: 320, height: 400 },
  ]) {
    test(`lands where MapLibre draws, no jump (${viewport.width}×${viewport.height})`, async ({ browser }) => {
      const context = await browser.newContext({ viewport });
      // The static map alone: WebGL refused, so it stays.
      const still = await context.newPage();
      await still.addInitScript(NO_WEBGL);
      await still.goto('/?testing=1');
      // The live page's static map (not the first view's): the app is up and says the map could not start.
      await expect(still.getByRole('alert').first()).toContainText('地图无法显示');
      await expect(still.locator('.static-map .static-map-svg')).toBeVisible();
      await still.addStyleTag({ content: MAP_ONLY });
      await still.evaluate(() => document.fonts.ready);
      await shot(still, `static-map-${viewport.width}`);
      const before = await mapArea(still);
      // The WebGL map, once it has drawn and the static map has gone.
      const live = await context.newPage();
      await live.goto('/?testing=1');
      await waitForIdle(live);
      await expect(live.locator('.static-map')).toHaveCount(0);
      await live.addStyleTag({ content: MAP_ONLY });
      await live.evaluate(() => document.fonts.ready);
      await shot(live, `static-map-swapped-${viewport.width}`);
      const after = await mapArea(live);
      const shifts: [number, number][] = [
        [0, 0],
        [-4, 0],
        [4, 0],
        [0, -4],
        [0, 4],
      ];
      const [inPlace, ...moved] = await mismatch(still, before, after, shifts);
      // They differ where WebGL adds detail (antialiasing, label placement); in place they match best.
      expect(inPlace, `${(inPlace! * 100).toFixed(1)} % of pixels differ`).toBeLessThan(0.04);
      for (const m of moved) expect(inPlace).toBeLessThan(m);
      await context.close();
    });
  }

  test('WebGL unavailable: the static map stays, the message says why, and the panel, search, list and figures work', async ({
    page,
    guard,
  }) => {
    await page.addInitScript(NO_WEBGL);
    await page.goto('/?testing=1');
    await expect(page.getByRole('alert').first()).toContainText('地图无法显示');
    await expect(page.getByRole('alert').first()).toContainText(/WebGL/);
    await expect(page.locator('.static-map .static-map-svg')).toBeVisible();
    await expect(page.locator('.static-map .static-label.focus')).toHaveText('遂昌县');
    // The rest of the page.
    await expect(page.getByRole('heading', { level: 2, name: '全县概览' })).toBeVisible();
    await expect(page.locator('[data-figure="gdp"] .value').first()).toHaveText('172.75');
    const chem = site('chemical-park');
    await page.getByRole('combobox').fill('化工');
    await page.getByRole('option', { name: new RegExp(chem.name_zh) }).click();
    await expect(page.locator('#panel-heading')).toHaveText(chem.name_zh);
    await page.locator('.panel-close').click();
    await page.locator(`[data-site-id="devzone-east"]`).click();
    await expect(page.locator('#panel-heading')).toHaveText(site('devzone-east').name_zh);
    await shot(page, 'no-webgl');
    guard.consoleErrors.length = 0; // MapLibre's own report of the failure
  });
});
