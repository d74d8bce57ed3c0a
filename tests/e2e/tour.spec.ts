import { readFileSync } from 'node:fs';
import { expect, openApp, project, shot, test, waitForIdle } from './driver';

const stops = JSON.parse(readFileSync(new URL('../../geodata/tour.json', import.meta.url), 'utf8')) as {
  id: string;
  title: { zh: string; en: string };
  camera: { center: [number, number]; zoom: number };
}[];

const title = (page: import('@playwright/test').Page) => page.locator('#tour-title');
const center = (page: import('@playwright/test').Page) => page.evaluate(() => window.__map!.getCenter().toArray());

test.describe('presenter mode', () => {
  test('walks every stop with PageDown: caption, URL and camera follow', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' }); // cuts instead of flights keep the walk quick
    await openApp(page);
    await page.getByRole('button', { name: '开始演示导览（可用翻页笔）' }).click();
    await expect(title(page)).toHaveText(stops[0]!.title.zh);
    expect(stops.length).toBeGreaterThanOrEqual(10);
    let last = await center(page);
    for (let i = 0; i < stops.length; i++) {
      if (i > 0) await page.keyboard.press('PageDown');
      await expect(title(page)).toHaveText(stops[i]!.title.zh);
      await expect(page).toHaveURL(new RegExp(`tour=${i + 1}(&|$)`));
      await waitForIdle(page);
      const now = await center(page);
      if (i > 0 && stops[i]!.id !== 'ecology') expect(now).not.toEqual(last);
      last = now;
      if (stops[i]!.id === 'enclaves') {
        const b = await page.evaluate(() => window.__map!.getBounds().toArray());
        expect(b[0][0]).toBeLessThan(119.3); // Suichang's end
        expect(b[1][1]).toBeGreaterThan(30.7); // and Jiaxing's
      }
      if (stops[i]!.id === 'community') {
        const circles = await page.evaluate(() => window.__map!.queryRenderedFeatures(undefined, { layers: ['walk-circle-fill'] }).length);
        expect(circles).toBeGreaterThan(0);
      }
    }
    // Past the end nothing moves; PageUp and Shift+Space go back.
    await page.keyboard.press('PageDown');
    await expect(title(page)).toHaveText(stops.at(-1)!.title.zh);
    await page.keyboard.press('PageUp');
    await expect(title(page)).toHaveText(stops.at(-2)!.title.zh);
    await page.keyboard.press('Shift+Space');
    await expect(title(page)).toHaveText(stops.at(-3)!.title.zh);
    await page.keyboard.press('Home');
    await expect(title(page)).toHaveText(stops[0]!.title.zh);
    await page.keyboard.press('End');
    await expect(title(page)).toHaveText(stops.at(-1)!.title.zh);
  });

  test('flies between stops when motion is allowed', async ({ page }) => {
    await openApp(page, '?tour=1');
    await waitForIdle(page);
    await page.keyboard.press('ArrowRight');
    await expect(title(page)).toHaveText(stops[1]!.title.zh);
    await expect.poll(() => page.evaluate(() => window.__map!.isMoving())).toBe(true);
    await page.waitForFunction(() => !window.__map!.isMoving(), null, { timeout: 10_000 });
    const zoom = await page.evaluate(() => window.__map!.getZoom());
    expect(zoom).toBeCloseTo(stops[1]!.camera.zoom, 0);
  });

  test('a number key jumps; Escape leaves and restores what was on screen', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openApp(page);
    await page.locator('[data-site-id="kan-special-materials"]').click();
    await page.getByRole('checkbox', { name: /^化工园区/ }).uncheck();
    await waitForIdle(page);
    const before = await page.evaluate(() => ({ c: window.__map!.getCenter().toArray(), z: window.__map!.getZoom() }));
    await page.getByRole('button', { name: '开始演示导览（可用翻页笔）' }).click();
    await expect(title(page)).toHaveText(stops[0]!.title.zh);
    await page.keyboard.press('6');
    await expect(title(page)).toHaveText(stops[5]!.title.zh);
    await expect(page).toHaveURL(/tour=6/);
    // Past ten: two digits in a row (1, 1 → stop 11).
    if (stops.length >= 11) {
      await page.keyboard.press('1');
      await page.keyboard.press('1');
      await expect(title(page)).toHaveText(stops[10]!.title.zh);
      await expect(page).toHaveURL(/tour=11/);
    }
    await page.keyboard.press('Escape');
    await expect(page.locator('.tour')).toHaveCount(0);
    await expect(page.locator('#panel-heading')).toHaveText('凯恩特种材料');
    await expect(page.getByRole('checkbox', { name: /^化工园区/ })).not.toBeChecked();
    await expect(page).not.toHaveURL(/tour=/);
    await waitForIdle(page);
    const after = await page.evaluate(() => ({ c: window.__map!.getCenter().toArray(), z: window.__map!.getZoom() }));
    expect(after.z).toBeCloseTo(before.z, 1);
    expect(after.c[0]).toBeCloseTo(before.c[0], 3);
  });

  test('the map stays interactive: a site can be opened mid-tour, then the tour carries on', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openApp(page, '?tour=2');
    await expect(title(page)).toHaveText(stops[1]!.title.zh);
    await waitForIdle(page);
    const at = await project(page, [119.3535, 28.6213]); // the chemical park, shown at this stop
    await page.mouse.click(at.x, at.y);
    await expect(page.locator('#panel-heading')).toHaveText('省级化工园区');
    await page.keyboard.press('PageDown');
    await expect(title(page)).toHaveText(stops[2]!.title.zh);
  });

  test('an out-of-range stop opens the first with a notice; English works', async ({ page }) => {
    await openApp(page, '?tour=99&lang=en');
    await expect(title(page)).toHaveText(stops[0]!.title.en);
    await expect(page.getByRole('status')).toContainText('"tour"');
    await expect(page.getByRole('navigation', { name: 'Guided tour' }).getByRole('button', { name: 'Next stop' })).toBeVisible();
  });

  test('the speaker view and the map window stay in step', async ({ page, context }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openApp(page, '?tour=1');
    const speaker = await context.newPage();
    await speaker.goto('/?speaker=1&tour=1');
    await expect(speaker.getByRole('heading', { level: 1 })).toHaveText(stops[0]!.title.zh);
    await expect(speaker.locator('.speaker-notes')).not.toBeEmpty();
    await expect(speaker.locator('.speaker-next-title')).toHaveText(stops[1]!.title.zh);
    await expect(speaker.locator('.speaker-clock time')).toHaveText(/^00:0\d$/);

    await speaker.keyboard.press('PageDown');
    await expect(title(page)).toHaveText(stops[1]!.title.zh);
    await page.bringToFront();
    await page.keyboard.press('PageDown');
    await expect(speaker.getByRole('heading', { level: 1 })).toHaveText(stops[2]!.title.zh);
    await speaker.getByRole('button', { name: /下一站/ }).click();
    await expect(title(page)).toHaveText(stops[3]!.title.zh);
    await shot(speaker, 'speaker-view');
  });

  test('kiosk mode advances by itself, pauses on input and resumes after quiet', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // Not openApp: the loop starts at once, whether or not the map is ready.
    await page.goto('/?testing=1&tour=1&kiosk=1&dwell=3&idle=3');
    await expect(title(page)).toHaveText(stops[0]!.title.zh);
    await expect(title(page)).toHaveText(stops[1]!.title.zh, { timeout: 6000 });
    await expect(title(page)).toHaveText(stops[2]!.title.zh, { timeout: 6000 });
    await page.mouse.click(300, 300);
    await expect(page.locator('.kiosk-state')).toContainText('已暂停');
    const paused = await title(page).textContent();
    await page.waitForTimeout(2000);
    await expect(title(page)).toHaveText(paused ?? '');
    await expect(page.locator('.kiosk-state')).toContainText('自动轮播中', { timeout: 5000 });
    await expect(title(page)).not.toHaveText(paused ?? '', { timeout: 5000 });
  });

  for (const [name, viewport] of [
    ['1920x1080', { width: 1920, height: 1080 }],
    ['390x844', { width: 390, height: 844 }],
  ] as const) {
    test(`screenshots of the tour at ${name}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await openApp(page, '?tour=6');
      await waitForIdle(page);
      await page.evaluate(() => document.fonts.ready);
      await shot(page, `tour-enclaves-${name}`);
      await page.keyboard.press('9');
      await waitForIdle(page);
      await shot(page, `tour-community-${name}`);
      const fold = page.getByRole('button', { name: '收起说明' });
      if (viewport.width >= 700) {
        // Wide screens always show the caption and figures.
        await expect(fold).toBeHidden();
        return;
      }
      // On a phone the caption and figures fold away, the title and controls stay, and the choice holds for the next stop.
      await fold.click();
      await expect(page.locator('.tour-caption')).toBeHidden();
      await expect(page.locator('#tour-title')).toBeVisible();
      await page.keyboard.press('PageDown');
      await expect(page.locator('.tour-caption')).toBeHidden();
      await waitForIdle(page);
      await shot(page, `tour-folded-${name}`);
      await page.getByRole('button', { name: '展开说明' }).click();
      await expect(page.locator('.tour-caption')).toBeVisible();
    });
  }
});
