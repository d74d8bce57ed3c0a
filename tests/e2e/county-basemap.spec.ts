/**
 * A real map of the county, offline (#31): source archives made by the test (scripts/lib/basemap-fixture.ts:
 * the Protomaps schema around the county; a Terrarium hill from a formula) served by Debian's nginx with
 * byte ranges, cut by the two extract commands as a deployment runs them, and put where a deployment puts
 * them — beside the built app (basemap/), served by the same nginx with deploy/nginx.conf. The app finds
 * them and draws the county map under the sites, hillshade and 3D terrain; nothing leaves the machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HILL, heightAt } from '../../scripts/lib/basemap-fixture';
import { BASEMAP_STRINGS } from '../../src/basemap/basemapStrings';
import { convertPoint } from '../../src/basemap/datum';
import type { TourStopDef } from '../../src/data/schema';
import { STRINGS } from '../../src/i18n/strings';
import { LAYER_STRINGS } from '../../src/layers/layerStrings';
import { serviceProblemText } from '../../src/services/serviceStrings';
import { TILE_STRINGS } from '../../src/tiles/tileStrings';
import { encodeTourLink } from '../../src/tour/tourLink';
import { metres } from './county.driver';
import { stops } from './data';
import { AppDriver, expect, expectLogged, shot, test } from './driver';
import { type NginxHost, ROOT, startNginx } from './nginxHost';
import { MAP_ONLY, mapArea, mismatch } from './staticMap.driver';

const PORT = 4196;
const SITE = `http://127.0.0.1:${PORT}`;
const zh = BASEMAP_STRINGS.zh;
let nginx: NginxHost | null = null;
let dir = '';
let seatWgs84: [number, number] = [0, 0];
const extractOutput: string[] = [];

const tsx = (args: string[]) =>
  execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(join(tmpdir(), 'suichang-county-'));
  mkdirSync(join(dir, 'basemap'));
  const made = tsx(['scripts/make-basemap-fixtures.ts', join(dir, 'source')]);
  seatWgs84 = (/seat \(WGS-84\) ([\d.]+),([\d.]+)/.exec(made)?.slice(1).map(Number) ?? [0, 0]) as [number, number];
  nginx = await startNginx(PORT, {
    extra: [
      `    location /basemap/ { alias ${dir}/basemap/; }`,
      `    location /source/ { alias ${dir}/source/; }`,
      // The built page as a build finding the county archive makes it (its static first map drawn with the county map).
      `    location = /county-first.html { alias ${dir}/county-first.html; }`,
    ].join('\n'),
  });
  // The two commands, against the "public builds" on the loopback server.
  extractOutput.push(
    tsx([
      'scripts/extract-archive.ts',
      'basemap',
      '--source',
      `${SITE}/source/source.pmtiles`,
      '--maxzoom',
      '13',
      '--out',
      join(dir, 'basemap/county.pmtiles'),
    ]),
    tsx([
      'scripts/extract-archive.ts',
      'terrain',
      '--source',
      `${SITE}/source/dem-source.pmtiles`,
      '--out',
      join(dir, 'basemap/terrain.pmtiles'),
    ]),
  );
});

test.afterAll(() => {
  nginx?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the extracted county map is drawn under the sites, in both languages, with the seat where OpenStreetMap has it', async ({
  app,
  page,
}) => {
  // The commands said what they wrote.
  expect(extractOutput[0]).toMatch(/basemap:extract: wrote .*county\.pmtiles: \d+ kB, \d+ tiles/);
  expect(extractOutput[1]).toMatch(/terrain:extract: wrote .*terrain\.pmtiles: [\d.]+ (kB|MB), \d+ tiles/);
  expect(statSync(join(dir, 'basemap/county.pmtiles')).size).toBeGreaterThan(10_000);

  const county = app.county;
  await app.given.openAt(SITE);
  // Found and shown, without being chosen.
  await expect(app.get.basemap(zh.countyName)).toBeChecked();
  await app.map.viewAt(seatWgs84, 10.5);
  expect(await county.renderedCount('basemap-roads_highway')).toBeGreaterThan(0);
  expect(await county.renderedCount('basemap-roads_major')).toBeGreaterThan(0);
  expect(await county.renderedCount('basemap-water')).toBeGreaterThan(0);
  // A Chinese place name, placed (the seat's own name gives way to the app's seat label above it).
  expect(await county.renderedNames('basemap-places_locality')).toContain('测试镇');
  // The lake's pixels are the basemap's water (#b9d3e4), under the county's light tint.
  const [lake] = await county.colours([[seatWgs84[0] + 0.11, seatWgs84[1] + 0.07]]);
  expect(lake?.[2] ?? 0).toBeGreaterThan((lake?.[0] ?? 0) + 20);
  // The datum rule: the app's seat (GCJ-02 in geodata) converted onto the WGS-84 map lands within 10 m of
  // OpenStreetMap's seat; unconverted it would be hundreds of metres off.
  const osmSeat = await county.pointOf('online-basemap', 'places', 'name', '遂昌县');
  const appSeat = await county.pointOf('county-labels', undefined, 'kind', 'seat');
  expect(osmSeat && appSeat).toBeTruthy();
  expect(metres(osmSeat!, appSeat!)).toBeLessThan(10);
  expect(metres(appSeat!, [119.276103, 28.592148])).toBeGreaterThan(300);
  await expect(app.get.attribution()).toContainText('© OpenStreetMap contributors');
  await shot(page, 'county-basemap-zh');

  await app.when.switchLanguage();
  await expect(app.get.basemap(BASEMAP_STRINGS.en.countyName)).toBeChecked();
  await app.map.idle();
  const field = await app.map.layout('basemap-places_locality', 'text-field');
  expect(field).toContain('name:en');
  expect(field).not.toContain('name:zh');
  expect(await county.renderedNames('basemap-places_locality', 'name:en')).toContain('Test Town');
  await shot(page, 'county-basemap-en');
  // On a phone: the county map under the sites, the panel as a sheet (the layer list folded, as a phone opens it).
  await app.when.foldLayerControl();
  await page.setViewportSize({ width: 390, height: 844 });
  await app.map.idle();
  await shot(page, 'county-basemap-phone');
});

test('hillshade shades the hill’s far side; 3D terrain lifts it with its exaggeration', async ({ app, page }) => {
  // 3D terrain in software rendering (SwiftShader) takes seconds a frame at 1920×1080.
  test.setTimeout(150_000);
  const county = app.county;
  await app.given.openAt(SITE);
  await app.map.viewAt([HILL.lon, HILL.lat], 11);
  const flanks: [number, number][] = [
    [HILL.lon - 0.035, HILL.lat + 0.02], // north-west: towards the light
    [HILL.lon + 0.035, HILL.lat - 0.02], // south-east: away from it
  ];
  const [lit, shaded] = await county.brightness(flanks);
  expect(lit! - shaded!).toBeGreaterThan(25);
  const hillshade = county.hillshade();
  await expect(hillshade).toBeChecked();
  await hillshade.uncheck();
  await expect.poll(async () => app.map.hasLayer('terrain-hillshade')).toBe(false);
  await app.map.idle();
  const [a, b] = await county.brightness(flanks);
  expect(Math.abs(a! - b!)).toBeLessThan(6);
  await hillshade.check();

  await county.threeD().check();
  await expect.poll(() => county.terrain()).toMatchObject({ on: true, exaggeration: 1.5 });
  await expect.poll(async () => (await county.terrain()).pitch).toBeGreaterThan(50);
  await app.map.idle();
  // The surface stands at the formula's height (times the exaggeration) at the top, near the base away from it.
  const top = (await county.elevation([HILL.lon, HILL.lat])) ?? 0;
  expect(top).toBeGreaterThan(HILL.top * 1.5 * 0.9);
  expect(top).toBeLessThan(HILL.top * 1.5 * 1.1);
  await county.exaggeration().fill('2');
  await expect.poll(() => county.terrain()).toMatchObject({ exaggeration: 2 });
  await app.map.idle();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.map.idle();
  await shot(page, 'terrain-3d-1920');
  // The terrain's credit is in the PNG's and the print's line while it is drawn.
  await expect(app.get.printCredits()).toContainText('test heights (a formula)');

  // Over the embedded outlines (GCJ-02) the WGS-84 heights would stand off: not drawn, and said.
  await app.get.basemap(STRINGS.zh.basemapEmbedded).check();
  await expect(county.datumNote()).toBeVisible();
  await expect.poll(() => county.terrain()).toMatchObject({ on: false });
  await expect.poll(async () => app.map.hasLayer('terrain-hillshade')).toBe(false);
  await expect(app.get.printCredits()).not.toContainText('test heights');
});

test('a tour stop in 3D: the presenter’s link tilts the county over the hill, and the next stop lays it flat again', async ({
  app,
  page,
}) => {
  test.setTimeout(150_000);
  const county = app.county;
  // A presenter's tour of two stops, as the tour editor writes it: the first over the hill in 3D (exaggeration 2),
  // the second the built-in tour's opening stop (flat). Carried in the link, as the editor shares it.
  const [first, second] = stops as unknown as [TourStopDef, TourStopDef];
  const hillStop: TourStopDef = {
    ...first,
    id: 'hill-3d',
    title: { zh: '九龙山一带（测试山）', en: 'Over the hills (test hill)' },
    camera: { center: [HILL.lon, HILL.lat], zoom: 11.5, bearing: 30, pitch: 62 },
    terrain: { exaggeration: 2 },
  };
  delete (hillStop as { bounds?: unknown }).bounds;
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.given.loadAt(`${SITE}/?tourlink=${await encodeTourLink([hillStop, second])}&tour=1`);
  const tour = app.tour;
  await expect(tour.title()).toHaveText(hillStop.title.zh);
  // The tour card paints before the map is made: the terrain is asked of the map once it is there.
  await app.map.idle();
  await expect.poll(() => county.terrain(), { timeout: 60_000 }).toMatchObject({ on: true, exaggeration: 2 });
  await expect.poll(async () => (await county.terrain()).pitch, { timeout: 60_000 }).toBeGreaterThan(55);
  await app.map.idle();
  // The surface stands at the hill's height times the stop's exaggeration.
  const top = (await county.elevation([HILL.lon, HILL.lat])) ?? 0;
  expect(top).toBeGreaterThan(HILL.top * 2 * 0.9);
  expect(top).toBeLessThan(HILL.top * 2 * 1.1);
  await shot(page, 'tour-stop-3d-1920');
  await tour.next();
  await expect(tour.title()).toHaveText(second.title.zh);
  await expect.poll(() => county.terrain(), { timeout: 60_000 }).toMatchObject({ on: false });
});

test('a broken county archive leaves the outlines, with a notice naming the file', async ({ app, page }) => {
  await page.route('**/basemap/county.pmtiles', (route) =>
    route.fulfill({
      status: 206,
      contentType: 'application/octet-stream',
      headers: { 'content-range': 'bytes 0-16/17' },
      body: 'not a map archive',
    }),
  );
  await app.given.openAt(SITE);
  await expect(app.get.status(zh.countyBroken(zh.fault({ code: 'not-pmtiles' })))).toBeVisible();
  await expect(app.get.basemap(zh.countyName)).toHaveCount(0);
  expect(await app.map.sourceIds()).not.toContain('online-basemap');
  // The terrain beside it is still found (its group is offered, greyed over the GCJ-02 outlines).
  await expect(app.county.hillshade()).toBeDisabled();
});

test('a server that sends the whole county archive for a range is named, and the archive is not downloaded', async ({ app, page }) => {
  let sent = 0;
  await page.route('**/basemap/county.pmtiles', async (route) => {
    const whole = Buffer.alloc(400_000);
    whole.write('PMTiles', 0);
    sent++;
    await route.fulfill({ status: 200, contentType: 'application/octet-stream', body: whole });
  });
  await app.given.openAt(SITE);
  await expect(app.get.status(zh.countyBroken(zh.fault({ code: 'server', why: 'no-ranges' })))).toBeVisible();
  expect(sent).toBe(1);
  await expect(app.get.basemap(zh.countyName)).toHaveCount(0);
});

test('an archive of image tiles dropped on the embedded outlines is opened as a basemap, the sites converted onto it', async ({ app }) => {
  await app.given.openAt(SITE);
  // Over the outlines alone there is nothing to keep around the pictures: they become the basemap.
  await app.when.chooseBasemap(STRINGS.zh.basemapEmbedded);
  await app.when.openTools();
  // The test's Terrarium archive is PNG tiles like any orthophoto's: at the flat base (200 m) each pixel is rgb(128, 200, 0).
  await app.tools.when.chooseArchive(join(dir, 'source/dem-source.pmtiles'));
  await expect(app.get.status(TILE_STRINGS.zh.rasterBasemap('dem-source', 'PNG', 'WGS-84'))).toBeVisible();
  // The notice comes as the basemap is chosen; the map has it a render later.
  await expect.poll(() => app.map.source('online-basemap')).toMatchObject({ type: 'raster', tileSize: 256 });
  await app.map.viewAt([HILL.lon + 0.3, HILL.lat + 0.2], 10);
  const [flat] = await app.county.colours([[HILL.lon + 0.3, HILL.lat + 0.2]]);
  // Under the county's light tint (18 % of a near-white).
  expect(flat![0]).toBeGreaterThan(135);
  expect(flat![0]).toBeLessThan(165);
  expect(flat![1]).toBeGreaterThan(200);
  expect(flat![2]).toBeLessThan(70);
  // The sites are on the WGS-84 map: the seat drawn where its WGS-84 coordinate is.
  const appSeat = await app.county.pointOf('county-labels', undefined, 'kind', 'seat');
  expect(metres(appSeat!, seatWgs84)).toBeLessThan(10);

  // The measure tool says the height of the last point clicked, from the terrain archive (no 3D needed).
  await app.map.viewAt([HILL.lon, HILL.lat], 11);
  await app.tools.when.press('measureLine');
  await app.when.clickMap([HILL.lon, HILL.lat]);
  await expect(app.tools.get.elevation()).toHaveText(/^最后一点海拔约 1,(69\d|70\d) 米$/);
  // On the flank, the formula's height there (to the metre, give or take a pixel of the z11 tile).
  await app.when.clickMap([HILL.lon, HILL.lat + 0.05]);
  await expect(app.tools.get.elevation()).not.toHaveText(/1,70\d/);
  const said = Number((await app.tools.get.elevation().textContent())?.replace(/\D/g, ''));
  expect(Math.abs(said - heightAt(HILL.lon, HILL.lat + 0.05))).toBeLessThan(25);
});

test('an archive of image tiles lies over the county map, is shifted onto the GCJ-02 outlines, is kept after a reload, and can become the basemap', async ({
  app,
  page,
}) => {
  const t = TILE_STRINGS.zh;
  const row = app.tools.get.tiledRow('dem-source');
  const terrarium = app.county;
  // Where the hill's east flank climbs most steeply: ~110 m a GCJ-02 shift (~500 m) apart, each well inside a 256 m band.
  const flank: [number, number] = [HILL.lon + 0.04, HILL.lat];
  const heightAround = async (at: [number, number]) => {
    await app.map.viewAt(at, 12);
    return (await terrarium.terrariumHeights([at]))[0]!;
  };
  await app.given.openAt(SITE);
  await expect(app.get.basemap(zh.countyName)).toBeChecked();
  await app.when.foldLayerControl();
  await app.when.openTools();
  // Over a real map, the pictures lie over it (the county map stays around them).
  await app.tools.when.chooseArchive(join(dir, 'source/dem-source.pmtiles'));
  await expect(app.get.status(t.rasterOverlay('dem-source', 'PNG', 'WGS-84'))).toBeVisible();
  await expect(row).toHaveAttribute('data-role', 'overlay');
  await expect(row.getByText(t.saved)).toBeVisible();
  await row.getByRole('slider', { name: `${LAYER_STRINGS.zh.opacity} · dem-source` }).fill('100');
  // On the WGS-84 county map the archive's own pixels: the formula's height where it is.
  expect(Math.abs((await heightAround(flank)) - heightAt(...flank))).toBeLessThan(25);

  // On the embedded GCJ-02 outlines the pictures are shifted onto the map's datum: at a GCJ-02 point the map shows the
  // height of the WGS-84 place there, not of the WGS-84 coordinate with the same numbers.
  await app.when.chooseBasemap(STRINGS.zh.basemapEmbedded);
  await expect(row.getByText(t.imageShifted('WGS-84', 'GCJ-02'))).toBeVisible();
  const gcj: [number, number] = [HILL.lon + 0.045, HILL.lat];
  const place = convertPoint(gcj, 'GCJ-02', 'WGS-84');
  const shifted = await heightAround(gcj);
  expect(Math.abs(shifted - heightAt(...place))).toBeLessThan(25);
  expect(Math.abs(shifted - heightAt(...gcj))).toBeGreaterThan(60);

  // Kept: after a reload the layer is back over the map, where it was, as it was.
  await app.given.reopened();
  await app.when.openTools();
  await expect(row).toHaveAttribute('data-status', 'ready');
  await expect(row).toHaveAttribute('data-role', 'overlay');
  await expect(row.getByRole('slider', { name: `${LAYER_STRINGS.zh.opacity} · dem-source` })).toHaveValue('100');
  // Drawn again over the county map (found beside the app and chosen, the outlines' choice not being kept).
  await expect(app.get.basemap(zh.countyName)).toBeChecked();
  expect(Math.abs((await heightAround(flank)) - heightAt(...flank))).toBeLessThan(25);
  await shot(page, 'image-overlay-zh');

  // As the basemap: chosen at once, offered with the basemaps, and chosen again after a reload.
  await row.getByRole('button', { name: t.asBasemap }).click();
  await expect(row).toHaveAttribute('data-role', 'basemap');
  await expect(row.getByText(t.isBasemap)).toBeVisible();
  await expect(app.get.basemap('dem-source')).toBeChecked();
  await app.given.reopened();
  await expect(app.get.basemap('dem-source')).toBeChecked();
  await expect.poll(() => app.map.source('online-basemap')).toMatchObject({ type: 'raster' });
  // And back over the map: the basemap it replaced is not chosen for the user; the outlines are back under it.
  await app.when.openTools();
  await row.getByRole('button', { name: t.asOverlay }).click();
  await expect(row).toHaveAttribute('data-role', 'overlay');
  await expect(app.get.basemap('dem-source')).toHaveCount(0);
});

test('an archive of image tiles by URL whose server starts refusing: said in a notice, its row failed, no longer drawn, the county map stays', async ({
  app,
  page,
  guard,
}) => {
  const t = TILE_STRINGS.zh;
  const row = app.tools.get.tiledRow('dem-source');
  await app.given.openAt(SITE);
  await app.when.foldLayerControl();
  await app.when.openTools();
  await app.tools.when.addArchiveUrl('/source/dem-source.pmtiles');
  await expect(app.get.status(t.rasterOverlay('dem-source', 'PNG', 'WGS-84'))).toBeVisible();
  await expect(row).toHaveAttribute('data-status', 'ready');
  await app.map.viewAt([HILL.lon, HILL.lat], 11);
  expect((await app.map.sourceIds()).filter((id) => id.startsWith('tiled-image-'))).toHaveLength(1);
  // From now on the server refuses the archive's ranges (a share gone offline, a file moved away).
  await page.route('**/source/dem-source.pmtiles', (route) => route.fulfill({ status: 500, body: 'gone' }));
  await app.map.viewAt([HILL.lon + 0.3, HILL.lat + 0.2], 13);
  await expect(app.get.notices()).toContainText(t.imageFailed('dem-source', serviceProblemText({ code: 'http', status: 500 }, 'zh')));
  await expect(row).toHaveAttribute('data-status', 'error');
  await expect.poll(async () => (await app.map.sourceIds()).filter((id) => id.startsWith('tiled-image-'))).toEqual([]);
  await shot(page, 'image-archive-refused-zh');
  await app.when.openLayerControl();
  await expect(app.get.basemap(zh.countyName)).toBeChecked();
  // The refusals the test made, as the browser logs them; nothing else.
  expectLogged(guard, /status of 500/);
});

test('a build that finds the county archive opens on it: the static first map draws its water, roads and towns, and MapLibre takes over on the county map without a jump', async ({
  browser,
}) => {
  // What `npm run build` puts in the first view with public/basemap/county.pmtiles present (vite.config.ts, prerender-shell).
  const said = tsx(['scripts/static-map.ts', join(dir, 'basemap/county.pmtiles')]);
  expect(said).toMatch(/static first map: the county map of .*county\.pmtiles \(\d+ town names\); [\d.]+ kB gzipped of 30 kB/);
  const markup = tsx(['scripts/static-map.ts', join(dir, 'basemap/county.pmtiles'), '--markup']);
  const built = readFileSync(join(ROOT, 'dist/index.html'), 'utf8');
  const frame = /<div class="static-map-frame"[\s\S]*?<\/div>/;
  expect(built).toMatch(frame);
  writeFileSync(
    join(dir, 'county-first.html'),
    built.replace(frame, () => markup),
  );
  const page = `${SITE}/county-first.html`;

  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  // The static map alone (WebGL refused, so it stays): the county map's town name and water under the outlines.
  const still = new AppDriver(await context.newPage());
  await still.given.noWebGL();
  await still.given.loadAt(page);
  await expect(still.get.alert().first()).toContainText(STRINGS.zh.mapFailed);
  await expect(still.get.staticCountyMap()).toBeVisible();
  await expect(still.get.staticLabel('place').filter({ hasText: '测试镇' })).toBeVisible();
  await still.page.addStyleTag({ content: MAP_ONLY });
  await still.when.fontsLoaded();
  await shot(still.page, 'static-map-county-1920');
  const before = await mapArea(still.page);

  // The live page: the static map is removed only once MapLibre draws the county map (found by the probe after start).
  const live = new AppDriver(await context.newPage());
  await live.page.addInitScript(() => {
    let seen = false;
    new MutationObserver((_, observer) => {
      if (document.querySelector('.static-map')) seen = true;
      if (!seen || document.querySelector('.static-map')) return;
      const map = window.__map;
      (window as unknown as { __staticGone: unknown }).__staticGone = {
        county: Boolean(map?.getSource('online-basemap')),
        drawn: Boolean(map?.loaded() && map.areTilesLoaded()),
      };
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await live.given.openAt(page);
  await expect(live.get.basemap(zh.countyName)).toBeChecked();
  await expect(live.get.staticMap()).toHaveCount(0);
  expect(await live.get.injected('__staticGone')).toEqual({ county: true, drawn: true });
  await live.page.addStyleTag({ content: MAP_ONLY });
  await live.when.fontsLoaded();
  await shot(live.page, 'static-map-county-swapped-1920');
  const after = await mapArea(live.page);
  const [inPlace, ...moved] = await mismatch(still.page, before, after, [
    [0, 0],
    [-4, 0],
    [4, 0],
    [0, -4],
    [0, 4],
  ]);
  expect(inPlace, `${(inPlace! * 100).toFixed(1)} % of pixels differ`).toBeLessThan(0.04);
  for (const m of moved) expect(inPlace).toBeLessThan(m);
  await context.close();
});
