/**
 * deploy/nginx.conf as a deployment uses it: Debian's nginx started on loopback with the shipped file (its
 * listen address, root and office server filled in), serving the built app with the headers the README
 * lists, and proxying the test MapServer under the app's origin — a planner adds the office's WMS by the
 * proxied path, and it draws.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_STRINGS } from '../../src/services/serviceStrings';
import { expect, test } from './driver';
import { type NginxHost, ROOT, startNginx } from './nginxHost';
import { PARCELS_CENTRE } from './services.driver';

const PORT = 4195;
const SITE = `http://127.0.0.1:${PORT}`;
const OGC_PORT = Number(process.env.OGC_PORT ?? 4180);
const zh = SERVICE_STRINGS.zh;
let nginx: NginxHost | null = null;

test.beforeAll(async () => {
  nginx = await startNginx(PORT, { officeServer: `http://127.0.0.1:${OGC_PORT}/` });
});

test.afterAll(() => nginx?.stop());

test('deploy/nginx.conf serves the app with its headers and the office’s WMS under the app’s origin', async ({ app, page, request }) => {
  // The headers the README lists.
  const index = await request.get(`${SITE}/`);
  expect(index.headers()['content-type']).toContain('text/html');
  expect(index.headers()['cache-control']).toBe('no-cache');
  // Who may embed the map: the header a meta tag cannot set (docs/embedding.md).
  expect(index.headers()['content-security-policy']).toBe('frame-ancestors *');
  const worker = readdirSync(join(ROOT, 'dist/assets')).find((f) => f.endsWith('.mjs'));
  const mjs = await request.get(`${SITE}/assets/${worker}`);
  expect(mjs.headers()['content-type']).toBe('text/javascript');
  expect(mjs.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect((await request.get(`${SITE}/manifest.webmanifest`)).headers()['content-type']).toBe('application/manifest+json');
  expect((await request.get(`${SITE}/sw.js`)).headers()['cache-control']).toBe('no-cache');
  // GDAL's WebAssembly (28 MB, fetched on the first GeoPackage) travels compressed, with its type.
  const wasm = readdirSync(join(ROOT, 'dist/assets')).find((f) => /^gdal3WebAssembly-.*\.wasm$/.test(f));
  const gdal = await request.head(`${SITE}/assets/${wasm}`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(gdal.headers()['content-type']).toBe('application/wasm');
  expect(gdal.headers()['content-encoding']).toBe('gzip');

  // The app through nginx, and the office's WMS through the proxy path.
  await app.given.openAt(`${SITE}/`);
  await app.when.openTools();
  const svc = app.services;
  await svc.read('wms', '/services/office/ms?map=TEST&SERVICE=WMS&REQUEST=GetCapabilities');
  await svc.choose(zh.layer, 'parcels');
  await svc.add();
  await expect(svc.row('测试地块')).toHaveAttribute('data-status', 'ready');
  // The capabilities advertise the server's own address; the tiles come through the proxy.
  await svc.details('测试地块');
  await expect(svc.row('测试地块')).toContainText(zh.rebased);
  const tiles: string[] = [];
  page.on('requestfinished', (r) => {
    if (r.url().includes('REQUEST=GetMap')) tiles.push(r.url());
  });
  await app.map.jumpTo(PARCELS_CENTRE, 13);
  await svc.drawn();
  expect(tiles.length).toBeGreaterThan(0);
  for (const t of tiles) expect(t.startsWith(`${SITE}/services/office/ms?`)).toBe(true);
});
