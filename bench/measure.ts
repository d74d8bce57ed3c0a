/** What every part of the bench measures with: medians, frame intervals, the map's idle, a click to its answer painted. */
import type { Page } from '@playwright/test';

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] as number) : Number.NaN;
};
export const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] as number) : Number.NaN;
};
export const r1 = (x: number) => Math.round(x * 10) / 10;
/** A ratio for the table, two decimals. */
export const x2 = (x: number) => x.toFixed(2);
/** The scripted pan and zoom of every frame-interval measure (MapLibre pages; the peers script the same in __pan). */
export const PAN_AND_ZOOM =
  'window.__map.panBy([300, 120], { duration: 1200 }); setTimeout(() => window.__map.zoomTo(window.__map.getZoom() + 1, { duration: 1000 }), 1250);';

/** What the bench asks of a MapLibre map in the page. */
export interface MapLike {
  getStyle(): { layers: { id: string; source?: string }[] };
  queryRenderedFeatures(g: undefined, o: object): unknown[];
  loaded(): boolean;
  areTilesLoaded(): boolean;
  isMoving(): boolean;
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  jumpTo(c: object): void;
}

/**
 * Until the layers whose source starts with `prefix` exist, the map is still, every tile is in and features
 * are drawn. The time is taken when the cheap checks pass (what waitIdle asks of the bare page); the
 * query of rendered features that confirms something is drawn comes after it (for 100k points one query
 * takes 0.9 s here: it was counted in the app's time and not in the bare page's).
 */
export async function drawn(page: Page, prefix: string, timeout: number): Promise<number> {
  const at = await page.waitForFunction(
    (p) => {
      const m = (window as never as { __map: MapLike }).__map;
      const ids = m
        .getStyle()
        .layers.filter((l) => l.source?.startsWith(p))
        .map((l) => l.id);
      if (!(ids.length > 0 && m.loaded() && m.areTilesLoaded() && !m.isMoving())) return false;
      const t = performance.now();
      return m.queryRenderedFeatures(undefined, { layers: ids }).length > 0 ? t : false;
    },
    prefix,
    { timeout, polling: 'raf' },
  );
  return Number(await at.jsonValue());
}

export async function waitIdle(page: Page) {
  await page.waitForFunction(
    () => Boolean((window as never as { __map?: { loaded(): boolean; areTilesLoaded(): boolean; isMoving(): boolean } }).__map),
    null,
    { timeout: 60_000, polling: 'raf' },
  );
  await page.waitForFunction(
    () => {
      const m = (window as never as { __map: { loaded(): boolean; areTilesLoaded(): boolean; isMoving(): boolean } }).__map;
      return m.loaded() && m.areTilesLoaded() && !m.isMoving();
    },
    null,
    { timeout: 60_000, polling: 'raf' },
  );
  return page.evaluate(() => performance.now());
}

/** rAF intervals while `action` runs (a string: tsx would wrap a function's inner names with a helper the page lacks). */
export async function frameIntervals(page: Page, action: string, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((done) => {
    const out = [];
    let last = performance.now();
    const end = last + ${ms};
    const tick = (t) => { out.push(t - last); last = t; if (t < end) requestAnimationFrame(tick); else done(out.slice(1)); };
    requestAnimationFrame(tick);
    ${action};
  })`) as Promise<number[]>;
}

/** How long the map takes to answer "what is here?" at the centre of the view. */
export const clickAnswerMs = (page: Page) =>
  page.evaluate(() => {
    const m = (window as never as { __map: { queryRenderedFeatures(p: [number, number]): unknown[] } }).__map;
    const t = performance.now();
    m.queryRenderedFeatures([683, 384]);
    return performance.now() - t;
  });

/**
 * A click on the map at `at` (lon, lat) to the paint of the element marked `elementtiming=identifier`
 * (a new element per answer): the pointer arrives and rests first, as a hand's would. NaN when nothing
 * painted within 3 s; throws when the point is under a control (it would measure nothing).
 */
export async function clickToPaint(page: Page, at: [number, number], identifier: string): Promise<number> {
  const pt = await page.evaluate((ll) => {
    const m = (window as never as { __map: { project(p: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } })
      .__map;
    const p = m.project(ll);
    const r = m.getCanvas().getBoundingClientRect();
    const x = r.left + p.x;
    const y = r.top + p.y;
    return { x, y, onCanvas: document.elementFromPoint(x, y) === m.getCanvas() };
  }, at);
  // A target under a control would measure nothing: fail loudly instead.
  if (!pt.onCanvas) throw new Error(`click target ${at.join(',')} is covered at ${Math.round(pt.x)},${Math.round(pt.y)}`);
  // The pointer arrives first and rests (the hover highlight is drawn), as a hand's would.
  await page.mouse.move(pt.x, pt.y);
  await page.waitForTimeout(400);
  // Element Timing: the render time of the answer's element (a new one per answer), a real paint.
  await page.evaluate((identifier) => {
    const w = window as never as { __clickAt: number; __painted: Promise<number> };
    w.__painted = new Promise((res) => {
      setTimeout(() => res(Number.NaN), 3000);
      const obs = new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[])
          if (e.identifier === identifier && e.renderTime > w.__clickAt) {
            obs.disconnect();
            res(e.renderTime);
          }
      });
      obs.observe({ type: 'element' });
    });
    document.querySelector('canvas')?.addEventListener('mousedown', () => (w.__clickAt = performance.now()), { once: true, capture: true });
  }, identifier);
  await page.mouse.down();
  await page.mouse.up();
  const measured = page.evaluate(async () => {
    const w = window as never as { __clickAt: number; __painted: Promise<number> };
    return (await w.__painted) - w.__clickAt;
  });
  return await Promise.race([measured, new Promise<number>((r) => setTimeout(() => r(Number.NaN), 5000))]);
}
