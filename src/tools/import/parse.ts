/**
 * Turns a dropped file into a checked FeatureCollection: GeoJSON, KML, GPX, zipped Shapefile, CSV or
 * an Excel sheet with longitude/latitude (or x/y) columns. Text in any encoding Chinese files come in
 * (text.ts), coordinates in any system they come in (crs.ts), reprojected to longitude and latitude.
 * Pure and worker-safe (no DOM): runs in import.worker.ts, and in unit and property tests under Node.
 */
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import gcoord from 'gcoord';
import type { FeatureCollection, Geometry } from 'geojson';
import { type ParseError, parseTree } from 'jsonc-parser';
import Papa from 'papaparse';
import { parseDbf, parseShp } from 'shpjs';
import type { ReadAs } from '../../layers/model';
import { type CrsDef, crsByEpsg, crsFromGeoJson, crsFromWkt, guessCrs, looksProjected, toLonLat } from './crs';
import { ImportError, type ImportProblem } from './errors';
import { MAX_FEATURES, MAX_GEOMETRY_DEPTH, type Props, sanitizeCollection } from './sanitize';
import { dbfLanguageDriver, decodeText, detectEncoding, namedEncoding, type TextEncodingName } from './text';
import { checkSizes, readEntry, zipDirectory } from './zip';

export type { ReadAs };

export type ImportKind = 'geojson' | 'kml' | 'kmz' | 'gpx' | 'shapefile' | 'csv' | 'excel' | GdalKind;
/** Formats read by GDAL (src/gdal/): a GeoPackage, a File Geodatabase folder zipped, a DXF drawing, a MapInfo table zipped. */
export type GdalKind = 'geopackage' | 'filegdb' | 'dxf' | 'mapinfo';
export const MAX_BYTES = 50 * 1024 * 1024;

export interface CsvColumns {
  lon: string;
  lat: string;
}

/** What the user chose or answered: columns, a coordinate system, an encoding, a sheet, the datum of lon/lat. */
export interface ParseOptions {
  columns?: CsvColumns;
  /** An EPSG code from crs.ts: overrides what the file says. */
  crs?: number;
  encoding?: TextEncodingName;
  sheet?: string;
  /** BD-09 (coordinates picked on Baidu's map) is converted to GCJ-02 here; the other datums are the layer's. */
  datum?: 'WGS-84' | 'GCJ-02' | 'BD-09';
  /**
   * Larger limits than the browser's (MAX_BYTES, MAX_FEATURES): the tiler (`npm run tiles`) reads the
   * same formats with the same checks and messages, for files too big for a GeoJSON layer.
   */
  limits?: { bytes: number; features: number };
}

export type ParseResult =
  /** `dropped`: property names left out (such as __proto__), reported once per import. */
  | { ok: true; kind: ImportKind; fc: FeatureCollection<Geometry, Props>; dropped: string[]; readAs: ReadAs }
  | { ok: false; problem: ImportProblem }
  | { ok: false; needsColumns: string[]; candidates: { lon: string[]; lat: string[] }; sheet?: string }
  /** Projected coordinates and no coordinate system: the systems that fit the numbers, best first. */
  | { ok: false; needsCrs: { candidates: number[]; sample: number[] } }
  | { ok: false; needsSheet: string[] }
  /** A GeoPackage or a zipped File Geodatabase: read by GDAL's worker (src/gdal/), loaded for it. */
  | { ok: false; needsGdal: GdalKind }
  /** A GeoPackage or geodatabase of several layers: which to read. */
  | { ok: false; needsLayers: GdalLayerInfo[] };

export interface GdalLayerInfo {
  name: string;
  features: number;
  geometry: string;
  /** The coordinate system's name, or '' when the layer has none. */
  crs: string;
}

const EXT: Record<string, ImportKind> = {
  json: 'geojson',
  geojson: 'geojson',
  kml: 'kml',
  kmz: 'kmz',
  gpx: 'gpx',
  zip: 'shapefile',
  csv: 'csv',
  txt: 'csv',
  xlsx: 'excel',
  xls: 'excel',
  gpkg: 'geopackage',
  dxf: 'dxf',
};

export function kindOf(fileName: string): ImportKind | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return EXT[ext] ?? null;
}

const textOf = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
const isCfb = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** The first bytes must agree with the extension: a renamed image or PDF is refused. */
function sniff(kind: ImportKind, bytes: Uint8Array): boolean {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (kind === 'shapefile' || kind === 'filegdb' || kind === 'kmz') return isZip;
  // "SQLite format 3\0": every GeoPackage is an SQLite database.
  if (kind === 'geopackage') return new TextDecoder().decode(bytes.subarray(0, 16)) === 'SQLite format 3\u0000';
  // .xlsx is a zip; .xls (and an encrypted .xlsx) an OLE compound file.
  if (kind === 'excel') return isZip || isCfb(bytes);
  if (isZip) return false;
  const head = textOf(bytes.subarray(0, 512)).trimStart();
  // Binary: control characters other than tab and line breaks.
  if (
    [...head.slice(0, 200)].some((ch) => {
      const c = ch.charCodeAt(0);
      return c < 9 || (c > 13 && c < 32);
    })
  )
    return false;
  if (kind === 'geojson') return head.startsWith('{') || head.startsWith('[');
  if (kind === 'kml' || kind === 'gpx') return head.startsWith('<');
  return true;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    const at = errors[0]?.offset ?? 0;
    const lines = text.slice(0, at).split('\n');
    throw new ImportError({ code: 'bad-json', line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 });
  }
}

function geojsonFeatures(json: unknown): unknown[] {
  const j = json as { type?: unknown; features?: unknown; geometry?: unknown; coordinates?: unknown } | null;
  if (j?.type === 'FeatureCollection' && Array.isArray(j.features)) return j.features;
  if (j?.type === 'Feature') return [j];
  if (j && typeof j.type === 'string' && ('coordinates' in j || 'geometries' in j))
    return [{ type: 'Feature', properties: {}, geometry: j }];
  throw new ImportError({ code: 'not-geojson' });
}

function parseXml(text: string, kind: 'kml' | 'gpx'): unknown[] {
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    throw new ImportError({ code: 'bad-xml', detail: (error as Error).message.split('\n')[0]?.slice(0, 160) ?? '' });
  }
  const root = doc.documentElement?.nodeName.toLowerCase() ?? '';
  if ((kind === 'kml' && root !== 'kml') || (kind === 'gpx' && root !== 'gpx'))
    throw new ImportError({ code: 'not-what-it-claims', claimed: kind.toUpperCase() });
  const fc = (kind === 'kml' ? kml(doc as never) : gpx(doc as never)) as FeatureCollection;
  return fc.features.filter((f) => f.geometry);
}

/** A .prj that cannot be used is refused by name, never silently ignored (the points would be off the Earth). */
function prjCrs(prjText: string, entry: string): CrsDef {
  const r = crsFromWkt(prjText);
  if (r.ok) return r.def;
  throw new ImportError({ code: 'unknown-crs', where: entry, name: r.problem.kind === 'unknown' ? r.problem.name : r.problem.detail });
}

interface Parsed {
  features: unknown[];
  /** The coordinate system the file itself declares, if any. */
  crs?: CrsDef;
  encoding?: ReadAs['encoding'];
  sheet?: string;
}

/**
 * A zipped Shapefile: the zip's directory is checked against the limit before anything is inflated,
 * then each .shp is read with its .dbf (decoded as its .cpg or language-driver byte says, else
 * detected), .prj and .cpg, all inflated bytes together within the limit.
 */
async function parseShapefile(bytes: Uint8Array, fileName: string, options: ParseOptions): Promise<Parsed | ParseResult> {
  const all = zipDirectory(bytes, fileName).filter((e) => !e.name.includes('__MACOSX'));
  const entries = all.filter((e) => /\.(shp|dbf|prj|cpg)$/i.test(e.name));
  // A zipped File Geodatabase (a .gdb folder) or MapInfo table (.tab with its .dat, .map, .id), no .shp: GDAL reads it.
  if (!entries.some((e) => /\.shp$/i.test(e.name))) {
    if (all.some((e) => /\.gdb\/[^/]*\.gdbtable$/i.test(e.name))) return { ok: false, needsGdal: 'filegdb' };
    if (all.some((e) => /\.tab$/i.test(e.name))) return { ok: false, needsGdal: 'mapinfo' };
  }
  const maxBytes = options.limits?.bytes ?? MAX_BYTES;
  checkSizes(entries, fileName, maxBytes);
  const shps = entries.filter((e) => /\.shp$/i.test(e.name));
  if (shps.length === 0) throw new ImportError({ code: 'zip-no-shapefile' });
  let budget = maxBytes;
  const read = async (e: (typeof entries)[number]) => {
    const b = await readEntry(bytes, e, fileName, budget);
    budget -= b.byteLength;
    return b;
  };
  const out: Parsed = { features: [] };
  for (const entry of shps) {
    const base = entry.name.slice(0, -4).toLowerCase();
    const sibling = (ext: string) => entries.find((e) => e.name.toLowerCase() === `${base}.${ext}`);
    const [prj, cpg, dbf] = [sibling('prj'), sibling('cpg'), sibling('dbf')];
    const shpBytes = await read(entry);
    if (prj && !out.crs) out.crs = prjCrs(textOf(await read(prj)), prj.name);
    let geometries: (Geometry | null)[];
    let rows: Record<string, unknown>[] = [];
    try {
      // Reprojected below with the rest of the formats, not by shpjs (which drops a .prj it cannot read).
      geometries = parseShp(shpBytes);
    } catch (error) {
      throw new ImportError({
        code: 'bad-shapefile',
        detail: `${entry.name}: ${String((error as Error)?.message ?? error).slice(0, 160)}`,
      });
    }
    if (dbf) {
      const dbfBytes = await read(dbf);
      const cpgText = cpg ? textOf(await read(cpg)) : '';
      const declared = namedEncoding(cpgText) ?? dbfLanguageDriver(dbfBytes);
      if (cpgText.trim() && !namedEncoding(cpgText) && !options.encoding && !dbfLanguageDriver(dbfBytes))
        throw new ImportError({ code: 'unknown-encoding', where: cpg?.name ?? '', name: cpgText.trim().slice(0, 40) });
      const encoding = options.encoding
        ? { name: options.encoding, basis: 'chosen' as const }
        : declared
          ? { name: declared, basis: 'declared' as const }
          : (({ encoding: name, basis }) => ({ name, basis }))(detectEncoding(dbfBytes.subarray(32)));
      out.encoding ??= encoding;
      try {
        rows = parseDbf(dbfBytes, encoding.name);
      } catch (error) {
        throw new ImportError({
          code: 'bad-shapefile',
          detail: `${dbf.name}: ${String((error as Error)?.message ?? error).slice(0, 160)}`,
        });
      }
    }
    geometries.forEach((geometry, i) => {
      out.features.push({ type: 'Feature', geometry, properties: rows[i] ?? {} });
    });
  }
  return out;
}

const LON = /^(lon|lng|long|longitude|x|经度|东经|x坐标|横坐标)$/i;
const LAT = /^(lat|latitude|y|纬度|北纬|y坐标|纵坐标)$/i;

type Cell = string | number | boolean | null | undefined;
/** Where a row came from, for messages: a CSV line, or a sheet's row. */
type RowPlace = { sheet?: string; row: number };

/** Rows with a header (CSV or a sheet) to point features: columns detected by name, or asked. */
function rowsToFeatures(
  fields: string[],
  rows: Cell[][],
  place: (i: number) => RowPlace,
  columns: CsvColumns | undefined,
  sheet: string | undefined,
): ParseResult | unknown[] {
  const named = fields.filter((f) => f !== '');
  const lons = named.filter((f) => LON.test(f.trim()));
  const lats = named.filter((f) => LAT.test(f.trim()));
  let chosen = columns;
  if (!chosen) {
    if (lons.length === 0 || lats.length === 0) {
      if (named.length >= 2) return { ok: false, needsColumns: named, candidates: { lon: lons, lat: lats }, ...(sheet ? { sheet } : {}) };
      throw new ImportError({ code: 'csv-no-coordinates', columns: named, ...(sheet ? { sheet } : {}) });
    }
    if (lons.length > 1 || lats.length > 1)
      return { ok: false, needsColumns: named, candidates: { lon: lons, lat: lats }, ...(sheet ? { sheet } : {}) };
    chosen = { lon: lons[0] as string, lat: lats[0] as string };
  }
  const lonAt = fields.indexOf(chosen.lon);
  const latAt = fields.indexOf(chosen.lat);
  if (lonAt < 0 || latAt < 0) throw new ImportError({ code: 'csv-no-coordinates', columns: named, ...(sheet ? { sheet } : {}) });
  return rows.map((row, i) => {
    const num = (at: number, col: string) => {
      const raw = String(row[at] ?? '').trim();
      const v = raw === '' ? Number.NaN : Number(raw);
      if (!Number.isFinite(v))
        throw new ImportError({
          code: 'csv-bad-number',
          line: place(i).row,
          column: col,
          value: raw.slice(0, 40),
          ...(sheet ? { sheet } : {}),
        });
      return v;
    };
    const properties: Record<string, Cell> = {};
    fields.forEach((f, j) => {
      if (f !== '' && j !== lonAt && j !== latAt) properties[f] = row[j] ?? '';
    });
    return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [num(lonAt, chosen.lon), num(latAt, chosen.lat)] } };
  });
}

function parseCsv(text: string, columns?: CsvColumns): ParseResult | unknown[] {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: 'greedy', dynamicTyping: false });
  const [header = [], ...rows] = parsed.data;
  return rowsToFeatures(
    header.map((h) => h.trim()),
    rows,
    (i) => ({ row: i + 2 }),
    columns,
    undefined,
  );
}

/** An encrypted workbook is an OLE file holding an "EncryptedPackage" stream (recognised by structure, not by an error's words). */
function isEncryptedWorkbook(bytes: Uint8Array): boolean {
  if (!isCfb(bytes)) return false;
  const needle = new Uint8Array([...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]));
  outer: for (let i = 0; i + needle.length <= Math.min(bytes.length, 1 << 20); i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * An .xlsx or .xls: read by SheetJS (Apache-2.0) without evaluating formulas (their last computed
 * values are used; a coordinate cell with a formula and no value is refused by its cell). The sheet is
 * the one with coordinate columns, or asked for; a merged header cell is refused by its range.
 */
async function parseExcel(bytes: Uint8Array, fileName: string, options: ParseOptions): Promise<ParseResult | Parsed> {
  if (isEncryptedWorkbook(bytes)) throw new ImportError({ code: 'excel-encrypted', file: fileName });
  const XLSX = await import('@e965/xlsx');
  let wb: import('@e965/xlsx').WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'array',
      cellFormula: true,
      cellHTML: false,
      cellStyles: false,
      cellDates: false,
      sheetRows: (options.limits?.features ?? MAX_FEATURES) + 1,
    });
  } catch (error) {
    throw new ImportError({ code: 'excel-unreadable', file: fileName, detail: String((error as Error)?.message ?? error).slice(0, 120) });
  }
  // Each sheet turned into rows once, however often it is looked at.
  const grids = new Map<string, Cell[][]>();
  const grid = (name: string): Cell[][] => {
    const ws = wb.Sheets[name];
    if (!ws) return [];
    let rows = grids.get(name);
    if (!rows) {
      rows = XLSX.utils.sheet_to_json<Cell[]>(ws, { header: 1, raw: true, defval: null, blankrows: false }) as Cell[][];
      grids.set(name, rows);
    }
    return rows;
  };
  const headerOf = (name: string) => (grid(name)[0] ?? []).map((h) => String(h ?? '').trim());
  const hasCoordinates = (name: string) => {
    const h = headerOf(name);
    return h.some((f) => LON.test(f)) && h.some((f) => LAT.test(f));
  };
  const names = wb.SheetNames;
  let sheet = options.sheet;
  if (sheet !== undefined && !names.includes(sheet)) throw new ImportError({ code: 'excel-no-sheet', file: fileName, sheet });
  if (sheet === undefined) {
    const withCoordinates = names.filter(hasCoordinates);
    if (withCoordinates.length === 1) sheet = withCoordinates[0];
    else if (names.length === 1) sheet = names[0];
    else return { ok: false, needsSheet: names.filter((n) => grid(n).length > 1) };
  }
  const name = sheet as string;
  const ws = wb.Sheets[name] as import('@e965/xlsx').WorkSheet;
  const ref = XLSX.utils.decode_range(ws['!ref'] ?? 'A1:A1');
  for (const m of ws['!merges'] ?? [])
    if (m.s.r <= ref.s.r && m.e.r >= ref.s.r)
      throw new ImportError({ code: 'excel-merged-header', file: fileName, sheet: name, range: XLSX.utils.encode_range(m) });
  const rows = grid(name);
  const [header = [], ...body] = rows;
  const fields = header.map((h) => String(h ?? '').trim());
  // A formula with no computed value in a coordinate column: nothing to read, so say which cell.
  for (let r = ref.s.r + 1; r <= ref.e.r; r++) {
    for (let c = ref.s.c; c <= ref.e.c; c++) {
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as { f?: string; v?: unknown } | undefined;
      const field = fields[c - ref.s.c] ?? '';
      if (
        cell?.f &&
        (cell.v === undefined || cell.v === null) &&
        (LON.test(field) || LAT.test(field) || field === options.columns?.lon || field === options.columns?.lat)
      )
        throw new ImportError({ code: 'excel-formula', file: fileName, sheet: name, cell: XLSX.utils.encode_cell({ r, c }) });
    }
  }
  const r = rowsToFeatures(fields, body, (i) => ({ sheet: name, row: ref.s.r + i + 2 }), options.columns, name);
  if (!Array.isArray(r)) return r as ParseResult;
  return { features: r, sheet: name };
}

type RawGeometry = { type?: unknown; coordinates?: unknown; geometries?: unknown } | null;

/** The geometries of raw features, collections opened (to the depth sanitize.ts allows). */
function eachGeometry(features: readonly unknown[], fn: (g: Exclude<RawGeometry, null>) => void): void {
  const visit = (g: RawGeometry, depth: number): void => {
    if (!g || typeof g !== 'object') return;
    if (g.type === 'GeometryCollection' && Array.isArray(g.geometries)) {
      if (depth < MAX_GEOMETRY_DEPTH) for (const x of g.geometries) visit(x, depth + 1);
    } else if ('coordinates' in g) fn(g);
  };
  for (const f of features) visit((f as { geometry?: RawGeometry } | null)?.geometry ?? null, 0);
}

/** Every position of the features' geometries, replaced by `fn`'s result (the features are this parse's own). */
function mapPositions(features: unknown[], fn: (p: number[]) => number[]): void {
  const walk = (c: unknown, depth: number): unknown => {
    if (!Array.isArray(c)) return c;
    if (typeof c[0] === 'number') return fn(c as number[]);
    return depth > 6 ? c : c.map((x) => walk(x, depth + 1));
  };
  eachGeometry(features, (g) => {
    g.coordinates = walk(g.coordinates, 0);
  });
}

/** The first position of each of up to 50 features spread over the file, to tell degrees from metres and guess a system. */
function samplePositions(features: unknown[]): number[][] {
  const out: number[][] = [];
  const first = (c: unknown): number[] | null => {
    for (let depth = 0; Array.isArray(c) && depth < 8; depth++) {
      if (typeof c[0] === 'number') return c as number[];
      c = c[0];
    }
    return null;
  };
  const step = Math.max(1, Math.floor(features.length / 50));
  for (let i = 0; i < features.length && out.length < 50; i += step)
    eachGeometry([features[i]], (g) => {
      const p = first(g.coordinates);
      if (p && out.length < 50 && Number.isFinite(p[0]) && Number.isFinite(p[1])) out.push(p);
    });
  return out;
}

/** Never throws: every failure comes back as a problem the UI can word. */
export async function parseImport(fileName: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<ParseResult> {
  try {
    if (bytes.byteLength === 0) throw new ImportError({ code: 'empty-file' });
    const maxBytes = options.limits?.bytes ?? MAX_BYTES;
    if (bytes.byteLength > maxBytes) throw new ImportError({ code: 'too-large', bytes: bytes.byteLength, limit: maxBytes });
    const kind = kindOf(fileName);
    if (!kind) throw new ImportError({ code: 'unknown-format' });
    if (!sniff(kind, bytes))
      throw new ImportError({
        code: 'not-what-it-claims',
        claimed:
          kind === 'shapefile' || kind === 'filegdb' || kind === 'kmz'
            ? 'ZIP'
            : kind === 'excel'
              ? 'Excel'
              : kind === 'geopackage'
                ? 'GeoPackage'
                : kind.toUpperCase(),
      });
    let parsed: Parsed;
    const decoded = () => {
      const d = decodeText(
        bytes,
        options.encoding ? { chosen: options.encoding, xml: kind === 'kml' || kind === 'gpx' } : { xml: kind === 'kml' || kind === 'gpx' },
      );
      return { text: d.text, encoding: { name: d.encoding, basis: d.basis } };
    };
    if (kind === 'geojson') {
      const { text, encoding } = decoded();
      const json = parseJson(text);
      const declared = crsFromGeoJson((json as { crs?: unknown } | null)?.crs);
      if (declared && !declared.ok && options.crs === undefined)
        throw new ImportError({
          code: 'unknown-crs',
          where: 'crs',
          name: declared.problem.kind === 'unknown' ? declared.problem.name : declared.problem.detail,
        });
      parsed = { features: geojsonFeatures(json), encoding, ...(declared?.ok ? { crs: declared.def } : {}) };
    } else if (kind === 'kml' || kind === 'gpx') {
      const { text, encoding } = decoded();
      parsed = { features: parseXml(text, kind), encoding };
    } else if (kind === 'kmz') {
      // A KMZ is a zip of KML: doc.kml, and (as GDAL and Google Earth write them) more .kml files it links to
      // (NetworkLink to a file inside the zip). Every .kml inside is read; pictures beside them are not.
      const entries = zipDirectory(bytes, fileName).filter((e) => /\.kml$/i.test(e.name) && !e.name.includes('__MACOSX'));
      if (entries.length === 0) throw new ImportError({ code: 'kmz-no-kml', file: fileName });
      let budget = options.limits?.bytes ?? MAX_BYTES;
      checkSizes(entries, fileName, budget);
      parsed = { features: [] };
      for (const entry of entries) {
        const kmlBytes = await readEntry(bytes, entry, fileName, budget);
        budget -= kmlBytes.byteLength;
        const d = decodeText(kmlBytes, options.encoding ? { chosen: options.encoding, xml: true } : { xml: true });
        parsed.features.push(...parseXml(d.text, 'kml'));
        parsed.encoding ??= { name: d.encoding, basis: d.basis };
      }
    } else if (kind === 'geopackage' || kind === 'filegdb' || kind === 'dxf' || kind === 'mapinfo') return { ok: false, needsGdal: kind };
    else if (kind === 'shapefile') {
      const r = await parseShapefile(bytes, fileName, options);
      if ('ok' in r) return r;
      parsed = r;
    } else if (kind === 'excel') {
      const r = await parseExcel(bytes, fileName, options);
      if ('ok' in r) return r;
      parsed = r;
    } else {
      const { text, encoding } = decoded();
      const r = parseCsv(text, options.columns);
      if (!Array.isArray(r)) return r as ParseResult;
      parsed = { features: r, encoding };
    }
    // The coordinate system: the user's choice, else the file's, else degrees — or a question when the numbers are metres.
    const readAs: ReadAs = { ...(parsed.encoding ? { encoding: parsed.encoding } : {}), ...(parsed.sheet ? { sheet: parsed.sheet } : {}) };
    const chosen = options.crs !== undefined ? crsByEpsg(options.crs) : null;
    if (options.crs !== undefined && !chosen) throw new ImportError({ code: 'unknown-crs', where: 'choice', name: `EPSG:${options.crs}` });
    const crs = chosen ?? parsed.crs ?? null;
    if (!crs) {
      const sample = samplePositions(parsed.features);
      if (sample.some(looksProjected)) {
        // Metres that some Chinese system puts in China: ask which. Numbers none of them can place are
        // refused below as off the Earth, with the feature named.
        const candidates = guessCrs(sample);
        if (candidates.length > 0) return { ok: false, needsCrs: { candidates, sample: sample[0] as number[] } };
      }
    } else {
      const approximate = crs.family === 'xian1980' || crs.family === 'beijing1954';
      readAs.crs = { name: crs.name, epsg: crs.epsg, approximate, basis: chosen ? 'chosen' : 'file' };
      if (!(crs.geographic && (crs.family === 'cgcs2000' || crs.family === 'wgs84')))
        mapPositions(parsed.features, (p) => toLonLat(crs, p));
    }
    if (options.datum === 'BD-09') {
      mapPositions(parsed.features, (p) => {
        const [lon, lat, ...rest] = p;
        const out = gcoord.transform([lon as number, lat as number], gcoord.BD09, gcoord.GCJ02) as number[];
        return [out[0] as number, out[1] as number, ...rest];
      });
      readAs.fromBd09 = true;
    }
    const dropped = new Set<string>();
    return { ok: true, kind, fc: sanitizeCollection(parsed.features, dropped, options.limits?.features), dropped: [...dropped], readAs };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, problem: error.problem };
    return { ok: false, problem: { code: 'unreadable', detail: String((error as Error)?.message ?? error).slice(0, 160) } };
  }
}
