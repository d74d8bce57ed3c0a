/**
 * Two tabs of the app in one browser (a planner does: the tour in one, the tools in the other). Each
 * tab saves only what it changed, tells the others, and takes in what they saved: a third tab and a
 * reload of each show exactly the union of the work, an edit of one drawing in both ends with the one
 * saved last (and the tab whose edit it replaced says so), a deletion in one is gone in all.
 */
import type { BrowserContext } from '@playwright/test';
import { STRINGS } from '../../src/i18n/strings';
import { TOOL_STRINGS } from '../../src/i18n/toolStrings';
import { AppDriver, expect, test } from './driver';

const zh = TOOL_STRINGS.zh;

/** A page of the context with its own guard: no page error, no console error. */
async function tab(context: BrowserContext, errors: string[]): Promise<AppDriver> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const app = new AppDriver(page);
  await app.given.open();
  await app.when.openTools();
  return app;
}

const drawingNames = (app: AppDriver) => app.tools.get.drawingNames().allTextContents();

/** Draws a point with the tools' 点 button at a place of the map and names it. */
async function drawNamedPoint(app: AppDriver, at: [number, number], name: string): Promise<void> {
  const before = await app.tools.get.drawingRows().count();
  await app.tools.when.press('drawPoint');
  await app.when.clickMap(at);
  await expect(app.tools.get.drawingRows()).toHaveCount(before + 1);
  await app.tools.when.nameDrawing(name);
  await expect.poll(() => savedDrawingNames(app)).toContain(name);
}

/** Opens the editor of the list's first drawing (left open if it is). */
async function openFirstDrawing(app: AppDriver): Promise<void> {
  const head = app.tools.get.drawingRows().first().locator('.drawing-head');
  if ((await head.getAttribute('aria-expanded')) !== 'true') await head.click();
  await expect(app.tools.get.drawingEditor()).toBeVisible();
}

/** Waits until this tab's drawings are in IndexedDB as the list shows them (the save is a moment after the change). */
async function savedDrawingNames(app: AppDriver): Promise<string[]> {
  return app.page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('keyval-store');
        open.onsuccess = () => {
          const store = open.result.transaction('keyval').objectStore('keyval');
          const all = store.getAll(IDBKeyRange.bound('suichang:drawing:v2:', 'suichang:drawing:v2:\uffff'));
          all.onsuccess = () => resolve((all.result as { properties: { name: string } }[]).map((d) => d.properties.name).sort());
        };
      }),
  );
}

async function importGeoJson(app: AppDriver, name: string, label: string, at: [number, number]): Promise<void> {
  const fc = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { 名称: label }, geometry: { type: 'Point', coordinates: at } }],
  };
  await app.tools.when.importText(`${name}.geojson`, JSON.stringify(fc));
  await expect(app.get.status(zh.imported(name, 1, 'saved'))).toBeVisible();
}

const layerNames = (app: AppDriver) => app.tools.get.importRows().evaluateAll((els) => els.map((e) => e.getAttribute('data-import')));

test.describe('two tabs of the app', () => {
  test('drawings and imports made in two tabs: every tab sees the union, live and after a reload', async ({ context }) => {
    const errors: string[] = [];
    const a = await tab(context, errors);
    const b = await tab(context, errors);
    await drawNamedPoint(a, [119.0, 28.5], '甲点');
    // Each tab takes in the other's drawing within a second or so, without a reload.
    await expect.poll(() => drawingNames(b)).toEqual(['甲点']);
    await drawNamedPoint(b, [119.05, 28.45], '乙点');
    await expect.poll(() => drawingNames(a)).toEqual(['甲点', '乙点']);
    await expect.poll(() => drawingNames(b)).toEqual(['甲点', '乙点']);
    await importGeoJson(a, 'alpha', '甲', [119.1, 28.5]);
    await expect.poll(() => layerNames(b)).toEqual(['alpha']);
    await importGeoJson(b, 'beta', '乙', [119.12, 28.52]);
    await expect.poll(() => layerNames(a)).toEqual(['alpha', 'beta']);
    await expect.poll(() => layerNames(b)).toEqual(['alpha', 'beta']);

    // A third tab, and each tab reloaded: exactly the union.
    const c = await tab(context, errors);
    expect(await drawingNames(c)).toEqual(['甲点', '乙点']);
    expect(await layerNames(c)).toEqual(['alpha', 'beta']);
    for (const t of [a, b]) {
      await t.given.reopened();
      await t.when.openTools();
      expect(await drawingNames(t)).toEqual(['甲点', '乙点']);
      expect(await layerNames(t)).toEqual(['alpha', 'beta']);
    }
    expect(errors).toEqual([]);
  });

  test('without BroadcastChannel (an older browser) the tabs still hear each other, through the storage event', async ({ context }) => {
    await context.addInitScript(() => {
      delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
    });
    const errors: string[] = [];
    const a = await tab(context, errors);
    const b = await tab(context, errors);
    expect(await a.page.evaluate(() => typeof BroadcastChannel)).toBe('undefined');
    await drawNamedPoint(a, [119.0, 28.5], '甲点');
    await expect.poll(() => drawingNames(b)).toEqual(['甲点']);
    await drawNamedPoint(b, [119.05, 28.45], '乙点');
    await expect.poll(() => drawingNames(a)).toEqual(['甲点', '乙点']);
    expect(errors).toEqual([]);
  });

  test('one drawing edited in both tabs ends as saved last, in both, and the other tab says so; a deletion reaches every tab', async ({
    context,
  }) => {
    const errors: string[] = [];
    const a = await tab(context, errors);
    await drawNamedPoint(a, [119.0, 28.5], '原名');
    const b = await tab(context, errors);
    await expect.poll(() => drawingNames(b)).toEqual(['原名']);

    await openFirstDrawing(a);
    await a.tools.when.nameDrawing('甲改');
    await expect.poll(() => savedDrawingNames(a)).toEqual(['甲改']);
    await expect.poll(() => drawingNames(b)).toEqual(['甲改']);
    // B renames it after A's save reached it: B's save is the later one, and A's own edit is replaced.
    await openFirstDrawing(b);
    await b.tools.when.nameDrawing('乙改');
    await expect.poll(() => drawingNames(a)).toEqual(['乙改']);
    await expect(a.get.notices()).toContainText(zh.changedInOtherTab(['乙改']));
    expect(await savedDrawingNames(b)).toEqual(['乙改']);

    // Deleted in A: gone from B at once, and after B's reload.
    await openFirstDrawing(a);
    await a.tools.get.drawingEditor().getByRole('button', { name: zh.remove }).click();
    await expect.poll(() => drawingNames(b)).toEqual([]);
    await b.given.reopened();
    await b.when.openTools();
    expect(await drawingNames(b)).toEqual([]);
    expect(await savedDrawingNames(b)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('work saved by layout 1 (one list per key) is moved, and a newer version’s work is never written over', async ({ context }) => {
    const errors: string[] = [];
    const setup = await context.newPage();
    // A page of the same origin that does not run the app (which would move the layout while this writes it).
    await setup.goto('/favicon.svg');
    // Layout 1 as the previous version wrote it: the drawings under one key, the layers in one index.
    await setup.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('keyval-store');
          open.onupgradeneeded = () => open.result.createObjectStore('keyval');
          open.onsuccess = () => {
            const tx = open.result.transaction('keyval', 'readwrite');
            const s = tx.objectStore('keyval');
            const point = (id: string, name: string, x: number) => ({
              type: 'Feature',
              id,
              properties: { id, name, note: '' },
              geometry: { type: 'Point', coordinates: [x, 28.5] },
            });
            s.put([point('drawing-old-1', '旧甲', 119.0), point('drawing-old-2', '旧乙', 119.02)], 'suichang:drawings:v1');
            s.put(
              [{ id: 'layer-old', name: 'old-layer', datum: 'WGS-84', color: '#7B3294', opacity: 1, visible: true }],
              'suichang:imports:v2',
            );
            s.put({ type: 'FeatureCollection', features: [point('f1', '旧点', 119.1)] }, 'suichang:import:v2:layer-old');
            tx.oncomplete = () => resolve();
          };
        }),
    );
    await setup.close();
    const a = await tab(context, errors);
    expect(await drawingNames(a)).toEqual(['旧甲', '旧乙']);
    expect(await layerNames(a)).toEqual(['old-layer']);
    expect(await savedDrawingNames(a)).toEqual(['旧乙', '旧甲'].sort());

    // A newer version of the app (another tab) moves the layout on: this tab's next save is refused, and said.
    await a.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('keyval-store');
          open.onsuccess = () => {
            const tx = open.result.transaction('keyval', 'readwrite');
            tx.objectStore('keyval').put(99, 'suichang:layout');
            tx.oncomplete = () => resolve();
          };
        }),
    );
    await openFirstDrawing(a);
    await a.tools.when.nameDrawing('不应写入');
    await expect(a.get.storageNotice()).toContainText(STRINGS.zh.storageWhy.newer);
    expect(await savedDrawingNames(a)).toEqual(['旧乙', '旧甲'].sort());
    expect(errors.filter((e) => !/could not save/.test(e))).toEqual([]);
  });

  test('tours made in two tabs’ editors: both kept, each list shows both; one tab’s tour never drags the other into it', async ({
    context,
  }) => {
    test.slow();
    const errors: string[] = [];
    const open = async () => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1920, height: 1080 });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      const app = new AppDriver(page);
      await app.given.open();
      await app.editor.when.open();
      return app;
    };
    const newTour = async (app: AppDriver, name: string) => {
      await app.editor.when.newTour(name);
      await app.editor.when.saved();
    };
    const tourNames = async (app: AppDriver) => (await app.editor.get.tours().allTextContents()).join(' ');
    const a = await open();
    const b = await open();
    await newTour(a, '甲导览');
    await expect.poll(() => tourNames(b)).toContain('甲导览');
    await newTour(b, '乙导览');
    await expect.poll(() => tourNames(a)).toContain('乙导览');
    // B presenting (its tour started as it opened the editor) did not close A's editor or start A's tour.
    await expect(a.editor.get.root()).toBeVisible();
    const c = await open();
    expect(await tourNames(c)).toContain('甲导览');
    expect(await tourNames(c)).toContain('乙导览');
    expect(errors).toEqual([]);
  });
});
