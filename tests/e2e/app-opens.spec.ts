import { STRINGS } from '../../src/i18n/strings';
import { COUNTY_SEAT, site, sites } from './data';
import { expect, shot, test } from './driver';

test.describe('the app opens offline', () => {
  test('the map reaches idle with WebGL and shows Suichang County', async ({ app, guard }) => {
    await app.given.open();
    expect(await app.map.hasWebGL()).toBe(true);
    // The county polygon under the county seat, from the embedded basemap.
    expect(await app.map.renderedValues('county-fill', 'name_zh', COUNTY_SEAT)).toContain('遂昌县');
    // Labels come from the app's own font, so Chinese is never drawn as boxes.
    await app.when.fontsLoaded();
    expect(await app.get.fontCovers('遂昌发展地图')).toBe(true);
    expect(await app.map.renderedValues('county-label', 'name_zh')).toContain('遂昌县');
    expect(guard.offMachine).toEqual([]);
  });

  test('the opening view fits the county and the title is Chinese', async ({ app }) => {
    await app.given.open();
    await expect(app.get.title()).toHaveText(STRINGS.zh.appTitle);
    const [sw, ne] = (await app.map.camera()).bounds;
    // The whole county (118.70–119.52 E, 28.21–28.81 N) is in view.
    expect(sw[0]).toBeLessThanOrEqual(118.7);
    expect(ne[0]).toBeGreaterThanOrEqual(119.52);
    expect(sw[1]).toBeLessThanOrEqual(28.21);
    expect(ne[1]).toBeGreaterThanOrEqual(28.81);
    expect((await app.map.project(COUNTY_SEAT)).x).toBeGreaterThan(0);
  });

  for (const [name, viewport] of [
    ['desktop-1920x1080', { width: 1920, height: 1080 }],
    ['phone-390x844', { width: 390, height: 844 }],
  ] as const) {
    test(`screenshot at ${name}`, async ({ app, page }) => {
      await page.setViewportSize(viewport);
      await app.given.open();
      await app.when.fontsLoaded();
      // What the picture shows: the county named on the map, the sites of the county seat drawn, the overview beside it.
      expect(await app.map.renderedValues('county-label', 'name_zh')).toContain('遂昌县');
      const inCounty = sites.filter((s) => s.properties.layer !== 'enclaves').map((s) => s.properties.id);
      const drawn = await app.map.renderedIds();
      expect(inCounty.filter((id) => drawn.includes(id)).length).toBeGreaterThan(inCounty.length / 2);
      await expect(app.get.heading()).toHaveText(STRINGS.zh.overview);
      await shot(page, `overview-${name}`);
    });
  }

  test('a missing basemap file shows a message, not a blank page', async ({ app, page, guard }) => {
    await page.route('**/assets/counties-*.geojson', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await app.given.load();
    await expect(app.get.alert()).toContainText(STRINGS.zh.mapFailed);
    await expect(app.get.alert()).toContainText(STRINGS.zh.basemapFailed);
    // The rest of the page still works.
    await expect(app.get.heading()).toHaveText(STRINGS.zh.overview);
    guard.consoleErrors.length = 0; // the 404 itself is logged by the browser
  });

  test('a corrupt basemap file shows a message', async ({ app, page, guard }) => {
    await page.route('**/assets/counties-*.geojson', (route) =>
      route.fulfill({ status: 200, body: '{"type":"FeatureCollection","features":[' }),
    );
    await app.given.load();
    await expect(app.get.alert()).toContainText(STRINGS.zh.basemapFailed);
    guard.consoleErrors.length = 0;
  });

  test('a host that refuses the font files: said, and the page works', async ({ app, page, guard }) => {
    await page.route('**/cjk-main-*.woff2', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await app.given.open();
    await expect(app.get.notices()).toContainText(STRINGS.zh.fontFailed);
    await app.when.selectSite('enclave-nanhu');
    await expect(app.get.heading()).toHaveText(site('enclave-nanhu').name_zh);
    guard.consoleErrors.length = 0; // the 404 itself is logged by the browser
  });

  test('a host that sends .mjs with an old MIME type: the map says why within seconds, the rest works', async ({ app, page, guard }) => {
    // As a static host with an old MIME table does: the module worker is refused by the browser.
    await page.route('**/*.mjs', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
    });
    const started = Date.now();
    await app.given.load();
    await expect(app.get.alert()).toContainText(STRINGS.zh.mapFailed, { timeout: 10_000 });
    await expect(app.get.alert()).toContainText('text/javascript');
    console.log(`worker refused: said after ${Date.now() - started} ms`);
    // No endless "loading": the message replaced it, and the panel works.
    await expect(app.get.mapLoading()).toHaveCount(0);
    await app.when.selectSite('enclave-nanhu');
    await expect(app.get.heading()).toHaveText(site('enclave-nanhu').name_zh);
    guard.consoleErrors.length = 0; // the browser logs the refused script itself
  });
});
