import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STRINGS } from '../../src/i18n/strings';
import { figure, site } from './data';
import { AppDriver, expect, test } from './driver';

test.describe('the first view', () => {
  test('is in the HTML: title, key figures and growth chart show before any script runs, inert', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const app = new AppDriver(page);
    await page.goto('/');
    await expect(app.get.title()).toContainText(STRINGS.zh.appTitle);
    await expect(app.get.figure('gdp').locator('.value')).toHaveText(String(figure('gdp').value));
    await expect(app.get.growthChart()).toBeVisible();
    // Only the first screen is prerendered (src/ui/firstView.ts): the panel below it comes with the app.
    await expect(app.get.overviewSections()).toHaveCount(1);
    await expect(app.get.siteList()).toHaveCount(0);
    // Inert until the app replaces it: nothing in it can be clicked or focused.
    expect(await app.get.firstView().getAttribute('inert')).not.toBeNull();
    await context.close();
  });

  test('is replaced by the live app, which answers at once', async ({ app }) => {
    await app.given.open();
    await expect(app.get.firstView()).toHaveCount(0);
    // The app renders the whole panel: the sections below the first screen and the site list.
    await expect(app.get.siteList()).not.toHaveCount(0);
    await expect(app.get.overviewSections()).not.toHaveCount(1);
    // Out of layout only until the fonts were in (src/app/boot.ts).
    expect(await app.get.rootHasClass('fonts-pending')).toBe(false);
    await app.when.switchLanguage();
    await expect(app.get.figure('gdp').locator('.figure-label')).toContainText(figure('gdp').label.en);
  });

  test('shows after 1.5 s at most even when the scripts fail to load', async ({ app, page, guard }) => {
    // The inline guard keeps the page out of layout until src/app/boot.ts has the fonts; without the entry
    // script, its own timer must lift that.
    await page.route(/\/assets\/index-[^/]+\.js$/, (route) => route.abort());
    await page.goto('/');
    await expect(app.get.figure('gdp').locator('.value')).toBeVisible({ timeout: 3000 });
    await expect(app.get.figure('gdp').locator('.value')).toHaveText(String(figure('gdp').value));
    expect(await app.get.rootHasClass('fonts-pending')).toBe(false);
    // The one error expected here is the refused entry script; any other still fails the test.
    const refused = guard.consoleErrors.filter((e) => e.includes('net::ERR_FAILED'));
    expect(refused.length).toBeGreaterThan(0);
    guard.consoleErrors.splice(0, guard.consoleErrors.length, ...guard.consoleErrors.filter((e) => !refused.includes(e)));
  });

  test('is hidden for a link asking for another view (no flash of the Chinese overview)', async ({ app, page }) => {
    await page.goto('/?lang=en&site=chemical-park');
    expect(await app.get.rootHasClass('no-shell')).toBe(true);
    await expect(app.get.heading()).toContainText(site('chemical-park').name_en);
  });

  test('the page carries no schema library: zod comes only with the tour check, loaded when a tour is read', () => {
    const dir = join(import.meta.dirname, '../../dist/assets');
    const js = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    const withZod = js.filter((f) => /\$ZodType|ZodError/.test(readFileSync(join(dir, f), 'utf8')));
    expect(
      withZod.every((f) => f.startsWith('tourCheck-')),
      withZod.join(', '),
    ).toBe(true);
    // Not in the page's first load: neither in the HTML nor preloaded.
    const html = readFileSync(join(import.meta.dirname, '../../dist/index.html'), 'utf8');
    for (const f of withZod) expect(html).not.toContain(f);
  });
});
