/**
 * npm run basemap:extract -- --source <Protomaps build .pmtiles URL or path> [--bbox w,s,e,n …] [--maxzoom 15] [--out public/basemap/county.pmtiles] [--yes]
 * npm run terrain:extract -- --source <Terrarium/terrain-RGB .pmtiles or {z}/{x}/{y} URL> [--encoding terrarium|mapbox] [--maxzoom 12] [--out public/basemap/terrain.pmtiles]
 *
 * Cuts the county (and the enclaves in Jiaxing) out of a large archive into one the app serves itself
 * (README: "A real map of your county"). Stopped runs go on when started again.
 */
import { parseArgs } from 'node:util';
import { type Box, type DemEncoding, ExtractError, type ExtractKind, extractArchive } from './lib/archive-extract';
import { defaultBoxes } from './lib/county-boxes';

const kind = process.argv[2] as ExtractKind;
if (kind !== 'basemap' && kind !== 'terrain') {
  console.error('usage: tsx scripts/extract-archive.ts basemap|terrain --source … (see the README)');
  process.exit(2);
}
const DEFAULTS = {
  basemap: { out: 'public/basemap/county.pmtiles', maxzoom: '15' },
  terrain: { out: 'public/basemap/terrain.pmtiles', maxzoom: '12' },
}[kind];

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    args: process.argv.slice(3),
    options: {
      source: { type: 'string' },
      bbox: { type: 'string', multiple: true },
      maxzoom: { type: 'string', default: DEFAULTS.maxzoom },
      minzoom: { type: 'string', default: '0' },
      out: { type: 'string', default: DEFAULTS.out },
      encoding: { type: 'string' },
      yes: { type: 'boolean', default: false },
    },
  });
}
try {
  args = parse();
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
const v = args.values;
const fail = (m: string): never => {
  console.error(`${kind}:extract: ${m}`);
  process.exit(1);
};
if (!v.source)
  fail(
    kind === 'basemap'
      ? '--source: the URL (or path) of a Protomaps basemap build, a vector PMTiles archive of the whole world or a region (README: "A real map of your county")'
      : '--source: a Terrarium or terrain-RGB archive (.pmtiles) or tile URL with {z}/{x}/{y} (README: "A real map of your county")',
  );
const zoom = (name: string, s: string) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > 18) fail(`--${name} ${s}: a whole number from 0 to 18`);
  return n;
};
const boxes: Box[] = v.bbox
  ? v.bbox.flatMap((b) => b.split(';')).map((b) => b.split(',').map((n) => Number(n.trim())) as Box)
  : defaultBoxes();
if (v.encoding && v.encoding !== 'terrarium' && v.encoding !== 'mapbox') fail(`--encoding ${v.encoding}: "terrarium" or "mapbox"`);

const tty = process.stderr.isTTY;
const size = (b: number) => (b < 1e6 ? `${(b / 1e3).toFixed(0)} kB` : `${(b / 1e6).toFixed(1)} MB`);
let lastTenth = -1;
const t0 = performance.now();
function bar(done: number, total: number, bytes: number): void {
  const f = total === 0 ? 1 : done / total;
  const line = `[${'#'.repeat(Math.round(f * 30)).padEnd(30, '.')}] ${(f * 100).toFixed(0).padStart(3)}%  ${done}/${total} tiles  ${size(bytes)}  ${((performance.now() - t0) / 1000).toFixed(0)} s`;
  if (tty) process.stderr.write(`\r${line}`);
  else if (Math.floor(f * 10) !== lastTenth) {
    lastTenth = Math.floor(f * 10);
    process.stderr.write(`${line}\n`);
  }
}

try {
  const r = await extractArchive({
    kind,
    source: v.source as string,
    out: v.out as string,
    boxes,
    maxZoom: zoom('maxzoom', v.maxzoom as string),
    minZoom: zoom('minzoom', v.minzoom as string),
    yes: v.yes,
    encoding: v.encoding as DemEncoding | undefined,
    onPlan: (p) => {
      console.log(
        `${kind}:extract: ${p.tiles} tiles to zoom ${p.maxZoom} (at most about ${size(p.estimateBytes)})${p.resumed > 0 ? `, ${p.resumed} already read by a stopped run` : ''}${p.note ? `; ${p.note}` : ''}`,
      );
    },
    onProgress: (p) => bar(p.done, p.total, p.bytes),
  });
  if (tty) process.stderr.write('\n');
  console.log(
    `${kind}:extract: wrote ${r.out}: ${size(r.bytes)}, ${r.written} tiles${r.written < r.planned ? ` (of ${r.planned} asked; the rest are not in the source)` : ''}${r.resumed > 0 ? `, ${r.resumed} of them read by the stopped run` : ''}, zoom 0–${r.maxZoom}, ${(r.ms / 1000).toFixed(1)} s, peak memory ${(r.peakRssBytes / 1e6).toFixed(0)} MB`,
  );
} catch (e) {
  if (tty) process.stderr.write('\n');
  if (e instanceof ExtractError) fail(e.message);
  throw e;
}
