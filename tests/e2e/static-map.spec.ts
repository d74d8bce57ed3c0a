/**
 * The map before the map (scripts/lib/static-map.ts): drawn without WebGL in the first view, where
 * MapLibre then draws — checked in pixels — and kept, with a message, where WebGL cannot start.
 */
import { STRINGS } from '../../src/i18n/strings';
import { COUNTY_NAME, figure, site } from './data';
import { AppDriver, expect, shot, test } from './driver';
import { MAP_ONLY, mapArea, mismatch } from './staticMap.driver';

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
      const still = new AppDriver(await context.newPage());
      await still.given.noWebGL();
      await still.given.load();
      // The live page's static map (not the first view's): the app is up and says the map could not start.
      await expect(still.get.alert().first()).toContainText(STRINGS.zh.mapFailed);
      await expect(still.get.staticMap()).toBeVisible();
      await still.page.addStyleTag({ content: MAP_ONLY });
      await still.when.fontsLoaded();
      await shot(still.page, `static-map-${viewport.width}`);
      const before = await mapArea(still.page);
      // The WebGL map, once it has drawn and the static map has gone.
      const live = new AppDriver(await context.newPage());
      await live.given.open();
      await expect(live.get.staticMap()).toHaveCount(0);
      await live.page.addStyleTag({ content: MAP_ONLY });
      await live.when.fontsLoaded();
      await shot(live.page, `static-map-swapped-${viewport.width}`);
      const after = await mapArea(live.page);
      const shifts: [number, number][] = [
        [0, 0],
        [-4, 0],
        [4, 0],
        [0, -4],
        [0, 4],
      ];
      const [inPlace, ...moved] = await mismatch(still.page, before, after, shifts);
      // They differ where WebGL adds detail (antialiasing, label placement); in place they match best.
      expect(inPlace, `${(inPlace! * 100).toFixed(1)} % of pixels differ`).toBeLessThan(0.04);
      for (const m of moved) expect(inPlace).toBeLessThan(m);
      await context.close();
    });
  }

  test('WebGL unavailable: the static map stays, the message says why, and the panel, search, list and figures work', async ({
    app,
    page,
    guard,
  }) => {
    await app.given.noWebGL();
    await app.given.load();
    await expect(app.get.alert().first()).toContainText(STRINGS.zh.mapFailed);
    await expect(app.get.alert().first()).toContainText(/WebGL/);
    await expect(app.get.staticMap()).toBeVisible();
    await expect(app.get.staticLabel('focus')).toHaveText(COUNTY_NAME);
    // The rest of the page.
    await expect(app.get.heading()).toHaveText(STRINGS.zh.overview);
    await expect(app.get.figure('gdp').locator('.value').first()).toHaveText(String(figure('gdp').value));
    const chem = site('chemical-park');
    await app.when.search('化工');
    await expect(app.get.heading()).toHaveText(chem.name_zh);
    await app.when.closeSite();
    await app.when.selectSite('devzone-east');
    await expect(app.get.heading()).toHaveText(site('devzone-east').name_zh);
    await shot(page, 'no-webgl');
    guard.consoleErrors.length = 0; // MapLibre's own report of the failure
  });
});
