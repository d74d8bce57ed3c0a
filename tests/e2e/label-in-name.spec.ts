/**
 * WCAG 2.5.3 Label in Name: a control's accessible name contains the text it shows, so speech input
 * ("click English") finds it. Every visible button, link, tab and labelled input of each screen, in
 * both languages.
 */
import type { Page } from '@playwright/test';
import { sites } from './data';
import { expect, shot, test } from './driver';

/** Visible text against the accessible name, for every visible control on the page. */
async function mismatches(page: Page): Promise<string[]> {
  const controls = page.locator('button:visible, a[href]:visible, [role="tab"]:visible, [role="button"]:visible');
  const out: string[] = [];
  for (const el of await controls.all()) {
    const visible = ((await el.innerText()) ?? '').replace(/\s+/g, ' ').trim();
    // Icon-only controls (×, arrows, symbols) have no words to speak: their name alone identifies them.
    if (!/[\p{L}\p{N}]{2,}/u.test(visible)) continue;
    const name = await el.evaluate((e) => {
      const label = e.getAttribute('aria-label');
      const by = e.getAttribute('aria-labelledby');
      if (label) return label;
      if (by)
        return by
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ');
      return (e as HTMLElement).innerText;
    });
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
    if (!norm(name).includes(norm(visible))) out.push(`"${visible}" is named "${name}"`);
  }
  return out;
}

test.describe('label in name', () => {
  for (const lang of ['zh', 'en'] as const) {
    test(`every control's name contains its visible text (${lang})`, async ({ app, page }) => {
      const q = lang === 'en' ? '?lang=en' : '';
      await app.given.open(q);
      expect(await mismatches(page), 'overview').toEqual([]);
      await app.given.open(`${q ? `${q}&` : '?'}site=${sites[0]!.properties.id}`);
      expect(await mismatches(page), 'site panel').toEqual([]);
      await app.when.openTools();
      expect(await mismatches(page), 'tools').toEqual([]);
      await app.given.open(`${q ? `${q}&` : '?'}tour=2`);
      expect(await mismatches(page), 'tour').toEqual([]);
      await page.getByRole('button', { name: lang === 'en' ? 'Edit tour' : '编辑导览' }).click();
      await expect(page.locator('.tour-editor')).toBeVisible();
      await page
        .locator('.tour-editor')
        .getByRole('button', { name: lang === 'en' ? 'New tour' : '新建导览' })
        .click();
      expect(await mismatches(page), 'tour editor').toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, `tour-editor-phone-${lang}`);
    });
  }
});
