/**
 * The county basemap part of `npm run bench` (BENCH_ONLY=county; opt-in: it makes a source of a real county's
 * weight first): a generated Protomaps-schema source (scripts/lib/basemap-fixture.ts with a town's density —
 * a street grid and a building per block corner over the county's box) and the hill's Terrarium source, served
 * on loopback with byte ranges; then
 * - `npm run basemap:extract` and `terrain:extract` against them, as a deployment runs them: time and peak memory;
 * - the app with the extracted archive beside it, open → the county map drawn and idle, against a bare MapLibre
 *   page with the app's own style (captured from the app, the same archive through the pmtiles protocol), and the
 *   pan/zoom frame p95 over it — once without terrain, once with the terrain archive too (hillshade on).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeDemSource, makeVectorSource } from '../scripts/lib/basemap-fixture.ts';
import { defaultBoxes } from '../scripts/lib/county-boxes.ts';
import { frameIntervals, median, PAN_AND_ZOOM, p95, r1, waitIdle, x2 } from './measure.ts';
import { serve } from './server.ts';
import type { TilesBenchContext } from './tiles.ts';

const PORT = 4192;
const HOST = `http://127.0.0.1:${PORT}`;
/** The county seat (WGS-84) the source places 遂昌县 at: where both pages open, at z13. */
const SEAT: [number, number] = [119.271, 28.595];
const CAMERA = `${SEAT[0]},${SEAT[1]},13`;

// Asynchronous: the loopback server answering the command's range requests runs in this process.
const tsx = async (root: string, args: string[]) =>
  (await promisify(execFile)(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), ...args], { cwd: root, encoding: 'utf8' }))
    .stdout;

/** The app's map with the county source drawn and everything idle: ms since navigation. */
async function countyIdle(page: import('@playwright/test').Page): Promise<number> {
  await page.waitForFunction(
    () => {
      const m = (window as never as { __map?: { getSource(id: string): unknown; loaded(): boolean; areTilesLoaded(): boolean } }).__map;
      return Boolean(m?.getSource('online-basemap') && m.loaded() && m.areTilesLoaded());
    },
    undefined,
    { timeout: 120_000, polling: 50 },
  );
  return page.evaluate(() => performance.now());
}

export async function benchCounty(c: TilesBenchContext & { runs: number; mounts: Record<string, string> }): Promise<void> {
  const dir = join(c.out, 'county');
  rmSync(dir, { recursive: true, force: true });
  for (const d of ['source', 'flat', 'relief']) mkdirSync(join(dir, d), { recursive: true });
  c.log('county: making the source (a county of streets and buildings)');
  const t0 = Date.now();
  const box = defaultBoxes()[0] as [number, number, number, number];
  const sourceBytes = await makeVectorSource(join(dir, 'source/source.pmtiles'), SEAT, 15, [118.6, 28.1, 119.6, 28.9], {
    box,
    step: 0.003,
  });
  await makeDemSource(join(dir, 'source/dem-source.pmtiles'), 12);
  c.log(`county: source ${r1(sourceBytes / 1048576)} MB in ${r1((Date.now() - t0) / 1000)} s`);

  let server: Server | null = null;
  const start = async (basemapDir: string) => {
    server?.close();
    server = await serve(PORT, { ...c.mounts, '/basemap/': basemapDir, '/source/': join(dir, 'source') });
  };
  try {
    await start(join(dir, 'flat'));
    // The two commands, as a deployment runs them, against the loopback "public builds".
    c.log('county: extracting');
    const extract = async (kind: 'basemap' | 'terrain', source: string, out: string) => {
      const t = Date.now();
      const text = await tsx(c.root, ['scripts/extract-archive.ts', kind, '--source', `${HOST}/source/${source}`, '--out', out, '--yes']);
      const line = text.trim().split('\n').at(-1) ?? '';
      return { ms: Date.now() - t, line };
    };
    const basemap = await extract('basemap', 'source.pmtiles', join(dir, 'flat/county.pmtiles'));
    const terrain = await extract('terrain', 'dem-source.pmtiles', join(dir, 'relief/terrain.pmtiles'));
    copyFileSync(join(dir, 'flat/county.pmtiles'), join(dir, 'relief/county.pmtiles'));
    c.row('basemap:extract, generated county source at z15', `${r1(basemap.ms / 1000)} s`, '', basemap.line.slice(0, 160));
    c.row('terrain:extract, the hill at z12', `${r1(terrain.ms / 1000)} s`, '', terrain.line.slice(0, 160));
    c.results.countyExtract = { sourceBytes, basemap, terrain };

    for (const variant of ['flat', 'relief'] as const) {
      await start(join(dir, variant));
      c.log(`county: ${variant} in the app and the bare page`);
      // The app's style with the county archive drawn, for the bare page (captured once, after a first visit).
      {
        const { context, page } = await c.fresh();
        await page.emulateMedia({ reducedMotion: 'reduce' });
        await page.goto(`${HOST}/?testing=1&view=${CAMERA},0,0`);
        await countyIdle(page);
        writeFileSync(
          join(c.out, `county-style-${variant}.json`),
          await page.evaluate(() => JSON.stringify((window as never as { __map: { getStyle(): unknown } }).__map.getStyle())),
        );
        await context.close();
      }
      const open: Record<'app' | 'bare', number[]> = { app: [], bare: [] };
      const pan: Record<'app' | 'bare', number[]> = { app: [], bare: [] };
      for (let i = 0; i < c.runs; i++)
        for (const which of ['app', 'bare'] as const) {
          const { context, page } = await c.fresh();
          await page.emulateMedia({ reducedMotion: 'reduce' });
          if (which === 'app') {
            await page.goto(`${HOST}/?testing=1&view=${CAMERA},0,0`);
            open.app.push(await countyIdle(page));
          } else {
            await page.goto(`${HOST}/bench/bare.html?style=county-style-${variant}.json&camera=${CAMERA}`);
            open.bare.push(await waitIdle(page));
          }
          pan[which].push(...(await frameIntervals(page, PAN_AND_ZOOM, 2400)));
          await context.close();
        }
      const hill = variant === 'relief' ? ' (hillshade on)' : '';
      c.row(
        `county archive${hill}: open → drawn and idle, median ms`,
        median(open.app),
        median(open.bare),
        `ratio ${x2(median(open.app) / median(open.bare))} (target 1.2)`,
      );
      c.row(
        `county archive${hill}: pan + zoom frame median / p95 ms`,
        `${r1(median(pan.app))} / ${r1(p95(pan.app))}`,
        `${r1(median(pan.bare))} / ${r1(p95(pan.bare))}`,
        `p95 ratio ${x2(p95(pan.app) / p95(pan.bare))} (target 1.0)`,
      );
      c.results[`county-${variant}`] = { open, pan: { app: p95(pan.app), bare: p95(pan.bare) } };
    }
  } finally {
    (server as Server | null)?.close();
  }
}
