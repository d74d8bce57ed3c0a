/**
 * The large-layers part of `npm run bench` (BENCH_ONLY=tiles): 1M points and 200k parcels, seeded and
 * generated here, tiled with `npm run tiles` (time, peak memory, size); then each archive chosen in the
 * app against a bare MapLibre page reading the same file with the pmtiles library (choice to drawn,
 * click to attributes, pan + zoom frames), and the same data given to the app's GeoJSON import.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { clickToPaint, drawn, frameIntervals, type MapLike, median, PAN_AND_ZOOM, p95, r1, waitIdle, x2 } from './measure.ts';
import { tileInputPlaces, writeTileInputs } from './synthetic.ts';

export interface TilesBenchContext {
  root: string;
  out: string;
  base: string;
  fresh(): Promise<{ context: BrowserContext; page: Page }>;
  row(what: string, app: number | string, bare: number | string, note?: string): void;
  log(m: string): void;
  results: Record<string, unknown>;
}

interface TilerSummary {
  features: number;
  tiles: number;
  minZoom: number;
  maxZoom: number;
  dropped: Record<string, number>;
  bytes: number;
  ms: number;
  peakBytes: number;
}

/** Two features of the input a short way apart, west of the sites (nothing of the app's own is under them). */
function clickPair(kind: 'points' | 'polygons'): [[number, number], [number, number]] {
  const candidates = tileInputPlaces(kind, 4000).filter(([x, y]) => x < 119.05 && y > 28.3);
  for (const a of candidates)
    for (const b of candidates) {
      const d = Math.hypot(a[0] - b[0], a[1] - b[1]);
      if (d > 0.004 && d < 0.008) return [a, b];
    }
  throw new Error(`bench: no pair of ${kind} to click`);
}

const chooseArchive = (page: Page) => page.locator('.tools-panel input[type=file][accept*=".pmtiles"]').first();

export async function benchTiles(c: TilesBenchContext): Promise<void> {
  const inputs = writeTileInputs(c.out);
  for (const [name, input, kind] of [
    ['points-1m', inputs.points, 'points'],
    ['polygons-200k', inputs.polygons, 'polygons'],
  ] as const) {
    c.log(`tiles: tiling ${name}`);
    const out = join(c.out, `${name}.pmtiles`);
    // --datum GCJ-02: the synthetic data is taken as already in the map's datum, so a click at a feature's
    // input coordinates lands on it.
    const run = spawnSync('npx', ['tsx', 'scripts/tiles.ts', input, '--out', out, '--datum', 'GCJ-02', '--quiet'], {
      cwd: c.root,
      env: { ...process.env, TILES_SUMMARY_JSON: '1' },
      encoding: 'utf8',
    });
    const line = /^TILES_SUMMARY (.*)$/m.exec(run.stdout ?? '')?.[1];
    if (run.status !== 0 || !line) throw new Error(`bench: npm run tiles failed on ${input}:\n${run.stdout}\n${run.stderr}`);
    const s = JSON.parse(line) as TilerSummary;
    const inMb = statSync(input).size / 1048576;
    const dropped = Object.keys(s.dropped).length
      ? `dropped at z${Object.keys(s.dropped)[0]}–${Object.keys(s.dropped).at(-1)}, all in z${s.maxZoom}`
      : 'none dropped';
    c.results[`tiling-${name}`] = { ...s, inputBytes: statSync(input).size };
    c.row(
      `tiling ${name} (${r1(inMb)} MB ${kind === 'points' ? 'CSV' : 'GeoJSON'}): time / peak memory / archive`,
      `${r1(s.ms / 1000)} s / ${r1(s.peakBytes / 1073741824)} GB / ${r1(s.bytes / 1048576)} MB`,
      '',
      `${s.tiles} tiles, z${s.minZoom}–${s.maxZoom}; ${dropped}; targets (1M points) 180 s, 4 GB`,
    );

    c.log(`tiles: ${name} in the app`);
    const pair = clickPair(kind);
    const a = await c.fresh();
    // No flight to the archive's bounds on either page: the time is the data's, not an animation's.
    await a.page.emulateMedia({ reducedMotion: 'reduce' });
    await a.page.goto(`${c.base}/`);
    await waitIdle(a.page);
    await a.page.getByRole('button', { name: '打开规划工具' }).click();
    await chooseArchive(a.page).waitFor({ state: 'attached' });
    const t0 = await a.page.evaluate(() => performance.now());
    await chooseArchive(a.page).setInputFiles(out);
    const appDrawn = (await drawn(a.page, 'tiled-', 60_000)) - t0;
    const { layers, camera } = await a.page.evaluate(() => {
      const m = (window as never as { __map: MapLike }).__map;
      const c = m.getCenter();
      return {
        layers: m.getStyle().layers.filter((l) => l.source?.startsWith('tiled-')),
        camera: { center: [c.lng, c.lat], zoom: m.getZoom() },
      };
    });
    const appPan = await frameIntervals(a.page, PAN_AND_ZOOM, 2400);
    // The tools panel closed (it covers the map's right side here), the pair in the middle at z14.
    await a.page.getByRole('button', { name: '关闭规划工具' }).first().click();
    const appClicks = await clicks(a.page, pair);
    await a.context.close();

    const b = await c.fresh();
    await b.page.emulateMedia({ reducedMotion: 'reduce' });
    await b.page.goto(`${c.base}/bench/bare.html`);
    await waitIdle(b.page);
    const ready = b.page.evaluate(([l, cam]) => (window as never as { addTiles(l: unknown, c: unknown): Promise<void> }).addTiles(l, cam), [
      layers,
      camera,
    ] as const);
    const bt0 = await b.page.evaluate(() => performance.now());
    await b.page.locator('#tiles-file').setInputFiles(out);
    await ready;
    const bareDrawn = (await drawn(b.page, 'tiles', 60_000)) - bt0;
    const barePan = await frameIntervals(b.page, PAN_AND_ZOOM, 2400);
    const bareClicks = await clicks(b.page, pair);
    await b.context.close();

    c.results[`tiles-${name}`] = {
      drawn: { app: appDrawn, bare: bareDrawn, ratio: appDrawn / bareDrawn },
      click: { app: appClicks, bare: bareClicks, appP95: p95(appClicks), bareP95: p95(bareClicks) },
      pan: { app: { median: median(appPan), p95: p95(appPan) }, bare: { median: median(barePan), p95: p95(barePan) } },
    };
    c.row(`${name} archive: chosen to drawn, ms`, appDrawn, bareDrawn, `ratio ${x2(appDrawn / bareDrawn)}; targets 1.2× and 2000 ms`);
    c.row(
      `${name} archive: click to attributes painted, median / p95 ms`,
      `${r1(median(appClicks))} / ${r1(p95(appClicks))}`,
      `${r1(median(bareClicks))} / ${r1(p95(bareClicks))}`,
      `10 clicks each at z14; p95 ratio ${x2(p95(appClicks) / p95(bareClicks))}`,
    );
    c.row(
      `${name} archive: pan + zoom frame median / p95 ms`,
      `${r1(median(appPan))} / ${r1(p95(appPan))}`,
      `${r1(median(barePan))} / ${r1(p95(barePan))}`,
      `p95 ratio ${x2(p95(appPan) / p95(barePan))} (target 1.2)`,
    );

    // The same data through the app's GeoJSON import, where it loads at all.
    c.log(`tiles: ${name} as an import`);
    const g = await c.fresh();
    await g.page.emulateMedia({ reducedMotion: 'reduce' });
    await g.page.goto(`${c.base}/`);
    await waitIdle(g.page);
    await g.page.getByRole('button', { name: '打开规划工具' }).click();
    const importInput = g.page.locator('.tools-panel input[type=file]').first();
    await importInput.waitFor({ state: 'attached' });
    const g0 = await g.page.evaluate(() => performance.now());
    await importInput.setInputFiles(input);
    const refusal = g.page
      .locator('.notices')
      .getByText(/无法导入/)
      .first();
    const outcome = await Promise.race([
      drawn(g.page, 'import-', 180_000).then((t) => ({ drawn: t - g0 })),
      refusal.waitFor({ timeout: 180_000 }).then(async () => ({ refused: (await refusal.textContent()) ?? '' })),
    ]).catch((error: Error) => ({ failed: error.message.split('\n')[0] ?? '' }));
    let importPan: number[] = [];
    if ('drawn' in outcome) importPan = await frameIntervals(g.page, PAN_AND_ZOOM, 2400);
    await g.context.close();
    c.results[`tiles-${name}-as-import`] = {
      ...outcome,
      pan: importPan.length ? { median: median(importPan), p95: p95(importPan) } : null,
    };
    c.row(
      `${name} as GeoJSON import in the app: chosen to drawn, ms`,
      'drawn' in outcome ? outcome.drawn : 'refused' in outcome ? `refused: ${outcome.refused}` : `not drawn: ${outcome.failed}`,
      '',
      'drawn' in outcome
        ? `×${x2(outcome.drawn / appDrawn)} the archive's time; pan p95 ${r1(p95(importPan))} ms`
        : 'the archive is the way in for this size',
    );
  }
}

/** Ten clicks alternating between the pair, each to its attributes painted, the pair in the middle of the map at z14. */
async function clicks(page: Page, pair: [[number, number], [number, number]]): Promise<number[]> {
  const mid = [(pair[0][0] + pair[1][0]) / 2, (pair[0][1] + pair[1][1]) / 2];
  await page.evaluate((center) => (window as never as { __map: MapLike }).__map.jumpTo({ center, zoom: 14 }), mid);
  await waitIdle(page);
  const times: number[] = [];
  for (let i = 0; i < 10; i++) times.push(await clickToPaint(page, pair[i % 2] as [number, number], 'tiled-attributes'));
  const missed = times.filter((t) => Number.isNaN(t)).length;
  if (missed) throw new Error(`bench: ${missed} of 10 clicks on tiled features painted no attributes`);
  return times;
}
