/**
 * WCAG 2.5.3 Label in Name: a control's accessible name contains the text it shows, so speech input
 * ("click English") finds it. Every visible button, link, tab and labelled input of each screen, in
 * both languages.
 */
import { sites } from './data';
import { expect, shot, test } from './driver';

test.describe('label in name', () => {
  for (const lang of ['zh', 'en'] as const) {
    test(`every control's name contains its visible text (${lang})`, async ({ app, page }) => {
      const q = lang === 'en' ? '?lang=en' : '';
      const and = q ? `${q}&` : '?';
      await app.given.open(q);
      expect(await app.get.labelsNotInNames(), 'overview').toEqual([]);
      await app.given.open(`${and}site=${sites[0]!.properties.id}`);
      expect(await app.get.labelsNotInNames(), 'site panel').toEqual([]);
      await app.when.openTools();
      expect(await app.get.labelsNotInNames(), 'tools').toEqual([]);
      await app.given.open(`${and}tour=2`);
      expect(await app.get.labelsNotInNames(), 'tour').toEqual([]);
      await app.editor.when.open();
      await app.editor.when.press('newTour');
      expect(await app.get.labelsNotInNames(), 'tour editor').toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, `tour-editor-phone-${lang}`);
    });
  }
});
