/**
 * Figures say whose they are and how sure: an inferred period is marked, a whole's figure sits on
 * its parts under the whole's name, a prospect stays out of the results, and the tour tags each
 * figure with its scope. Expectations come from geodata/, not from literals.
 */
import { readFileSync } from 'node:fs';
import { STRINGS } from '../../src/i18n/strings';
import { expect, shot, test } from './driver';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../geodata/${path}`, import.meta.url), 'utf8'));
const figures = read('figures.json') as {
  id: string;
  scope: string;
  section: string;
  kind?: string;
  periodInferred?: { zh: string; en: string };
}[];
const groups = read('groups.json') as { id: string; name: { zh: string; en: string }; members: string[] }[];
const stops = read('tour.json') as { id: string; figures: string[] }[];

test.describe('honest figures', () => {
  test('an inferred period is marked and explained, in both languages', async ({ app }) => {
    const inferred = figures.find((f) => f.periodInferred && f.scope !== 'county' && !groups.some((g) => g.id === f.scope))!;
    await app.given.open(`?site=${inferred.scope}`);
    const card = app.get.figure(inferred.id);
    await expect(card.locator('.period-inferred')).toHaveText('（推断）');
    await expect(card.locator('.period-inferred')).toHaveAttribute('title', inferred.periodInferred!.zh);
    await card.getByRole('button', { name: new RegExp(STRINGS.zh.source) }).click();
    await expect(card.locator('.period-why')).toContainText(inferred.periodInferred!.zh);
    await app.when.switchLanguage();
    await expect(card.locator('.period-inferred')).toHaveText(' (inferred)');
    await expect(card.locator('.period-why')).toContainText(inferred.periodInferred!.en);
  });

  test('a whole’s figure is shown on each part under the whole’s name, not as the part’s own', async ({ app, page }) => {
    const group = groups.find((g) => g.members.length > 1 && figures.some((f) => f.scope === g.id))!;
    const ids = figures.filter((f) => f.scope === group.id).map((f) => f.id);
    for (const member of group.members) {
      await app.given.open(`?site=${member}`);
      const section = app.get.panel().locator(`[data-group="${group.id}"]`);
      await expect(section.getByRole('heading', { level: 3 })).toContainText(group.name.zh);
      for (const id of ids) await expect(section.locator(`[data-figure="${id}"]`)).toBeVisible();
      // …and not under "本站点数据", the site's own.
      for (const id of ids)
        await expect(app.get.panel().locator(`section[aria-labelledby="own-figures"] [data-figure="${id}"]`)).toHaveCount(0);
    }
    await shot(page, 'group-figures-zh-1366');
  });

  test('a prospect stays out of the results, shown apart as one', async ({ app }) => {
    const prospect = figures.find((f) => f.kind === 'prospect')!;
    await app.given.open();
    await expect(app.get.panel().locator(`#sec-${prospect.section}`)).toBeVisible();
    const results = app.get.panel().locator(`section[aria-labelledby="sec-${prospect.section}"]`);
    await expect(results.locator(`[data-figure="${prospect.id}"]`)).toHaveCount(0);
    const apart = app.get.panel().locator('section.prospects');
    await expect(apart.getByRole('heading', { level: 3 })).toHaveText(STRINGS.zh.prospects);
    await expect(apart.locator(`[data-figure="${prospect.id}"]`)).toBeVisible();
  });

  test('the tour tags every figure with whose it is', async ({ app, page }) => {
    const i = stops.findIndex((s) => s.figures.some((id) => figures.find((f) => f.id === id)?.scope === 'county'));
    await app.given.open(`?tour=${i + 1}`);
    for (const id of stops[i]!.figures) {
      const f = figures.find((x) => x.id === id)!;
      const tag = app.tour.card().locator(`[data-figure="${id}"] .figure-scope`);
      if (f.scope === 'county') await expect(tag).toHaveText(STRINGS.zh.scopeCounty);
      else await expect(tag).not.toHaveText('');
    }
    await shot(page, 'tour-scope-tags-zh-1366');
    await app.given.open(`?tour=${i + 1}&lang=en`);
    const county = stops[i]!.figures.find((id) => figures.find((x) => x.id === id)?.scope === 'county')!;
    await expect(app.tour.card().locator(`[data-figure="${county}"] .figure-scope`)).toHaveText(STRINGS.en.scopeCounty);
  });
});
