/**
 * Large layers as vector tiles: an archive made by `npm run tiles` in this test, dropped into the app
 * and read by URL from the preview server with range requests; bad archives and servers refused with
 * their reason while what is on the map stays.
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAYER_STRINGS } from '../../src/layers/layerStrings';
import { SERVICE_STRINGS } from '../../src/services/serviceStrings';
import { TILE_STRINGS, tilesProblemText } from '../../src/tiles/tileStrings';
import { expect, shot, test } from './driver';

const work = mkdtempSync(join(tmpdir(), 'tiles-e2e-'));
/** Served by the preview server (it serves what is in dist/ at request time). */
const served = join('dist', 'e2e-tiles');
const ARCHIVE = join(work, 'parcels.pmtiles');
const USES = ['住宅', '商业', '工业', '绿地'];
/** A parcel far from every site (west of the county seat), clicked in the tests. */
const PROBE: [number, number] = [119.0305, 28.4505];

test.beforeAll(() => {
  const features = [];
  for (let i = 0; i < 60; i++)
    for (let j = 0; j < 40; j++) {
      const [x, y] = [119.0 + i * 0.001, 28.43 + j * 0.001];
      features.push({
        type: 'Feature',
        properties: { 编号: `P-${i}-${j}`, 用途: USES[(i + j) % 4], 面积: 100 + i * j, 备注: '<img src=x onerror="window.__pwned=1">' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + 0.0009, y],
              [x + 0.0009, y + 0.0009],
              [x, y + 0.0009],
              [x, y],
            ],
          ],
        },
      });
    }
  const input = join(work, 'parcels.geojson');
  writeFileSync(input, JSON.stringify({ type: 'FeatureCollection', features }));
  // The parcels are placed in the map's own datum, so the clicks below land where they are drawn.
  execFileSync('npx', ['tsx', 'scripts/tiles.ts', input, '--out', ARCHIVE, '--datum', 'GCJ-02', '--quiet'], { stdio: 'pipe' });
  mkdirSync(served, { recursive: true });
  writeFileSync(join(served, 'parcels.pmtiles'), readFileSync(ARCHIVE));
});
test.afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(served, { recursive: true, force: true });
});

test.describe('large layers as vector tiles', () => {
  test('an archive made by npm run tiles, dropped in: drawn, clicked for its attributes, coloured by one, kept after a reload', async ({
    app,
    page,
  }) => {
    await app.given.open();
    // At 1366 the map between the layer control and the tools is narrow: the legend folded, the archive has room.
    await app.when.foldLayerControl();
    await app.when.openTools();
    await app.tools.when.chooseArchive(ARCHIVE);
    const row = app.tools.get.tiledRow('parcels');
    await expect(row).toHaveAttribute('data-status', 'ready');
    await expect(app.get.notices()).toContainText(TILE_STRINGS.zh.added('parcels'));
    await expect(row).toContainText(TILE_STRINGS.zh.saved);
    await app.map.settled();
    await app.map.idle();
    await expect.poll(async () => (await app.tools.get.tiledValues('编号')).length).toBeGreaterThan(100);
    // The map zoomed to the archive's bounds.
    const { bounds } = await app.map.camera();
    expect(bounds[0][0]).toBeLessThan(119.01);
    expect(bounds[1][0]).toBeGreaterThan(119.05);

    await app.when.clickMap(PROBE);
    const card = app.tools.get.tiledCard();
    await expect(card).toContainText('P-30-20');
    await expect(card).toContainText('parcels');
    // Text from the file is text: the markup shows as written and runs nothing.
    await expect(card).toContainText('<img src=x onerror="window.__pwned=1">');
    expect(await card.locator('img').count()).toBe(0);
    expect(await app.get.injected('__pwned')).toBeUndefined();

    await row.getByRole('combobox', { name: LAYER_STRINGS.zh.styleBy }).selectOption('用途');
    await expect(row.locator('.import-legend li')).toHaveCount(4);
    const fillLayer = (await app.map.layerIds()).find((id) => id.startsWith('tiled-') && id.endsWith('-fill')) as string;
    await expect.poll(async () => JSON.stringify(await app.map.paint(fillLayer, 'fill-color'))).toContain('match');
    await shot(page, 'tiles-dropped-1366x768');

    await app.given.reopened();
    await app.when.openTools();
    await expect(row).toHaveAttribute('data-status', 'ready');
    await expect(row.getByRole('combobox', { name: LAYER_STRINGS.zh.styleBy })).toHaveValue('用途');
    await expect.poll(async () => (await app.tools.get.tiledValues('用途')).length).toBeGreaterThan(0);
  });

  test('a PMTiles URL given to the map services form becomes the same tiled layer', async ({ app }) => {
    await app.given.open();
    await app.when.foldLayerControl();
    await app.when.openTools();
    const services = app.services.section();
    await services.getByLabel(SERVICE_STRINGS.zh.url).fill('/e2e-tiles/parcels.pmtiles');
    await services.getByRole('button', { name: SERVICE_STRINGS.zh.read }).click();
    await expect(app.tools.get.tiledRow('parcels')).toHaveAttribute('data-status', 'ready');
    await expect(services.locator('li[data-service]')).toHaveCount(0);
  });

  test('the same archive by URL from the preview server, read by range requests', async ({ app, page }) => {
    const requests: { range: string | undefined; status: number }[] = [];
    page.on('requestfinished', async (r) => {
      if (!r.url().endsWith('/e2e-tiles/parcels.pmtiles')) return;
      requests.push({ range: (await r.allHeaders()).range, status: (await r.response())?.status() ?? 0 });
    });
    await app.given.open('?lang=en');
    await app.when.foldLayerControl();
    await app.when.openTools();
    await app.tools.when.addArchiveUrl('/e2e-tiles/parcels.pmtiles');
    const row = app.tools.get.tiledRow('parcels');
    await expect(row).toHaveAttribute('data-status', 'ready');
    await expect(row).toContainText(TILE_STRINGS.en.saved);
    await app.map.settled();
    await app.map.idle();
    await expect.poll(async () => (await app.tools.get.tiledValues('编号')).length).toBeGreaterThan(100);
    await app.when.clickMap(PROBE);
    await expect(app.tools.get.tiledCard()).toContainText('P-30-20');
    expect(requests.length).toBeGreaterThan(1);
    // Every read of the archive was a range, answered 206: the whole file never came down.
    for (const r of requests) {
      expect(r.range).toMatch(/^bytes=\d+-\d+$/);
      expect(r.status).toBe(206);
    }
  });

  test('bad archives and servers are refused with the reason; the layer already there stays', async ({ app, page }) => {
    await app.given.open();
    // At 1366 the map between the layer control and the tools is narrow: the legend folded, the archive has room.
    await app.when.foldLayerControl();
    await app.when.openTools();
    await app.tools.when.chooseArchive(ARCHIVE);
    await expect(app.tools.get.tiledRow('parcels')).toHaveAttribute('data-status', 'ready');
    // The row is ready a render before the map has the layer's own layers: read the list once they are on it.
    await expect.poll(async () => (await app.map.layerIds()).some((id) => id.startsWith('tiled-'))).toBe(true);
    const layersBefore = await app.map.layerIds();
    const notices = app.get.notices();

    await app.tools.when.chooseArchive({
      name: 'notes.pmtiles',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('just some text'),
    });
    await expect(notices).toContainText('未添加“notes.pmtiles”：这不是 PMTiles 文件');

    const whole = readFileSync(ARCHIVE);
    await app.tools.when.chooseArchive({
      name: 'cut.pmtiles',
      mimeType: 'application/octet-stream',
      buffer: whole.subarray(0, 20_000),
    });
    await expect(notices).toContainText('未添加“cut.pmtiles”：文件不完整');

    const v2 = Buffer.alloc(512);
    v2.write('PM', 0);
    v2.writeUInt16LE(2, 2);
    await app.tools.when.chooseArchive({ name: 'old.pmtiles', mimeType: 'application/octet-stream', buffer: v2 });
    await expect(notices).toContainText('第 2 版 PMTiles');

    // An MBTiles file (as GDAL writes one from an image): the same tiles in SQLite, told how to convert them.
    const tif = join(work, 'ortho.tif');
    execFileSync(
      'gdal_create',
      ['-q', '-of', 'GTiff', '-outsize', '256', '256', '-bands', '3', '-burn', '200', '-ot', 'Byte'].concat([
        '-a_srs',
        'EPSG:4326',
        '-a_ullr',
        '119.2',
        '28.7',
        '119.3',
        '28.6',
        tif,
      ]),
    );
    execFileSync('gdal_translate', ['-q', '-of', 'MBTiles', tif, join(work, 'ortho.mbtiles')]);
    await app.tools.when.chooseArchive(join(work, 'ortho.mbtiles'));
    await expect(notices).toContainText(TILE_STRINGS.zh.refused('ortho.mbtiles', tilesProblemText({ code: 'mbtiles' }, 'zh')));

    // A server that ignores Range and sends the whole file with 200.
    await page.route('**/no-ranges/whole.pmtiles', (route) =>
      route.fulfill({
        status: 200,
        body: whole,
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(whole.byteLength) },
      }),
    );
    await app.tools.when.addArchiveUrl('/no-ranges/whole.pmtiles');
    await expect(notices).toContainText('不支持按字节读取');

    await expect(app.tools.get.tiledRows()).toHaveCount(1);
    expect(await app.map.layerIds()).toEqual(layersBefore);
  });
});
