/**
 * The map-services part of the driver: add a service through the planner panel as a planner does, and
 * ask the real map where a service drew (the canvas's pixels against the same shapes imported as GeoJSON).
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { TOOL_STRINGS } from '../../src/i18n/toolStrings';
import { SERVICE_STRINGS } from '../../src/services/serviceStrings';

/** The test map server, reached through the preview's same-origin proxy (as deploy/nginx.conf does). */
export const OGC = '/ogc';
export const OGC_DIRECT = `http://127.0.0.1:${process.env.OGC_PORT ?? 4180}`;
export const PARCELS = readFileSync(new URL('../fixtures/services/parcels.geojson', import.meta.url));
export const PARCELS_CENTRE: [number, number] = [119.292, 28.594];
export const GOOD_TOKEN = 'test-token-ok';

export class ServicesDriver {
  private readonly t;
  /** `lang`: the interface's language, whose labels the driver finds the controls by. */
  constructor(
    private readonly page: Page,
    readonly lang: 'zh' | 'en' = 'zh',
  ) {
    this.t = SERVICE_STRINGS[lang];
  }

  section() {
    return this.page.locator('section.services');
  }

  /** Reads a service's address in the add-service form, as the kind given. */
  async read(kind: keyof (typeof SERVICE_STRINGS)['zh']['kinds'], url: string, role: 'overlay' | 'basemap' = 'overlay'): Promise<void> {
    const s = this.section();
    await s.getByLabel(this.t.kind).selectOption(kind);
    if (kind !== 'features') await s.getByRole('radio', { name: this.t[role], exact: true }).check();
    await s.getByLabel(this.t.url).fill(url);
    await s.getByRole('button', { name: this.t.read }).click();
  }

  /** Chooses a value of one of the document's lists (layer, tile matrix set…). */
  async choose(label: string, value: string): Promise<void> {
    await this.section().locator('.service-choices').getByLabel(label).selectOption(value);
  }

  async add(): Promise<void> {
    await this.section().locator('.service-choices').getByRole('button', { name: this.t.add }).click();
  }

  /** The row of an added service. */
  row(name: string) {
    return this.section().locator(`li[data-service="${name}"]`);
  }

  /** Unfolds an added service's row to its details (where it is read from, its datum, its credit). */
  async details(name: string): Promise<void> {
    await this.row(name).locator('summary').click();
  }

  async remove(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name: this.t.remove }).click();
    await expect(this.row(name)).toHaveCount(0);
  }

  /** Fills the Tianditu preset and adds it. */
  async tianditu(o: {
    kind: 'vec' | 'img' | 'ter';
    grid: 'w' | 'c';
    labels: boolean;
    token: string;
    server: string;
    role?: 'overlay' | 'basemap';
  }) {
    const s = this.section();
    await s.getByLabel(this.t.kind).selectOption('tianditu');
    await s.getByRole('radio', { name: this.t[o.role ?? 'basemap'], exact: true }).check();
    await s.getByLabel(this.t.tiandituKind).selectOption(o.kind);
    await s.getByLabel(this.t.grid).selectOption(o.grid);
    const labels = s.getByLabel(this.t.labels);
    if ((await labels.isChecked()) !== o.labels) await labels.click();
    await s.getByLabel(this.t.token).fill(o.token);
    await s.getByLabel(this.t.tiandituServer).fill(o.server);
    await s.locator('.service-choices').getByRole('button', { name: this.t.add }).click();
  }

  /** Imports the parcels as GeoJSON (the shapes the services draw), and returns the import's source id. */
  async importParcels(): Promise<string> {
    await this.page
      .locator('.tools-panel input[type=file]')
      .first()
      .setInputFiles({ name: 'parcels.geojson', mimeType: 'application/geo+json', buffer: PARCELS });
    await expect(this.page.getByRole('status').filter({ hasText: TOOL_STRINGS[this.lang].imported('parcels', 3, 'saved') })).toBeVisible();
    return this.page.evaluate(() => {
      const fill = (window.__map?.getStyle().layers ?? []).find((l) => l.id.startsWith('import-') && l.id.endsWith('-fill'));
      return (fill as { source?: string } | undefined)?.source ?? '';
    });
  }

  /** Waits until the map has drawn every tile it asked for. */
  async drawn(): Promise<void> {
    await this.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const map = window.__map!;
          const done = () => (map.areTilesLoaded() && !map.isMoving() ? resolve() : map.once('idle', done));
          map.triggerRepaint();
          map.once('idle', done);
        }),
    );
  }

  /**
   * Where the service's colour (MapServer's 230,0,126) is on the canvas against where the imported parcels
   * are (their source data, in the map's datum, projected): pixels more than `margin` px from an edge that
   * disagree (`painted`: of those, painted where no parcel is), and how many were compared. Only the service layers are shown while the canvas is read.
   */
  async mismatch(importSource: string, margin = 2): Promise<{ compared: number; wrong: number; inside: number; painted: number }> {
    return this.page.evaluate(
      async ({ src, margin }) => {
        const map = window.__map!;
        const hidden: string[] = [];
        for (const l of map.getStyle().layers) {
          if (l.type === 'background' || l.id.startsWith('service-') || l.id === 'online-basemap') continue;
          if (map.getLayoutProperty(l.id, 'visibility') === 'none') continue;
          map.setLayoutProperty(l.id, 'visibility', 'none');
          hidden.push(l.id);
        }
        await new Promise<void>((r) => {
          map.once('idle', () => r());
          map.triggerRepaint();
        });
        const canvas = map.getCanvas();
        const c2 = document.createElement('canvas');
        c2.width = canvas.width;
        c2.height = canvas.height;
        const ctx = c2.getContext('2d')!;
        ctx.drawImage(canvas, 0, 0);
        const img = ctx.getImageData(0, 0, c2.width, c2.height).data;
        for (const id of hidden) map.setLayoutProperty(id, 'visibility', 'visible');
        const data = (await (
          map.getSource(src) as unknown as { getData: () => Promise<GeoJSON.FeatureCollection> }
        ).getData()) as GeoJSON.FeatureCollection;
        const ratio = canvas.width / canvas.clientWidth;
        const rings = data.features.map((f) =>
          (f.geometry as GeoJSON.Polygon).coordinates[0]!.map((p) => map.project(p as [number, number])),
        );
        const inside = (x: number, y: number) =>
          rings.some((r) => {
            let hit = false;
            for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
              const a = r[i]!;
              const b = r[j]!;
              if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) hit = !hit;
            }
            return hit;
          });
        const near = (x: number, y: number) =>
          rings.some((r) =>
            r.some((a, i) => {
              const b = r[(i + 1) % r.length]!;
              const dx = b.x - a.x;
              const dy = b.y - a.y;
              const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy || 1)));
              return Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy)) < margin;
            }),
          );
        const xs = rings.flat().map((p) => p.x);
        const ys = rings.flat().map((p) => p.y);
        let compared = 0;
        let wrong = 0;
        let inCount = 0;
        let fp = 0;
        for (let y = Math.min(...ys) - 20; y < Math.max(...ys) + 20; y += 2)
          for (let x = Math.min(...xs) - 20; x < Math.max(...xs) + 20; x += 2) {
            if (x < 0 || y < 0 || x >= canvas.clientWidth || y >= canvas.clientHeight || near(x, y)) continue;
            const k = (Math.round(y * ratio) * c2.width + Math.round(x * ratio)) * 4;
            const [r, g, b] = [img[k]!, img[k + 1]!, img[k + 2]!];
            const painted = r > 150 && g < 110 && b > 80 && r - g > 90;
            const want = inside(x, y);
            compared++;
            if (want) inCount++;
            if (painted !== want) {
              wrong++;
              if (painted) fp++;
            }
          }
        return { compared, wrong, inside: inCount, painted: fp };
      },
      { src: importSource, margin },
    );
  }

  /**
   * How long the page's main thread was busy (long tasks, ms) over `ms` while nothing happens: near 0 for an
   * idle page; a render loop (a new object each render) keeps it busy throughout.
   */
  busyWhileIdle(ms = 2000): Promise<number> {
    return this.page.evaluate(
      (span) =>
        new Promise<number>((resolve) => {
          let busy = 0;
          const o = new PerformanceObserver((list) => {
            for (const e of list.getEntries()) busy += e.duration;
          });
          o.observe({ type: 'longtask' });
          setTimeout(() => {
            o.disconnect();
            resolve(busy);
          }, span);
        }),
      ms,
    );
  }

  /** Every key the app keeps in IndexedDB and localStorage, as one text (to look for a token in). */
  storedText(): Promise<string> {
    return this.page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('keyval-store');
          open.onsuccess = () => {
            const req = open.result.transaction('keyval').objectStore('keyval').getAll();
            req.onsuccess = () => resolve(JSON.stringify(req.result));
            req.onerror = () => resolve('');
          };
          open.onerror = () => resolve('');
        }),
    );
  }
}
