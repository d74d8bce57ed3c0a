/**
 * Software rendering mode (src/map/softwareMode.ts): on this machine WebGL runs in SwiftShader, so the
 * map is drawn at half resolution while it moves and at full resolution once it is still; with a GPU's
 * renderer string nothing changes.
 */
import { expect, test } from './driver';

test.describe('software rendering mode', () => {
  test('a software renderer: half resolution while moving, full resolution once still', async ({ app }) => {
    await app.given.open();
    expect((await app.map.renderer()).renderer).toMatch(/swiftshader/i);
    const dpr = await app.get.deviceRatio();
    const { during, mode } = await app.map.pixelRatioWhilePanning();
    expect(mode).toBe('software');
    expect(during).toBeCloseTo(dpr * 0.5);
    await expect.poll(() => app.map.pixelRatio()).toBeCloseTo(dpr);
    // A jump (a tour stop without motion) never resizes the canvas.
    expect(await app.map.pixelRatioAfterJump([119.2, 28.55], 10)).toBe(dpr);
    // The still picture is drawn at full size.
    const canvas = await app.map.canvasWidth();
    expect(canvas.device).toBe(Math.round(canvas.css * dpr));
  });

  test('a GPU (its renderer string given to WebGL): nothing changes', async ({ app }) => {
    await app.given.renderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)');
    await app.given.open();
    const dpr = await app.get.deviceRatio();
    const { during, mode } = await app.map.pixelRatioWhilePanning();
    expect(mode).toBe('gpu');
    expect(during).toBe(dpr);
  });
});
