import { expect, openApp, project, shot, test } from './driver';
import { COUNTY_SEAT_FOR_TESTS } from './fixtures';

test.describe('the app opens offline', () => {
  test('the map reaches idle with WebGL and shows Suichang County', async ({ page, guard }) => {
    await openApp(page);
    const gl = await page.evaluate(() => {
      const canvas = window.__map!.getCanvas();
      return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
    });
    expect(gl).toBe(true);
    // The county polygon under Suichang's centre, from the embedded basemap.
    const names = await page.evaluate((at) => {
      const map = window.__map!;
      return map.queryRenderedFeatures(map.project(at), { layers: ['county-fill'] }).map((f) => f.properties.name_zh);
    }, COUNTY_SEAT_FOR_TESTS);
    expect(names).toContain('遂昌县');
    // Labels come from the app's own font, so Chinese is never drawn as boxes.
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '遂昌发展地图'))).toBe(true);
    const labels = await page.evaluate(() =>
      window.__map!.queryRenderedFeatures(undefined, { layers: ['county-label'] }).map((f) => f.properties.name_zh),
    );
    expect(labels).toContain('遂昌县');
    expect(guard.offMachine).toEqual([]);
  });

  test('the opening view fits the county and the title is Chinese', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('遂昌发展地图');
    const bounds = await page.evaluate(() => window.__map!.getBounds().toArray());
    // The whole county (118.70–119.52 E, 28.21–28.81 N) is in view.
    expect(bounds[0][0]).toBeLessThanOrEqual(118.7);
    expect(bounds[1][0]).toBeGreaterThanOrEqual(119.52);
    expect(bounds[0][1]).toBeLessThanOrEqual(28.21);
    expect(bounds[1][1]).toBeGreaterThanOrEqual(28.81);
    const seat = await project(page, COUNTY_SEAT_FOR_TESTS);
    expect(seat.x).toBeGreaterThan(0);
  });

  for (const [name, viewport] of [
    ['desktop-1920x1080', { width: 1920, height: 1080 }],
    ['phone-390x844', { width: 390, height: 844 }],
  ] as const) {
    test(`screenshot at ${name}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await openApp(page);
      await page.evaluate(() => document.fonts.ready);
      await shot(page, `overview-${name}`);
    });
  }

  test('a missing basemap file shows a message, not a blank page', async ({ page, guard }) => {
    await page.route('**/assets/counties-*.geojson', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto('/?testing=1');
    await expect(page.getByRole('alert')).toContainText('地图无法显示');
    await expect(page.getByRole('alert')).toContainText('底图文件无法加载');
    // The rest of the page still works.
    await expect(page.getByRole('heading', { level: 2, name: '全县概览' })).toBeVisible();
    guard.consoleErrors.length = 0; // the 404 itself is logged by the browser
  });

  test('a corrupt basemap file shows a message', async ({ page, guard }) => {
    await page.route('**/assets/counties-*.geojson', (route) =>
      route.fulfill({ status: 200, body: '{"type":"FeatureCollection","features":[' }),
    );
    await page.goto('/?testing=1');
    await expect(page.getByRole('alert')).toContainText('底图文件无法加载');
    guard.consoleErrors.length = 0;
  });
});
