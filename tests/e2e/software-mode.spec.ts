/**
 * Software rendering mode (src/map/softwareMode.ts): on this machine WebGL runs in SwiftShader, so the
 * map is drawn at half resolution while it moves and at full resolution once it is still; with a GPU's
 * renderer string nothing changes.
 */
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './driver';

const ratioWhilePanning = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ during: number; mode: string | undefined }>((resolve) => {
        const m = window.__map!;
        m.once('move', () =>
          requestAnimationFrame(() => resolve({ during: m.getPixelRatio(), mode: m.getContainer().dataset.renderMode })),
        );
        m.panBy([200, 80], { duration: 600 });
      }),
  );

test.describe('software rendering mode', () => {
  test('a software renderer: half resolution while moving, full resolution once still', async ({ page }) => {
    await openApp(page);
    const renderer = await page.evaluate(() => window.__map!.getContainer().dataset.renderer);
    expect(renderer).toMatch(/swiftshader/i);
    const dpr = await page.evaluate(() => window.devicePixelRatio);
    const { during, mode } = await ratioWhilePanning(page);
    expect(mode).toBe('software');
    expect(during).toBeCloseTo(dpr * 0.5);
    await expect.poll(() => page.evaluate(() => window.__map!.getPixelRatio())).toBeCloseTo(dpr);
    // A jump (a tour stop without motion) never resizes the canvas.
    const afterJump = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const m = window.__map!;
          m.jumpTo({ center: [119.2, 28.55], zoom: 10 });
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(m.getPixelRatio())));
        }),
    );
    expect(afterJump).toBe(dpr);
    // The still picture is drawn at full size.
    const canvas = await page.evaluate(() => {
      const c = window.__map!.getCanvas();
      return { w: c.width, css: c.clientWidth };
    });
    expect(canvas.w).toBe(Math.round(canvas.css * dpr));
  });

  test('a GPU (renderer string mocked): nothing changes', async ({ page }) => {
    await page.addInitScript(() => {
      for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
        const get = proto.getParameter;
        proto.getParameter = function (this: WebGLRenderingContext, p: number) {
          // UNMASKED_RENDERER_WEBGL and RENDERER
          if (p === 0x9246 || p === 0x1f01) return 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)';
          return get.call(this, p);
        } as typeof get;
      }
    });
    await openApp(page);
    const dpr = await page.evaluate(() => window.devicePixelRatio);
    const { during, mode } = await ratioWhilePanning(page);
    expect(mode).toBe('gpu');
    expect(during).toBe(dpr);
  });
});
