import AxeBuilder from '@axe-core/playwright';
import { expect, openApp, project, renderedSiteIds, selectionInkAround, shot, test, waitForIdle } from './driver';
import { COUNTY_SEAT_FOR_TESTS } from './fixtures';

type Page = import('@playwright/test').Page;
const panel = (page: Page) => page.getByRole('complementary');
/** The panel is a landmark named by its heading: the selected site's name, or the overview's. */
async function expectPanelTitle(page: Page, title: string) {
  await expect(page.locator('#panel-heading')).toHaveText(title);
  await expect(panel(page)).toHaveAccessibleName(title);
}

test.describe('a visitor', () => {
  test('reads the overview, searches a site, reads its figures and source, switches language and shares the link', async ({
    page,
    context,
  }) => {
    await openApp(page);
    await expectPanelTitle(page, '全县概览');
    await expect(panel(page).locator('[data-figure="gdp"] .value')).toHaveText('172.75');
    await expect(panel(page).locator('[data-figure="gdp"] .change')).toContainText('+5.9%');

    const before = await page.evaluate(() => window.__map!.getCenter().toArray());
    const search = page.getByRole('combobox', { name: '搜索站点' });
    await search.fill('元立');
    await expect(page.getByRole('option', { name: /元立/ })).toBeVisible();
    await search.press('Enter');
    await expectPanelTitle(page, '元立 · 高棒生产线');
    await expect(page).toHaveURL(/site=yuanli-bar-line/);
    await waitForIdle(page);
    const after = await page.evaluate(() => window.__map!.getCenter().toArray());
    expect(after).not.toEqual(before);
    expect(Math.abs(after[0] - 119.261)).toBeLessThan(0.02);

    const card = panel(page).locator('[data-figure="yuanli-hall-length"]');
    await expect(card.locator('.value')).toHaveText('492');
    await expect(card.locator('.unit')).toHaveText('米');
    await expect(card.locator('blockquote')).toBeHidden();
    await card.getByRole('button', { name: /来源/ }).click();
    await expect(card.locator('blockquote')).toContainText('车间全长492米');
    await expect(panel(page).getByText('示意位置 · indicative location')).toBeVisible();
    await shot(page, 'site-zh-1366');

    await page.getByRole('button', { name: '切换到英文' }).click();
    await expectPanelTitle(page, 'Yuanli Group — high-speed bar rolling line');
    await expect(card.locator('.unit')).toHaveText('m');
    await expect(page.getByRole('combobox', { name: 'Search sites' })).toBeVisible();
    await expect(page).toHaveURL(/lang=en/);
    await shot(page, 'site-en-1366');

    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('site=yuanli-bar-line');
    const view = await page.evaluate(() => ({ c: window.__map!.getCenter().toArray(), z: window.__map!.getZoom() }));

    const other = await context.newPage();
    await other.goto(`${link}&testing=1`);
    await waitForIdle(other);
    await expectPanelTitle(other, 'Yuanli Group — high-speed bar rolling line');
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Suichang Development Map');
    const restored = await other.evaluate(() => ({ c: window.__map!.getCenter().toArray(), z: window.__map!.getZoom() }));
    expect(restored.z).toBeCloseTo(view.z, 1);
    expect(restored.c[0]).toBeCloseTo(view.c[0], 3);
    expect(restored.c[1]).toBeCloseTo(view.c[1], 3);
  });

  test('clicks a site on the map and sees it highlighted in the panel and the list', async ({ page }) => {
    await openApp(page);
    const at = await project(page, [119.3535, 28.6213]); // the chemical park's (indicative) polygon
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => page.evaluate(() => window.__map!.getCanvas().style.cursor)).toBe('pointer');
    await page.mouse.click(at.x, at.y);
    await expectPanelTitle(page, '省级化工园区');
    await expect(panel(page).getByText('文章没有给出此站点的具体数字')).toBeVisible();
    await expect(page.locator('[data-site-id="chemical-park"]')).toHaveAttribute('aria-current', 'true');
    // The map marks it through feature state (src/map/useChosenState.ts), and only it.
    await expect
      .poll(() => page.evaluate(() => window.__map!.getFeatureState({ source: 'sites', id: 'chemical-park' }).selected))
      .toBe(true);
    // …and draws it: the outline's ink is there with the mark, and (same view) gone without it.
    await waitForIdle(page);
    const marked = await selectionInkAround(page, 'chemical-park');
    await page.evaluate(() => window.__map!.setFeatureState({ source: 'sites', id: 'chemical-park' }, { selected: false }));
    await waitForIdle(page);
    const unmarked = await selectionInkAround(page, 'chemical-park');
    expect(marked).toBeGreaterThan(40);
    expect(unmarked).toBeLessThan(marked / 5);
    await page.evaluate(() => window.__map!.setFeatureState({ source: 'sites', id: 'chemical-park' }, { selected: true }));
    await page.locator('[data-site-id="enclave-nanhu"]').click();
    await expectPanelTitle(page, '南湖—遂昌 消薄飞地产业园');
    await expect
      .poll(() =>
        page.evaluate(() => [
          window.__map!.getFeatureState({ source: 'sites', id: 'chemical-park' }).selected ?? false,
          window.__map!.getFeatureState({ source: 'sites', id: 'enclave-nanhu' }).selected,
          window.__map!.getFeatureState({ source: 'connections', id: 'enclave-nanhu' }).selected,
        ]),
      )
      .toEqual([false, true, true]);
  });

  test('selecting an enclave shows both ends of its link', async ({ page }) => {
    await openApp(page);
    await page.locator('[data-site-id="enclave-nanhu"]').click();
    await expectPanelTitle(page, '南湖—遂昌 消薄飞地产业园');
    await expect(panel(page).locator('[data-figure="enclave-returns"] .value')).toHaveText('1200');
    await page.waitForFunction(() => !window.__map!.isMoving());
    await waitForIdle(page);
    const b = await page.evaluate(() => window.__map!.getBounds().toArray());
    expect(b[0][0]).toBeLessThan(COUNTY_SEAT_FOR_TESTS[0]);
    expect(b[0][1]).toBeLessThan(COUNTY_SEAT_FOR_TESTS[1]);
    expect(b[1][0]).toBeGreaterThan(120.8);
    expect(b[1][1]).toBeGreaterThan(30.735);
    const links = await page.evaluate(() => window.__map!.queryRenderedFeatures(undefined, { layers: ['connection-line'] }).length);
    expect(links).toBeGreaterThan(0);
    await shot(page, 'enclave-both-ends');
  });

  test('back and forward move through selections; Escape closes the panel', async ({ page }) => {
    await openApp(page);
    await page.locator('[data-site-id="devzone-east"]').click();
    await expect(page).toHaveURL(/site=devzone-east/);
    await page.locator('[data-site-id="community-centre-2"]').click();
    await expectPanelTitle(page, '社区中心 2');
    await page.goBack();
    await expectPanelTitle(page, '浙江遂昌经济开发区 · 城东区块');
    await page.goForward();
    await expectPanelTitle(page, '社区中心 2');
    await page.keyboard.press('Escape');
    await expectPanelTitle(page, '全县概览');
    await expect(page).not.toHaveURL(/site=/);
  });

  test('a bad link opens the app with notices and injects nothing', async ({ page }) => {
    await page.goto(`/?testing=1&site=${encodeURIComponent('<img src=x onerror=window.__xss=1>')}&layers=devzone,bogus&lang=fr&view=1,2`);
    await waitForIdle(page);
    const notices = page.getByRole('status');
    await expect(notices).toContainText('<img src=x onerror=window.__xss=1>');
    await expect(notices).toContainText('“bogus”');
    await expect(notices).toContainText('“lang”');
    await expect(notices).toContainText('“view”');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await expectPanelTitle(page, '全县概览');
    expect(await renderedSiteIds(page)).not.toContain('chemical-park'); // only devzone is visible
    await page.getByRole('button', { name: '知道了' }).first().click();
  });

  test('reduced motion turns flights into jumps', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openApp(page);
    await page.locator('[data-site-id="kan-special-materials"]').click();
    const state = await page.evaluate(() => ({ moving: window.__map!.isMoving(), zoom: window.__map!.getZoom() }));
    expect(state.moving).toBe(false);
    expect(state.zoom).toBeCloseTo(13, 0);
  });
});

test.describe('a planner', () => {
  test('toggles layers, changes opacity and filters, and the map follows', async ({ page }) => {
    await openApp(page);
    expect(await renderedSiteIds(page)).toContain('chemical-park');
    const toggle = page.getByRole('checkbox', { name: /^化工园区/ });
    await toggle.uncheck();
    await waitForIdle(page);
    expect(await renderedSiteIds(page)).not.toContain('chemical-park');
    await expect(page.locator('[data-site-id="chemical-park"]')).toHaveCount(0);
    await expect(page).toHaveURL(/layers=devzone,enclaves,rail,community,digital/);
    await toggle.check();
    await waitForIdle(page);
    expect(await renderedSiteIds(page)).toContain('chemical-park');

    const slider = page.getByRole('slider', { name: /透明度 · 经济开发区/ });
    await slider.fill('40');
    const paint = await page.evaluate(() => JSON.stringify(window.__map!.getPaintProperty('site-fill', 'fill-opacity')));
    expect(paint).toContain('"devzone",0.4');

    // Status filter: hide what is built.
    await page.getByRole('group', { name: '状态' }).getByRole('checkbox', { name: '建成' }).uncheck();
    await waitForIdle(page);
    const ids = await renderedSiteIds(page);
    expect(ids).not.toContain('devzone-east');
    expect(ids).toContain('hsr-district');
    await expect(page.getByRole('checkbox', { name: '经济开发区，1 处站点' })).toBeVisible();
    await expect(page.locator('[data-site-id="devzone-east"]')).toHaveCount(0);
    await shot(page, 'planner-filtered');
  });

  test('walks the site list by keyboard', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: '跳到站点列表' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const first = page.locator('[data-site-id="devzone-east"]');
    await expect(first).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.locator('[data-site-id="devzone-west"]')).toBeFocused();
    await page.keyboard.press('Enter');
    await expectPanelTitle(page, '浙江遂昌经济开发区 · 城西片区');
    await expect(page.locator('[data-site-id="devzone-west"]')).toHaveAttribute('aria-current', 'true');
  });
});

test.describe('accessibility and layouts', () => {
  test('axe finds no serious or critical violations, overview and site panel, both languages', async ({ page }) => {
    for (const query of ['', '?site=devzone-east', '?site=enclave-tongxiang&lang=en']) {
      await openApp(page, query);
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
    test(`a site panel at ${name}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await openApp(page, '?site=devzone-east');
      await page.waitForFunction(() => !window.__map!.isMoving());
      await waitForIdle(page);
      await expectPanelTitle(page, '浙江遂昌经济开发区 · 城东区块');
      await page.evaluate(() => document.fonts.ready);
      await shot(page, `site-devzone-east-${name}`);
      await openApp(page, '?site=enclave-tongxiang&lang=en');
      await page.waitForFunction(() => !window.__map!.isMoving());
      await waitForIdle(page);
      await shot(page, `site-enclave-en-${name}`);
    });
  }
});
