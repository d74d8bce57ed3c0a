/**
 * The driver between specs and the page: opens the app with guards (no request may
 * leave loopback, no console error may pass) and waits on the real map.
 */
import { test as base, expect, type Page } from '@playwright/test';

export interface Guard {
  offMachine: string[];
  consoleErrors: string[];
}

const LOOPBACK = /^(https?|wss?):\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//;

export const test = base.extend<{ guard: Guard }>({
  // Automatic: every test gets the guards, whether or not it names them.
  guard: [
    async ({ page }, use) => {
      const guard: Guard = { offMachine: [], consoleErrors: [] };
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (LOOPBACK.test(url) || /^(data|blob|file):/.test(url)) return route.continue();
        guard.offMachine.push(url);
        return route.abort('blockedbyclient');
      });
      page.on('console', (msg) => {
        if (msg.type() === 'error') guard.consoleErrors.push(msg.text());
      });
      page.on('pageerror', (err) => guard.consoleErrors.push(`pageerror: ${err.message}`));
      await use(guard);
      expect(guard.offMachine, 'requests that left the machine').toEqual([]);
      expect(guard.consoleErrors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Opens the app (with the canvas kept readable) and waits until the map is idle. */
export async function openApp(page: Page, query = '') {
  const sep = query ? '&' : '?';
  await page.goto(`/${query}${sep}testing=1`);
  await waitForIdle(page);
}

export async function waitForIdle(page: Page) {
  await page.waitForFunction(() => Boolean(window.__map), null, { timeout: 30_000 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__map!;
        const done = () => (map.loaded() && !map.isMoving() ? resolve() : map.once('idle', () => resolve()));
        if (map.loaded() && map.areTilesLoaded() && !map.isMoving()) {
          // An idle frame after any pending style change.
          map.once('idle', () => resolve());
          map.triggerRepaint();
        } else done();
      }),
  );
}

/** Ids of sites rendered in the current view. */
export async function renderedSiteIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = window.__map!;
    const ids = map.queryRenderedFeatures(undefined, { layers: ['site-point', 'site-fill'] }).map((f) => String(f.properties.id));
    return [...new Set(ids)].sort();
  });
}

/** Screen position of a lon/lat in page coordinates. */
export async function project(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = window.__map!;
    const p = map.project(ll);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, lngLat);
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `tests/e2e/screenshots/${name}.png` });
}
