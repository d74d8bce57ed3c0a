/**
 * The side panel holds still: once laid out, scrolling it from top to bottom moves nothing inside it (a tap
 * meant for one site must not land on the next). Sections laid out only when scrolled to (content-visibility
 * with a guessed size) moved the site list by up to 1000 px in Chromium.
 */
import { expect, test } from './driver';

test('scrolling the overview top to bottom moves no site button inside it', async ({ app, page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.given.open();
  const positions = () =>
    page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.panel-scroll [data-site-id]')].map((b) => b.offsetTop));
  const before = await positions();
  expect(before.length).toBeGreaterThan(10);
  // Down the panel a screen at a time, each step painted, then back up.
  const steps = await page.evaluate(() => {
    const el = document.querySelector('.panel-scroll') as HTMLElement;
    return Math.ceil(el.scrollHeight / el.clientHeight) + 1;
  });
  for (let i = 0; i < steps; i++) {
    await page.locator('.panel-scroll').evaluate((el) => el.scrollBy(0, el.clientHeight));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  expect(await positions()).toEqual(before);
  // And the layout shift the browser measured while scrolling (none expected from the panel's own content).
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((l) => {
          for (const e of l.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
            if (!e.hadRecentInput) total += e.value;
        }).observe({ type: 'layout-shift', buffered: false });
        const el = document.querySelector('.panel-scroll') as HTMLElement;
        el.scrollTo(0, 0);
        let y = 0;
        const step = () => {
          y += el.clientHeight / 2;
          el.scrollTo(0, y);
          if (y < el.scrollHeight) requestAnimationFrame(step);
          else requestAnimationFrame(() => resolve(total));
        };
        requestAnimationFrame(step);
      }),
  );
  expect(shift).toBeLessThan(0.01);
});
