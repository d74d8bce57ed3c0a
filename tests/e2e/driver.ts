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

/**
 * Pixels in the map canvas around a site's polygon drawn in the selection outline's colour (#111827,
 * src/map/palette.ts; labels are #1f2d3d, outside the tolerance).
 */
export async function selectionInkAround(page: Page, siteId: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve, reject) => {
        const map = window.__map!;
        const rings = map
          .querySourceFeatures('sites', { filter: ['==', ['get', 'id'], id] })
          .flatMap((f) =>
            f.geometry.type === 'Polygon'
              ? f.geometry.coordinates
              : f.geometry.type === 'MultiPolygon'
                ? f.geometry.coordinates.flat()
                : [],
          );
        if (rings.length === 0) return reject(new Error(`no polygon of ${id} in the sites source`));
        const xy = rings.flat().map((p) => map.project(p as [number, number]));
        // Read in a render frame, as the PNG export does (src/tools/mapImage.ts).
        map.once('render', () => {
          const src = map.getCanvas();
          const dpr = src.width / src.clientWidth;
          const x0 = Math.max(0, Math.floor((Math.min(...xy.map((p) => p.x)) - 6) * dpr));
          const y0 = Math.max(0, Math.floor((Math.min(...xy.map((p) => p.y)) - 6) * dpr));
          const x1 = Math.min(src.width, Math.ceil((Math.max(...xy.map((p) => p.x)) + 6) * dpr));
          const y1 = Math.min(src.height, Math.ceil((Math.max(...xy.map((p) => p.y)) + 6) * dpr));
          const copy = document.createElement('canvas');
          copy.width = src.width;
          copy.height = src.height;
          const ctx = copy.getContext('2d')!;
          ctx.drawImage(src, 0, 0);
          const px = ctx.getImageData(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0)).data;
          let n = 0;
          for (let i = 0; i < px.length; i += 4)
            if (Math.abs(px[i]! - 17) <= 6 && Math.abs(px[i + 1]! - 24) <= 6 && Math.abs(px[i + 2]! - 39) <= 6) n++;
          resolve(n);
        });
        map.triggerRepaint();
      }),
    siteId,
  );
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `tests/e2e/screenshots/${name}.png` });
}
