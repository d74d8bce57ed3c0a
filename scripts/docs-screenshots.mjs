/**
 * `npm run docs:screenshots`: copies the pictures the README and docs/ show from the last end-to-end run
 * (tests/e2e/screenshots/), so they are what the tests saw, not drawn by hand.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const FROM = join('tests', 'e2e', 'screenshots');
const PICTURES = {
  'screenshot-desktop.png': 'site-devzone-east-1920x1080.png',
  'screenshot-tour.png': 'tour-enclaves-1920x1080.png',
  'screenshot-phone.png': 'site-enclave-en-390x844.png',
  'screenshot-import.png': 'imports-gbk-cgcs2000-xlsx-zh-1366.png',
  'screenshot-tools.png': 'tools-analysis-1366.png',
  'screenshot-services.png': 'service-imagery-1920.png',
  'screenshot-county.png': 'county-basemap-zh.png',
  'screenshot-land-class.png': 'land-class-zh-1366.png',
  'screenshot-tour-3d.png': 'tour-stop-3d-1920.png',
};

const missing = [...Object.values(PICTURES), 'share-card-1200x630.png'].filter((f) => !existsSync(join(FROM, f)));
if (missing.length > 0) {
  console.error(`No end-to-end screenshots to copy (${missing.join(', ')}): run \`npm test\` or \`npm run test:e2e\` first.`);
  process.exit(1);
}
for (const [to, from] of Object.entries(PICTURES)) {
  copyFileSync(join(FROM, from), join('docs', to));
  console.log(`docs/${to} <- ${FROM}/${from}`);
}
// The link preview's picture (Open Graph, scripts/lib/share-meta.ts), published with the app.
copyFileSync(join(FROM, 'share-card-1200x630.png'), join('public', 'share-card.png'));
console.log(`public/share-card.png <- ${FROM}/share-card-1200x630.png`);
