/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { buildSubset } from './scripts/lib/font-subset';

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

export default defineConfig({
  // A sub-path deploy (e.g. /suichang/) sets BASE_PATH at build time.
  base: process.env.BASE_PATH ?? '/',
  plugins: [react(), geojson(), fontSubset()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    target: 'es2022',
    // Fonts and geodata are fetched as files (cacheable, off the JS bundle).
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/](maplibre-gl|@vis\.gl)/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
