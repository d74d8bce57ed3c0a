/**
 * The static first map against MapLibre's frame, in pixels: the map area alone, WebGL refused where the
 * static map must stay, and the share of pixels that differ (static-map.spec.ts, county-basemap.spec.ts).
 */
import type { Page } from '@playwright/test';

/** WebGL refused, as on a machine whose browser blocks the GPU and has no software fallback. */
export const NO_WEBGL = () => {
  const get = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
    if (/webgl/i.test(kind)) return null;
    return (get as (...a: unknown[]) => RenderingContext | null).call(this, kind, ...rest);
  } as typeof get;
};

/** Only the map: no controls, panels or messages over it (they are the same in both pictures). */
export const MAP_ONLY = `.maplibregl-control-container, .layer-control, .home-button, .map-status, .feature-error { visibility: hidden !important; }`;

export async function mapArea(page: Page): Promise<Buffer> {
  return page.locator('.map-area').screenshot({ animations: 'disabled' });
}

/**
 * The share of pixels that differ (by more than 48 in a channel) between two pictures, the second moved
 * by (dx, dy): a static map off by a few pixels differs less moved back than in place.
 */
export async function mismatch(page: Page, a: Buffer, b: Buffer, shifts: [number, number][]): Promise<number[]> {
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
