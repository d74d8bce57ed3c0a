/// <reference types="vitest/config" />
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { basemapOrigins, contentSecurityPolicy, serviceOrigins } from './scripts/lib/csp.ts';
import { buildSubset } from './scripts/lib/font-subset.ts';
import { shareMetaTags } from './scripts/lib/share-meta.ts';
import { SHELL_GUARD, SHELL_GUARD_HASH } from './scripts/lib/shell-guard.ts';

/** `import x from './a.geojson'` bundles the file as JSON (small site layers); `?url` still gives a fetched file. */
const geojson = (): Plugin => ({
  name: 'geojson-as-json',
  transform(code, id) {
    if (!id.endsWith('.geojson')) return null;
    return { code: `export default ${code.trim()};`, map: null };
  },
});

/**
 * Re-cuts the CJK font when the text of the data or the interface changed, and fails the
 * build, naming the characters, if any needs a glyph no font file has.
 */
const fontSubset = (): Plugin => ({
  name: 'font-subset',
  apply: () => !process.env.VITEST,
  async buildStart() {
    const r = await buildSubset();
    if (r.changed) this.info(`font subset rebuilt: ${r.files.map((f) => `${f.name} ${(f.bytes / 1024).toFixed(1)} kB`).join(', ')}`);
  },
});

/** The CSP as a meta tag in the built page (not in the dev server, whose client uses inline script). */
const csp = (): Plugin => ({
  name: 'csp',
  apply: 'build',
  transformIndexHtml() {
    const remote = [
      ...new Set([
        ...basemapOrigins(process.env.VITE_BASEMAPS, 'public/basemaps.json'),
        ...basemapOrigins(process.env.VITE_LAYERS, 'public/layers.json'),
      ]),
    ].sort();
    const policy = contentSecurityPolicy(remote, [SHELL_GUARD_HASH], serviceOrigins(process.env.VITE_SERVICE_ORIGINS));
    return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }];
  },
});

/**
 * `SERVICE_PROXY="/ogc=http://127.0.0.1:4180"`: the preview proxies a path to a map server, as
 * deploy/nginx.conf does in production (the e2e tests reach their MapServer this way, same-origin).
 */
function serviceProxy(spec: string | undefined): Record<string, { target: string; changeOrigin: boolean; rewrite: (p: string) => string }> {
  const out: Record<string, { target: string; changeOrigin: boolean; rewrite: (p: string) => string }> = {};
  for (const part of (spec ?? '').split(',').filter(Boolean)) {
    const [path, target] = part.split('=');
    if (!path || !target) continue;
    out[path] = { target, changeOrigin: true, rewrite: (p) => p.slice(path.length) || '/' };
  }
  return out;
}

/** The link preview's metadata (scripts/lib/share-meta.ts); absolute URLs with VITE_PUBLIC_URL. */
const shareMeta = (): Plugin => ({
  name: 'share-meta',
  apply: 'build',
  transformIndexHtml: () => shareMetaTags(process.env.VITE_PUBLIC_URL, existsSync('public/share-card.png')),
});

/** Where the built app is served from: a sub-path deploy (e.g. /suichang/) sets BASE_PATH at build time. */
const BASE = process.env.BASE_PATH ?? '/';

/**
 * Preloads the font files every first view needs (the CJK subset files and Latin): without it the
 * browser asks for them only once text using them is laid out, after the scripts ran, and the
 * overview's figures stay invisible until they arrive (FontFace blocks text briefly by design).
 */
const preloadFonts = (): Plugin => ({
  name: 'preload-fonts',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html, ctx) {
      const files = Object.keys(ctx.bundle ?? {}).filter((f) =>
        /(^|\/)(cjk-[a-z0-9-]+|noto-sans-sc-latin-400-normal)-[^/]*\.woff2$/.test(f),
      );
      // The two faces every screen uses first: with six connections per host (HTTP/1.1), the
      // symbol-only extras would otherwise take the slots ahead of them.
      const first = (f: string) => (/cjk-main|noto-sans-sc-latin/.test(f) ? 0 : 1);
      return files
        .sort((a, b) => first(a) - first(b))
        .map((f) => ({
          tag: 'link',
          attrs: {
            rel: 'preload',
            as: 'font',
            type: 'font/woff2',
            crossorigin: '',
            href: `${BASE}${f}`,
          },
          injectTo: 'head' as const,
        }));
    },
  },
});

/**
 * Renders the first view (src/app/shell.tsx) into index.html at build time, inert, with an inline guard
 * (scripts/lib/shell-guard.ts, allowed by hash) that hides it for links asking for another view.
 */
const prerenderShell = (): Plugin => ({
  name: 'prerender-shell',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    async handler(html) {
      const { createServer } = await import('vite');
      const server = await createServer({
        configFile: fileURLToPath(import.meta.url),
        mode: 'prerender',
        logLevel: 'error',
        appType: 'custom',
        server: { middlewareMode: true, hmr: false, ws: false },
      });
      try {
        const { renderShell } = (await server.ssrLoadModule('/src/app/shell.tsx')) as { renderShell(): string };
        const { firstViewMarkup } = (await server.ssrLoadModule('/scripts/lib/static-map-build.ts')) as {
          firstViewMarkup(): Promise<string>;
        };
        // With the county basemap beside the app (public/basemap/), the first view draws its main lines too.
        const staticMap = await firstViewMarkup();
        const slot = '<div class="static-map" data-static-map=""></div>';
        const shell = renderShell();
        if (!shell.includes(slot)) throw new Error('prerender-shell: the first view has no static map slot');
        const root = '<div id="root"></div>';
        if (!html.includes(root)) throw new Error('prerender-shell: index.html has no empty <div id="root"></div>');
        // The guard goes right after the CSP meta (which allows it by hash), ahead of the stylesheet.
        const csp = /<meta http-equiv="Content-Security-Policy"[^>]*>/;
        if (!csp.test(html)) throw new Error('prerender-shell: no CSP meta to place the guard after');
        return html
          .replace(
            root,
            `<div id="root"><div class="shell" inert>${shell.replace(slot, `<div class="static-map" data-static-map="">${staticMap}</div>`)}</div></div>`,
          )
          .replace(csp, (meta) => `${meta}\n    <script>${SHELL_GUARD}</script>`);
      } finally {
        await server.close();
      }
    },
  },
});

export default defineConfig(({ mode }) => {
  // `npm run build:single`: one self-contained HTML file that works from file:// (a presenter's USB stick).
  const single = mode === 'single';
  // The build-time render of the first view (prerender-shell) loads the app through this config.
  if (mode === 'prerender') return { plugins: [react(), geojson()], publicDir: false, logLevel: 'error' };
  return {
    base: single ? './' : BASE,
    publicDir: single ? false : 'public',
    plugins: [
      react(),
      geojson(),
      fontSubset(),
      VitePWA({
        disable: single,
        registerType: 'prompt',
        injectRegister: false,
        includeAssets: ['favicon.svg', 'basemaps.json', 'layers.json'],
        manifest: {
          name: '遂昌发展地图 · Suichang Development Map',
          short_name: '遂昌发展地图',
          description: '遂昌县高质量发展的交互式地图与数据 · An interactive map of Suichang County’s development',
          lang: 'zh-CN',
          theme_color: '#16324f',
          background_color: '#f4f6f8',
          display: 'standalone',
          icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
        },
        workbox: {
          // The defaults skip .mjs (the MapLibre worker), .woff2 and .geojson, and files over 2 MiB.
          globPatterns: ['**/*.{js,mjs,css,html,woff2,geojson,json,svg,png,webmanifest}'],
          // The whole font's slices (2.5 MB, src/fontFallback.ts) are kept once a page has fetched them, not ahead.
          // The link preview's picture is for other sites' crawlers, not for the app offline.
          // GDAL (about 40 MB, src/gdal/) is fetched on its first use and kept from then on, not ahead.
          globIgnores: ['**/node_modules/**/*', '**/noto-sans-sc-+([0-9])-400-normal-*.woff2', 'share-card.png', '**/gdal.worker-*.js'],
          runtimeCaching: [
            {
              urlPattern: /\/assets\/gdal(3WebAssembly|\.worker)-[^/]+$/,
              handler: 'CacheFirst',
              options: { cacheName: 'gdal', expiration: { maxEntries: 8 } },
            },
            {
              urlPattern: /\/noto-sans-sc-\d+-400-normal-[^/]+\.woff2$/,
              handler: 'CacheFirst',
              options: { cacheName: 'cjk-fallback', expiration: { maxEntries: 120 } },
            },
          ],
          maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
          navigateFallback: 'index.html',
          cleanupOutdatedCaches: true,
        },
      }),
      shareMeta(),
      ...(single ? [viteSingleFile({ removeViteModuleLoader: true })] : [csp(), preloadFonts(), prerenderShell()]),
    ],
    resolve: single
      ? {
          alias: [
            { find: /^\.\/workerUrl$/, replacement: fileURLToPath(new URL('./src/map/workerUrl.single.ts', import.meta.url)) },
            { find: /^\.\.\/fontFallback$/, replacement: fileURLToPath(new URL('./src/fontFallback.single.ts', import.meta.url)) },
            {
              find: /^\.\/createReprojectWorker$/,
              replacement: fileURLToPath(new URL('./src/services/createReprojectWorker.single.ts', import.meta.url)),
            },
            {
              find: /^\.\/createLandClassWorker$/,
              replacement: fileURLToPath(new URL('./src/landclass/createLandClassWorker.single.ts', import.meta.url)),
            },
            {
              find: /^\.\/createGdalWorker$/,
              replacement: fileURLToPath(new URL('./src/gdal/createGdalWorker.single.ts', import.meta.url)),
            },
            {
              find: /^\.\/import\/createWorker$/,
              replacement: fileURLToPath(new URL('./src/tools/import/createWorker.single.ts', import.meta.url)),
            },
          ],
        }
      : undefined,
    // Module workers split their lazy imports into chunks (SheetJS only for Excel files); the one-file build inlines them.
    worker: { format: single ? 'iife' : 'es' },
    server: { host: '127.0.0.1', port: 5173 },
    // `.test` names (a reserved domain): the e2e tests open the preview at one mapped to loopback, to be a
    // plain-http address that is not a secure context, as an intranet's is.
    preview: { host: '127.0.0.1', port: 4173, allowedHosts: ['.test'], proxy: serviceProxy(process.env.SERVICE_PROXY) },
    build: single
      ? { target: 'es2022', outDir: 'dist-single', assetsInlineLimit: Number.MAX_SAFE_INTEGER, chunkSizeWarningLimit: 5000 }
      : {
          target: 'es2022',
          // Fonts and geodata are fetched as files (cacheable, off the JS bundle).
          assetsInlineLimit: 0,
          chunkSizeWarningLimit: 1200,
          rolldownOptions: {
            output: {
              codeSplitting: {
                // MapLibre is left to the lazy map chunk: a group of its own would also collect shared
                // helpers and turn into a static import of the first page.
                groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
              },
            },
          },
        },
    test: {
      include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
      environment: 'node',
    },
  };
});
