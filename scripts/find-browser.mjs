/**
 * Finds a Chromium for the end-to-end tests and benchmarks: $CHROMIUM_PATH, then
 * /usr/bin/chromium, then Playwright's own download. Never a silent skip: with no
 * browser it says how to install one.
 */
import { existsSync } from 'node:fs';

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  return null;
}

/** Flags for headless Chromium here (Playwright adds --headless, --no-sandbox, a temporary profile). */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export const NO_BROWSER_MESSAGE = `No Chromium found for the end-to-end tests.
Install one and run again:
  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
  with internet:  npx playwright install chromium
or point CHROMIUM_PATH at a Chromium or Chrome binary.`;
