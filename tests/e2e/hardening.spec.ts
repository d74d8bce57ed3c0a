import fc from 'fast-check';
import { SHELL_GUARD } from '../../scripts/lib/shell-guard';
import { expect, openApp, test, waitForIdle } from './driver';

test.describe('hardening', () => {
  test('WebGL context lost and restored: the same layers, selection and view come back', async ({ page }) => {
    await openApp(page, '?site=devzone-east&layers=devzone,chempark');
    await page.waitForFunction(() => !window.__map!.isMoving());
    await waitForIdle(page);
    const before = await page.evaluate(() => ({
      layers: window.__map!.getStyle().layers.map((l) => l.id),
      selected: window.__map!.getFeatureState({ source: 'sites', id: 'devzone-east' }).selected,
      center: window.__map!.getCenter().toArray(),
      zoom: window.__map!.getZoom(),
    }));
    expect(before.selected).toBe(true);
    await page.evaluate(async () => {
      const gl = (window.__map!.getCanvas().getContext('webgl2') ?? window.__map!.getCanvas().getContext('webgl')) as WebGLRenderingContext;
      const ext = gl.getExtension('WEBGL_lose_context');
      if (!ext) throw new Error('no WEBGL_lose_context');
      const lost = new Promise((r) => window.__map!.getCanvas().addEventListener('webglcontextlost', r, { once: true }));
      ext.loseContext();
      await lost;
      await new Promise((r) => setTimeout(r, 300));
      const restored = new Promise((r) => window.__map!.getCanvas().addEventListener('webglcontextrestored', r, { once: true }));
      ext.restoreContext();
      await restored;
    });
    await page.evaluate(() => window.__map!.triggerRepaint());
    await waitForIdle(page);
    const after = await page.evaluate(() => ({
      layers: window.__map!.getStyle().layers.map((l) => l.id),
      selected: window.__map!.getFeatureState({ source: 'sites', id: 'devzone-east' }).selected,
      center: window.__map!.getCenter().toArray(),
      zoom: window.__map!.getZoom(),
      rendered: window.__map!.queryRenderedFeatures(undefined, { layers: ['site-fill'] }).map((f) => f.properties.id),
    }));
    expect(after.layers).toEqual(before.layers);
    expect(after.selected).toBe(true);
    expect(after.zoom).toBeCloseTo(before.zoom, 5);
    expect(after.center[0]).toBeCloseTo(before.center[0], 6);
    expect(after.rendered).toContain('devzone-east');
    await expect(page.locator('#panel-heading')).toHaveText('浙江遂昌经济开发区 · 城东区块');
  });

  test('a failure in one feature area shows a message and the rest keeps working', async ({ page, guard }) => {
    await page.route('**/assets/ToolsPanel-*.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("tools failed to load");' }),
    );
    await openApp(page);
    await page.getByRole('button', { name: '打开规划工具' }).click();
    await expect(page.getByRole('alert')).toContainText('tools failed to load');
    await page.locator('[data-site-id="enclave-nanhu"]').click();
    await expect(page.locator('#panel-heading')).toHaveText('南湖—遂昌 消薄飞地产业园');
    await waitForIdle(page);
    const counties = await page.evaluate(() => window.__map!.queryRenderedFeatures(undefined, { layers: ['county-fill'] }).length);
    expect(counties).toBeGreaterThan(0);
    guard.consoleErrors.length = 0; // the failure under test is logged
  });

  test('hostile URL parameters: no crash, no injected HTML', async ({ page }) => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '<img src=x onerror=window.__pwned=1>',
        '"><script>window.__pwned=1</script>',
        '__proto__',
        'constructor',
        '../../etc/passwd',
        '%00',
        '1e309',
        '-1',
        'NaN',
        '119,28,9,0,90',
        ',',
      ),
    );
    const params = fc.record({
      site: hostile,
      layers: hostile,
      lang: hostile,
      view: hostile,
      tour: hostile,
      kiosk: fc.constantFrom('', '1', 'x'),
      dwell: hostile,
    });
    const samples = fc.sample(params, { numRuns: 12, seed: 20261129 });
    for (const p of samples) {
      const q = new URLSearchParams({ ...p, testing: '1' });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`/?${q.toString()}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(errors).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('img:not(#print-map)').count()).toBe(0);
      // The one inline script is the first view's guard, byte for byte (the CSP allows it by hash).
      const inline = await page.locator('script:not([src])').evaluateAll((els) => els.map((e) => e.textContent));
      expect(inline).toEqual([SHELL_GUARD]);
      page.removeAllListeners('pageerror');
    }
  });

  test('a long kiosk run does not pile up listeners, timers or layers', async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __counts: { listeners: number; timers: Set<number> } };
      w.__counts = { listeners: 0, timers: new Set() };
      const add = EventTarget.prototype.addEventListener;
      const remove = EventTarget.prototype.removeEventListener;
      EventTarget.prototype.addEventListener = function (...args: Parameters<typeof add>) {
        if (this === window || this === document) w.__counts.listeners++;
        return add.apply(this, args);
      };
      EventTarget.prototype.removeEventListener = function (...args: Parameters<typeof remove>) {
        if (this === window || this === document) w.__counts.listeners--;
        return remove.apply(this, args);
      };
      const st = window.setTimeout;
      const ct = window.clearTimeout;
      window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
        const id = st(
          (...a: unknown[]) => {
            w.__counts.timers.delete(id);
            if (typeof fn === 'function') fn(...a);
          },
          ms,
          ...rest,
        );
        w.__counts.timers.add(id);
        return id;
      }) as typeof window.setTimeout;
      window.clearTimeout = ((id?: number) => {
        if (id !== undefined) w.__counts.timers.delete(id);
        ct(id);
      }) as typeof window.clearTimeout;
    });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // Not openApp: a kiosk never sits idle.
    await page.goto('/?testing=1&tour=1&kiosk=1&dwell=0.5&idle=60');
    await page.waitForFunction(() => Boolean(window.__map));
    const snapshot = () =>
      page.evaluate(() => {
        const w = window as unknown as { __counts: { listeners: number; timers: Set<number> } };
        return {
          listeners: w.__counts.listeners,
          timers: w.__counts.timers.size,
          layers: window.__map!.getStyle().layers.length,
          title: document.querySelector('#tour-title')?.textContent,
        };
      });
    const stops = 11;
    await page.waitForTimeout(stops * 500 + 300);
    const afterOne = await snapshot();
    await page.waitForTimeout(3 * stops * 500);
    const afterFour = await snapshot();
    expect(afterFour.listeners).toBe(afterOne.listeners);
    expect(afterFour.timers).toBeLessThanOrEqual(afterOne.timers + 3);
    expect(afterFour.layers).toBe(afterOne.layers);
  });
});
