/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { basemapOrigins, contentSecurityPolicy } from './scripts/lib/csp.ts';
import { buildSubset } from './scripts/lib/font-subset.ts';

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
    const policy = contentSecurityPolicy(basemapOrigins(process.env.VITE_BASEMAPS, 'public/basemaps.json'));
    return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }];
  },
});

export default defineConfig(({ mode }) => {
  // `npm run build:single`: one self-contained HTML file that works from file:// (a presenter's USB stick).
  const single = mode === 'single';
  return {
    // A sub-path deploy (e.g. /suichang/) sets BASE_PATH at build time.
    base: single ? './' : (process.env.BASE_PATH ?? '/'),
    publicDir: single ? false : 'public',
    plugins: [
      react(),
      geojson(),
      fontSubset(),
      VitePWA({
        disable: single,
        registerType: 'prompt',
        injectRegister: false,
        includeAssets: ['favicon.svg', 'basemaps.json'],
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
          maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
          navigateFallback: 'index.html',
          cleanupOutdatedCaches: true,
        },
      }),
      ...(single ? [viteSingleFile({ removeViteModuleLoader: true })] : [csp()]),
    ],
    resolve: single
      ? { alias: [{ find: /^\.\/workerUrl$/, replacement: fileURLToPath(new URL('./src/map/workerUrl.single.ts', import.meta.url)) }] }
      : undefined,
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173 },
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
      include: ['tests/unit/**/*.test.ts'],
      environment: 'node',
    },
  };
});
