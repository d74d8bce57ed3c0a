import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/find-browser.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const OGC_PORT = Number(process.env.OGC_PORT ?? 4180);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  // A flaky test fails the run: it is a race to find and fix, never a pass. In CI a failed test still runs
  // once more, for the report only: "flaky" (passed on the retry) tells a race from a test that always
  // fails, and the retry's trace is the second sighting to compare — the run fails either way.
  retries: process.env.CI ? 1 : 0,
  failOnFlakyTests: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
    trace: 'off',
    // The service worker would answer from its cache and hide routed failures; the offline spec allows it.
    serviceWorkers: 'block',
  },
  webServer: [
    {
      // The production build on loopback, started and stopped by Playwright; /ogc is proxied to the map
      // server below, as deploy/nginx.conf proxies an office's services (same origin, no CORS needed).
      command: `node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}`,
      env: { SERVICE_PROXY: `/ogc=http://127.0.0.1:${OGC_PORT}` },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // Debian's MapServer and MapCache on loopback (tests/servers/ogc-host.mjs): WMS, WMTS, OGC API Features.
      command: `node tests/servers/ogc-host.mjs ${OGC_PORT}`,
      url: `http://127.0.0.1:${OGC_PORT}/ms?map=TEST&SERVICE=WMS&REQUEST=GetCapabilities`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
