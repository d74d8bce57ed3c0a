/**
 * deploy/nginx.conf as a deployment uses it: Debian's nginx started on loopback with the shipped file (its
 * listen address, root and office server filled in), serving the built app with the headers the README
 * lists, and proxying the test MapServer under the app's origin — a planner adds the office's WMS by the
 * proxied path, and it draws.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SERVICE_STRINGS } from '../../src/services/serviceStrings';
import { expect, test, waitForIdle } from './driver';
import { ServicesDriver } from './services.driver';

const ROOT = resolve(import.meta.dirname, '../..');
const PORT = 4195;
const SITE = `http://127.0.0.1:${PORT}`;
const OGC_PORT = Number(process.env.OGC_PORT ?? 4180);
const zh = SERVICE_STRINGS.zh;
let nginx: ChildProcess | null = null;
let dir = '';

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suichang-nginx-'));
  mkdirSync(join(dir, 'logs'));
  const site = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${PORT};`)
    .replace('root /srv/suichang/dist;', `root ${join(ROOT, 'dist')};`)
    .replace('proxy_pass http://10.0.0.5:8080/geoserver/;', `proxy_pass http://127.0.0.1:${OGC_PORT}/;`);
  // The shipped file is a server block: the smallest main configuration around it, everything in a temporary prefix.
  writeFileSync(join(dir, 'site.conf'), site);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}pid ${dir}/nginx.pid;\nerror_log ${dir}/logs/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n  fastcgi_temp_path ${dir}/fastcgi;\n  uwsgi_temp_path ${dir}/uwsgi;\n  scgi_temp_path ${dir}/scgi;\n  include ${dir}/site.conf;\n}\n`,
  );
  nginx = spawn('/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'pipe' });
  let said = '';
  nginx.stderr?.on('data', (d) => (said += String(d)));
  for (let i = 0; i < 100; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx stopped (is nginx-light installed?): ${said}`);
    try {
      if ((await fetch(`${SITE}/`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not answer: ${said}`);
});

test.afterAll(() => {
  nginx?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('deploy/nginx.conf serves the app with its headers and the office’s WMS under the app’s origin', async ({ page, request }) => {
  // The headers the README lists.
  const index = await request.get(`${SITE}/`);
  expect(index.headers()['content-type']).toContain('text/html');
  expect(index.headers()['cache-control']).toBe('no-cache');
  const worker = readdirSync(join(ROOT, 'dist/assets')).find((f) => f.endsWith('.mjs'));
  const mjs = await request.get(`${SITE}/assets/${worker}`);
  expect(mjs.headers()['content-type']).toBe('text/javascript');
  expect(mjs.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect((await request.get(`${SITE}/manifest.webmanifest`)).headers()['content-type']).toBe('application/manifest+json');
  expect((await request.get(`${SITE}/sw.js`)).headers()['cache-control']).toBe('no-cache');

  // The app through nginx, and the office's WMS through the proxy path.
  await page.goto(`${SITE}/?testing=1`);
  await waitForIdle(page);
  await page.getByRole('button', { name: '打开规划工具' }).click();
  const svc = new ServicesDriver(page);
  await svc.read('wms', '/services/office/ms?map=TEST&SERVICE=WMS&REQUEST=GetCapabilities');
  await svc.choose(zh.layer, 'parcels');
  await svc.add();
  await expect(svc.row('测试地块')).toHaveAttribute('data-status', 'ready');
  // The capabilities advertise the server's own address; the tiles come through the proxy.
  await svc.row('测试地块').locator('summary').click();
  await expect(svc.row('测试地块')).toContainText(zh.rebased);
  const tiles: string[] = [];
  page.on('requestfinished', (r) => {
    if (r.url().includes('REQUEST=GetMap')) tiles.push(r.url());
  });
  await page.evaluate(() => window.__map?.jumpTo({ center: [119.292, 28.594], zoom: 13 }));
  await svc.drawn();
  expect(tiles.length).toBeGreaterThan(0);
  for (const t of tiles) expect(t.startsWith(`${SITE}/services/office/ms?`)).toBe(true);
});
