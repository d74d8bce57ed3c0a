/** `npm run test:e2e`: checks for a browser (or says how to get one), then runs Playwright on the production build. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, NO_BROWSER_MESSAGE } from './find-browser.mjs';

let browser = findChromium();
if (!browser) {
  // Playwright's own download, where one was installed with `npx playwright install chromium`.
  try {
    const { chromium } = await import('@playwright/test');
    const own = chromium.executablePath();
    if (own && existsSync(own)) browser = own;
  } catch {
    // fall through to the message
  }
}
if (!browser) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
if (!existsSync('dist/index.html')) {
  console.error('No production build in dist/: run `npm run build` first (npm test does).');
  process.exit(1);
}
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: browser },
});
process.exit(result.status ?? 1);
