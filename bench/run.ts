/**
 * `npm run bench`: builds, serves on loopback, drives headless Chromium and compares the app
 * with a bare MapLibre page on the same style and data, pair by pair in one run. Prints a
 * table and writes bench/results.json; `npm run bench:check` holds it to the budgets.
 */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-browser.mjs';
import { benchCounty } from './county.ts';
import { benchGis } from './gis.ts';
import { type HeapKinds, snapshotKinds } from './heapKinds.ts';
import { clickAnswerMs, clickToPaint, drawn, frameIntervals, median, PAN_AND_ZOOM, p95, r1, waitIdle, x2 } from './measure.ts';
import { serve } from './server.ts';
import { benchServices } from './services.ts';
import { writeSynthetic } from './synthetic.ts';
import { benchTiles } from './tiles.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');
const PORT = 4190;
const BASE = `http://127.0.0.1:${PORT}`;
/** Runs of each timed pair: 3 by default (the whole bench within 10 minutes here), BENCH_RUNS for more. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** BENCH_ONLY=click,peers runs some parts (cold, click, tour, scale, tiles, services, peers, heap, and breakdown and gis, which only run when named); the check needs all but those two. */
const ONLY = process.env.BENCH_ONLY?.split(',');
/** Parts only run when asked for by name: the cold-start breakdown (a profile, not a budget) and the GIS round trip (GDAL's 40 MB first load). */
const OPT_IN = ['breakdown', 'gis', 'county'];
const want = (part: string) => (ONLY ? ONLY.includes(part) : !OPT_IN.includes(part));

const results: Record<string, unknown> = { date: new Date().toISOString(), runs: RUNS };
const rows: [string, string, string, string][] = [];
const benchStart = Date.now();
const log = (m: string) => console.log(`[bench] ${Math.round((Date.now() - benchStart) / 1000)} s: ${m}`);
const row = (what: string, app: number | string, bare: number | string, note = '') =>
  rows.push([what, typeof app === 'number' ? String(r1(app)) : app, typeof bare === 'number' ? String(r1(bare)) : bare, note]);

function bundleSizes() {
  const dir = join(ROOT, 'dist/assets');
  const files = readdirSync(dir).map((f) => {
    const body = readFileSync(join(dir, f));
    return { file: f, bytes: statSync(join(dir, f)).size, gzip: gzipSync(body).length };
  });
  const html = readFileSync(join(ROOT, 'dist/index.html'), 'utf8');
  // The page's entry (src/app/boot.ts), what it imports, and the app it always imports once the first view
  // painted (Vite lists that import's chunks in the entry, as "assets/….js"): not the lazy map or tools.
  const entry = /<script type="module"[^>]*src="[^"]*\/assets\/([^"/]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('bench: no module entry script in dist/index.html');
  const entryText = readFileSync(join(dir, entry), 'utf8');
  const named = new Set([
    entry,
    ...[...entryText.matchAll(/from\s*"\.\/([^"/]+\.js)"/g)].map((m) => m[1] as string),
    ...[...entryText.matchAll(/"assets\/([^"/]+\.js)"/g)].map((m) => m[1] as string),
  ]);
  const initial = files.filter((f) => f.file.endsWith('.js') && (named.has(f.file) || html.includes(f.file)));
  const initialGzip = initial.reduce((s, f) => s + f.gzip, 0);
  return { files: files.sort((a, b) => b.gzip - a.gzip), initialJsGzip: initialGzip, initial: initial.map((f) => f.file) };
}

async function main() {
  if (!process.argv.includes('--no-build')) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
  const executablePath = findChromium() ?? undefined;
  const synthetic = writeSynthetic(OUT);
  const mounts = {
    '/': join(ROOT, 'dist'),
    '/bench/': join(ROOT, 'bench/pages'),
    '/nm/maplibre/': join(ROOT, 'node_modules/maplibre-gl/dist'),
    '/nm/leaflet/': join(ROOT, 'node_modules/leaflet/dist'),
    '/nm/echarts/': join(ROOT, 'node_modules/echarts/dist'),
    '/nm/pmtiles/': join(ROOT, 'node_modules/pmtiles/dist'),
    '/geodata/': join(ROOT, 'geodata'),
    '/data/': OUT,
  };
  const server = await serve(PORT, mounts);
  const browser: Browser = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
  const fresh = async (viewport = { width: 1366, height: 768 }) => {
    // bypassCSP: the driver evaluates strings in the page, which the app's CSP (rightly) forbids.
    const context = await browser.newContext({ viewport, serviceWorkers: 'block', bypassCSP: true });
    return { context, page: await context.newPage() };
  };
  try {
    log('app style');
    // The app's style, for the bare page: the same sources, layers and fonts.
    {
      const { context, page } = await fresh();
      await page.goto(`${BASE}/`);
      await waitIdle(page);
      writeFileSync(
        join(OUT, 'style.json'),
        await page.evaluate(() => JSON.stringify((window as never as { __map: { getStyle(): unknown } }).__map.getStyle())),
      );
      await context.close();
    }

    log('bundle');
    // Bundle.
    const bundle = bundleSizes();
    results.bundle = bundle;
    for (const f of bundle.files.slice(0, 12)) row(`bundle: ${f.file}`, `${r1(f.gzip / 1024)} kB gz`, '', `${r1(f.bytes / 1024)} kB raw`);
    row('initial JavaScript (gzip, no worker)', `${r1(bundle.initialJsGzip / 1024)} kB`, '', bundle.initial.join(' '));

    if (want('cold')) {
      log('cold start');
      // Cold start to idle, and the overview's figures painted, pair by pair.
      const app: number[] = [];
      const bare: number[] = [];
      const figures: number[] = [];
      const staticMap: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        for (const which of ['app', 'bare'] as const) {
          const { context, page } = await fresh();
          // Element Timing: when the GDP figure's text was really painted (fonts in, laid out, drawn).
          await page.addInitScript(() => {
            const w = window as never as { __figuresAt?: number };
            new PerformanceObserver((list) => {
              for (const e of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[])
                if (e.identifier === 'figure-gdp' && !w.__figuresAt) w.__figuresAt = e.renderTime;
                else if (e.identifier === 'static-map' && !(w as { __staticAt?: number }).__staticAt)
                  (w as { __staticAt?: number }).__staticAt = e.renderTime;
            }).observe({ type: 'element', buffered: true });
          });
          await page.goto(which === 'app' ? `${BASE}/` : `${BASE}/bench/bare.html`);
          const t = await waitIdle(page);
          (which === 'app' ? app : bare).push(t);
          if (which === 'app') {
            figures.push(await page.evaluate(() => (window as never as { __figuresAt: number }).__figuresAt));
            staticMap.push(await page.evaluate(() => (window as never as { __staticAt: number }).__staticAt ?? Number.NaN));
          }
          await context.close();
        }
      }
      results.coldStart = { app, bare, ratio: median(app) / median(bare), figuresPaint: figures, staticMapPaint: staticMap };
      row('cold start to map idle, median ms', median(app), median(bare), `ratio ${x2(median(app) / median(bare))}`);
      row('overview figures painted, median ms', median(figures), '', 'Element Timing render time; the map is not ready yet');
      row(
        'first map pixels: the static map painted, median ms',
        median(staticMap),
        '',
        'Element Timing of its label; WebGL idle is the cold start above',
      );
    }
    if (want('breakdown')) {
      log('cold start breakdown');
      // Where the bare page's time to idle goes with the app's style: the same page without a part of it.
      const variants = {
        full: '',
        'no labels': 'labels',
        'no symbols': 'symbols',
        'no county polygons': 'counties',
        'background only': 'all',
        "MapLibre's default tile buffer": 'buffer',
      };
      const times: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
      for (let i = 0; i < RUNS; i++)
        for (const [name, drop] of Object.entries(variants)) {
          const { context, page } = await fresh();
          await page.goto(`${BASE}/bench/bare.html${drop ? `?drop=${drop}` : ''}`);
          times[name]?.push(await waitIdle(page));
          await context.close();
        }
      const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) as Record<keyof typeof variants, number>;
      results.coldBreakdown = { times, medians: m };
      row(
        'cold start breakdown, bare page to idle, median ms',
        Object.entries(m)
          .map(([k, v]) => `${k} ${r1(v)}`)
          .join(' · '),
        '',
        `labels cost ${r1(m.full - m['no labels'])}, the county polygons ${r1(m.full - m['no county polygons'])}, MapLibre's own start ${r1(m['background only'])}; the narrow tile buffer saves ${r1(m["MapLibre's default tile buffer"] - m.full)}`,
      );
    }
    if (want('click')) {
      log('click to panel');
      // Click on a site to its panel painted: the app against the bare page answering the same click by
      // writing the name into a plain panel beside the map (the floor of this machine's input-to-paint).
      const clickLoop = async (page: Page) => {
        const times: number[] = [];
        const targets: [number, number][] = [
          [119.3535, 28.6213], // the chemical park (a polygon)
          [119.2835, 28.6], // KAN Special Materials (a point)
        ];
        for (let i = 0; i < 20; i++) {
          const at = targets[i % 2] as [number, number];
          times.push(await clickToPaint(page, at, 'site-heading'));
          await page.keyboard.press('Escape');
        }
        return times;
      };
      const a = await fresh();
      // Both targets in the part of the map the (open) layer control does not cover.
      await a.page.goto(`${BASE}/?view=119.289,28.61,12`);
      await waitIdle(a.page);
      const times = await clickLoop(a.page);
      await a.context.close();
      const b = await fresh();
      await b.page.goto(`${BASE}/bench/bare.html`);
      await waitIdle(b.page);
      await b.page.evaluate('window.__withPanel(); window.__map.jumpTo({ center: [119.289, 28.61], zoom: 12 })');
      await waitIdle(b.page);
      const bareTimes = await clickLoop(b.page);
      await b.context.close();
      const missed = times.filter((t) => Number.isNaN(t)).length + bareTimes.filter((t) => Number.isNaN(t)).length;
      if (missed) throw new Error(`click to panel: ${missed} click(s) painted no panel within 3 s`);
      results.clickToPanel = {
        times,
        median: median(times),
        p95: p95(times),
        bare: { times: bareTimes, median: median(bareTimes), p95: p95(bareTimes) },
      };
      row(
        'click on a site to its panel painted, median / p95 ms',
        `${r1(median(times))} / ${r1(p95(times))}`,
        `${r1(median(bareTimes))} / ${r1(p95(bareTimes))}`,
        `20 clicks each; p95 ratio ${x2(p95(times) / p95(bareTimes))}`,
      );
    }
    if (want('tour')) {
      log('tour flight');
      // Frame times during a tour flight.
      {
        const appFrames: number[] = [];
        const bareFrames: number[] = [];
        const stop = JSON.parse(readFileSync(join(ROOT, 'geodata/tour.json'), 'utf8'))[1].camera;
        for (let i = 0; i < 2; i++) {
          const a = await fresh();
          await a.page.goto(`${BASE}/?tour=1`);
          await waitIdle(a.page);
          appFrames.push(
            ...(await frameIntervals(a.page, "window.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown' }))", 2300)),
          );
          await a.context.close();
          const b = await fresh();
          await b.page.goto(`${BASE}/bench/bare.html`);
          await waitIdle(b.page);
          bareFrames.push(...(await frameIntervals(b.page, `window.__map.flyTo(${JSON.stringify({ ...stop, duration: 2200 })})`, 2300)));
          await b.context.close();
        }
        results.tourFlight = {
          app: { median: median(appFrames), p95: p95(appFrames) },
          bare: { median: median(bareFrames), p95: p95(bareFrames) },
        };
        row(
          'tour flight frame interval, median / p95 ms',
          `${r1(median(appFrames))} / ${r1(p95(appFrames))}`,
          `${r1(median(bareFrames))} / ${r1(p95(bareFrames))}`,
          `p95 ratio ${x2(p95(appFrames) / p95(bareFrames))}`,
        );
      }
    }
    if (want('scale')) {
      // Scale: synthetic layers through the app's import path against addSource on the bare page, pair by
      // pair RUNS times (one pair varies by a third here from run to run: the median is the figure).
      const once = async (name: 'points-10k' | 'points-100k' | 'polygons-10k', file: string, pan: boolean) => {
        const a = await fresh();
        await a.page.goto(`${BASE}/`);
        await waitIdle(a.page);
        await a.page.getByRole('button', { name: '打开规划工具' }).click();
        await a.page.locator('.tools-panel input[type=file]').first().waitFor();
        // A person takes a second or more to pick a file once the panel is open: the import worker the panel
        // starts has loaded by then.
        await a.page.waitForTimeout(1000);
        const t0 = await a.page.evaluate(() => performance.now());
        await a.page.locator('.tools-panel input[type=file]').first().setInputFiles(file);
        // Drawn: the import's layers on the map, features rendered, every tile in and the map still (as waitIdle asks of the bare page).
        const appRendered = (await drawn(a.page, 'import-', 120_000)) - t0;
        // The bare page draws the file with the app's own layer definitions (the source's data aside).
        const importLayers = await a.page.evaluate(() =>
          (window as never as { __map: { getStyle(): { layers: { id: string; source?: string }[] } } }).__map
            .getStyle()
            .layers.filter((l) => l.id.startsWith('import-')),
        );
        const appClick = await clickAnswerMs(a.page);
        const appPan = pan ? await frameIntervals(a.page, PAN_AND_ZOOM, 2400) : [];
        await a.context.close();

        const b = await fresh();
        await b.page.goto(`${BASE}/bench/bare.html`);
        await waitIdle(b.page);
        await b.page.evaluate(
          ([u, l]) => {
            (window as never as { addLayer(u: string, l: unknown): Promise<void> }).addLayer(u, l);
          },
          [`/data/${name}.geojson`, importLayers] as const,
        );
        const bt0 = await (await b.page.waitForFunction('window.__added', null, { timeout: 60_000 })).jsonValue();
        if (typeof bt0 !== 'number') throw new Error(`bench: the bare page could not add ${name}: ${String(bt0)}`);
        const bareRendered = (await drawn(b.page, 'extra', 120_000)) - bt0;
        const bareClick = await clickAnswerMs(b.page);
        const barePan = pan ? await frameIntervals(b.page, PAN_AND_ZOOM, 2400) : [];
        await b.context.close();
        return { appRendered, bareRendered, appClick, bareClick, appPan, barePan };
      };
      for (const name of ['points-10k', 'points-100k', 'polygons-10k'] as const) {
        const file = synthetic[name] as string;
        log(`scale ${name}`);
        const runs = [];
        // The frames are measured in the first two runs (enough intervals; the pan is the same each time).
        for (let i = 0; i < RUNS; i++) runs.push(await once(name, file, name === 'points-100k' && i < 2));
        const appRendered = median(runs.map((r) => r.appRendered));
        const bareRendered = median(runs.map((r) => r.bareRendered));
        const appClick = median(runs.map((r) => r.appClick));
        const bareClick = median(runs.map((r) => r.bareClick));
        const appPan = runs.flatMap((r) => r.appPan);
        const barePan = runs.flatMap((r) => r.barePan);
        const mb = statSync(file).size / 1024 / 1024;
        results[`scale-${name}`] = {
          appRendered,
          bareRendered,
          ratio: appRendered / bareRendered,
          runs: runs.map((r) => ({ app: r.appRendered, bare: r.bareRendered })),
          appClick,
          bareClick,
          mb,
        };
        row(
          `${name} (${r1(mb)} MB): until rendered, median ms`,
          appRendered,
          bareRendered,
          `ratio ${x2(appRendered / bareRendered)} (runs ${runs.map((r) => x2(r.appRendered / r.bareRendered)).join(', ')}); click answers ${r1(appClick)} / ${r1(bareClick)} ms`,
        );
        if (appPan.length) {
          results.panZoom100k = { app: { median: median(appPan), p95: p95(appPan) }, bare: { median: median(barePan), p95: p95(barePan) } };
          row(
            'pan + zoom over 100k points, frame median / p95 ms',
            `${r1(median(appPan))} / ${r1(p95(appPan))}`,
            `${r1(median(barePan))} / ${r1(p95(barePan))}`,
            `p95 ratio ${x2(p95(appPan) / p95(barePan))}`,
          );
        }
      }
    }
    if (want('tiles')) {
      log('tiles');
      await benchTiles({ root: ROOT, out: OUT, base: BASE, fresh: () => fresh(), row, log, results });
    }
    if (want('services')) {
      log('services');
      await benchServices({ root: ROOT, out: OUT, base: BASE, fresh: () => fresh(), row, log, results, runs: RUNS });
    }
    if (want('county')) {
      log('county');
      await benchCounty({ root: ROOT, out: OUT, base: BASE, fresh: () => fresh(), row, log, results, runs: RUNS, mounts });
    }
    if (want('gis')) {
      log('gis');
      await benchGis({ root: ROOT, out: OUT, base: BASE, fresh: () => fresh(), row, log, results, runs: RUNS });
    }
    if (want('peers')) {
      log('peers');
      // Peers on the same county map and sites: Leaflet (canvas renderer) and an ECharts geo map, beside
      // bare MapLibre. First render (MapLibre: idle, every tile drawn) and frames during the same pan + zoom.
      {
        const first: Record<string, number[]> = { leaflet: [], echarts: [], maplibre: [], app: [] };
        const frames: Record<string, number[]> = { leaflet: [], echarts: [], maplibre: [], app: [] };
        for (let i = 0; i < RUNS; i++) {
          for (const peer of ['leaflet', 'echarts', 'maplibre', 'app'] as const) {
            const { context, page } = await fresh();
            if (peer === 'maplibre' || peer === 'app') {
              await page.goto(peer === 'app' ? `${BASE}/` : `${BASE}/bench/bare.html`);
              first[peer]?.push(await waitIdle(page));
            } else {
              await page.goto(`${BASE}/bench/${peer}.html`);
              await page.waitForFunction('window.__ready', null, { timeout: 60_000, polling: 'raf' });
              first[peer]?.push(await page.evaluate('window.__ready'));
            }
            if (i < 2) {
              const isMapLibre = peer === 'maplibre' || peer === 'app';
              frames[peer]?.push(...(await frameIntervals(page, isMapLibre ? PAN_AND_ZOOM : 'window.__pan()', 2400)));
              if (peer === 'app')
                results.renderMode = await page.evaluate(() => document.querySelector<HTMLElement>('.maplibregl-map')?.dataset.renderMode);
            }
            await context.close();
          }
        }
        results.peers = Object.fromEntries(
          (['leaflet', 'echarts', 'maplibre', 'app'] as const).map((p) => [
            p,
            {
              firstRender: first[p],
              firstRenderMedian: median(first[p] ?? []),
              pan: { median: median(frames[p] ?? []), p95: p95(frames[p] ?? []) },
            },
          ]),
        );
        const fr = (p: string) => r1(median(first[p] ?? []));
        const fi = (p: string) => `${r1(median(frames[p] ?? []))} / ${r1(p95(frames[p] ?? []))}`;
        row(
          'peers: county map first drawn, median ms',
          `Leaflet ${fr('leaflet')} · ECharts ${fr('echarts')}`,
          fr('maplibre'),
          'MapLibre: idle',
        );
        row(
          'peers: pan + zoom frame median / p95 ms',
          `Leaflet ${fi('leaflet')} · ECharts ${fi('echarts')}`,
          fi('maplibre'),
          'same scripted pan',
        );
        const appP95 = p95(frames.app ?? []);
        const bareP95 = p95(frames.maplibre ?? []);
        row(
          'pan + zoom over the county view, frame median / p95 ms',
          fi('app'),
          fi('maplibre'),
          `p95 ratio ${x2(appP95 / bareP95)}; render mode ${String(results.renderMode)}`,
        );
        results.panZoomCounty = {
          app: { median: median(frames.app ?? []), p95: appP95 },
          bare: { median: median(frames.maplibre ?? []), p95: bareP95 },
        };
        const cold = results.coldStart as { staticMapPaint?: number[] } | undefined;
        if (cold?.staticMapPaint)
          row(
            'first map pixels, median ms',
            `static map ${r1(median(cold.staticMapPaint))} · WebGL idle ${fr('app')}`,
            fr('maplibre'),
            `Leaflet ${fr('leaflet')} · ECharts ${fr('echarts')}`,
          );
      }
    }
    if (want('heap')) {
      log('heap');
      // Memory: the JS heap after 50 kiosk-style loops of the tour against after one, and a bare MapLibre
      // page visiting the same eleven cameras with the same style changes in the same run (the floor: what MapLibre
      // alone warms up doing the same map work).
      const stops = JSON.parse(readFileSync(join(ROOT, 'geodata/tour.json'), 'utf8')) as { camera: unknown }[];
      // A smaller window than the timed parts (still the desktop layout, 700 px and wider): the figure is what the
      // page keeps over the loops, and each stop draws fewer tiles and pixels (a loop took 1.4 s here in the bench, 1.9 at 960×600).
      const HEAP_VIEWPORT = { width: 800, height: 500 };
      // What the app's map is at each stop of the loop (its layers' filters, layout and paint, the features it marks
      // chosen), recorded in the app's first loop: the bare page makes the same changes, so that its heap is the floor
      // of the same map work — new filters re-tile sources, which runs MapLibre code that a camera move over cached
      // tiles never does.
      const stopMaps: unknown[] = [];
      const recordStop = (page: Page) =>
        page.evaluate(() => {
          type M = {
            getStyle(): {
              layers: { id: string; filter?: unknown; layout?: unknown; paint?: unknown }[];
              sources: Record<string, { data?: unknown }>;
            };
            getFeatureState(f: { source: string; id: string }): { selected?: boolean } | undefined;
          };
          const m = (window as never as { __map: M }).__map;
          const style = m.getStyle();
          const chosen: Record<string, string[]> = {};
          for (const source of ['sites', 'connections']) {
            const data = style.sources[source]?.data as { features: { properties: { id: string } }[] } | undefined;
            chosen[source] = (data?.features ?? [])
              .map((f) => f.properties.id)
              .filter((id) => m.getFeatureState({ source, id })?.selected === true);
          }
          return { layers: style.layers.map(({ id, filter, layout, paint }) => ({ id, filter, layout, paint })), chosen };
        });
      const heapRun = async (which: 'app' | 'bare') => {
        const { context, page } = await fresh(HEAP_VIEWPORT);
        await page.emulateMedia({ reducedMotion: 'reduce' });
        await page.goto(which === 'app' ? `${BASE}/?tour=1` : `${BASE}/bench/bare.html?fade=0`);
        await waitIdle(page);
        const cameras = JSON.stringify([...stops.slice(1), ...stops.slice(0, 1)].map((s) => s.camera));
        if (which === 'bare') await page.evaluate(`window.__stopMaps = ${JSON.stringify(stopMaps)}`);
        // A kiosk loop shows each stop: the next one comes once the map is idle (a key pressed mid-load
        // abandons tiles at random, and the "after one" reading then depends on which were dropped).
        const loop = async (record = false) => {
          for (let i = 0; i < stops.length; i++) {
            if (which === 'bare') {
              // The map's own idle event (10 s at most): polling per frame stalls on this page.
              await page.evaluate(
                `new Promise((r) => { const m = window.__map; m.once('idle', () => r()); setTimeout(r, 10000); window.__stop(window.__stopMaps[${i}]); m.jumpTo(${cameras}[${i}]); })`,
              );
              continue;
            }
            await page.keyboard.press(i === stops.length - 1 ? 'Home' : 'PageDown');
            // Two frames (the app moves the camera after its render, so the map may still read idle), then the
            // map's own idle event, in the page as on the bare page (polling it each frame from here took ~15 % longer).
            await page.evaluate(
              `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => { const m = window.__map; if (m.loaded() && m.areTilesLoaded() && !m.isMoving()) return r(); m.once('idle', () => r()); setTimeout(r, 10000); })))`,
            );
            if (record) stopMaps.push(await recordStop(page));
          }
        };
        // A full collection from outside the page's own stack (what DevTools' "collect garbage" does): a gc()
        // called inside page.evaluate runs with the evaluation on the stack, and Blink's conservative stack
        // scan then keeps tens of MB of garbage alive, which read as a leak that a real run never has.
        // Read once the map is idle and the page has settled: tiles still being parsed and frames in
        // flight hold transient memory that is not what a long run keeps.
        const cdp = await context.newCDPSession(page);
        const heap = async () => {
          await waitIdle(page);
          await page.waitForTimeout(500);
          await cdp.send('HeapProfiler.collectGarbage');
          return page.evaluate(() => (performance as never as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
        };
        // The app's first loop records its map at each stop (before the first reading: what it compiles is in the base).
        await loop(which === 'app');
        const one = await heap();
        // What the heap holds by kind, read after the figure above (a snapshot walks the whole heap).
        const oneKinds = await snapshotKinds(cdp);
        const started = Date.now();
        const loops = async (from: number, to: number) => {
          for (let i = from; i < to; i++) {
            await loop();
            if ((i + 1) % 10 === 0) log(`heap ${which}: ${i + 1} loops, ${Math.round((Date.now() - started) / 1000)} s`);
          }
        };
        await loops(1, 25);
        // Growth that levels off (V8's compiled code) shrinks from one stretch of 25 loops to the next; a leak
        // keeps going. The app's code is still being optimised at loop 25 (1 → 25: +1.6 MB, 25 → 50: +0.55, 50 → 75:
        // +0.12, 75 → 100: +0.07 in a 100-loop run here), so its budget is read over 50 → 75.
        const twentyFive = await heap();
        await loops(25, 50);
        const fifty = await heap();
        const fiftyKinds = await snapshotKinds(cdp);
        // The app goes on to 75 (the bare page is the floor at 50: its code has levelled off by then).
        let seventyFive: number | null = null;
        if (which === 'app') {
          await loops(50, 75);
          seventyFive = await heap();
        }
        const dom = await page.evaluate(() => document.getElementsByTagName('*').length);
        await context.close();
        const kinds = (k: keyof HeapKinds) => ({ afterOne: oneKinds[k], afterFifty: fiftyKinds[k] });
        return {
          afterOne: one,
          afterTwentyFive: twentyFive,
          afterFifty: fifty,
          afterSeventyFive: seventyFive,
          growth: (fifty - one) / one,
          domNodes: dom,
          code: kinds('code'),
          objects: kinds('objects'),
        };
      };
      // The bare page's loops depend only on MapLibre, the style and the stops: kept in bench/out under a key of
      // those and reused (said in the table) until one changes, or with BENCH_FRESH=1. Not in parallel with the
      // app's: on two cores the two pages slowed each other down more than they saved.
      const key = createHash('sha256')
        .update(readFileSync(join(ROOT, 'node_modules/maplibre-gl/package.json')))
        .update(readFileSync(join(OUT, 'style.json')))
        .update(JSON.stringify(stops.map((s) => s.camera)))
        .update(JSON.stringify(HEAP_VIEWPORT))
        .update(JSON.stringify(stopMaps))
        .update(readFileSync(join(ROOT, 'bench/pages/bare.html')))
        .digest('hex')
        .slice(0, 16);
      const cached = join(OUT, `heap-bare-${key}.json`);
      const app = await heapRun('app');
      const reuse = !process.env.BENCH_FRESH && existsSync(cached);
      const bare: Awaited<ReturnType<typeof heapRun>> = reuse ? JSON.parse(readFileSync(cached, 'utf8')) : await heapRun('bare');
      if (!reuse) writeFileSync(cached, JSON.stringify(bare));
      results.heapBareCached = reuse;
      results.heap = { ...app, bare };
      const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
      const mb = (x: number) => `${x >= 0 ? '+' : ''}${(x / 1048576).toFixed(2)}`;
      row(
        'JS heap after 1 → 50 tour loops, MB',
        `${r1(app.afterOne / 1048576)} → ${r1(app.afterFifty / 1048576)}`,
        `${r1(bare.afterOne / 1048576)} → ${r1(bare.afterFifty / 1048576)}`,
        `growth ${pct(app.growth)} (bare ${pct(bare.growth)}); 25 → 50 loops ${pct((app.afterFifty - app.afterTwentyFive) / app.afterTwentyFive)} (bare ${pct((bare.afterFifty - bare.afterTwentyFive) / bare.afterTwentyFive)})`,
      );
      if (app.afterSeventyFive !== null)
        row(
          'JS heap, the app at 25 → 50 → 75 tour loops, MB',
          `${r1(app.afterTwentyFive / 1048576)} → ${r1(app.afterFifty / 1048576)} → ${r1(app.afterSeventyFive / 1048576)}`,
          '',
          `per 25 loops: ${mb(app.afterFifty - app.afterTwentyFive)} then ${mb(app.afterSeventyFive - app.afterFifty)} MB; 50 → 75 ${pct((app.afterSeventyFive - app.afterFifty) / app.afterFifty)}`,
        );
      // The same growth split by a heap snapshot at each end: compiled code against everything else.
      const split = (r: typeof app) =>
        `code ${mb(r.code.afterFifty - r.code.afterOne)} · objects ${mb(r.objects.afterFifty - r.objects.afterOne)}`;
      row(
        'JS heap growth by kind, 1 → 50 loops, MB',
        split(app),
        split(bare),
        `heap snapshots; code: bytecode and compiled functions${reuse ? '; bare: cached run (same MapLibre, style, stops)' : ''}`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }

  results.seconds = Math.round((Date.now() - benchStart) / 1000);
  results.only = ONLY ?? null;
  row('the bench itself, s', results.seconds as number, '', `BENCH_RUNS=${RUNS}${ONLY ? `, BENCH_ONLY=${ONLY.join(',')}` : ''}`);
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 1)}\n`);
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...rows.map((r) => r[i]?.length ?? 0), ['measure', 'app', 'bare', 'note'][i]?.length ?? 0),
  );
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(`\n${line(['measure', 'app', 'bare MapLibre', 'note'])}`);
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
  console.log('\nwrote bench/results.json');
}

await main();
