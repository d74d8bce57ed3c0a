/**
 * An intranet address on plain http (http://gis.county.gov.cn/, http://10.x.x.x/): not a secure
 * context, so no service worker, no clipboard API, no file handles. The app runs, says once what http
 * costs, and the link copy falls back to the link selected, to copy by hand. The preview server is
 * reached by a name mapped to loopback, which the browser does not count as secure (127.0.0.1 would be).
 */

import { CHROMIUM_ARGS } from '../../scripts/find-browser.mjs';
import { SHARE_STRINGS } from '../../src/embed/shareStrings';
import { STRINGS } from '../../src/i18n/strings';
import { TOOL_STRINGS } from '../../src/i18n/toolStrings';
import { expect, test } from './driver';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const HTTP_ADDRESS = `http://suichang.test:${PORT}/`;

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP suichang.test 127.0.0.1'],
  },
});

test('on plain http the app runs, says once what http costs, and the link copy falls back to the selected link', async ({ app }) => {
  await app.given.openAt(HTTP_ADDRESS);
  expect(await app.get.capabilities()).toEqual({ secure: false, clipboard: false, serviceWorker: false });
  const notice = app.get.notice('insecure-context');
  await expect(notice.locator('span')).toHaveText(STRINGS.zh.insecureContext);
  // In the language chosen: the notice follows it.
  await app.when.switchLanguage();
  await expect(notice.locator('span')).toHaveText(STRINGS.en.insecureContext);
  await app.when.switchLanguage();

  // The tools say it too, and still keep the work (IndexedDB works on http).
  await app.when.openTools();
  await expect(app.tools.get.storageInfo('insecure')).toHaveText(TOOL_STRINGS.zh.storageInsecure);
  await app.tools.when.press('drawPoint');
  await app.when.clickMap([119.0, 28.5]);
  await expect.poll(() => app.get.storedDrawings()).not.toBeNull();
  await app.when.closeTools();

  // The link copy: no clipboard, so the link is shown selected with how to copy it.
  await app.when.selectSite('enclave-nanhu');
  await app.when.openShare();
  const share = app.get.shareDialog();
  const link = await share.getByRole('textbox', { name: SHARE_STRINGS.zh.link }).inputValue();
  expect(link).toContain('site=enclave-nanhu');
  await share.getByRole('button', { name: STRINGS.zh.copyLink }).click();
  const dialog = app.get.dialog(STRINGS.zh.copyByHand);
  await expect(dialog).toBeVisible();
  const field = dialog.getByRole('textbox');
  await expect(field).toHaveValue(link);
  await expect(field).toBeFocused();
  expect(await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd, el.value.length])).toEqual([
    0,
    link.length,
    link.length,
  ]);
  await field.press('Escape');
  await expect(dialog).toHaveCount(0);
  await share.getByRole('button', { name: SHARE_STRINGS.zh.close }).click();
  await expect(share).toHaveCount(0);

  // Dismissed, it stays away for the session.
  await notice.getByRole('button', { name: STRINGS.zh.dismiss }).click();
  await app.given.reopened();
  await expect(notice).toHaveCount(0);
});
