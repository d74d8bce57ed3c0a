/**
 * Map services a county office runs, added in the app against real servers on loopback: Debian's
 * MapServer (WMS 1.3.0, OGC API Features) and MapCache (WMTS in a Web Mercator and a geographic grid),
 * started by playwright.config.ts (tests/servers/ogc-host.mjs) and reached through the preview's
 * same-origin proxy, as a deployment's nginx reaches an office's servers.
 */
import { expect } from '@playwright/test';
import { TOOL_STRINGS } from '../../src/i18n/toolStrings';
import { SERVICE_STRINGS, serviceProblemText } from '../../src/services/serviceStrings';
import { site } from './data';
import { expectLogged, shot, test } from './driver';
import { GOOD_TOKEN, OGC, OGC_DIRECT, PARCELS_CENTRE, ServicesDriver } from './services.driver';

const zh = SERVICE_STRINGS.zh;
const EAST_BLOCK = site('devzone-east').id;
const WMS_CAPS = `${OGC}/ms?map=TEST&SERVICE=WMS&REQUEST=GetCapabilities`;
const WMTS_CAPS = `${OGC}/mapcache/wmts?SERVICE=WMTS&REQUEST=GetCapabilities`;

test.describe('map services', () => {
  test('a WMS by its capabilities URL draws its shapes exactly under the same GeoJSON, shifted into the map’s GCJ-02; kept after a reload', async ({
    app,
    page,
  }) => {
    const svc = app.services;
    await app.given.open();
    await app.when.openTools();
    const parcels = await svc.importParcels();
    await svc.read('wms', WMS_CAPS);
    await expect(svc.section().locator('.service-title')).toHaveText('遂昌测试地块服务');
    await svc.choose(zh.layer, 'parcels');
    await svc.add();
    await expect(app.get.status(zh.added('测试地块'))).toBeVisible();
    await expect(svc.row('测试地块')).toHaveAttribute('data-status', 'ready');
    // Details: datum, how it is drawn (shifted into the map's datum), source, online only.
    await svc.details('测试地块');
    await expect(svc.row('测试地块')).toContainText(zh.drawnShifted('WGS-84', 'GCJ-02'));
    await expect(svc.row('测试地块')).toContainText(zh.onlineOnly);
    await app.when.foldLayerControl();
    await app.map.jumpTo(PARCELS_CENTRE, 13.5);
    await svc.drawn();
    await shot(page, 'service-wms');
    // Every sampled pixel more than 1.5 px from an edge agrees (0 of ~150,000 when this was written).
    const m = await svc.mismatch(parcels, 1.5);
    expect(m.inside).toBeGreaterThan(10_000);
    expect(m.wrong).toBeLessThanOrEqual(m.compared * 0.0005);

    // Kept: after a reload the service is listed and drawn again.
    await page.reload();
    await app.given.open();
    await app.when.openTools();
    await expect(svc.row('测试地块')).toHaveAttribute('data-status', 'ready');
    await app.when.foldLayerControl();
    await app.map.jumpTo(PARCELS_CENTRE, 13.5);
    await svc.drawn();
    const again = await svc.mismatch(parcels, 1.5);
    expect(again.wrong).toBeLessThanOrEqual(again.compared * 0.0005);
  });

  test('a WMS as the basemap: the map is drawn in its datum (CGCS2000/WGS-84) and the GeoJSON, converted to it, lies on its shapes', async ({
    app,
  }) => {
    const svc = app.services;
    await app.given.open();
    await app.when.openTools();
    const parcels = await svc.importParcels();
    await svc.read('wms', WMS_CAPS, 'basemap');
    await svc.choose(zh.layer, 'parcels');
    await svc.add();
    await expect(svc.row('测试地块')).toHaveAttribute('data-role', 'basemap');
    await expect(app.get.basemap('测试地块')).toBeChecked();
    await svc.details('测试地块');
    await expect(svc.row('测试地块')).toContainText(zh.datumOf('WGS-84', 'WGS-84', true));
    await app.when.foldLayerControl();
    await app.map.jumpTo(PARCELS_CENTRE, 13.5);
    await svc.drawn();
    const m = await svc.mismatch(parcels, 1.5);
    expect(m.inside).toBeGreaterThan(10_000);
    expect(m.wrong).toBeLessThanOrEqual(m.compared * 0.0005);
  });

  test('an imagery-like raster as the basemap under the sites, at 1920×1080 and on a phone, kept after a reload', async ({ app, page }) => {
    const svc = app.services;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await app.given.open();
    await app.when.openTools();
    await svc.read('wms', WMS_CAPS, 'basemap');
    await svc.choose(zh.layer, 'imagery');
    await svc.add();
    await expect(svc.row('测试影像（合成）')).toHaveAttribute('data-role', 'basemap');
    await app.when.closeTools();
    await app.when.selectSite(EAST_BLOCK);
    await app.map.settled();
    await svc.drawn();
    await app.when.fontsLoaded();
    await shot(page, 'service-imagery-1920');
    // A phone, after a reload: the service is still the basemap.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await app.given.open();
    await app.when.openLayerControl();
    await expect(app.get.basemap('测试影像（合成）')).toBeChecked();
    await app.when.foldLayerControl();
    await svc.drawn();
    // Idle with an online basemap: the map once re-rendered without end here (a new basemap object each render).
    expect(await svc.busyWhileIdle()).toBeLessThan(500);
    await app.when.fontsLoaded();
    await shot(page, 'service-imagery-phone');
  });

  test('a WMTS (MapCache) in its Web Mercator and in its geographic grid lands in the same place', async ({ app, page }) => {
    const svc = app.services;
    await app.given.open();
    await app.when.openTools();
    const parcels = await svc.importParcels();
    await app.when.foldLayerControl();
    await app.map.jumpTo(PARCELS_CENTRE, 13.5);
    for (const set of ['GoogleMapsCompatible', 'WGS84']) {
      await svc.read('wmts', WMTS_CAPS);
      await svc.choose(zh.layer, 'parcels');
      await svc.choose(zh.matrixSet, set);
      await svc.add();
      await expect(svc.row('测试地块 (MapCache)')).toHaveAttribute('data-status', 'ready');
      await svc.drawn();
      const m = await svc.mismatch(parcels, 1.5);
      expect(m.inside, set).toBeGreaterThan(10_000);
      expect(m.wrong, set).toBeLessThanOrEqual(m.compared * 0.0005);
      if (set === 'WGS84') {
        await svc.details('测试地块 (MapCache)');
        await expect(svc.row('测试地块 (MapCache)')).toContainText(zh.drawnGeographic('urn:ogc:def:crs:EPSG:6.3:4326'));
        await shot(page, 'service-wmts-geographic');
      }
      await svc.remove('测试地块 (MapCache)');
    }
  });

  test('an OGC API Features collection becomes a layer with its Chinese attributes, filtered in the attribute table', async ({ app }) => {
    const svc = app.services;
    await app.given.open();
    await app.when.openTools();
    await svc.read('features', `${OGC}/ms/TEST/ogcapi/collections`);
    await svc.choose(zh.features.collection, 'parcels');
    await svc.section().getByRole('button', { name: zh.features.load }).click();
    await expect(app.get.status(TOOL_STRINGS.zh.imported('测试地块', 3, 'saved'))).toBeVisible();
    await app.tools.when.press('table');
    await expect(app.tools.get.attributeRows()).toHaveCount(3);
    await expect(app.tools.get.attributeTable()).toContainText('城东地块甲');
    await app.tools.get.rowFilter('测试地块').fill('工业');
    await expect(app.tools.get.attributeRows()).toHaveCount(1);
    await expect(app.tools.get.filterCount()).toHaveText(TOOL_STRINGS.zh.filterShown(1, 3));
  });

  test('a WFS 2.0 feature type is read as GeoJSON into a layer with its Chinese attributes', async ({ app }) => {
    const svc = app.services;
    await app.given.open();
    await app.when.openTools();
    await svc.read('features', `${OGC}/ms?map=TEST&SERVICE=WFS&REQUEST=GetCapabilities`);
    await svc.choose(zh.features.collection, 'ms:parcels');
    await svc.section().getByRole('button', { name: zh.features.load }).click();
    await expect(app.get.status(TOOL_STRINGS.zh.imported('测试地块', 3, 'saved'))).toBeVisible();
    await app.tools.when.press('table');
    await expect(app.tools.get.attributeTable()).toContainText('妙高地块');
  });

  test('Tianditu: a made-up key is refused in words; the right key draws; no key in a link, the stored work, an export or a PNG', async ({
    app,
    page,
    guard,
  }) => {
    const svc = app.services;
    await app.given.open();
    await app.when.openTools();
    await svc.tianditu({ kind: 'img', grid: 'w', labels: false, token: 'made-up-key-123', server: `${OGC}/tianditu` });
    const refusal = zh.refused('天地图 影像', serviceProblemText({ code: 'auth', status: 403, detail: '权限验证失败：非法 key' }, 'zh'));
    await expect(app.get.status(refusal)).toBeVisible();
    await expect(svc.row('天地图 影像')).toHaveCount(0);
    expectLogged(guard, /status of 403/);
    // The right key, the geographic grid, with labels: the basemap changes to it (datum CGCS2000 = WGS-84).
    await svc.tianditu({ kind: 'img', grid: 'c', labels: true, token: GOOD_TOKEN, server: `${OGC}/tianditu` });
    await expect(svc.row('天地图 影像（经纬度）')).toHaveAttribute('data-status', 'ready');
    await expect(svc.row('天地图 影像注记（经纬度）')).toHaveAttribute('data-role', 'overlay');
    await expect(app.get.chosenBasemap()).toHaveCount(1);
    await page.reload();
    await app.given.open();
    await app.when.openTools();
    await expect(svc.row('天地图 影像（经纬度）')).toHaveAttribute('data-status', 'ready');
    // No key anywhere it could travel: the address, the stored work, the style, a PNG.
    expect(page.url()).not.toContain(GOOD_TOKEN);
    expect(await svc.storedText()).not.toContain(GOOD_TOKEN);
    expect(JSON.stringify(await app.map.style())).not.toContain(GOOD_TOKEN);
    const download = page.waitForEvent('download');
    await app.tools.when.press('exportPng');
    const png = await (await download).path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(png).includes(GOOD_TOKEN)).toBe(false);
  });

  test('a tour stop shows a map service and hides the others; the exported tour names it, never the key', async ({ app, page }) => {
    // Two services, a reload, the editor and a tour: about 45 s here.
    test.slow();
    const svc = app.services;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await app.given.open();
    await app.when.openTools();
    await svc.tianditu({ kind: 'img', grid: 'w', labels: false, token: GOOD_TOKEN, server: `${OGC}/tianditu`, role: 'overlay' });
    await expect(svc.row('天地图 影像')).toHaveAttribute('data-status', 'ready');
    await svc.read('wms', WMS_CAPS);
    await svc.choose(zh.layer, 'parcels');
    await svc.add();
    await expect(svc.row('测试地块')).toHaveAttribute('data-status', 'ready');
    const idOf = async (name: string) => (await svc.row(name).getAttribute('data-layer-id')) as string;
    const [tianditu, wms] = [await idOf('天地图 影像'), await idOf('测试地块')];
    const shown = (id: string) => app.map.visibility(`service-${id}-raster`);
    // Overlays in order: the one added last on top, until moved; the order is kept over a reload.
    const drawOrder = async () => (await app.map.layerIds()).filter((id) => id.startsWith('service-'));
    expect(await drawOrder()).toEqual([`service-${tianditu}-raster`, `service-${wms}-raster`]);
    await svc
      .section()
      .getByRole('button', { name: `${zh.moveUp} · 天地图 影像` })
      .click();
    await expect.poll(drawOrder).toEqual([`service-${wms}-raster`, `service-${tianditu}-raster`]);
    await expect(svc.section().locator('li[data-service]')).toHaveText([/天地图 影像/, /测试地块/]);
    await page.reload();
    await app.given.open();
    await app.when.openTools();
    await expect.poll(drawOrder).toEqual([`service-${wms}-raster`, `service-${tianditu}-raster`]);
    await app.when.closeTools();
    // A new tour whose first stop shows Tianditu's imagery only.
    await app.editor.when.open();
    await app.editor.when.newTour();
    await app.editor.get.root().locator('.editor-services').getByRole('checkbox', { name: '天地图 影像' }).check();
    await app.editor.when.press('play');
    await expect.poll(() => shown(tianditu)).toBe('visible');
    await expect.poll(() => shown(wms)).toBe('none');
    await app.tour.exit();
    await expect.poll(() => shown(wms)).toBe('visible');
    // Exported: the service's address, not its key.
    await app.editor.when.open();
    const [download] = await Promise.all([page.waitForEvent('download'), app.editor.when.press('exportTour')]);
    const { readFileSync } = await import('node:fs');
    const text = readFileSync((await download.path()) as string, 'utf8');
    expect(text).toContain('/ogc/tianditu/img_w/wmts');
    expect(text).not.toContain(GOOD_TOKEN);
    expect(text).not.toMatch(/[?&]tk=/);
  });

  test('bad services are refused with the reason and nothing changes, in English: a login page, an exception, a server the policy does not allow', async ({
    app,
    page,
    guard,
  }) => {
    const svc = new ServicesDriver(page, 'en');
    await app.given.open('?lang=en');
    await app.when.openTools();
    const layersBefore = await app.map.layerIds();
    await svc.read('wms', `${OGC}/html`);
    await expect(app.get.status(serviceProblemText({ code: 'html', title: '统一身份认证' }, 'en'))).toBeVisible();
    await svc.read('wms', `${OGC}/ms?map=NOPE&SERVICE=WMS&REQUEST=GetCapabilities`);
    await expect(app.get.status(serviceProblemText({ code: 'html', title: 'MapServer Message' }, 'en'))).toBeVisible();
    await svc.read('wms', `${OGC_DIRECT}/ms?map=TEST&SERVICE=WMS&REQUEST=GetCapabilities`);
    await expect(app.get.status(serviceProblemText({ code: 'unreachable', origin: OGC_DIRECT, policy: true }, 'en'))).toBeVisible();
    expectLogged(guard, /Content Security Policy/);
    // A layer the capabilities name but the server refuses: the exception report's own words, at the first tile.
    await svc.read('wms', WMS_CAPS);
    await page.route(/\/ogc\/ms\?.*REQUEST=GetMap/, (route) =>
      route.continue({
        url: route
          .request()
          .url()
          .replace(/LAYERS=[^&]*/, 'LAYERS=nope'),
      }),
    );
    await svc.add();
    await expect(app.get.status('Invalid layer(s) given in the LAYERS parameter')).toBeVisible();
    expect(await app.map.layerIds()).toEqual(layersBefore);
    await expect(svc.section().locator('li[data-service]')).toHaveCount(0);
  });
});
