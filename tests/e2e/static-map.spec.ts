/**
 * The map before the map (scripts/lib/static-map.ts): drawn without WebGL in the first view, where
 * MapLibre then draws — checked in pixels — and kept, with a message, where WebGL cannot start.
 */
import type { Page } from '@playwright/test';
import { site } from './data';
import { expect, shot, test, waitForIdle } from './driver';

/** WebGL refused, as on a machine whose browser blocks the GPU and has no software fallback. */
const NO_WEBGL = () => {
  const get = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
    if (/webgl/i.test(kind)) return null;
    return (get as (...a: unknown[]) => RenderingContext | null).call(this, kind, ...rest);
  } as typeof get;
};

/** Only the map: no controls, panels or messages over it (they are the same in both pictures). */
const MAP_ONLY = `.maplibregl-control-container, .layer-control, .home-button, .map-status, .feature-error { visibility: hidden !important; }`;

async function mapArea(page: Page): Promise<Buffer> {
  return page.locator('.map-area').screenshot({ animations: 'disabled' });
}

/**
 * The share of pixels that differ (by more than 48 in a channel) between two pictures, the second moved
 * by (dx, dy): a static map off by a few pixels differs less moved back than in place.
 */
async function mismatch(page: Page, a: Buffer, b: Buffer, shifts: [number, number][]): Promise<number[]> {
  return page.evaluate(
    async ([a64, b64, shifts]) => {
      const load = async (src: string) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d', { willReadFrequently: true })!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.width, img.height);
      };
      const [A, B] = [await load(`data:image/png;base64,${a64}`), await load(`data:image/png;base64,${b64}`)];
      const { width: w, height: h } = A;
      return (shifts as [number, number][]).map(([dx, dy]) => {
        let diff = 0;
        let n = 0;
        for (let y = 8; y < h - 8; y += 2)
          for (let x = 8; x < w - 8; x += 2) {
            const i = (y * w + x) * 4;
            const j = ((y + dy) * w + (x + dx)) * 4;
            n++;
            if (
              Math.abs((A.data[i] as number) - (B.data[j] as number)) > 48 ||
              Math.abs((A.data[i + 1] as number) - (B.data[j + 1] as number)) > 48 ||
              Math.abs((A.data[i + 2] as number) - (B.data[j + 2] as number)) > 48
            )
              diff++;
          }
        return diff / n;
      });
    },
    [a.toString('base64'), b.toString('base64'), shifts] as const,
  );
}

test.describe('the map before the map', () => {
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
    // Windows it was not drawn for: a 32:9 monitor, a tall portrait screen, a tiny window.
    { width: 3840, height: 1080 },
    { width: 800, height: 1800 },
    { width: 320, height: 400 },
  ]) {
    test(`lands where MapLibre draws, no jump (${viewport.width}×${viewport.height})`, async ({ browser }) => {
      const context = await browser.newContext({ viewport });
      // The static map alone: WebGL refused, so it stays.
      const still = await context.newPage();
      await still.addInitScript(NO_WEBGL);
      await still.goto('/?testing=1');
      // The live page's static map (not the first view's): the app is up and says the map could not start.
      await expect(still.getByRole('alert').first()).toContainText('地图无法显示');
      await expect(still.locator('.static-map .static-map-svg')).toBeVisible();
      await still.addStyleTag({ content: MAP_ONLY });
      await still.evaluate(() => document.fonts.ready);
      await shot(still, `static-map-${viewport.width}`);
      const before = await mapArea(still);
      // The WebGL map, once it has drawn and the static map has gone.
      const live = await context.newPage();
      await live.goto('/?testing=1');
      await waitForIdle(live);
      await expect(live.locator('.static-map')).toHaveCount(0);
      await live.addStyleTag({ content: MAP_ONLY });
      await live.evaluate(() => document.fonts.ready);
      await shot(live, `static-map-swapped-${viewport.width}`);
      const after = await mapArea(live);
      const shifts: [number, number][] = [
        [0, 0],
        [-4, 0],
        [4, 0],
        [0, -4],
        [0, 4],
      ];
      const [inPlace, ...moved] = await mismatch(still, before, after, shifts);
      // They differ where WebGL adds detail (antialiasing, label placement); in place they match best.
      expect(inPlace, `${(inPlace! * 100).toFixed(1)} % of pixels differ`).toBeLessThan(0.04);
      for (const m of moved) expect(inPlace).toBeLessThan(m);
      await context.close();
    });
  }

  test('WebGL unavailable: the static map stays, the message says why, and the panel, search, list and figures work', async ({
    page,
    guard,
  }) => {
    await page.addInitScript(NO_WEBGL);
    await page.goto('/?testing=1');
    await expect(page.getByRole('alert').first()).toContainText('地图无法显示');
    await expect(page.getByRole('alert').first()).toContainText(/WebGL/);
    await expect(page.locator('.static-map .static-map-svg')).toBeVisible();
    await expect(page.locator('.static-map .static-label.focus')).toHaveText('遂昌县');
    // The rest of the page.
    await expect(page.getByRole('heading', { level: 2, name: '全县概览' })).toBeVisible();
    await expect(page.locator('[data-figure="gdp"] .value').first()).toHaveText('172.75');
    const chem = site('chemical-park');
    await page.getByRole('combobox').fill('化工');
    await page.getByRole('option', { name: new RegExp(chem.name_zh) }).click();
    await expect(page.locator('#panel-heading')).toHaveText(chem.name_zh);
    await page.locator('.panel-close').click();
    await page.locator(`[data-site-id="devzone-east"]`).click();
    await expect(page.locator('#panel-heading')).toHaveText(site('devzone-east').name_zh);
    await shot(page, 'no-webgl');
    guard.consoleErrors.length = 0; // MapLibre's own report of the failure
  });
});
