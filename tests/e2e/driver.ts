/**
 * The driver between specs and the page, in the given/when/then style of maputnik's: `app.open()`,
 * `app.selectSite(id)`, `app.openTools()`, `app.tour.next()`, `app.map.renderedIds()`. Every test
 * gets the guards (no request may leave loopback, no console error may pass); map questions are
 * answered by the real map in the page (window.__map), never by a mock.
 */
import { test as base, expect, type Frame, type Locator, type Page } from '@playwright/test';
import { SHARE_STRINGS } from '../../src/embed/shareStrings';
import { STRINGS } from '../../src/i18n/strings';
import { CountyDriver } from './county.driver';
import { EditorDriver } from './editor.driver';
import { ServicesDriver } from './services.driver';
import { NO_WEBGL } from './staticMap.driver';
import { eitherLabel, literal, type Surface, ToolsDriver, ToolsGet, toolLabel } from './tools.driver';

type Texts<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];
/** An interface label in either language, whole, by its key in the string table. */
const either = (key: Texts<(typeof STRINGS)['zh']>) => eitherLabel(STRINGS.zh[key] as string, STRINGS.en[key] as string);
/** A sharing label in either language, whole. */
const shareLabel = (key: Texts<(typeof SHARE_STRINGS)['zh']>) =>
  eitherLabel(SHARE_STRINGS.zh[key] as string, SHARE_STRINGS.en[key] as string);

export interface Guard {
  offMachine: string[];
  consoleErrors: string[];
}

/** Loopback, and names of the reserved `.test` domain, which a spec maps to loopback (--host-resolver-rules). */
const LOOPBACK = /^(https?|wss?):\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\]|[a-z0-9-]+\.test)(:\d+)?\//;

export const test = base.extend<{ guard: Guard; app: AppDriver }>({
  app: async ({ page }, use) => {
    await use(new AppDriver(page));
  },
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

/**
 * The browser's own log of a refusal the test provoked (a 403, a request the page's policy blocked): it
 * must be there, and is taken out of the console guard; anything else logged still fails the test.
 */
export function expectLogged(guard: Guard, pattern: RegExp): void {
  const matched = guard.consoleErrors.filter((e) => pattern.test(e));
  expect(matched, `the browser's log of ${pattern}`).not.toEqual([]);
  const rest = guard.consoleErrors.filter((e) => !pattern.test(e));
  guard.consoleErrors.splice(0, guard.consoleErrors.length, ...rest);
}

/** The map idle in a page, or in a frame of one (the embedded map). */
export async function waitForIdle(page: Page | Frame) {
  await page.waitForFunction(() => Boolean(window.__map), null, { timeout: 30_000 });
  // Software rendering mode draws moves at half resolution: the still picture is at full resolution again.
  await page.waitForFunction(() => window.__map!.getPixelRatio() === window.devicePixelRatio, null, { timeout: 10_000 });
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
async function renderedSiteIds(page: Surface): Promise<string[]> {
  return page.evaluate(() => {
    const map = window.__map!;
    const ids = map.queryRenderedFeatures(undefined, { layers: ['site-point', 'site-fill'] }).map((f) => String(f.properties.id));
    return [...new Set(ids)].sort();
  });
}

/** Screen position of a lon/lat in page coordinates. */
async function project(page: Surface, lngLat: [number, number]): Promise<{ x: number; y: number }> {
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
async function selectionInkAround(page: Surface, siteId: string): Promise<number> {
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

type LngLat = [number, number];

/** The page a surface belongs to (its mouse and keyboard). */
const pageOf = (s: Surface): Page => ('mouse' in s ? s : s.page());

/** Questions to the map in the page, and the few direct moves a test needs. */
export class MapDriver {
  constructor(private readonly page: Surface) {}

  idle(): Promise<void> {
    return waitForIdle(this.page);
  }

  /** Site ids rendered in the view (points and polygons). */
  renderedIds(): Promise<string[]> {
    return renderedSiteIds(this.page);
  }

  /** A property of the features rendered in `layer` (at a point of the map, or in the whole view). */
  renderedValues(layer: string, field: string, at?: LngLat): Promise<unknown[]> {
    return this.page.evaluate(
      ([layer, field, at]) => {
        const map = window.__map!;
        const where = at ? map.project(at as [number, number]) : undefined;
        return map.queryRenderedFeatures(where, { layers: [layer as string] }).map((f) => f.properties[field as string]);
      },
      [layer, field, at] as const,
    );
  }

  /** A property of every feature of the sources whose id starts with `prefix` (loaded tiles, not only the view). */
  sourceValues(prefix: string, field: string): Promise<unknown[]> {
    return this.page.evaluate(
      ([prefix, field]) => {
        const map = window.__map!;
        const ids = Object.keys(map.getStyle().sources).filter((id) => id.startsWith(prefix));
        return ids.flatMap((id) => map.querySourceFeatures(id).map((f) => f.properties[field]));
      },
      [prefix, field] as const,
    );
  }

  /** The features (name, geometry type, coordinates) of the first GeoJSON source whose id starts with `prefix`, as the source holds them; [] while there is none. */
  sourceFeatures(prefix: string): Promise<{ name: unknown; type: string; coordinates: unknown }[]> {
    return this.page.evaluate(async (prefix) => {
      const m = window.__map!;
      const id = Object.keys(m.getStyle().sources).find((x) => x.startsWith(prefix));
      if (!id) return [];
      const data = await (
        m.getSource(id) as unknown as {
          getData(): Promise<{ features: { properties: { name?: unknown }; geometry: { type: string; coordinates: unknown } }[] }>;
        }
      ).getData();
      return data.features.map((f) => ({ name: f.properties.name, type: f.geometry.type, coordinates: f.geometry.coordinates }));
    }, prefix);
  }

  /** The coordinates of the point features of the sources whose id starts with `prefix`. */
  sourcePoints(prefix: string): Promise<number[][]> {
    return this.page.evaluate((prefix) => {
      const map = window.__map!;
      const ids = Object.keys(map.getStyle().sources).filter((id) => id.startsWith(prefix));
      return ids.flatMap((id) => map.querySourceFeatures(id).flatMap((f) => (f.geometry.type === 'Point' ? [f.geometry.coordinates] : [])));
    }, prefix);
  }

  layerIds(): Promise<string[]> {
    return this.page.evaluate(() => window.__map!.getStyle().layers.map((l) => l.id));
  }

  sourceIds(): Promise<string[]> {
    return this.page.evaluate(() => Object.keys(window.__map!.getStyle().sources));
  }

  paint(layer: string, property: string): Promise<unknown> {
    return this.page.evaluate(([l, p]) => window.__map!.getPaintProperty(l, p as never), [layer, property] as const);
  }

  camera(): Promise<{ center: LngLat; zoom: number; bearing: number; pitch: number; moving: boolean; bounds: [LngLat, LngLat] }> {
    return this.page.evaluate(() => {
      const m = window.__map!;
      return {
        center: m.getCenter().toArray() as [number, number],
        zoom: m.getZoom(),
        bearing: m.getBearing(),
        pitch: m.getPitch(),
        moving: m.isMoving(),
        bounds: m.getBounds().toArray() as [[number, number], [number, number]],
      };
    });
  }

  /** Waits until the camera has stopped (a flight ended). */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => !window.__map!.isMoving());
    await this.idle();
  }

  async jumpTo(center: LngLat, zoom: number): Promise<void> {
    await this.page.evaluate(
      ([c, z]) => {
        window.__map!.jumpTo({ center: c as [number, number], zoom: z as number });
      },
      [center, zoom] as const,
    );
  }

  /** Moves the camera and waits until the map has drawn there. */
  async viewAt(center: LngLat, zoom: number): Promise<void> {
    await this.jumpTo(center, zoom);
    await this.idle();
  }

  /** The map's whole style, as MapLibre holds it now. */
  style(): Promise<unknown> {
    return this.page.evaluate(() => window.__map?.getStyle());
  }

  /** A source of the map's style as the style holds it (undefined when there is none). */
  source(id: string): Promise<unknown> {
    return this.page.evaluate((i) => window.__map!.getStyle().sources[i], id);
  }

  /** Whether the map's style has a layer now. */
  hasLayer(id: string): Promise<boolean> {
    return this.page.evaluate((i) => Boolean(window.__map!.getLayer(i)), id);
  }

  /** A layout property of a layer, as JSON. */
  layout(layer: string, property: string): Promise<string> {
    return this.page.evaluate(([l, p]) => JSON.stringify(window.__map!.getLayoutProperty(l as string, p as never)), [
      layer,
      property,
    ] as const);
  }

  /** A layer's visibility ('visible', the default, or 'none'); 'absent' when the style has no such layer. */
  visibility(layer: string): Promise<string> {
    return this.page.evaluate((l) => {
      const m = window.__map!;
      return m.getLayer(l) ? String(m.getLayoutProperty(l, 'visibility') ?? 'visible') : 'absent';
    }, layer);
  }

  featureState(source: string, id: string): Promise<Record<string, unknown>> {
    return this.page.evaluate(([s, i]) => window.__map!.getFeatureState({ source: s, id: i }), [source, id] as const);
  }

  async setFeatureState(source: string, id: string, state: Record<string, unknown>): Promise<void> {
    await this.page.evaluate(
      ([s, i, st]) => {
        window.__map!.setFeatureState({ source: s as string, id: i as string }, st as never);
      },
      [source, id, state] as const,
    );
  }

  cursor(): Promise<string> {
    return this.page.evaluate(() => window.__map!.getCanvas().style.cursor);
  }

  hasWebGL(): Promise<boolean> {
    return this.page.evaluate(() => {
      const canvas = window.__map!.getCanvas();
      return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
    });
  }

  /** The map's canvas (to focus it, or to measure where it lies). */
  canvas(): Locator {
    return this.page.locator('.maplibregl-canvas');
  }

  /** Page coordinates of a point of the map (in the frame's own coordinates for an embedded map). */
  project(at: LngLat): Promise<{ x: number; y: number }> {
    return project(this.page, at);
  }

  /** Pixels of the selection's colour around a site's polygon (selectionInkAround). */
  selectionInk(siteId: string): Promise<number> {
    return selectionInkAround(this.page, siteId);
  }

  /** The canvas's pixel ratio now (software rendering lowers it while the map moves). */
  pixelRatio(): Promise<number> {
    return this.page.evaluate(() => window.__map!.getPixelRatio());
  }

  /** The renderer the map found (WebGL's renderer string) and the rendering mode it chose for it. */
  renderer(): Promise<{ renderer: string | undefined; mode: string | undefined }> {
    return this.page.evaluate(() => {
      const { renderer, renderMode } = window.__map!.getContainer().dataset;
      return { renderer, mode: renderMode };
    });
  }

  /** Pans the map and reads the pixel ratio (and the rendering mode) a frame into the move. */
  pixelRatioWhilePanning(): Promise<{ during: number; mode: string | undefined }> {
    return this.page.evaluate(
      () =>
        new Promise<{ during: number; mode: string | undefined }>((resolve) => {
          const m = window.__map!;
          m.once('move', () =>
            requestAnimationFrame(() => resolve({ during: m.getPixelRatio(), mode: m.getContainer().dataset.renderMode })),
          );
          m.panBy([200, 80], { duration: 600 });
        }),
    );
  }

  /** Jumps the camera (no motion, as a tour stop without a flight) and reads the pixel ratio two frames later. */
  pixelRatioAfterJump(center: LngLat, zoom: number): Promise<number> {
    return this.page.evaluate(
      ([c, z]) =>
        new Promise<number>((resolve) => {
          const m = window.__map!;
          m.jumpTo({ center: c as [number, number], zoom: z as number });
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(m.getPixelRatio())));
        }),
      [center, zoom] as const,
    );
  }

  /** The canvas's width in device pixels, and in CSS pixels. */
  canvasWidth(): Promise<{ device: number; css: number }> {
    return this.page.evaluate(() => {
      const c = window.__map!.getCanvas();
      return { device: c.width, css: c.clientWidth };
    });
  }

  /** Loses the WebGL context and never gets it back (a driver that does not recover). */
  async loseContext(): Promise<void> {
    await this.page.evaluate(async () => {
      const canvas = window.__map!.getCanvas();
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
      const lost = new Promise((r) => canvas.addEventListener('webglcontextlost', r, { once: true }));
      gl.getExtension('WEBGL_lose_context')?.loseContext();
      await lost;
    });
  }

  /** Loses the WebGL context and gets it back, as a driver crash or a GPU reset does. */
  async loseAndRestoreContext(): Promise<void> {
    await this.page.evaluate(async () => {
      const canvas = window.__map!.getCanvas();
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
      const ext = gl.getExtension('WEBGL_lose_context');
      if (!ext) throw new Error('no WEBGL_lose_context');
      const lost = new Promise((r) => canvas.addEventListener('webglcontextlost', r, { once: true }));
      ext.loseContext();
      await lost;
      // The context can be restored only after the loss has been handled: a frame later.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const restored = new Promise((r) => canvas.addEventListener('webglcontextrestored', r, { once: true }));
      ext.restoreContext();
      await restored;
      window.__map!.triggerRepaint();
    });
    await this.idle();
  }
}

/** The tour's controls, as a presenter uses them. */
export class TourDriver {
  constructor(private readonly page: Surface) {}
  title(): Locator {
    return this.page.locator('#tour-title');
  }
  /** The tour's card (absent when no tour runs). */
  card(): Locator {
    return this.page.locator('.tour');
  }
  /** The stop's caption and figures (folded away on a phone by choice). */
  caption(): Locator {
    return this.page.locator('.tour-caption');
  }
  /** Shows (or hides) the QR code of the stop with the tour's own button, in either language. */
  async toggleQr(show: boolean): Promise<void> {
    const key = show ? 'tourQr' : 'tourQrHide';
    await this.page.getByRole('button', { name: shareLabel(key) }).click();
  }
  /** The stop's QR code on screen (its figure: the code and its caption). */
  qr(): Locator {
    return this.page.locator('.tour-qr');
  }
  /** The stop's figures on its card. */
  figures(): Locator {
    return this.page.locator('.tour-figures');
  }
  /** The header's chooser of tours (shown once a presenter has tours of their own), in either language. */
  chooser(): Locator {
    return this.page.getByRole('button', { name: either('chooseTour') });
  }
  /** The chooser's menu of tours. */
  menu(): Locator {
    return this.page.getByRole('menu', { name: either('chooseTour') });
  }
  /** The tour's "next stop" button among its controls (the card's, or the speaker view's), in either language. */
  nextButton(): Locator {
    return this.page
      .getByRole('navigation', { name: either('tourRegion') })
      .getByRole('button', { name: new RegExp(`^(${literal(STRINGS.zh.tourNext)}|${literal(STRINGS.en.tourNext)})`) });
  }
  /** The speaker view's line naming the next stop. */
  speakerNext(): Locator {
    return this.page.locator('.speaker-next-title');
  }
  /** The speaker view's notes of the stop. */
  speakerNotes(): Locator {
    return this.page.locator('.speaker-notes');
  }
  /** The speaker view's clock of the time elapsed. */
  speakerClock(): Locator {
    return this.page.locator('.speaker-clock time');
  }
  /** The tour's bar of controls (previous, next, exit). */
  bar(): Locator {
    return this.page.locator('.tour-bar');
  }
  /** The kiosk loop's state line (running or paused). */
  kioskState(): Locator {
    return this.page.locator('.kiosk-state');
  }
  /** The phone's fold (`hide`) or unfold button of the caption. */
  detailsToggle(hide: boolean): Locator {
    return this.page.getByRole('button', { name: hide ? STRINGS.zh.tourDetailsHide : STRINGS.zh.tourDetailsShow });
  }
  async start(): Promise<void> {
    await this.page
      .getByRole('button', { name: /演示导览|guided tour/i })
      .first()
      .click();
    await expect(this.title()).toBeVisible();
  }
  next(): Promise<void> {
    return this.press('PageDown');
  }
  previous(): Promise<void> {
    return this.press('PageUp');
  }
  exit(): Promise<void> {
    return this.press('Escape');
  }
  /** A presenter's key (a clicker sends PageDown/PageUp): in a frame, pressed in the frame's document. */
  private press(key: string): Promise<void> {
    return 'keyboard' in this.page ? this.page.keyboard.press(key) : this.page.locator('body').press(key);
  }
}

/** What a test sets up before the user acts: the app opened at a link. */
class Given {
  constructor(private readonly page: Page) {}

  /** Opens the app at `query` (with the canvas kept readable) and waits until the map is idle. */
  async open(query = ''): Promise<void> {
    await this.load(query);
    await waitForIdle(this.page);
  }

  /** Goes to the app at `query` without waiting for the map, which may never be idle (no WebGL, a kiosk's loop, scripts held). */
  async load(query = '', waitUntil: 'load' | 'commit' = 'load'): Promise<void> {
    await this.page.goto(`/${query}${query ? '&' : '?'}testing=1`, { waitUntil });
  }

  /** WebGL refused in every page opened from here on, as on a machine whose browser blocks the GPU. */
  async noWebGL(): Promise<void> {
    await this.page.addInitScript(NO_WEBGL);
  }

  /** WebGL reports `renderer` as its renderer (a GPU's name) in every page opened from here on. */
  async renderer(renderer: string): Promise<void> {
    await this.page.addInitScript((name) => {
      for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
        const get = proto.getParameter;
        proto.getParameter = function (this: WebGLRenderingContext, p: number) {
          // UNMASKED_RENDERER_WEBGL and RENDERER
          if (p === 0x9246 || p === 0x1f01) return name;
          return get.call(this, p);
        } as typeof get;
      }
    }, renderer);
  }

  /** The app's script held back until the returned function is called: what paints meanwhile is the prerendered first view. */
  async scriptsHeld(): Promise<() => void> {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    await this.page.route(/\/assets\/main-.*\.js$/, async (r) => {
      await held;
      await r.continue();
    });
    return release;
  }

  /** A first visit that stayed online until the service worker had everything cached and controls the page (an installed app). */
  async installed(): Promise<void> {
    await this.open();
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await this.page.reload();
    await this.page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
    await waitForIdle(this.page);
  }

  /** The page reloaded (a visitor coming back, a tab restored), and the map idle again. */
  async reopened(): Promise<void> {
    await this.page.reload();
    await waitForIdle(this.page);
  }

  /** Goes to the app at an address of another server (a deployment the test serves) without waiting for the map. */
  async loadAt(url: string): Promise<void> {
    await this.page.goto(`${url}${url.includes('?') ? '&' : '?'}testing=1`);
  }

  /** Opens the app at an address of another server (a deployment the test serves), with the canvas kept readable, and waits until the map is idle. */
  async openAt(url: string): Promise<void> {
    await this.loadAt(url);
    await waitForIdle(this.page);
  }
}

/** What a user does, through the interface as they would: each step waits for its own effect where the page shows one. */
class When {
  constructor(
    private readonly page: Surface,
    private readonly map: MapDriver,
    private readonly get: Get,
  ) {}

  /** Selects a site from the list, as a visitor does: done when the list marks it current. */
  async selectSite(id: string): Promise<void> {
    const item = this.get.listItem(id);
    await item.click();
    // The effect, not only the click: a click lost to a moving list says so here, not two steps later.
    await expect(item, `the list marks ${id} as the current site`).toHaveAttribute('aria-current', 'true');
  }

  /** Clicks the map where a point of the data is drawn. */
  async clickMap(at: LngLat): Promise<void> {
    const p = await this.map.project(at);
    await pageOf(this.page).mouse.click(p.x, p.y);
  }

  /**
   * Clicks a site where the map draws it, once it is drawn there and the camera is still: a camera move the
   * app starts a moment later (a stop framed with its card) would otherwise take the site from under the click.
   */
  async clickSite(id: string, at: LngLat): Promise<void> {
    const here = () =>
      this.page.evaluate(
        ({ id, at }) => {
          const m = window.__map;
          if (!m || m.isMoving() || !m.loaded()) return false;
          const p = m.project(at);
          return m.queryRenderedFeatures([p.x, p.y]).some((f) => f.properties?.id === id);
        },
        { id, at },
      );
    await expect.poll(here, { message: `site ${id} drawn at its point` }).toBe(true);
    await this.clickMap(at);
  }

  /** Searches for a site by `text` and takes the first match (Enter), as a visitor types it. */
  async search(text: string): Promise<void> {
    const box = this.get.search();
    await box.fill(text);
    await expect(this.page.getByRole('option', { name: new RegExp(literal(text)) }).first()).toBeVisible();
    await box.press('Enter');
  }

  /** Opens the Share dialog from the header, in the interface's language. */
  async openShare(): Promise<void> {
    await this.get.shareButton().click();
    await expect(this.get.shareDialog()).toBeVisible();
  }

  /** Switches the interface to the other language with the header's button. */
  async switchLanguage(): Promise<void> {
    const before = await this.page.evaluate(() => document.documentElement.lang);
    await this.page.getByRole('button', { name: either('switchLanguageLabel') }).click();
    await expect(this.page.locator('html')).not.toHaveAttribute('lang', before);
  }

  /** Folds the layer control away (a planner does when the map is cramped between it and the tools). */
  async foldLayerControl(): Promise<void> {
    const toggle = this.page.locator('.layer-control-toggle');
    if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  }

  /** Opens the layer control (folded on narrow screens, or by `foldLayerControl`). */
  async openLayerControl(): Promise<void> {
    const toggle = this.page.locator('.layer-control-toggle');
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }

  /** Chooses a basemap in the layer control by its name, and folds the control again. */
  async chooseBasemap(name: string): Promise<void> {
    await this.openLayerControl();
    await this.page.getByRole('radio', { name }).check();
    await this.foldLayerControl();
  }

  /** Closes a site's details with the panel's own button, back to the overview. */
  async closeSite(): Promise<void> {
    await this.page.getByRole('button', { name: either('closePanel') }).click();
  }

  /** Scrolls the side panel from top to bottom a screen at a time, each step painted. */
  async scrollPanelThrough(): Promise<void> {
    const panel = this.page.locator('.panel-scroll');
    const steps = await panel.evaluate((el) => Math.ceil(el.scrollHeight / el.clientHeight) + 1);
    for (let i = 0; i < steps; i++) {
      await panel.evaluate((el) => el.scrollBy(0, el.clientHeight));
      await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
  }

  /** Dismisses the first notice with its own button. */
  async dismissNotice(): Promise<void> {
    await this.page
      .getByRole('button', { name: either('dismiss') })
      .first()
      .click();
  }

  /** Puts the map back to the county's view with the map's home button. */
  async resetView(): Promise<void> {
    await this.page.getByRole('button', { name: either('resetView') }).click();
  }

  /** Turns large text on or off with the header's button; done when the page says so. */
  async toggleLargeText(): Promise<void> {
    const toggle = this.get.largeText();
    const before = await toggle.getAttribute('aria-pressed');
    await toggle.click();
    await expect(toggle).not.toHaveAttribute('aria-pressed', before ?? '');
  }

  /** Opens the planner tools from the header. */
  async openTools(): Promise<void> {
    await this.page.getByRole('button', { name: toolLabel('toolsOpen') }).click();
    await expect(this.page.locator('.tools-panel')).toBeVisible();
  }

  /** Closes the planner tools with their own close button. */
  async closeTools(): Promise<void> {
    await this.page
      .locator('.tools-panel')
      .getByRole('button', { name: toolLabel('toolsClose') })
      .click();
    await expect(this.page.locator('.tools-panel')).toHaveCount(0);
  }

  /** Every font of the page loaded (before a screenshot). */
  async fontsLoaded(): Promise<void> {
    await this.page.evaluate(() => document.fonts.ready);
  }
}

/** What a test reads from the page: the interface's parts by their roles and the app's own markers, and what the app stored. */
class Get {
  constructor(private readonly page: Surface) {}

  /** The Share dialog (either language). */
  shareDialog(): Locator {
    return this.page.getByRole('dialog', {
      name: shareLabel('shareTitle'),
    });
  }

  /** The page's own title (the header's level-1 heading). */
  title(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** What the page says has gone wrong (the map's message when it cannot start). */
  alert(): Locator {
    return this.page.getByRole('alert');
  }

  /** The side panel's heading (the site's name, or the overview's title). */
  heading(): Locator {
    return this.page.locator('#panel-heading');
  }

  /** The side panel, a landmark named by its heading. */
  panel(): Locator {
    return this.page.getByRole('complementary');
  }

  /** A figure's card in the panel, by its id in geodata/figures.json. */
  figure(id: string): Locator {
    return this.panel().locator(`[data-figure="${id}"]`);
  }

  /** The site search box. */
  search(): Locator {
    return this.page.getByRole('combobox', { name: either('search') });
  }

  /** A site's entry in the site list. */
  listItem(id: string): Locator {
    return this.page.locator(`[data-site-id="${id}"]`);
  }

  /** The notices the app shows (statuses and alerts), newest last. */
  notices(): Locator {
    return this.page.locator('.notices');
  }

  /** The map's "loading" line (shown until the map has drawn, or replaced by its error); hidden from screen readers. */
  mapLoading(): Locator {
    return this.page.locator('.map-status').filter({ hasText: either('mapLoading') });
  }

  /** A notice by its id (`insecure-context`, …): its text is in its first span. */
  notice(id: string): Locator {
    return this.page.locator(`[data-notice="${id}"]`);
  }

  /** A dialog by its accessible name. */
  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** The basemap chosen in the layer control (one radio checked). */
  chosenBasemap(): Locator {
    return this.page.locator('input[name="basemap"]:checked');
  }

  /** An imported layer's legend in the layer control: one item a category. */
  legendItems(layer: string): Locator {
    return this.page.locator(`.layer-control [data-legend="${layer}"] li`);
  }

  /** What the browser offers the page: a secure context, the clipboard, service workers. */
  capabilities(): Promise<{ secure: boolean; clipboard: boolean; serviceWorker: boolean }> {
    return this.page.evaluate(() => ({
      secure: window.isSecureContext,
      clipboard: 'clipboard' in navigator,
      serviceWorker: 'serviceWorker' in navigator,
    }));
  }

  /** The notice of what storage could not keep (and why), with its export buttons. */
  storageNotice(): Locator {
    return this.page.locator('.storage-notice');
  }

  /** A status message saying `text` (a notice, or a section's own status line). */
  status(text: string): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** A layer's checkbox in the layer control, by the layer's name (its label goes on with the count). */
  layerToggle(name: string): Locator {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${literal(name)}`) });
  }

  /** A layer's opacity slider in the layer control, by the layer's name (the Chinese interface). */
  opacity(name: string): Locator {
    return this.page.getByRole('slider', { name: `${STRINGS.zh.opacity} · ${name}` });
  }

  /** The layer control's filter by a site's status (built, under construction, planned), in either language. */
  statusFilter(status: 'built' | 'building' | 'planned'): Locator {
    const key = `status_${status}` as const;
    return this.page.getByRole('group', { name: either('status') }).getByRole('checkbox', { name: either(key) });
  }

  /** The skip link to the site list (the first stop of the keyboard). */
  skipLink(): Locator {
    return this.page.getByRole('link', { name: either('skipToList') });
  }

  /** A basemap's choice in the layer control, by its name. */
  basemap(name: string): Locator {
    return this.page.getByRole('radio', { name });
  }

  /** The map's own attribution line on screen. */
  attribution(): Locator {
    return this.page.locator('.maplibregl-ctrl-attrib-inner');
  }

  /** The sheet the page prints (title, the map's picture, credits), shown only in print. */
  printSheet(): Locator {
    return this.page.locator('.print-sheet');
  }

  /** The map's picture on the print sheet. */
  printMap(): Locator {
    return this.page.locator('#print-map');
  }

  /** The whole app (hidden in print, where the print sheet shows). */
  app(): Locator {
    return this.page.locator('.app');
  }

  /** The offer to reload for a new version, in either language. */
  reloadButton(): Locator {
    return this.page.getByRole('button', { name: either('reload') });
  }

  /** The credits line of the print sheet (the same line the PNG carries). */
  printCredits(): Locator {
    return this.page.locator('.print-sheet p');
  }

  /** The layer control's open body (layers, filters, basemaps). */
  layerControl(): Locator {
    return this.page.locator('.layer-control-body');
  }

  /** The embedded map in the Share dialog's preview, once it is there. */
  async sharePreview(): Promise<Frame> {
    const frame = await (await this.page.locator('.share-preview iframe').elementHandle())?.contentFrame();
    if (!frame) throw new Error('the Share dialog shows no preview');
    return frame;
  }

  /** The side panel's button saving a site's picture (the poster), by the site's name in the interface's language. */
  savePicture(siteName: string): Locator {
    return this.page.getByRole('button', {
      name: eitherLabel(SHARE_STRINGS.zh.saveImageLabel(siteName), SHARE_STRINGS.en.saveImageLabel(siteName)),
    });
  }

  /** The page's description for link previews. */
  description(): Locator {
    return this.page.locator('meta[name="description"]');
  }

  /** The page's header (the app's title bar). */
  header(): Locator {
    return this.page.locator('.app-header');
  }

  /** The header's actions (buttons and the tour chooser), each. */
  headerActions(): Locator {
    return this.page.locator('.header-actions > button, .header-actions .tour-chooser');
  }

  /** The layer control, folded or open (the map's legend). */
  legend(): Locator {
    return this.page.locator('.layer-control');
  }

  /** The large-text button of the header (either language). */
  largeText(): Locator {
    return this.page.getByRole('button', { name: shareLabel('largeTextLabel') });
  }

  /** The embedded map's link to the full map (either language). */
  openFull(): Locator {
    return this.page.getByRole('link', { name: shareLabel('openFullLabel') });
  }

  /** The header's Share button (either language). */
  shareButton(): Locator {
    return this.page.getByRole('button', { name: shareLabel('share') });
  }

  /** The sites listed in the overview. */
  siteList(): Locator {
    return this.page.locator('#site-list li');
  }

  /** The overview's sections (only the first is prerendered in the HTML). */
  overviewSections(): Locator {
    return this.page.locator('.overview .panel-section');
  }

  /** The growth chart's heading in the overview. */
  growthChart(): Locator {
    return this.page.locator('#growth-heading');
  }

  /** The static map drawn without WebGL (scripts/lib/static-map.ts), until MapLibre has drawn, or for good without WebGL. */
  staticMap(): Locator {
    return this.page.locator('.static-map .static-map-svg');
  }

  /** The static map's frame when it carries the county map (`data-county`: kept until MapLibre has drawn the county map). */
  staticCountyMap(): Locator {
    return this.page.locator('.static-map [data-county]');
  }

  /** The static map's labels of a kind: `focus` the county's own name, `seat` the county town, `place` a town of the county map. */
  staticLabel(kind: 'focus' | 'seat' | 'host' | 'place'): Locator {
    return this.page.locator(`.static-map .static-label.${kind}`);
  }

  /** The prerendered first view (src/ui/firstView.ts), until the app replaces it. */
  firstView(): Locator {
    return this.page.locator('.shell');
  }

  /**
   * The first view once it is laid out as it paints: the document parsed, every stylesheet in and the font guard
   * lifted. Read earlier, it can be the page before its stylesheet came (the guard's rule is in it).
   */
  async laidOutFirstView(): Promise<Locator> {
    await this.page.waitForFunction(
      () =>
        document.readyState !== 'loading' &&
        [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every((l) => l.sheet !== null) &&
        !document.documentElement.classList.contains('fonts-pending'),
    );
    return this.firstView();
  }

  /** Whether the document element has a class (the font guard `fonts-pending`, `no-shell`, `embed`, `text-large`). */
  rootHasClass(name: string): Promise<boolean> {
    return this.page.evaluate((n) => document.documentElement.classList.contains(n), name);
  }

  /** A global a hostile input would have set had it run (`__xss`, `__pwned`): undefined when nothing ran. */
  injected(name: string): Promise<unknown> {
    return this.page.evaluate((n) => (window as unknown as Record<string, unknown>)[n], name);
  }

  /** What the page put on the clipboard. */
  clipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** The device pixel ratio of the page. */
  deviceRatio(): Promise<number> {
    return this.page.evaluate(() => window.devicePixelRatio);
  }

  /** Where each site button sits inside the side panel (its offsetTop), in list order. */
  siteOffsets(): Promise<number[]> {
    return this.page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.panel-scroll [data-site-id]')].map((b) => b.offsetTop));
  }

  /**
   * Scrolls the side panel from the top to the bottom, half a screen a frame, and resolves with the layout shift
   * the browser measured meanwhile (none expected from the panel's own content).
   */
  layoutShiftScrollingPanel(): Promise<number> {
    return this.page.evaluate(
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
  }

  /**
   * WCAG 2.5.3 Label in Name: every visible button, link and tab whose visible words are not in its accessible
   * name, as `"visible" is named "name"`. Icon-only controls (×, arrows) have no words to speak and are skipped.
   */
  async labelsNotInNames(): Promise<string[]> {
    const controls = this.page.locator('button:visible, a[href]:visible, [role="tab"]:visible, [role="button"]:visible');
    const norm = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();
    const out: string[] = [];
    for (const el of await controls.all()) {
      // biome-ignore lint/performance/useDomNodeTextContent: the text shown (innerText), not hidden text, is what speech input names
      const visible = ((await el.innerText()) ?? '').replace(/\s+/g, ' ').trim();
      if (!/[\p{L}\p{N}]{2,}/u.test(visible)) continue;
      const name = await el.evaluate((e) => {
        const label = e.getAttribute('aria-label');
        const by = e.getAttribute('aria-labelledby');
        if (label) return label;
        if (by)
          return by
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ');
        // biome-ignore lint/performance/useDomNodeTextContent: the name a control without a label gets is its rendered text
        return (e as HTMLElement).innerText;
      });
      if (!norm(name).includes(norm(visible))) out.push(`"${visible}" is named "${name}"`);
    }
    return out;
  }

  /** The drawings the app keeps in IndexedDB (one key each), in the order of their ids, as JSON; null when there are none. */
  storedDrawings(): Promise<string | null> {
    return this.page.evaluate(
      () =>
        new Promise<string | null>((resolve) => {
          const open = indexedDB.open('keyval-store');
          open.onsuccess = () => {
            const all = open.result
              .transaction('keyval')
              .objectStore('keyval')
              .getAll(IDBKeyRange.bound('suichang:drawing:v2:', 'suichang:drawing:v2:\uffff'));
            all.onsuccess = () => resolve(all.result.length === 0 ? null : JSON.stringify(all.result));
            all.onerror = () => resolve(null);
          };
          open.onerror = () => resolve(null);
        }),
    );
  }

  /** Whether the page's own font draws `text` (not a fallback's boxes). */
  fontCovers(text: string): Promise<boolean> {
    return this.page.evaluate((t) => document.fonts.check('16px "Noto Sans SC"', t), text);
  }
}

/**
 * The app as a test drives it, in maputnik's given/when/get shape: `app.given` sets up, `app.when` acts as
 * a user does, `app.get` reads the page; `app.map` asks the real map, `app.tour` presents, `app.tools` plans,
 * `app.editor` makes tours, `app.services` adds map services, `app.county` reads the county basemap.
 */
export class AppDriver {
  readonly map: MapDriver;
  readonly tour: TourDriver;
  readonly given: Given;
  readonly when: When;
  readonly get: Get;
  readonly tools: ToolsDriver;
  readonly editor: EditorDriver;
  /** The map services section of the tools (the Chinese interface; `new ServicesDriver(page, 'en')` for the English one). */
  readonly services: ServicesDriver;
  /** The county basemap and terrain, as the map draws them. */
  readonly county: CountyDriver;
  constructor(readonly page: Page) {
    this.map = new MapDriver(page);
    this.tour = new TourDriver(page);
    this.given = new Given(page);
    this.get = new Get(page);
    this.when = new When(page, this.map, this.get);
    this.tools = new ToolsDriver(page, (at) => this.when.clickMap(at));
    this.editor = new EditorDriver(page, () => this.tour.start());
    this.services = new ServicesDriver(page);
    this.county = new CountyDriver(page);
  }

  /** The same driver inside a frame (an article embedding the map): reads, clicks and the map's questions there. */
  framed(frame: Frame): FramedApp {
    const map = new MapDriver(frame);
    const get = new Get(frame);
    return { get, when: new When(frame, map, get), map, tour: new TourDriver(frame), tools: { get: new ToolsGet(frame) } };
  }
}

/** The app embedded in a frame of another page, as a test reads and drives it there. */
export interface FramedApp {
  readonly get: Get;
  readonly when: When;
  readonly map: MapDriver;
  readonly tour: TourDriver;
  readonly tools: { get: ToolsGet };
}

/**
 * Stops the page's clock (installed with page.clock.install() before the page opened): from here on,
 * time passes only when the test moves it (page.clock.fastForward), so timing tests need no sleeps.
 */
export async function pauseClock(page: Page): Promise<void> {
  const now = await page.evaluate(() => Date.now());
  // A margin: the page's time runs on while the test asks for it (moving to the past is refused).
  await page.clock.pauseAt(now + 1000);
}
