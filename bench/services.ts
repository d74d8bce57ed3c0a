/**
 * The map-services part of `npm run bench` (BENCH_ONLY=services), against Debian's MapServer and MapCache on
 * loopback (tests/servers/ogc-host.mjs) serving the synthetic imagery:
 * - a WMTS basemap (Web Mercator set) open → map idle, in the app (through its svc:// protocol, chosen as the
 *   basemap and reloaded) against a bare MapLibre page drawing the same tiles as a plain raster source;
 * - the same imagery as an overlay from the geographic (WGS84, 2×1 at level 0) set, reprojected in the app's
 *   worker, against the Web Mercator set drawn as it comes: pan/zoom frame p95, and the median time to make
 *   one reprojected tile in the worker. Both in GCJ-02 (the map's datum), so only the grid differs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Page } from '@playwright/test';
import { frameIntervals, median, PAN_AND_ZOOM, p95, waitIdle, x2 } from './measure.ts';
import type { TilesBenchContext } from './tiles.ts';

const PORT = 4191;
const HOST = `http://127.0.0.1:${PORT}`;
const CAPS = `${HOST}/mapcache/wmts?SERVICE=WMTS&REQUEST=GetCapabilities`;
const MERCATOR = `${HOST}/mapcache/wmts/1.0.0/imagery/default/GoogleMapsCompatible/{z}/{y}/{x}.jpg`;
const SEAT: [number, number] = [119.276, 28.592];

async function started(host: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (host.exitCode !== null) throw new Error('bench: the map server (tests/servers/ogc-host.mjs) stopped: is MapServer installed?');
    try {
      if ((await fetch(CAPS)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('bench: the map server did not start');
}

/** Adds the WMTS imagery in the app's map-services form, as a planner does. */
async function addImagery(
  page: Page,
  o: { set: 'GoogleMapsCompatible' | 'WGS84'; role: 'overlay' | 'basemap'; datum: 'WGS-84' | 'GCJ-02' },
) {
  if ((await page.locator('.tools-panel').count()) === 0) await page.getByRole('button', { name: '打开规划工具' }).click();
  const s = page.locator('section.services');
  await s.getByLabel('类型').selectOption('wmts');
  await s.getByRole('radio', { name: o.role === 'basemap' ? '底图' : '叠加图层', exact: true }).check();
  await s.getByLabel('坐标基准').selectOption(o.datum);
  await s.getByLabel('服务网址').fill(CAPS);
  await s.getByRole('button', { name: '读取' }).click();
  await s.locator('.service-choices').getByLabel('图层').selectOption('imagery');
  await s.locator('.service-choices').getByLabel('瓦片矩阵集').selectOption(o.set);
  await s.locator('.service-choices').getByRole('button', { name: '添加' }).click();
  await s.locator('li[data-service][data-status="ready"]').first().waitFor({ timeout: 30_000 });
}

const atCounty = (page: Page) =>
  page.evaluate((c) => (window as never as { __map: { jumpTo(o: object): void } }).__map.jumpTo({ center: c, zoom: 12 }), SEAT);

export async function benchServices(c: TilesBenchContext & { runs: number }): Promise<void> {
  const host = spawn('node', ['tests/servers/ogc-host.mjs', String(PORT)], { cwd: c.root, stdio: 'ignore' });
  try {
    await started(host);
    // Basemap open → idle, pair by pair: each page reloaded in its own context (its scripts cached alike), the
    // first pair warming MapCache's disk cache and not counted.
    const app: number[] = [];
    const bare: number[] = [];
    const a = await c.fresh();
    await a.page.goto(`${c.base}/`);
    await waitIdle(a.page);
    await addImagery(a.page, { set: 'GoogleMapsCompatible', role: 'basemap', datum: 'WGS-84' });
    const b = await c.fresh();
    await b.page.goto(`${c.base}/bench/bare.html?raster=${encodeURIComponent(MERCATOR)}`);
    for (let i = 0; i <= c.runs; i++) {
      await a.page.reload();
      const ta = await waitIdle(a.page);
      await b.page.reload();
      const tb = await waitIdle(b.page);
      if (i > 0) {
        app.push(ta);
        bare.push(tb);
      }
    }
    await a.context.close();
    await b.context.close();
    c.results.serviceBasemap = { app, bare, ratio: median(app) / median(bare) };
    c.row(
      'WMTS basemap open → idle, median ms',
      median(app),
      median(bare),
      `ratio ${x2(median(app) / median(bare))} (the same MapCache tiles as a plain raster source)`,
    );

    // Geographic grid (reprojected) against the Web Mercator grid, both as overlays in the map's GCJ-02.
    const frames: Record<string, number[]> = { GoogleMapsCompatible: [], WGS84: [] };
    let tileMs: [number, number][] = [];
    for (const set of ['GoogleMapsCompatible', 'WGS84'] as const) {
      const f = await c.fresh();
      await f.page.goto(`${c.base}/`);
      await waitIdle(f.page);
      await addImagery(f.page, { set, role: 'overlay', datum: 'GCJ-02' });
      await f.page.getByRole('button', { name: '关闭规划工具' }).first().click();
      // Once around the pan first: MapCache makes its tiles on the first request (a CGI per tile); its frames are
      // not counted, its reprojected tiles are (MapLibre keeps them: the counted pans make few new ones).
      await atCounty(f.page);
      await waitIdle(f.page);
      await frameIntervals(f.page, PAN_AND_ZOOM, 2400);
      await waitIdle(f.page);
      await atCounty(f.page);
      await waitIdle(f.page);
      for (let i = 0; i < c.runs; i++) {
        frames[set]?.push(...(await frameIntervals(f.page, PAN_AND_ZOOM, 2400)));
        await waitIdle(f.page);
        await atCounty(f.page);
        await waitIdle(f.page);
      }
      if (set === 'WGS84')
        tileMs = await f.page.evaluate(() => [...((window as never as { __reprojectTimes?: [number, number][] }).__reprojectTimes ?? [])]);
      await f.context.close();
    }
    const whole = tileMs.map((t) => t[0]);
    const drawing = tileMs.map((t) => t[1]);
    const geo = frames.WGS84 ?? [];
    const merc = frames.GoogleMapsCompatible ?? [];
    c.results.serviceGeographic = {
      p95: p95(geo),
      mercatorP95: p95(merc),
      ratio: p95(geo) / p95(merc),
      tileMs: median(whole),
      drawMs: median(drawing),
      tiles: tileMs.length,
    };
    c.row(
      'pan/zoom frame p95 over a geographic-grid WMTS, ms',
      p95(geo),
      p95(merc),
      `ratio ${x2(p95(geo) / p95(merc))} against its Web Mercator set`,
    );
    c.row(
      'one reprojected tile in the worker, median ms',
      median(whole),
      '',
      `${tileMs.length} tiles, the source tiles' fetch from MapCache included`,
    );
    c.row(
      '  of which decoding, mosaic and 256 rows, median / p95 ms',
      `${median(drawing).toFixed(1)} / ${p95(drawing).toFixed(1)}`,
      '',
      "the worker's own work",
    );
  } finally {
    host.kill();
  }
}
