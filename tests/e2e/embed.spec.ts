/**
 * The map embedded in another site's page (?embed=1) and driven by it through postMessage
 * (src/embed/messages.ts): the compact layout at phone and article sizes, the messages both ways, the
 * origins a deployment allows, malformed messages ignored with a warning, and the first view laid out
 * for the frame before any script ran.
 */
import { SHARE_STRINGS } from '../../src/embed/shareStrings';
import { STRINGS } from '../../src/i18n/strings';
import { site, stops } from './data';
import { expect, shot, test } from './driver';
import { EmbedHost, FOREIGN, HOST, startArticleHosts } from './embed.driver';
import { toolLabel } from './tools.driver';

const zh = STRINGS.zh;

let stopHosts: () => Promise<void>;
test.beforeAll(async () => {
  stopHosts = await startArticleHosts();
});
test.afterAll(() => stopHosts());

for (const size of [
  { width: 360, height: 640 },
  { width: 800, height: 500 },
]) {
  test(`an article embeds the map at ${size.width}×${size.height} and drives it`, async ({ app, page }) => {
    await page.setViewportSize({ width: size.width + 40, height: size.height + 80 });
    const host = new EmbedHost(page);
    await host.allow([HOST]);
    const embedded = app.framed(await host.open(size));
    await host.ready();

    // The compact layout: the map, its legend and the panel; no planner tools, search or sharing.
    await expect(embedded.map.canvas()).toBeVisible();
    await expect(embedded.get.legend()).toBeVisible();
    await expect(embedded.get.heading()).toHaveText(zh.overview);
    await expect(embedded.tools.get.button('toolsOpen')).toBeHidden();
    await expect(embedded.get.search()).toBeHidden();
    await expect(embedded.get.shareButton()).toBeHidden();
    const header = await embedded.get.header().boundingBox();
    expect(header?.height).toBeLessThanOrEqual(44);

    // The page selects a site: the map shows it, and says so back.
    await host.send({ type: 'suichang:select-site', site: 'devzone-east' });
    await expect(embedded.get.heading()).toHaveText(site('devzone-east').name_zh);
    await expect.poll(async () => (await host.received('suichang:site-selected')).map((m) => m.data.site)).toEqual(['devzone-east']);
    const [selected] = await host.received('suichang:site-selected');
    expect(selected?.origin).toBe('http://127.0.0.1:4173');
    expect(selected?.data.name).toEqual(site('devzone-east').name);
    // The source stays one tap from the figure, at every size.
    await expect(
      embedded.get
        .panel()
        .getByRole('button', { name: /来源 · source/ })
        .first(),
    ).toBeAttached();
    await shot(page, `embed-site-${size.width}x${size.height}`);

    await host.send({ type: 'suichang:select-site', site: null });
    await expect(embedded.get.heading()).toHaveText(zh.overview);

    // The page starts the tour; each stop is told; the page stops it.
    await host.send({ type: 'suichang:tour', action: 'start' });
    await expect(embedded.tour.title()).toHaveText(stops[0]?.title.zh ?? '');
    await expect.poll(async () => (await host.received('suichang:tour-stop')).map((m) => m.data.index)).toEqual([1]);
    const [first] = await host.received('suichang:tour-stop');
    expect(first?.data).toMatchObject({ count: stops.length, id: stops[0]?.id, title: stops[0]?.title });
    await embedded.tour.next();
    await expect.poll(async () => (await host.received('suichang:tour-stop')).map((m) => m.data.index)).toEqual([1, 2]);
    await host.send({ type: 'suichang:tour', action: 'stop' });
    await expect(embedded.tour.title()).toHaveCount(0);
    await expect.poll(async () => (await host.received('suichang:tour-ended')).length).toBe(1);

    // The language.
    await host.send({ type: 'suichang:set-lang', lang: 'en' });
    await expect(embedded.get.heading()).toHaveText(STRINGS.en.overview);
    await expect(embedded.get.openFull()).toHaveAccessibleName(SHARE_STRINGS.en.openFullLabel);
  });
}

test('messages from an origin not allowed are ignored; malformed ones are warned about, never an error', async ({ app, page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  const host = new EmbedHost(page);
  await host.allow([HOST]);
  const frame = await host.open({ width: 800, height: 500, origin: FOREIGN });
  // Nothing is told to a page the deployment did not list.
  await host.sendAndSettle(frame, { type: 'suichang:select-site', site: 'devzone-east' });
  await expect(app.framed(frame).get.heading()).toHaveText(zh.overview);
  expect(await host.received('suichang:ready')).toEqual([]);
  expect(await host.received('suichang:site-selected')).toEqual([]);

  // From the allowed page: malformed payloads and unknown sites are ignored, each with a warning.
  const allowed = new EmbedHost(page);
  const framed = await allowed.open({ width: 800, height: 500 });
  await allowed.ready();
  for (const bad of [
    { type: 'suichang:select-site', site: 42 },
    { type: 'suichang:select-site', site: 'no-such-site' },
    { type: 'suichang:tour', action: 'dance' },
    { type: 'suichang:fly' },
  ]) {
    await allowed.sendAndSettle(framed, bad);
  }
  // Another script's messages (not ours) pass without a word.
  await allowed.sendAndSettle(framed, { type: 'analytics', hit: 1 });
  await allowed.sendAndSettle(framed, 'hello');
  await expect(app.framed(framed).get.heading()).toHaveText(zh.overview);
  const ours = warnings.filter((w) => w.startsWith('Suichang map'));
  expect(ours).toHaveLength(4);
  expect(ours[0]).toContain('"site" must be a site id or null');
  expect(ours[1]).toContain('no site "no-such-site"');
  expect(ours[3]).toContain('unknown message type "suichang:fly"');
});

test('an embed link with unknown values keeps its frame; the full map opens at the same view', async ({ app, page, context }) => {
  const host = new EmbedHost(page);
  const embedded = app.framed(await host.open({ width: 800, height: 500, query: '&site=nowhere&lang=en' }));
  await expect(embedded.get.notices()).toContainText('nowhere');
  await expect(embedded.map.canvas()).toBeVisible();

  await embedded.when.selectSite('enclave-nanhu');
  await expect(embedded.get.heading()).toHaveText(site('enclave-nanhu').name_en);
  await embedded.map.idle();
  const { center: camera } = await embedded.map.camera();
  const [full] = await Promise.all([context.waitForEvent('page'), embedded.get.openFull().click()]);
  await full.waitForURL(/site=enclave-nanhu/);
  const url = new URL(full.url());
  expect(url.searchParams.get('embed')).toBeNull();
  expect(url.searchParams.get('lang')).toBe('en');
  const [lng, lat] = (url.searchParams.get('view') ?? '').split(',').map(Number);
  expect(lng).toBeCloseTo(camera[0] ?? 0, 4);
  expect(lat).toBeCloseTo(camera[1] ?? 0, 4);
  await full.close();
});

test('the first view is laid out for the frame before the app runs: no jump when it takes over', async ({ app, page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  // The app's scripts held back: what paints is the prerendered first view alone.
  const release = await app.given.scriptsHeld();
  await app.given.load('?embed=1', 'commit');
  // Measured as the first view is laid out (styled, out of the font guard): read at 'commit' it could be the page
  // before its stylesheet came, which then hid it — a null box in one full run.
  const firstView = await app.get.laidOutFirstView();
  expect(await app.get.rootHasClass('embed')).toBe(true);
  const shell = firstView.locator('.app-header');
  await expect(shell).toBeVisible();
  const before = await shell.boundingBox();
  await expect(firstView.getByRole('button', { name: toolLabel('toolsOpen') })).toBeHidden();
  await expect(firstView.getByRole('link', { name: SHARE_STRINGS.zh.openFullLabel })).toBeVisible();
  release();
  await expect(app.get.firstView()).toHaveCount(0);
  expect(await app.get.header().boundingBox()).toEqual(before);
});
