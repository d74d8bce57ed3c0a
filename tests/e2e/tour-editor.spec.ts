/**
 * A presenter makes a tour on the live map: three stops from scratch, kept over a reload, played with
 * the clicker keys and the speaker view, exported, checked by the data check as geodata/tour.json,
 * imported in a fresh browser, and sent as a link.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STRINGS } from '../../src/i18n/strings';
import { EDITOR_STRINGS } from '../../src/tour/editor/editorStrings';
import { stops as builtIn, site, sites } from './data';
import { AppDriver, expect, shot, test } from './driver';

const ROOT = join(import.meta.dirname, '../..');
const KAN = site('kan-special-materials');
const NANHU = site('enclave-nanhu');
const at = (id: string) => sites.find((s) => s.properties.id === id)!.geometry.coordinates as [number, number];

const E = EDITOR_STRINGS.zh;

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
    await app.editor.when.open();
    await expect(app.editor.get.root()).toContainText(E.builtInNote);
    // From scratch: a new tour starts with the county.
    await app.editor.when.newTour('嘉兴考察');
    await app.editor.get.text('stopTitle', 'zh').fill('遂昌全貌');
    await app.editor.get.text('stopTitle', 'en').fill('Suichang at a glance');

    // Stop 2: the camera from the view, two layers, a site highlighted by clicking it, a figure from the list.
    await app.map.jumpTo([119.29, 28.598], 13.5);
    await app.map.idle();
    await app.editor.when.press('addStop');
    await expect(app.editor.get.stops()).toHaveCount(2);
    await expect(app.editor.get.root().getByTestId('editor-camera')).toContainText('119.2900, 28.5980 · 缩放 13.5');
    const layersBox = app.editor.get.layers();
    for (const name of ['化工园区', '飞地', '高铁经济功能区', '社区中心', '数字经济']) await layersBox.getByLabel(name).uncheck();
    await layersBox.getByLabel('化工园区').check();
    await app.map.idle();
    await app.when.clickSite(KAN.id, at(KAN.id));
    await expect(app.editor.get.root().getByLabel(KAN.name_zh)).toBeChecked();
    await app.editor.get.text('stopTitle', 'zh').fill('开发区');
    await app.editor.get.text('stopTitle', 'en').fill('The development zone');
    await app.editor.get.text('caption', 'zh').fill('开发区东区与西区。');
    await app.editor.get.text('caption', 'en').fill('The zone’s two blocks.');
    await app.editor.get.root().getByLabel(E.figureSearch).fill('工业用地');
    await app.editor.get
      .root()
      .getByRole('button', { name: new RegExp(`^${E.figureAdd('新增工业用地')}`) })
      .click();
    await expect(app.editor.get.root().locator('.editor-chosen-figures [data-figure]')).toHaveCount(2);
    // The figure keeps its source sentence.
    await app.editor.get.root().locator('[data-figure="industrial-land"] .source-toggle').click();
    await expect(app.editor.get.root().locator('[data-figure="industrial-land"] blockquote')).toContainText('1631');

    // Stop 3: far away, in English only (the Chinese interface shows it marked).
    await app.map.jumpTo(at(NANHU.id), 11);
    await app.map.idle();
    await app.editor.when.press('addStop');
    await app.editor.get.text('stopTitle', 'en').fill('The Nanhu enclave');
    await app.editor.get.text('caption', 'en').fill('A park in Jiaxing for weak village collectives.');
    await layersBox.getByLabel('飞地').check();
    await app.map.idle();
    await app.when.clickSite(NANHU.id, at(NANHU.id));
    await expect(app.editor.get.root().getByLabel(NANHU.name_zh)).toBeChecked();
    await app.editor.when.saved();
    await app.editor.get.root().locator('.editor-head').scrollIntoViewIfNeeded();
    await shot(page, 'tour-editor-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'tour-editor-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });

    // Undo covers the editor's changes: the highlight goes, and the layer, one step each.
    await app.editor.when.press('undo');
    await expect(app.editor.get.root().getByLabel(NANHU.name_zh)).not.toBeChecked();
    await app.editor.when.press('undo');
    await expect(layersBox.getByLabel('飞地')).not.toBeChecked();
    await layersBox.getByLabel('飞地').check();
    await app.editor.when.saved();

    // Kept over a reload, listed with its stops.
    await app.given.reopened();
    await app.editor.when.open();
    const mine = app.editor.get.root().locator('.editor-tour', { hasText: '嘉兴考察' });
    await expect(mine).toContainText('3 站');
    await mine.click();
    await expect(app.editor.get.stops()).toHaveText(['1 遂昌全貌', '2 开发区', '3 The Nanhu enclave']);

    // Played with the clicker keys, from stop 1, with the speaker view in step.
    await app.editor.get.stops().first().click();
    await app.editor.when.press('play');
    await expect(app.tour.title()).toHaveText('遂昌全貌');
    await app.tour.next();
    await expect(app.tour.title()).toHaveText('开发区');
    await expect(app.tour.figures().locator('[data-figure="industrial-land"]')).toBeVisible();
    // A stop's highlighted sites are marked like a selection.
    await expect.poll(() => app.map.featureState('sites', KAN.id)).toMatchObject({ selected: true });
    const speaker = new AppDriver(await page.context().newPage());
    await speaker.page.goto('/?speaker=1&tour=2');
    await expect(speaker.get.title()).toHaveText('开发区');
    await expect(speaker.tour.speakerNext()).toContainText('The Nanhu enclave');
    await speaker.tour.next();
    await expect(app.tour.title()).toContainText('The Nanhu enclave');
    await expect(app.tour.title().locator('.lang-marker')).toHaveText('英文');
    await speaker.page.close();
    // The header's button now plays this tour.
    await app.tour.exit();
    await app.tour.start();
    await expect(app.tour.title()).toHaveText('遂昌全貌');
    await app.editor.when.open();

    // Exported: the form of geodata/tour.json, which the data check passes.
    const [download] = await Promise.all([page.waitForEvent('download'), app.editor.when.press('exportTour')]);
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
    await app.editor.when.press('copyLink');
    await expect(app.get.status(E.linkCopied)).toBeVisible();
    const link = await app.get.clipboard();
    expect(link.length).toBeLessThan(8000);

    // Imported in a fresh browser: the same stops. And the link opens the tour there.
    const fresh = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const other = await fresh.newPage();
    const otherApp = new AppDriver(other);
    await otherApp.given.open();
    await otherApp.editor.when.open();
    await otherApp.editor.when.importTour('嘉兴考察.json', text);
    await expect(otherApp.get.status(E.imported('嘉兴考察', 3))).toBeVisible();
    await expect(otherApp.editor.get.stops()).toHaveText(['1 遂昌全貌', '2 开发区', '3 The Nanhu enclave']);
    await other.goto(link.replace(/^https?:\/\/[^/]+/, ''));
    await expect(otherApp.tour.title()).toHaveText('遂昌全貌');
    await otherApp.tour.next();
    await expect(otherApp.tour.title()).toHaveText('开发区');
    await fresh.close();
  });

  test('the tour button’s chooser plays a presenter’s own tour or the built-in one, without the editor', async ({ app }) => {
    await app.given.open();
    // No tours of one's own: no chooser, the button plays the built-in tour.
    await expect(app.tour.chooser()).toHaveCount(0);
    await app.editor.when.open();
    await app.editor.when.newTour('县城一日');
    await app.editor.get.text('stopTitle', 'zh').fill('县城全貌');
    await app.editor.when.saved();
    await app.editor.when.press('close');
    await app.tour.exit();
    // The chooser lists both with their stop counts, the chosen one (still the built-in tour) checked.
    const choose = app.tour.chooser();
    await choose.click();
    const menu = app.tour.menu();
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

  test('a bad tour file is refused with the file, the stop and the field named; nothing saved changes', async ({ app }) => {
    await app.given.open();
    await app.editor.when.open();
    await app.editor.when.newTour('保留');
    await app.editor.when.saved();
    const bad = structuredClone(builtIn.slice(0, 2)) as unknown as { highlight: string[]; caption: { zh: string } }[];
    bad[1]!.highlight = ['nowhere-site'];
    bad[0]!.caption.zh = '<img src=x onerror=alert(1)>';
    await app.editor.when.importTour('broken.json', JSON.stringify(bad));
    await expect(app.get.status(E.importRefused('broken.json', ''))).toContainText(
      `stop 2 "${builtIn[1]!.id}", highlight: no site "nowhere-site"`,
    );
    await app.editor.when.importTour('notjson.json', '{"stops": [');
    await expect(app.get.status(E.importRefused('notjson.json', ''))).toContainText('not JSON');
    await expect(app.editor.get.tours()).toHaveText([/内置导览/, /保留/]);
    // Deleting asks first.
    await app.editor.when.press('deleteTour');
    await expect(app.editor.get.root().getByRole('alertdialog')).toContainText(E.confirmDelete('保留'));
    await app.editor.when.press('cancel');
    await expect(app.editor.get.tours()).toHaveCount(2);
    await app.editor.when.press('deleteTour');
    await app.editor.get.root().getByRole('alertdialog').getByRole('button', { name: E.deleteTour }).click();
    await expect(app.editor.get.tours()).toHaveCount(1);
  });

  test('reorders stops by keyboard and by drag, and undoes it', async ({ app, page }) => {
    await app.given.open();
    await app.editor.when.open();
    await app.editor.when.newTour();
    await app.editor.get.text('stopTitle', 'zh').fill('甲');
    await app.editor.when.press('duplicateStop');
    await app.editor.get.text('stopTitle', 'zh').fill('乙');
    await app.editor.when.press('duplicateStop');
    await app.editor.get.text('stopTitle', 'zh').fill('丙');
    await expect(app.editor.get.stops()).toHaveText(['1 甲', '2 乙', '3 丙']);
    await app.editor.get.stops().first().focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(app.editor.get.stops()).toHaveText(['1 乙', '2 甲', '3 丙']);
    await expect(app.editor.get.stops().nth(1)).toBeFocused();
    await app.editor.get.stops().nth(2).dragTo(app.editor.get.stops().first());
    await expect(app.editor.get.stops()).toHaveText(['1 丙', '2 乙', '3 甲']);
    await app.editor.when.press('undo');
    await expect(app.editor.get.stops()).toHaveText(['1 乙', '2 甲', '3 丙']);
    await app.editor.when.saved();
  });

  test('a tampered tour link: a notice, and the app opens normally', async ({ app, guard }) => {
    await app.given.load('?tourlink=AAAA-not-a-tour&tour=1');
    await expect(app.get.status(STRINGS.zh.tourLinkBroken)).toBeVisible();
    await expect(app.get.heading()).toHaveText(STRINGS.zh.overview);
    await expect(app.tour.title()).toHaveCount(0);
    guard.consoleErrors.length = 0;
  });
});
