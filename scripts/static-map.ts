/**
 * npm run static-map [-- archive] [--markup]: the static first map the build would put in the first view, for
 * the county basemap at `archive` (default public/basemap/county.pmtiles): says what it drew and its weight
 * against the first view's budget; `--markup` prints the markup itself (the county e2e serves a page with it).
 */
import { gzipSync } from 'node:zlib';
import { COUNTY_ARCHIVE_PATH, firstViewMarkup, STATIC_MAP_BUDGET_GZ } from './lib/static-map-build';

const args = process.argv.slice(2);
const archive = args.find((a) => !a.startsWith('--')) ?? COUNTY_ARCHIVE_PATH;
const html = await firstViewMarkup(archive, (why) => console.error(why));
if (args.includes('--markup')) process.stdout.write(html);
else {
  const towns = (html.match(/class="static-label place"/g) ?? []).length;
  const what = html.includes('data-county') ? `the county map of ${archive} (${towns} town names)` : 'the county outlines alone';
  console.log(`static first map: ${what}; ${(gzipSync(html).length / 1024).toFixed(1)} kB gzipped of ${STATIC_MAP_BUDGET_GZ / 1024} kB`);
}
