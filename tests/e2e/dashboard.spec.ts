import AxeBuilder from '@axe-core/playwright';
import { SHARE_STRINGS } from '../../src/embed/shareStrings';
import { STRINGS } from '../../src/i18n/strings';
import { COUNTY_SEAT, figure, layers, site, sitePoint } from './data';
import { AppDriver, expect, shot, test } from './driver';

const zh = STRINGS.zh;
const en = STRINGS.en;
const layerName = (id: string) => layers.find((l) => l.id === id)?.name.zh ?? id;

/** The panel is a landmark named by its heading: the selected site's name, or the overview's. */
async function expectPanelTitle(app: AppDriver, title: string) {
  await expect(app.get.heading()).toHaveText(title);
  await expect(app.get.panel()).toHaveAccessibleName(title);
}

test.describe('a visitor', () => {
  test('reads the overview, searches a site, reads its figures and source, switches language and shares the link', async ({
    app,
    page,
    context,
  }) => {
    await app.given.open();
    await expectPanelTitle(app, zh.overview);
    await expect(app.get.figure('gdp').locator('.value')).toHaveText(String(figure('gdp').value));
    await expect(app.get.figure('gdp').locator('.change')).toContainText(`+${figure('gdp').change?.value}%`);

    const before = (await app.map.camera()).center;
    await app.when.search('元立');
    await expectPanelTitle(app, site('yuanli-bar-line').name_zh);
    await expect(page).toHaveURL(/site=yuanli-bar-line/);
    await app.map.settled();
    const after = (await app.map.camera()).center;
    expect(after).not.toEqual(before);
    expect(Math.abs(after[0] - 119.261)).toBeLessThan(0.02);

    const hall = figure('yuanli-hall-length');
    const card = app.get.figure(hall.id);
    await expect(card.locator('.value')).toHaveText(String(hall.value));
    await expect(card.locator('.unit')).toHaveText(hall.unit?.zh ?? '');
    await expect(card.locator('blockquote')).toBeHidden();
    await card.getByRole('button', { name: new RegExp(zh.source) }).click();
    await expect(card.locator('blockquote')).toContainText('车间全长492米');
    await expect(app.get.panel().getByText(`${zh.precision_indicative} · indicative location`)).toBeVisible();
    // The picture: the site's panel beside the map drawn around the site.
    expect(await app.map.renderedIds()).toContain('yuanli-bar-line');
    await shot(page, 'site-zh-1366');

    await app.when.switchLanguage();
    await expectPanelTitle(app, site('yuanli-bar-line').name_en);
    await expect(card.locator('.unit')).toHaveText(hall.unit?.en ?? '');
    await expect(app.get.search()).toHaveAccessibleName(en.search);
    await expect(page).toHaveURL(/lang=en/);
    await app.map.idle();
    expect(await app.map.renderedValues('site-label', 'name_en')).toContain(site('yuanli-bar-line').name_en);
    await shot(page, 'site-en-1366');

    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.when.openShare();
    const share = app.get.shareDialog();
    await expect(share).toHaveAccessibleName(SHARE_STRINGS.en.shareTitle);
    await share.getByRole('button', { name: en.copyLink }).click();
    await expect(share.getByRole('button', { name: en.linkCopied })).toBeVisible();
    const link = await app.get.clipboard();
    expect(link).toContain('site=yuanli-bar-line');
    const view = await app.map.camera();

    const other = new AppDriver(await context.newPage());
    await other.page.goto(`${link}&testing=1`);
    await other.map.idle();
    await expectPanelTitle(other, site('yuanli-bar-line').name_en);
    await expect(other.get.title()).toHaveText(en.appTitle);
    const restored = await other.map.camera();
    expect(restored.zoom).toBeCloseTo(view.zoom, 1);
    expect(restored.center[0]).toBeCloseTo(view.center[0], 3);
    expect(restored.center[1]).toBeCloseTo(view.center[1], 3);
  });

  test('clicks a site on the map and sees it highlighted in the panel and the list', async ({ app, page }) => {
    await app.given.open();
    const at = await app.map.project(sitePoint('chemical-park')); // its (indicative) point: place and extent unknown
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => app.map.cursor()).toBe('pointer');
    await page.mouse.click(at.x, at.y);
    await expectPanelTitle(app, site('chemical-park').name_zh);
    await expect(app.get.panel().getByText(zh.noSiteFigures)).toBeVisible();
    await expect(app.get.listItem('chemical-park')).toHaveAttribute('aria-current', 'true');
    // The map marks it through feature state (src/map/useChosenState.ts), and only it.
    await expect.poll(async () => (await app.map.featureState('sites', 'chemical-park')).selected).toBe(true);
    // An area chosen is drawn marked: the outline's ink is there with the mark, and (same view) gone without it.
    await app.when.selectSite('devzone-east');
    await expect.poll(async () => (await app.map.featureState('sites', 'devzone-east')).selected).toBe(true);
    await app.map.idle();
    const marked = await app.map.selectionInk('devzone-east');
    await app.map.setFeatureState('sites', 'devzone-east', { selected: false });
    await app.map.idle();
    const unmarked = await app.map.selectionInk('devzone-east');
    expect(marked).toBeGreaterThan(40);
    expect(unmarked).toBeLessThan(marked / 5);
    await app.map.setFeatureState('sites', 'devzone-east', { selected: true });
    await app.when.selectSite('enclave-nanhu');
    await expectPanelTitle(app, site('enclave-nanhu').name_zh);
    await expect
      .poll(async () => [
        (await app.map.featureState('sites', 'chemical-park')).selected ?? false,
        (await app.map.featureState('sites', 'devzone-east')).selected ?? false,
        (await app.map.featureState('sites', 'enclave-nanhu')).selected,
        (await app.map.featureState('connections', 'enclave-nanhu')).selected,
      ])
      .toEqual([false, false, true, true]);
  });

  test('selecting an enclave shows both ends of its link', async ({ app, page }) => {
    await app.given.open();
    await app.when.selectSite('enclave-nanhu');
    await expectPanelTitle(app, site('enclave-nanhu').name_zh);
    await expect(app.get.figure('enclave-returns').locator('.value')).toHaveText(String(figure('enclave-returns').value));
    await app.map.settled();
    const [sw, ne] = (await app.map.camera()).bounds;
    expect(sw[0]).toBeLessThan(COUNTY_SEAT[0]);
    expect(sw[1]).toBeLessThan(COUNTY_SEAT[1]);
    expect(ne[0]).toBeGreaterThan(120.8);
    expect(ne[1]).toBeGreaterThan(30.735);
    expect(await app.map.renderedValues('connection-line', 'id')).toContain('enclave-nanhu');
    await shot(page, 'enclave-both-ends');
  });

  test('back and forward move through selections; Escape closes the panel', async ({ app, page }) => {
    await app.given.open();
    await app.when.selectSite('devzone-east');
    await expect(page).toHaveURL(/site=devzone-east/);
    await app.when.selectSite('community-centre-2');
    await expectPanelTitle(app, site('community-centre-2').name_zh);
    await page.goBack();
    await expectPanelTitle(app, site('devzone-east').name_zh);
    await page.goForward();
    await expectPanelTitle(app, site('community-centre-2').name_zh);
    await page.keyboard.press('Escape');
    await expectPanelTitle(app, zh.overview);
    await expect(page).not.toHaveURL(/site=/);
  });

  test('a bad link opens the app with notices and injects nothing', async ({ app, page }) => {
    await page.goto(`/?testing=1&site=${encodeURIComponent('<img src=x onerror=window.__xss=1>')}&layers=devzone,bogus&lang=fr&view=1,2`);
    await app.map.idle();
    const notices = app.get.notices();
    await expect(notices).toContainText('<img src=x onerror=window.__xss=1>');
    await expect(notices).toContainText('“bogus”');
    await expect(notices).toContainText('“lang”');
    await expect(notices).toContainText('“view”');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await app.get.injected('__xss')).toBeUndefined();
    await expectPanelTitle(app, zh.overview);
    expect(await app.map.renderedIds()).not.toContain('chemical-park'); // only devzone is visible
    await app.when.dismissNotice();
  });

  test('reduced motion turns flights into jumps', async ({ app, page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await app.given.open();
    await app.when.selectSite('kan-special-materials');
    const state = await app.map.camera();
    expect(state.moving).toBe(false);
    expect(state.zoom).toBeCloseTo(13, 0);
  });
});

test.describe('a planner', () => {
  test('toggles layers, changes opacity and filters, and the map follows', async ({ app, page }) => {
    await app.given.open();
    expect(await app.map.renderedIds()).toContain('chemical-park');
    const toggle = app.get.layerToggle(layerName('chempark'));
    await toggle.uncheck();
    // The map takes the change a moment after the checkbox (a React commit, then the style applier): "idle"
    // asked before it began answers at once, so the map is asked until it draws the change.
    await expect.poll(() => app.map.renderedIds()).not.toContain('chemical-park');
    await expect(app.get.listItem('chemical-park')).toHaveCount(0);
    await expect(page).toHaveURL(/layers=devzone,enclaves,rail,community,digital/);
    await toggle.check();
    await expect.poll(() => app.map.renderedIds()).toContain('chemical-park');

    const slider = app.get.opacity(layerName('devzone'));
    await slider.fill('40');
    // The map follows the slider a render later: polled, not read once (a race the one-read version lost).
    await expect.poll(async () => JSON.stringify(await app.map.paint('site-fill', 'fill-opacity'))).toContain('"devzone",0.4');

    // Status filter: hide what is built.
    await app.get.statusFilter('built').uncheck();
    await app.map.idle();
    const ids = await app.map.renderedIds();
    expect(ids).not.toContain('devzone-east');
    expect(ids).toContain('hsr-district');
    await expect(app.get.layerToggle(layerName('devzone'))).toHaveAccessibleName(zh.layerCountLabel(layerName('devzone'), 1));
    await expect(app.get.listItem('devzone-east')).toHaveCount(0);
    await shot(page, 'planner-filtered');
  });

  test('walks the site list by keyboard', async ({ app, page }) => {
    await app.given.open();
    await page.keyboard.press('Tab');
    await expect(app.get.skipLink()).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(app.get.listItem('devzone-east')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(app.get.listItem('devzone-west')).toBeFocused();
    await page.keyboard.press('Enter');
    await expectPanelTitle(app, site('devzone-west').name_zh);
    await expect(app.get.listItem('devzone-west')).toHaveAttribute('aria-current', 'true');
  });
});

test.describe('accessibility and layouts', () => {
  test('axe finds no serious or critical violations, overview and site panel, both languages', async ({ app, page }) => {
    for (const query of ['', '?site=devzone-east', '?site=enclave-tongxiang&lang=en']) {
      await app.given.open(query);
      const results = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });

  for (const [name, viewport] of [
    ['1920x1080', { width: 1920, height: 1080 }],
    ['1366x768', { width: 1366, height: 768 }],
    ['390x844', { width: 390, height: 844 }],
  ] as const) {
    test(`a site panel at ${name}`, async ({ app, page }) => {
      await page.setViewportSize(viewport);
      await app.given.open('?site=devzone-east');
      await app.map.settled();
      await expectPanelTitle(app, site('devzone-east').name_zh);
      await app.when.fontsLoaded();
      // The picture: the panel, and the site drawn and marked on the map beside it.
      expect(await app.map.renderedIds()).toContain('devzone-east');
      expect((await app.map.featureState('sites', 'devzone-east')).selected).toBe(true);
      await shot(page, `site-devzone-east-${name}`);
      await app.given.open('?site=enclave-tongxiang&lang=en');
      await app.map.settled();
      await expectPanelTitle(app, site('enclave-tongxiang').name_en);
      expect(await app.map.renderedIds()).toContain('enclave-tongxiang');
      await shot(page, `site-enclave-en-${name}`);
    });
  }
});
