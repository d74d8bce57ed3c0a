/**
 * A presenter makes a tour on the live map: three stops from scratch, kept over a reload, played with
 * the clicker keys and the speaker view, exported, checked by the data check as geodata/tour.json,
 * imported in a fresh browser, and sent as a link.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { STRINGS } from '../../src/i18n/strings';
import { EDITOR_STRINGS } from '../../src/tour/editor/editorStrings';
import { stops as builtIn, site, sites } from './data';
import { AppDriver, expect, shot, test } from './driver';

const ROOT = join(import.meta.dirname, '../..');
const KAN = site('kan-special-materials');
const NANHU = site('enclave-nanhu');
const at = (id: string) => sites.find((s) => s.properties.id === id)!.geometry.coordinates as [number, number];

/** The editor, opened as a presenter does: from the running tour's controls. */
async function openEditor(app: AppDriver, page: Page) {
  await app.tour.start();
  await page.getByRole('button', { name: '编辑导览' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '编辑导览' })).toBeVisible();
}

const editor = (page: Page) => page.locator('.tour-editor');
const stopTitles = (page: Page) => editor(page).locator('.editor-stop-list .editor-stop');
const field = (page: Page, legend: string, lang: '中文' | 'English') =>
  editor(page)
    .locator('fieldset', { has: page.locator('legend', { hasText: new RegExp(`^${legend}`) }) })
    .getByLabel(lang, { exact: true });

async function saved(page: Page) {
  await expect(editor(page).getByRole('status')).toHaveText('已保存');
}

test.describe('presenters make their own tours', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('builds a three-stop tour on the live map, keeps it, plays it, exports it, imports it elsewhere, sends it as a link', async ({
    app,
    page,
    browser,
  }) => {
    // A whole presenter's session in one test: about 50 s here, more on a loaded machine.
    test.slow();
    await app.given.open();
    await openEditor(app, page);
    await expect(editor(page)).toContainText('内置导览只读');
    // From scratch: a new tour starts with the county.
    await editor(page).getByRole('button', { name: '新建导览' }).click();
    await editor(page).getByLabel('导览名称').fill('嘉兴考察');
    await field(page, '标题', '中文').fill('遂昌全貌');
    await field(page, '标题', 'English').fill('Suichang at a glance');

    // Stop 2: the camera from the view, two layers, a site highlighted by clicking it, a figure from the list.
    await app.map.jumpTo([119.29, 28.598], 13.5);
    await app.map.idle();
    await editor(page).getByRole('button', { name: '添加一站（当前视图）' }).click();
    await expect(stopTitles(page)).toHaveCount(2);
    await expect(editor(page).getByTestId('editor-camera')).toContainText('119.2900, 28.5980 · 缩放 13.5');
    const layersBox = editor(page).locator('fieldset', { has: page.locator('legend', { hasText: '显示的图层' }) });
    for (const name of ['化工园区', '飞地', '高铁经济功能区', '社区中心', '数字经济']) await layersBox.getByLabel(name).uncheck();
    await layersBox.getByLabel('化工园区').check();
    await app.map.idle();
    await app.when.clickSite(KAN.id, at(KAN.id));
    await expect(editor(page).getByLabel(KAN.name_zh)).toBeChecked();
    await field(page, '标题', '中文').fill('开发区');
    await field(page, '标题', 'English').fill('The development zone');
    await field(page, '说明', '中文').fill('开发区东区与西区。');
    await field(page, '说明', 'English').fill('The zone’s two blocks.');
    await editor(page).getByLabel('搜索数字（名称或单位）').fill('工业用地');
    await editor(page)
      .getByRole('button', { name: /^加入：新增工业用地/ })
      .click();
    await expect(editor(page).locator('.editor-chosen-figures [data-figure]')).toHaveCount(2);
    // The figure keeps its source sentence.
    await editor(page).locator('[data-figure="industrial-land"] .source-toggle').click();
    await expect(editor(page).locator('[data-figure="industrial-land"] blockquote')).toContainText('1631');

    // Stop 3: far away, in English only (the Chinese interface shows it marked).
    await app.map.jumpTo(at(NANHU.id), 11);
    await app.map.idle();
    await editor(page).getByRole('button', { name: '添加一站（当前视图）' }).click();
    await field(page, '标题', 'English').fill('The Nanhu enclave');
    await field(page, '说明', 'English').fill('A park in Jiaxing for weak village collectives.');
    await layersBox.getByLabel('飞地').check();
    await app.map.idle();
    await app.when.clickSite(NANHU.id, at(NANHU.id));
    await expect(editor(page).getByLabel(NANHU.name_zh)).toBeChecked();
    await saved(page);
    await editor(page).locator('.editor-head').scrollIntoViewIfNeeded();
    await shot(page, 'tour-editor-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'tour-editor-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });

    // Undo covers the editor's changes: the highlight goes, and the layer, one step each.
    await editor(page).getByRole('button', { name: '撤销' }).click();
    await expect(editor(page).getByLabel(NANHU.name_zh)).not.toBeChecked();
    await editor(page).getByRole('button', { name: '撤销' }).click();
    await expect(layersBox.getByLabel('飞地')).not.toBeChecked();
    await layersBox.getByLabel('飞地').check();
    await saved(page);

    // Kept over a reload, listed with its stops.
    await page.reload();
    await app.map.idle();
    await openEditor(app, page);
    const mine = editor(page).locator('.editor-tour', { hasText: '嘉兴考察' });
    await expect(mine).toContainText('3 站');
    await mine.click();
    await expect(stopTitles(page)).toHaveText(['1 遂昌全貌', '2 开发区', '3 The Nanhu enclave']);

    // Played with the clicker keys, from stop 1, with the speaker view in step.
    await stopTitles(page).first().click();
    await editor(page).getByRole('button', { name: '从本站播放' }).click();
    await expect(app.tour.title()).toHaveText('遂昌全貌');
    await app.tour.next();
    await expect(app.tour.title()).toHaveText('开发区');
    await expect(page.locator('.tour-figures [data-figure="industrial-land"]')).toBeVisible();
    // A stop's highlighted sites are marked like a selection.
    await expect.poll(() => app.map.featureState('sites', KAN.id)).toMatchObject({ selected: true });
    const speaker = await page.context().newPage();
    await speaker.goto('/?speaker=1&tour=2');
    await expect(speaker.getByRole('heading', { level: 1 })).toHaveText('开发区');
    await expect(speaker.locator('.speaker-next-title')).toContainText('The Nanhu enclave');
    await speaker.keyboard.press('PageDown');
    await expect(app.tour.title()).toContainText('The Nanhu enclave');
    await expect(app.tour.title().locator('.lang-marker')).toHaveText('英文');
    await speaker.close();
    // The header's button now plays this tour.
    await app.tour.exit();
    await app.tour.start();
    await expect(app.tour.title()).toHaveText('遂昌全貌');
    await page.getByRole('button', { name: '编辑导览' }).click();

    // Exported: the form of geodata/tour.json, which the data check passes.
    const [download] = await Promise.all([page.waitForEvent('download'), editor(page).getByRole('button', { name: '导出为文件' }).click()]);
    const text = readFileSync((await download.path()) as string, 'utf8');
    const exported = JSON.parse(text) as { title: { zh: string; en: string } }[];
    expect(exported.map((s) => s.title.en)).toEqual(['Suichang at a glance', 'The development zone', 'The Nanhu enclave']);
    const dir = mkdtempSync(join(tmpdir(), 'geodata-'));
    cpSync(join(ROOT, 'geodata'), dir, { recursive: true });
    writeFileSync(join(dir, 'tour.json'), text);
    const out = execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/check-geodata.ts'), dir], { encoding: 'utf8' });
    expect(out).toContain('check:geodata: ok');

    // The link: a short tour travels in the address.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await editor(page).getByRole('button', { name: '复制导览链接' }).click();
    await expect(page.getByRole('status').filter({ hasText: '导览链接已复制' })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link.length).toBeLessThan(8000);

    // Imported in a fresh browser: the same stops. And the link opens the tour there.
    const fresh = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const other = await fresh.newPage();
    const otherApp = new AppDriver(other);
    await otherApp.given.open();
    await openEditor(otherApp, other);
    await editor(other)
      .getByLabel('导入导览文件')
      .setInputFiles({ name: '嘉兴考察.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(other.getByRole('status').filter({ hasText: '已导入导览“嘉兴考察”（3 站）' })).toBeVisible();
    await expect(stopTitles(other)).toHaveText(['1 遂昌全貌', '2 开发区', '3 The Nanhu enclave']);
    await other.goto(link.replace(/^https?:\/\/[^/]+/, ''));
    await expect(otherApp.tour.title()).toHaveText('遂昌全貌');
    await otherApp.tour.next();
    await expect(otherApp.tour.title()).toHaveText('开发区');
    await fresh.close();
  });

  test('the tour button’s chooser plays a presenter’s own tour or the built-in one, without the editor', async ({ app, page }) => {
    await app.given.open();
    // No tours of one's own: no chooser, the button plays the built-in tour.
    await expect(page.getByRole('button', { name: STRINGS.zh.chooseTour })).toHaveCount(0);
    await openEditor(app, page);
    await editor(page).getByRole('button', { name: '新建导览' }).click();
    await editor(page).getByLabel('导览名称').fill('县城一日');
    await field(page, '标题', '中文').fill('县城全貌');
    await saved(page);
    await editor(page).getByRole('button', { name: EDITOR_STRINGS.zh.close }).click();
    await app.tour.exit();
    // The chooser lists both with their stop counts, the chosen one (still the built-in tour) checked.
    const choose = page.getByRole('button', { name: STRINGS.zh.chooseTour });
    await choose.click();
    const menu = page.getByRole('menu', { name: STRINGS.zh.chooseTour });
    await expect(menu.getByRole('menuitemradio')).toHaveText([
      `内置导览${STRINGS.zh.tourStops(builtIn.length)}`,
      `县城一日${STRINGS.zh.tourStops(1)}`,
    ]);
    await expect(menu.getByRole('menuitemradio', { name: /内置导览/ })).toHaveAttribute('aria-checked', 'true');
    await menu.getByRole('menuitemradio', { name: /县城一日/ }).click();
    await expect(app.tour.title()).toHaveText('县城全貌');
    await app.tour.exit();
    // The presenter's tour is now the chosen one; the chooser plays the built-in one again.
    await choose.click();
    await expect(menu.getByRole('menuitemradio', { name: /县城一日/ })).toHaveAttribute('aria-checked', 'true');
    await menu.getByRole('menuitemradio', { name: /内置导览/ }).click();
    await expect(app.tour.title()).toHaveText(builtIn[0]!.title.zh);
    await app.tour.exit();
  });

  test('a bad tour file is refused with the file, the stop and the field named; nothing saved changes', async ({ app, page }) => {
    await app.given.open();
    await openEditor(app, page);
    await editor(page).getByRole('button', { name: '新建导览' }).click();
    await editor(page).getByLabel('导览名称').fill('保留');
    await saved(page);
    const bad = structuredClone(builtIn.slice(0, 2)) as unknown as { highlight: string[]; caption: { zh: string } }[];
    bad[1]!.highlight = ['nowhere-site'];
    bad[0]!.caption.zh = '<img src=x onerror=alert(1)>';
    const input = editor(page).getByLabel('导入导览文件');
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect(page.getByRole('status').filter({ hasText: '无法导入“broken.json”' })).toContainText(
      `stop 2 "${builtIn[1]!.id}", highlight: no site "nowhere-site"`,
    );
    await input.setInputFiles({ name: 'notjson.json', mimeType: 'application/json', buffer: Buffer.from('{"stops": [') });
    await expect(page.getByRole('status').filter({ hasText: '无法导入“notjson.json”' })).toContainText('not JSON');
    await expect(editor(page).locator('.editor-tour')).toHaveText([/内置导览/, /保留/]);
    // Deleting asks first.
    await editor(page).getByRole('button', { name: '删除此导览' }).click();
    await expect(editor(page).getByRole('alertdialog')).toContainText('删除导览“保留”？');
    await editor(page).getByRole('button', { name: '取消' }).click();
    await expect(editor(page).locator('.editor-tour')).toHaveCount(2);
    await editor(page).getByRole('button', { name: '删除此导览' }).click();
    await editor(page).getByRole('alertdialog').getByRole('button', { name: '删除此导览' }).click();
    await expect(editor(page).locator('.editor-tour')).toHaveCount(1);
  });

  test('reorders stops by keyboard and by drag, and undoes it', async ({ app, page }) => {
    await app.given.open();
    await openEditor(app, page);
    await editor(page).getByRole('button', { name: '新建导览' }).click();
    await field(page, '标题', '中文').fill('甲');
    await editor(page).getByRole('button', { name: '复制本站' }).click();
    await field(page, '标题', '中文').fill('乙');
    await editor(page).getByRole('button', { name: '复制本站' }).click();
    await field(page, '标题', '中文').fill('丙');
    await expect(stopTitles(page)).toHaveText(['1 甲', '2 乙', '3 丙']);
    await stopTitles(page).first().focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(stopTitles(page)).toHaveText(['1 乙', '2 甲', '3 丙']);
    await expect(stopTitles(page).nth(1)).toBeFocused();
    await stopTitles(page).nth(2).dragTo(stopTitles(page).first());
    await expect(stopTitles(page)).toHaveText(['1 丙', '2 乙', '3 甲']);
    await editor(page).getByRole('button', { name: '撤销' }).click();
    await expect(stopTitles(page)).toHaveText(['1 乙', '2 甲', '3 丙']);
    await saved(page);
  });

  test('a tampered tour link: a notice, and the app opens normally', async ({ page, guard }) => {
    await page.goto('/?tourlink=AAAA-not-a-tour&tour=1&testing=1');
    await expect(page.getByRole('status').filter({ hasText: '链接中的导览已损坏或不完整' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: '全县概览' })).toBeVisible();
    await expect(page.locator('#tour-title')).toHaveCount(0);
    guard.consoleErrors.length = 0;
  });
});
