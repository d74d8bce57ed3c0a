/**
 * The side panel holds still: once laid out, scrolling it from top to bottom moves nothing inside it (a tap
 * meant for one site must not land on the next). Sections laid out only when scrolled to (content-visibility
 * with a guessed size) moved the site list by up to 1000 px in Chromium.
 */
import { expect, test } from './driver';

test('scrolling the overview top to bottom moves no site button inside it', async ({ app, page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.given.open();
  const before = await app.get.siteOffsets();
  expect(before.length).toBeGreaterThan(10);
  // Down the panel a screen at a time, each step painted.
  await app.when.scrollPanelThrough();
  expect(await app.get.siteOffsets()).toEqual(before);
  // And the layout shift the browser measured while scrolling back down from the top.
  expect(await app.get.layoutShiftScrollingPanel()).toBeLessThan(0.01);
});
