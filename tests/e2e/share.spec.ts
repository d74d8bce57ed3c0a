/**
 * The Share dialog: its link and QR code (decoded back with jsQR to the link), the embed code with its
 * options and a live preview; the tour's corner code for a meeting room.
 */

import type { Locator } from '@playwright/test';
import jsQR from 'jsqr';
import { SHARE_STRINGS } from '../../src/embed/shareStrings';
import { site, stops } from './data';
import { expect, shot, test } from './driver';

const s = SHARE_STRINGS.zh;

/** What a phone's camera would read from a QR code on screen: the code drawn by the browser, decoded. */
async function decodeQr(code: Locator): Promise<{ text: string | null; width: number }> {
  const { w, h, data, width } = await code.evaluate(async (svg: SVGSVGElement) => {
    const box = svg.getBoundingClientRect();
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(box.width);
    canvas.height = Math.round(box.height);
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return { w: canvas.width, h: canvas.height, data: [...ctx.getImageData(0, 0, canvas.width, canvas.height).data], width: box.width };
  });
  return { text: jsQR(Uint8ClampedArray.from(data), w, h)?.data ?? null, width };
}

test('the Share dialog gives the link, a QR code of it, and the code to embed the map', async ({ app, page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.given.open();
  await app.when.selectSite('devzone-east');
  await app.map.idle();
  await app.when.openShare();
  const dialog = app.get.shareDialog();
  const link = await dialog.getByRole('textbox', { name: s.link }).inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?site=devzone-east&view=/);
  const qr = await decodeQr(dialog.getByRole('img', { name: s.scanToOpen }));
  expect(qr.text).toBe(link);

  // The embed code: the site and view by default, then the options change it.
  const code = dialog.getByRole('textbox', { name: s.code });
  await expect(code).toHaveValue(
    /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?site=devzone-east&amp;view=[^"]+&amp;embed=1" title="遂昌发展地图" width="800" height="500"/,
  );
  await dialog.getByRole('checkbox', { name: s.withView }).uncheck();
  await dialog.getByRole('checkbox', { name: s.autoplay }).check();
  await dialog.getByRole('combobox', { name: s.language }).selectOption('en');
  await expect(code).toHaveValue(/src="[^"]+\/\?site=devzone-east&amp;lang=en&amp;tour=1&amp;kiosk=1&amp;embed=1"/);
  await dialog.getByRole('checkbox', { name: s.autoplay }).uncheck();
  await dialog.getByRole('radio', { name: s.responsive }).check();
  await expect(code).toHaveValue(/style="border:0;width:100%;height:500px"/);
  await dialog.getByRole('radio', { name: s.fixed }).check();
  await dialog.getByRole('spinbutton', { name: s.width }).fill('420');
  await dialog.getByRole('spinbutton', { name: s.height }).fill('480');
  await expect(code).toHaveValue(/width="420" height="480"/);
  await shot(page, 'share-dialog-1920');

  // The preview is the embedded map itself, with the chosen site, in English.
  await dialog.getByRole('button', { name: s.preview }).click();
  const preview = app.framed(await app.get.sharePreview());
  await expect(preview.get.heading()).toHaveText(site('devzone-east').name_en, { timeout: 30_000 });
  await expect(preview.get.openFull()).toHaveAccessibleName(SHARE_STRINGS.en.openFullLabel);
  await dialog.getByRole('button', { name: s.close, exact: true }).click();
  await expect(dialog).toHaveCount(0);
});

test('the dialog at phone size, in English', async ({ app, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await app.given.open('?lang=en');
  await app.when.openShare();
  const dialog = app.get.shareDialog();
  await expect(dialog).toHaveAccessibleName(SHARE_STRINGS.en.shareTitle);
  const box = await dialog.boundingBox();
  expect(box?.x).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  const qr = await decodeQr(dialog.getByRole('img', { name: SHARE_STRINGS.en.scanToOpen }));
  expect(qr.text).toBe(await dialog.getByRole('textbox', { name: SHARE_STRINGS.en.link }).inputValue());
  await shot(page, 'share-dialog-phone-en');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('the tour shows a QR code of the stop on screen, big enough for the back of the room', async ({ app, page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.given.open();
  await app.tour.start();
  await app.tour.next();
  await expect(app.tour.title()).toHaveText(stops[1]?.title.zh ?? '');
  await app.tour.toggleQr(true);
  const code = app.tour.qr().getByRole('img', { name: s.scanToOpen });
  await expect(code).toBeVisible();
  await expect(app.tour.qr().locator('figcaption')).toHaveText(s.scanToOpen);
  const qr = await decodeQr(code);
  expect(qr.width).toBeGreaterThanOrEqual(280);
  const url = new URL(qr.text ?? 'about:blank');
  expect(url.searchParams.get('tour')).toBe('2');
  await app.map.idle();
  await shot(page, 'tour-qr-1920');
  // It follows the presenter.
  await app.tour.next();
  await expect.poll(async () => new URL((await decodeQr(code)).text ?? 'about:blank').searchParams.get('tour')).toBe('3');
  await app.tour.toggleQr(false);
  await expect(code).toHaveCount(0);
});

/** The PNG's size and the QR code in its lower right corner, decoded, read in the page from the file. */
async function readPoster(
  page: import('@playwright/test').Page,
  png: Buffer,
): Promise<{ width: number; height: number; qr: string | null }> {
  const r = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    // The code's corner: the right third, the last 420 px.
    const x = Math.floor(c.width * 0.6);
    const y = Math.max(0, c.height - 420);
    return {
      width: c.width,
      height: c.height,
      w: c.width - x,
      h: c.height - y,
      data: [...ctx.getImageData(x, y, c.width - x, c.height - y).data],
    };
  }, png.toString('base64'));
  return { width: r.width, height: r.height, qr: jsQR(Uint8ClampedArray.from(r.data), r.w, r.h)?.data ?? null };
}

for (const lang of ['zh', 'en'] as const) {
  test(`a site saved as a picture to forward (${lang}): map, name, figures with sources, credits and the live view's code`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await app.given.open(lang === 'en' ? '?lang=en' : '');
    await app.when.selectSite('devzone-east');
    await app.map.idle();
    const [download] = await Promise.all([page.waitForEvent('download'), app.get.savePicture(site('devzone-east').name[lang]).click()]);
    expect(download.suggestedFilename()).toBe('suichang-devzone-east.png');
    const path = `tests/e2e/screenshots/poster-devzone-east-${lang}.png`;
    await download.saveAs(path);
    const poster = await readPoster(page, (await import('node:fs')).readFileSync(path));
    expect(poster.width).toBe(1080);
    expect(poster.height).toBeGreaterThan(1600);
    const qr = new URL(poster.qr ?? 'about:blank');
    expect(qr.searchParams.get('site')).toBe('devzone-east');
    if (lang === 'en') expect(qr.searchParams.get('lang')).toBe('en');
  });
}

test('a shared link previews with a title, a description and a picture; the title follows the view', async ({ app, page, request }) => {
  const html = await (await request.get('/')).text();
  expect(html).toContain('<meta property="og:title" content="遂昌发展地图 · Suichang Development Map"');
  expect(html).toContain('<meta property="og:description"');
  // Without the deployment's public address nothing claims an absolute URL (VITE_PUBLIC_URL adds og:url and og:image).
  expect(html).not.toContain('og:url');

  await page.setViewportSize({ width: 1200, height: 630 });
  await app.given.open();
  // The picture a link preview shows: the county and its sites, the key figures beside them.
  await app.when.foldLayerControl();
  await app.when.fontsLoaded();
  await shot(page, 'share-card-1200x630');
  await app.when.selectSite('enclave-nanhu');
  await expect(page).toHaveTitle(`${site('enclave-nanhu').name.zh} · 遂昌发展地图`);
  await expect(app.get.description()).toHaveAttribute('content', /^.{10,120}$/);
  await app.when.switchLanguage();
  await expect(page).toHaveTitle(`${site('enclave-nanhu').name.en} · Suichang Development Map`);
  await page.keyboard.press('Escape');
  await expect(page).toHaveTitle('Suichang Development Map');
});
