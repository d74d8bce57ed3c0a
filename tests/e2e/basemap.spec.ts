import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import gcoord from 'gcoord';
import { STRINGS } from '../../src/i18n/strings';
import { crc32 } from '../fixtures/zip';
import { sitePoint } from './data';
import { expect, test } from './driver';

/** A solid 256×256 PNG tile, encoded here (signature, IHDR, IDAT, IEND). */
function solidPng(rgb: [number, number, number], size = 256): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const PNG = solidPng([214, 232, 206]);

/** A fake tile server on loopback, started and stopped by the test. */
async function tileServer(mode: 'ok' | 'error'): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits++;
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (mode === 'error') {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('tile server error');
      return;
    }
    res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    void req;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits: () => hits, close: () => new Promise((r) => server.close(() => r())) };
}

/** The basemap the tests configure (public/basemaps.json), its tiles from a loopback server. */
const TEST_BASEMAP = { id: 'test-tiles', name: { zh: '测试底图', en: 'Test tiles' }, attribution: 'Test tiles' };
const config = (url: string) => [{ ...TEST_BASEMAP, type: 'raster', tiles: [`${url}/{z}/{x}/{y}.png`], datum: 'WGS-84' }];

const KAN_GCJ = sitePoint('kan-special-materials');

test.describe('online basemaps', () => {
  test.describe('with the tile server allowed', () => {
    // The built page's CSP names the basemap origins configured at build time; these tests configure one at
    // run time (a random loopback port), so they stand for a deployer who also updated the CSP.
    test.use({ bypassCSP: true });

    test('a WGS-84 basemap from a loopback tile server, with the overlays converted to line up', async ({ app, page }) => {
      const tiles = await tileServer('ok');
      try {
        await page.route('**/basemaps.json', (route) => route.fulfill({ json: config(tiles.url) }));
        await app.given.open();
        await app.get.basemap(TEST_BASEMAP.name.zh).check();
        await expect.poll(() => app.map.sourceIds()).toContain('online-basemap');
        await app.map.idle();
        expect(tiles.hits()).toBeGreaterThan(0);
        await expect(app.get.attribution()).toContainText(TEST_BASEMAP.attribution);
        await expect(app.get.attribution()).toContainText(STRINGS.zh.attribution('WGS-84'));

        const wgs = gcoord.transform(KAN_GCJ, gcoord.GCJ02, gcoord.WGS84) as [number, number];
        await app.map.jumpTo(wgs, 15);
        await app.map.idle();
        const hitAt = (at: [number, number]) => app.map.renderedValues('site-point', 'id', at);
        // The site is drawn at its converted (WGS-84) position, not at its GCJ-02 one.
        expect(await hitAt(wgs)).toContain('kan-special-materials');
        expect(await hitAt(KAN_GCJ)).not.toContain('kan-special-materials');

        await app.get.basemap(STRINGS.zh.basemapEmbedded).check();
        await expect.poll(() => app.map.sourceIds()).not.toContain('online-basemap');
        await app.map.idle();
        expect(await hitAt(KAN_GCJ)).toContain('kan-special-materials');
      } finally {
        await tiles.close();
      }
    });
  });

  test('without the origin in the CSP, the browser refuses the tiles and the embedded basemap stays', async ({ app, page, guard }) => {
    const tiles = await tileServer('ok');
    try {
      await page.route('**/basemaps.json', (route) => route.fulfill({ json: config(tiles.url) }));
      await app.given.open();
      await app.get.basemap(TEST_BASEMAP.name.zh).check();
      await expect(app.get.notices()).toContainText(STRINGS.zh.basemapOnlineFailed(TEST_BASEMAP.name.zh));
      expect(tiles.hits()).toBe(0);
      guard.consoleErrors.splice(
        0,
        guard.consoleErrors.length,
        ...guard.consoleErrors.filter((e) => !/Content Security Policy|Failed to fetch|violates/.test(e)),
      );
    } finally {
      await tiles.close();
    }
  });

  test.describe('with the failing tile server allowed', () => {
    test.use({ bypassCSP: true });
    test('a failing basemap leaves the embedded one, with a notice', async ({ app, page, guard }) => {
      const tiles = await tileServer('error');
      try {
        await page.route('**/basemaps.json', (route) => route.fulfill({ json: config(tiles.url) }));
        await app.given.open();
        await app.get.basemap(TEST_BASEMAP.name.zh).check();
        await expect(app.get.status(STRINGS.zh.basemapOnlineFailed(TEST_BASEMAP.name.zh))).toBeVisible();
        await expect(app.get.basemap(STRINGS.zh.basemapEmbedded)).toBeChecked();
        await expect.poll(() => app.map.sourceIds()).not.toContain('online-basemap');
        await app.map.idle();
        expect(await app.map.renderedValues('county-fill', 'name_zh')).toContain('遂昌县');
        expect(tiles.hits()).toBeGreaterThan(0);
        // The browser logs each refused tile; those are the failure under test.
        guard.consoleErrors.splice(
          0,
          guard.consoleErrors.length,
          ...guard.consoleErrors.filter((e) => !/500|Internal Server Error/.test(e)),
        );
      } finally {
        await tiles.close();
      }
    });
  });
});
