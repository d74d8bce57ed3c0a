import fc from 'fast-check';
import { SHELL_GUARD } from '../../scripts/lib/shell-guard';
import { STRINGS } from '../../src/i18n/strings';
import { site, stops } from './data';
import { expect, pauseClock, test } from './driver';

test.describe('hardening', () => {
  test('WebGL context lost and restored: the same layers, selection and view come back', async ({ app }) => {
    await app.given.open('?site=devzone-east&layers=devzone,chempark');
    await app.map.settled();
    const before = { layers: await app.map.layerIds(), camera: await app.map.camera() };
    expect((await app.map.featureState('sites', 'devzone-east')).selected).toBe(true);
    await app.map.loseAndRestoreContext();
    expect(await app.map.layerIds()).toEqual(before.layers);
    expect((await app.map.featureState('sites', 'devzone-east')).selected).toBe(true);
    const after = await app.map.camera();
    expect(after.zoom).toBeCloseTo(before.camera.zoom, 5);
    expect(after.center[0]).toBeCloseTo(before.camera.center[0], 6);
    expect(await app.map.renderedIds()).toContain('devzone-east');
    await expect(app.get.heading()).toHaveText(site('devzone-east').name_zh);
  });

  test('WebGL context lost and not restored: the map says so, the panels keep working', async ({ app }) => {
    await app.given.open();
    await app.map.loseContext();
    // Said after the few seconds a restore may take (MapLibre draws again when one comes).
    await expect(app.get.alert()).toContainText(STRINGS.zh.webglLost, { timeout: 15_000 });
    await app.when.selectSite('enclave-nanhu');
    await expect(app.get.heading()).toHaveText(site('enclave-nanhu').name_zh);
  });

  test('a failure in one feature area shows a message and the rest keeps working', async ({ app, page, guard }) => {
    await page.route('**/assets/PlannerPanel-*.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("tools failed to load");' }),
    );
    await app.given.open();
    await app.tools.get.button('toolsOpen').click();
    await expect(app.get.alert()).toContainText('tools failed to load');
    await app.when.selectSite('enclave-nanhu');
    await expect(app.get.heading()).toHaveText(site('enclave-nanhu').name_zh);
    await app.map.idle();
    expect((await app.map.renderedValues('county-fill', 'name_zh')).length).toBeGreaterThan(0);
    guard.consoleErrors.length = 0; // the failure under test is logged
  });

  test('hostile URL parameters: no crash, no injected HTML', async ({ app, page }) => {
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
      await expect(app.get.title()).toBeVisible();
      expect(errors).toEqual([]);
      expect(await app.get.injected('__pwned')).toBeUndefined();
      expect(await page.locator('img:not(#print-map)').count()).toBe(0);
      // The one inline script is the first view's guard, byte for byte (the CSP allows it by hash).
      const inline = await page.locator('script:not([src])').evaluateAll((els) => els.map((e) => e.textContent));
      expect(inline).toEqual([SHELL_GUARD]);
      page.removeAllListeners('pageerror');
    }
  });

  test('a long kiosk run does not pile up listeners, timers or layers', async ({ app, page }) => {
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
    // The page's clock is the test's: the kiosk's dwells pass when the test says, not by sleeping.
    await page.clock.install();
    // Not given.open: a kiosk never sits idle.
    await app.given.load('?tour=1&kiosk=1&dwell=10&idle=60');
    await page.waitForFunction(() => Boolean(window.__map));
    await expect(app.tour.title()).toHaveText(stops[0]!.title.zh);
    await pauseClock(page);
    // The first dwell (armed as the page opened, well under 10 s ago) is over: the second stop, with time stopped.
    await page.clock.fastForward(10_000);
    await expect(app.tour.title()).toHaveText(stops[1]!.title.zh);
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
    const count = stops.length;
    let at = 1;
    const loop = async (times: number) => {
      // Stop by stop: the dwell's timeout fires, and the next stop is on screen before the next jump.
      for (let i = 0; i < times * count; i++) {
        await page.clock.fastForward(10_000);
        at = (at + 1) % count;
        await expect(app.tour.title()).toHaveText(stops[at]!.title.zh);
      }
    };
    await loop(1);
    const afterOne = await snapshot();
    await loop(3);
    const afterFour = await snapshot();
    // The loop went round: back at the first stop after whole loops.
    expect(afterFour.title).toBe(afterOne.title);
    expect(afterFour.listeners).toBe(afterOne.listeners);
    expect(afterFour.timers).toBeLessThanOrEqual(afterOne.timers + 3);
    expect(afterFour.layers).toBe(afterOne.layers);
  });
});
