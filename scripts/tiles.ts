/**
 * npm run tiles -- INPUT... --out layer.pmtiles
 *
 * Turns GeoJSON, zipped Shapefiles, CSV, Excel, KML and GPX into one PMTiles v3 archive of vector
 * tiles, read by the app's own importer (same encodings, coordinate systems and checks, same messages)
 * with limits for large files. Each input is a vector layer named after its file (or --layer). See
 * README, "Large layers".
 */
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { Datum } from '../src/basemap/config.ts';
import { convertCollection } from '../src/basemap/datum.ts';
import { importProblemText } from '../src/i18n/toolStrings.ts';
import { parseImport } from '../src/tools/import/parse.ts';
import { CHOOSABLE_ENCODINGS, type TextEncodingName } from '../src/tools/import/text.ts';
import { ArchiveWriter } from './lib/pmtiles-writer.ts';
import { cutTiles, type TileLayer } from './lib/tiler.ts';

/** The datum the app draws its embedded map in: tiles are written in it, as imports are converted to it. */
const MAP_DATUM = (JSON.parse(readFileSync(new URL('../geodata/meta.json', import.meta.url), 'utf8')) as { datum: Datum }).datum;
const DATUMS = ['WGS-84', 'GCJ-02', 'BD-09'] as const;

/** Far above the browser's 50 MB: what one 2-core, 24 GB machine tiles in minutes. */
const LIMITS = { bytes: 2 * 1024 ** 3, features: 20_000_000 };

const USAGE = `用法 · usage: npm run tiles -- INPUT... --out OUT.pmtiles [options]
  INPUT           .geojson .json .zip (Shapefile) .csv .txt .xlsx .kml .gpx
  --out FILE      the archive to write (written whole or not at all)
  --layer NAME    the vector layer's name, one per input (default: the file's name)
  --name TEXT     the archive's name in its metadata (default: the first layer's)
  --minzoom N     default 0
  --maxzoom N     default: chosen from the data's density and detail (at most 15)
  --crs EPSG      coordinate system of projected inputs without one (e.g. 4549)
  --encoding E    text encoding (${CHOOSABLE_ENCODINGS.join(', ')})
  --lon COL --lat COL   columns of a CSV or sheet
  --sheet NAME    the sheet of an Excel file
  --datum D       datum of the input's longitude/latitude: WGS-84 (default; also CGCS2000), GCJ-02 or BD-09;
                  converted to the map's datum (${MAP_DATUM}) as the app converts imports
  --attribution TEXT`;

class TilesError extends Error {}

function fail(zh: string, en: string): never {
  throw new TilesError(`${zh}\n${en}`);
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function readLayer(path: string, name: string, values: Record<string, string | string[] | boolean | undefined>): Promise<TileLayer> {
  let bytes: Uint8Array;
  try {
    const size = statSync(path).size;
    if (size > LIMITS.bytes)
      fail(
        `“${path}”：文件 ${mb(size)}，超过上限 ${mb(LIMITS.bytes)}。`,
        `"${path}": the file is ${mb(size)}, over the limit of ${mb(LIMITS.bytes)}.`,
      );
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof TilesError) throw error;
    fail(`无法读取“${path}”：${(error as Error).message}`, `cannot read "${path}": ${(error as Error).message}`);
  }
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const crs = str('crs');
  const encoding = str('encoding');
  if (encoding && !CHOOSABLE_ENCODINGS.includes(encoding as TextEncodingName))
    fail(
      `未知编码 ${encoding}（可选：${CHOOSABLE_ENCODINGS.join('、')}）。`,
      `unknown encoding ${encoding} (one of ${CHOOSABLE_ENCODINGS.join(', ')}).`,
    );
  const lon = str('lon');
  const lat = str('lat');
  const sheet = str('sheet');
  const datum = (str('datum') ?? 'WGS-84') as (typeof DATUMS)[number];
  if (!DATUMS.includes(datum))
    fail(`未知基准 ${datum}（可选：${DATUMS.join('、')}）。`, `unknown datum ${datum} (one of ${DATUMS.join(', ')}).`);
  const result = await parseImport(basename(path), bytes, {
    ...(datum === 'BD-09' ? { datum } : {}),
    limits: LIMITS,
    ...(crs ? { crs: Number(crs.replace(/^EPSG:/i, '')) } : {}),
    ...(encoding ? { encoding: encoding as TextEncodingName } : {}),
    ...(lon && lat ? { columns: { lon, lat } } : {}),
    ...(sheet ? { sheet } : {}),
  });
  const at = `“${basename(path)}”`;
  const atEn = `"${basename(path)}"`;
  if (result.ok) {
    if (result.dropped.length > 0)
      console.warn(`${at}：已忽略属性名 ${result.dropped.join('、')} · ${atEn}: left out attribute names ${result.dropped.join(', ')}`);
    if (result.readAs.crs) console.log(`${at}: ${result.readAs.crs.name} (EPSG:${result.readAs.crs.epsg}) → WGS-84`);
    if (result.readAs.encoding) console.log(`${at}: ${result.readAs.encoding.name} (${result.readAs.encoding.basis})`);
    // BD-09 came out of the importer as GCJ-02; then into the map's datum, as the app does for an import.
    const from: Datum = datum === 'BD-09' ? 'GCJ-02' : datum;
    if (from !== MAP_DATUM) console.log(`${at}: ${from} → ${MAP_DATUM}`);
    return { name, fc: convertCollection(result.fc, from, MAP_DATUM) };
  }
  if ('problem' in result) fail(`${at}：${importProblemText(result.problem, 'zh')}`, `${atEn}: ${importProblemText(result.problem, 'en')}`);
  if ('needsCrs' in result)
    fail(
      `${at}：坐标是米，文件没有坐标系。请用 --crs 指定，可能是 ${result.needsCrs.candidates.map((c) => `EPSG:${c}`).join('、')}。`,
      `${atEn}: the coordinates are metres and the file names no system. Pass --crs; likely ${result.needsCrs.candidates.map((c) => `EPSG:${c}`).join(', ')}.`,
    );
  if ('needsColumns' in result)
    fail(
      `${at}：找不到经纬度列。请用 --lon 和 --lat 指定（列：${result.needsColumns.join('、')}）。`,
      `${atEn}: no longitude/latitude columns found. Pass --lon and --lat (columns: ${result.needsColumns.join(', ')}).`,
    );
  if (!('needsSheet' in result))
    fail(
      `${at}：GeoPackage 和文件地理数据库请先用 GDAL 转换：ogr2ogr -f GeoJSON -t_srs EPSG:4326 out.geojson 文件 [图层]，再切片。`,
      `${atEn}: convert a GeoPackage or File Geodatabase with GDAL first: ogr2ogr -f GeoJSON -t_srs EPSG:4326 out.geojson FILE [LAYER], then tile that.`,
    );
  fail(
    `${at}：请用 --sheet 指定工作表（${result.needsSheet.join('、')}）。`,
    `${atEn}: pass --sheet to choose a sheet (${result.needsSheet.join(', ')}).`,
  );
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      layer: { type: 'string', multiple: true },
      name: { type: 'string' },
      minzoom: { type: 'string' },
      maxzoom: { type: 'string' },
      crs: { type: 'string' },
      encoding: { type: 'string' },
      lon: { type: 'string' },
      lat: { type: 'string' },
      sheet: { type: 'string' },
      datum: { type: 'string' },
      attribution: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length === 0 || !values.out) fail(`缺少输入文件或 --out。\n${USAGE}`, 'missing inputs or --out.');
  if (extname(values.out) !== '.pmtiles')
    fail(`输出文件须以 .pmtiles 结尾：${values.out}`, `the output must end in .pmtiles: ${values.out}`);
  const zoom = (v: string | undefined, what: string) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 20) fail(`${what} 须是 0–20 的整数：${v}`, `${what} must be a whole number 0–20: ${v}`);
    return n;
  };
  const minZoom = zoom(values.minzoom, '--minzoom') ?? 0;
  const maxZoom = zoom(values.maxzoom, '--maxzoom');
  if (maxZoom !== undefined && maxZoom < minZoom) fail('--maxzoom 小于 --minzoom。', '--maxzoom is below --minzoom.');
  const t0 = performance.now();
  const layers: TileLayer[] = [];
  const names = values.layer ?? [];
  for (const [i, path] of positionals.entries()) {
    const name = names[i] ?? basename(path).replace(/\.[^.]+$/, '');
    if (layers.some((l) => l.name === name))
      fail(`两个输入都叫“${name}”：请用 --layer 命名。`, `two inputs are both called "${name}": name them with --layer.`);
    const t = performance.now();
    layers.push(await readLayer(path, name, values));
    console.log(
      `read ${path}: ${(layers.at(-1) as TileLayer).fc.features.length.toLocaleString('en')} features in ${secs(performance.now() - t)}`,
    );
  }
  const writer = new ArchiveWriter(values.out);
  let lastLine = 0;
  let cleanedUp = false;
  const cleanUp = () => {
    if (cleanedUp) return;
    cleanedUp = true;
    writer.abort();
  };
  process.once('SIGINT', () => {
    cleanUp();
    console.error('\n中断：未写出文件 · interrupted: nothing written');
    process.exit(130);
  });
  try {
    const summary = await cutTiles(layers, writer, {
      minZoom,
      ...(maxZoom !== undefined ? { maxZoom } : {}),
      ...(values.quiet
        ? {}
        : {
            onProgress: (p) => {
              // On a terminal one line redrawn each second; in a log a line each 10 s.
              const line = `z${p.zoom}/${p.maxZoom}: ${p.tilesDone}/${p.tilesAtZoom} tiles · ${p.tilesWritten} written · ${secs(p.elapsedMs)}${p.leftMs !== null ? ` · about ${secs(p.leftMs)} left` : ''}`;
              if (process.stderr.isTTY) process.stderr.write(`\r${line}   `);
              else if (p.elapsedMs - lastLine >= 10_000) {
                lastLine = p.elapsedMs;
                process.stderr.write(`${line}\n`);
              }
            },
          }),
    });
    const [w, s, e, n] = summary.bounds;
    const metadata = {
      name: values.name ?? layers[0]?.name ?? 'layer',
      format: 'pbf',
      type: 'overlay',
      generator: 'suichang-development-map npm run tiles',
      // Not in the PMTiles spec: the app reads it to say when a basemap in another datum is shown.
      datum: MAP_DATUM,
      ...(values.attribution ? { attribution: values.attribution } : {}),
      vector_layers: summary.layers.map((l) => ({
        id: l.layer,
        fields: Object.fromEntries(
          l.attributes.map((a) => [a.attribute, a.type === 'number' ? 'Number' : a.type === 'boolean' ? 'Boolean' : 'String']),
        ),
        minzoom: summary.minZoom,
        maxzoom: summary.maxZoom,
      })),
      tilestats: { layerCount: summary.layers.length, layers: summary.layers },
      dropped: summary.dropped,
    };
    const bytes = await writer.finish(
      {
        minZoom: summary.minZoom,
        maxZoom: summary.maxZoom,
        bounds: summary.bounds,
        center: [(w + e) / 2, (s + n) / 2, Math.min(summary.maxZoom, Math.max(summary.minZoom, 10))],
        tileType: 1,
      },
      metadata,
    );
    cleanedUp = true;
    if (!values.quiet && process.stderr.isTTY) process.stderr.write('\n');
    const droppedTotal = Object.values(summary.dropped).reduce((a, b) => a + b, 0);
    const droppedText = droppedTotal
      ? Object.entries(summary.dropped)
          .map(([z, n]) => `z${z} ${((100 * n) / (summary.inTiles[Number(z)] ?? n)).toFixed(1)} %`)
          .join(', ')
      : 'none';
    const memory = process.resourceUsage().maxRSS * 1024;
    console.log(
      [
        `wrote ${values.out}`,
        `  features  ${summary.features.toLocaleString('en')} in ${layers.length} layer(s): ${layers.map((l) => l.name).join(', ')}`,
        `  tiles     ${summary.tiles.toLocaleString('en')}`,
        `  zooms     ${summary.minZoom}–${summary.maxZoom}${maxZoom === undefined ? ' (max chosen from the data)' : ''}`,
        `  dropped   ${droppedText}${droppedTotal ? " of the features in that zoom's tiles" : ''}${!droppedTotal ? '' : summary.dropped[summary.maxZoom] ? ` (some even at z${summary.maxZoom}: raise --maxzoom to keep them all)` : ` (left out of low-zoom tiles that would pass 500 kB; all are in the z${summary.maxZoom} tiles)`}`,
        `  bytes     ${bytes.toLocaleString('en')} (${mb(bytes)})`,
        `  time      ${secs(performance.now() - t0)} (tiling ${secs(summary.ms)})`,
        `  memory    ${mb(memory)} peak resident`,
      ].join('\n'),
    );
    if (process.env.TILES_SUMMARY_JSON)
      console.log(
        `TILES_SUMMARY ${JSON.stringify({ ...summary, layers: undefined, bytes, ms: performance.now() - t0, peakBytes: memory })}`,
      );
  } finally {
    cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof TilesError ? error.message : error);
  process.exit(1);
});
