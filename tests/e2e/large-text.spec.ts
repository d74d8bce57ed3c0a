/**
 * The large-text mode (适老化): chosen in the header or by `?text=large`, kept for the next visit, the
 * interface and the map's labels 1.25 times, every panel still usable on a phone, contrast checked by axe.
 */
import AxeBuilder from '@axe-core/playwright';
import { site } from './data';
import { type AppDriver, expect, shot, test } from './driver';

/** The site labels' size as the map's style has it (a zoom curve, scaled in large text). */
const labelSize = (app: AppDriver) => app.map.layout('site-label', 'text-size');

test('the header turns large text on; the panels and the map labels grow; a reload keeps it', async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.given.open();
  const normal = await labelSize(app);
  const title = app.get.panel().locator('.panel-title').first();
  const before = await title.evaluate((el) => el.getBoundingClientRect().height);
  await app.when.toggleLargeText();
  await expect(app.get.largeText()).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => app.get.rootHasClass('text-large')).toBe(true);
  await expect.poll(() => labelSize(app)).not.toBe(normal);
  expect(await title.evaluate((el) => el.getBoundingClientRect().height)).toBeCloseTo(before * 1.25, 0);

  await app.given.reopened();
  await expect.poll(() => app.get.rootHasClass('text-large')).toBe(true);
  await expect(app.get.largeText()).toHaveAttribute('aria-pressed', 'true');
  expect(await labelSize(app)).not.toBe(normal);
  // The link's "normal" wins over what the browser kept.
  await app.given.open('?text=normal');
  await expect.poll(() => app.get.rootHasClass('text-large')).toBe(false);
  expect(await labelSize(app)).toBe(normal);
});

for (const lang of ['zh', 'en'] as const) {
  test(`large text at 390×844 (${lang}): every panel usable, contrast AA`, async ({ app, page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await app.given.open(`?text=large${lang === 'en' ? '&lang=en' : ''}`);
    await expect.poll(() => app.get.rootHasClass('text-large')).toBe(true);
    // The header's actions stay on screen.
    for (const b of await app.get.headerActions().all()) {
      const box = await b.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    }
    // The layers, then a site from the list, then its source.
    await app.when.openLayerControl();
    await expect(app.get.layerControl()).toBeVisible();
    await app.when.foldLayerControl();
    await app.when.selectSite('devzone-east');
    await expect(app.get.heading()).toHaveText(site('devzone-east').name[lang]);
    const source = app.get.panel().locator('.source-toggle').first();
    await source.scrollIntoViewIfNeeded();
    await source.click();
    await expect(app.get.panel().locator('.figure-source').first()).toBeVisible();
    await app.when.fontsLoaded();
    await shot(page, `large-text-390-${lang}`);
    const results = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // The tour in large text: its card and bar fit the screen.
    await page.keyboard.press('Escape');
    await app.tour.start();
    const header = await app.get.header().boundingBox();
    const card = await app.tour.card().locator('.tour-card').boundingBox();
    expect(card?.y).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0));
    const bar = await app.tour.bar().boundingBox();
    expect((bar?.x ?? 0) + (bar?.width ?? 0)).toBeLessThanOrEqual(391);
    await shot(page, `large-text-390-tour-${lang}`);
  });
}
