/**
 * Questions about the county basemap and terrain, answered by the real map in the page: what it renders
 * from the archive (the renderer's own index), where a source's features lie, the canvas's pixels.
 */
import type { Locator, Page } from '@playwright/test';
import { BASEMAP_STRINGS } from '../../src/basemap/basemapStrings';

type LngLat = [number, number];

export class CountyDriver {
  constructor(private readonly page: Page) {}

  /** The layer control's terrain controls (the Chinese interface). */
  hillshade(): Locator {
    return this.page.getByRole('checkbox', { name: BASEMAP_STRINGS.zh.hillshade });
  }
  threeD(): Locator {
    return this.page.getByRole('checkbox', { name: BASEMAP_STRINGS.zh.threeD });
  }
  exaggeration(): Locator {
    return this.page.getByRole('slider', { name: BASEMAP_STRINGS.zh.exaggeration });
  }

  /** The terrain group's note that the terrain is drawn over a WGS-84 basemap only (shown over the GCJ-02 outlines). */
  datumNote(): Locator {
    return this.page.getByText(BASEMAP_STRINGS.zh.datumNote);
  }

  /** Names (in `field`) of the features a basemap layer renders in the view now. */
  renderedNames(layer: string, field = 'name'): Promise<string[]> {
    return this.page.evaluate(
      ([l, f]) => {
        const map = window.__map!;
        if (!map.getLayer(l as string)) return [];
        return map.queryRenderedFeatures({ layers: [l as string] }).map((x) => String(x.properties[f as string] ?? ''));
      },
      [layer, field] as const,
    );
  }

  /** How many features a basemap layer renders in the view now. */
  renderedCount(layer: string): Promise<number> {
    return this.page.evaluate((l) => (window.__map!.getLayer(l) ? window.__map!.queryRenderedFeatures({ layers: [l] }).length : 0), layer);
  }

  /** Where a source's point feature named `name` lies on the map (its coordinates in the map's datum). */
  pointOf(source: string, sourceLayer: string | undefined, field: string, name: string): Promise<LngLat | null> {
    return this.page.evaluate(
      ([s, sl, f, n]) => {
        const found = window
          .__map!.querySourceFeatures(s as string, sl ? { sourceLayer: sl } : {})
          .find((x) => x.properties[f as string] === n);
        return found?.geometry.type === 'Point' ? (found.geometry.coordinates as [number, number]) : null;
      },
      [source, sourceLayer, field, name] as const,
    );
  }

  /** The 25 pixels (r, g, b) of a 5×5 px patch at each point, as the map drew them: read in a render frame. */
  private patches(points: LngLat[]): Promise<[number, number, number][][]> {
    return this.page.evaluate(
      (pts) =>
        new Promise<[number, number, number][][]>((resolve) => {
          const map = window.__map!;
          map.once('render', () => {
            const src = map.getCanvas();
            const dpr = src.width / src.clientWidth;
            const copy = document.createElement('canvas');
            copy.width = src.width;
            copy.height = src.height;
            const ctx = copy.getContext('2d')!;
            ctx.drawImage(src, 0, 0);
            resolve(
              pts.map((p) => {
                const xy = map.project(p as [number, number]);
                const d = ctx.getImageData(Math.round(xy.x * dpr) - 2, Math.round(xy.y * dpr) - 2, 5, 5).data;
                const px: [number, number, number][] = [];
                for (let i = 0; i < d.length; i += 4) px.push([d[i]!, d[i + 1]!, d[i + 2]!]);
                return px;
              }),
            );
          });
          map.triggerRepaint();
        }),
      points,
    );
  }

  /** The mean colour (r, g, b) of a 5×5 px patch at each point. */
  async colours(points: LngLat[]): Promise<[number, number, number][]> {
    return (await this.patches(points)).map(
      (px) => [0, 1, 2].map((c) => Math.round(px.reduce((sum, p) => sum + p[c]!, 0) / px.length)) as [number, number, number],
    );
  }

  /**
   * The height (m) an image of Terrarium tiles shows at each point: each pixel of a 5×5 px patch decoded
   * (R·256 + G + B/256 − 32768), the median taken (an averaged colour would mix two bands of 256 m).
   */
  async terrariumHeights(points: LngLat[]): Promise<number[]> {
    return (await this.patches(points)).map((px) => {
      const hs = px.map(([r, g, b]) => r * 256 + g + b / 256 - 32768).sort((a, b) => a - b);
      return Math.round(hs[Math.floor(hs.length / 2)]!);
    });
  }

  /** Mean brightness of the patches at the points. */
  async brightness(points: LngLat[]): Promise<number[]> {
    return (await this.colours(points)).map(([r, g, b]) => Math.round(0.299 * r + 0.587 * g + 0.114 * b));
  }

  terrain(): Promise<{ on: boolean; exaggeration: number | null; pitch: number }> {
    return this.page.evaluate(() => {
      const m = window.__map!;
      const t = m.getTerrain();
      return { on: t !== null, exaggeration: t?.exaggeration ?? null, pitch: m.getPitch() };
    });
  }

  elevation(at: LngLat): Promise<number | null> {
    return this.page.evaluate((p) => window.__map!.queryTerrainElevation(p as [number, number]), at);
  }
}

/** Metres between two points (equirectangular; exact enough under a kilometre). */
export function metres(a: LngLat, b: LngLat): number {
  const k = Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * 111_320 * k, (a[1] - b[1]) * 110_540);
}
