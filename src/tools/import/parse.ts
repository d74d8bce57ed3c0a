/**
 * Turns a dropped file into a checked FeatureCollection: GeoJSON, KML, GPX, zipped
 * Shapefile, or CSV with longitude/latitude columns. Pure and worker-safe (no DOM):
 * runs in import.worker.ts, and in unit and property tests under Node.
 */
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { FeatureCollection, Geometry } from 'geojson';
import { type ParseError, parseTree } from 'jsonc-parser';
import Papa from 'papaparse';
import { parseDbf, parseShp } from 'shpjs';
import { ImportError, type ImportProblem } from './errors';
import { type Props, sanitizeCollection } from './sanitize';
import { checkSizes, readEntry, zipDirectory } from './zip';

export type ImportKind = 'geojson' | 'kml' | 'gpx' | 'shapefile' | 'csv';
export const MAX_BYTES = 50 * 1024 * 1024;

export interface CsvColumns {
  lon: string;
  lat: string;
}

export type ParseResult =
  /** `dropped`: property names left out (such as __proto__), reported once per import. */
  | { ok: true; kind: ImportKind; fc: FeatureCollection<Geometry, Props>; dropped: string[] }
  | { ok: false; problem: ImportProblem }
  | { ok: false; needsColumns: string[]; candidates: { lon: string[]; lat: string[] } };

const EXT: Record<string, ImportKind> = {
  json: 'geojson',
  geojson: 'geojson',
  kml: 'kml',
  gpx: 'gpx',
  zip: 'shapefile',
  csv: 'csv',
  txt: 'csv',
};

export function kindOf(fileName: string): ImportKind | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return EXT[ext] ?? null;
}

const textOf = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');

/** The first bytes must agree with the extension: a renamed image or PDF is refused. */
function sniff(kind: ImportKind, bytes: Uint8Array): boolean {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (kind === 'shapefile') return isZip;
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

/**
 * A zipped Shapefile: the zip's directory is checked against the limit before anything is inflated,
 * then each .shp is read with its .dbf, .prj and .cpg (all inflated bytes together within the limit).
 */
async function parseShapefile(bytes: Uint8Array, fileName: string): Promise<unknown[]> {
  const entries = zipDirectory(bytes, fileName).filter((e) => !e.name.includes('__MACOSX') && /\.(shp|dbf|prj|cpg)$/i.test(e.name));
  checkSizes(entries, fileName, MAX_BYTES);
  const shps = entries.filter((e) => /\.shp$/i.test(e.name));
  if (shps.length === 0) throw new ImportError({ code: 'zip-no-shapefile' });
  let budget = MAX_BYTES;
  const read = async (e: (typeof entries)[number]) => {
    const b = await readEntry(bytes, e, fileName, budget);
    budget -= b.byteLength;
    return b;
  };
  const features: unknown[] = [];
  for (const entry of shps) {
    const base = entry.name.slice(0, -4).toLowerCase();
    const sibling = (ext: string) => entries.find((e) => e.name.toLowerCase() === `${base}.${ext}`);
    const [prj, cpg, dbf] = [sibling('prj'), sibling('cpg'), sibling('dbf')];
    const shpBytes = await read(entry);
    const prjText = prj ? textOf(await read(prj)) : undefined;
    const cpgText = cpg ? textOf(await read(cpg)) : undefined;
    let geometries: (Geometry | null)[];
    let rows: Record<string, unknown>[] = [];
    try {
      geometries = parseShp(shpBytes, prjText);
      if (dbf) rows = parseDbf(await read(dbf), cpgText);
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError({
        code: 'bad-shapefile',
        detail: `${entry.name}: ${String((error as Error)?.message ?? error).slice(0, 160)}`,
      });
    }
    geometries.forEach((geometry, i) => {
      features.push({ type: 'Feature', geometry, properties: rows[i] ?? {} });
    });
  }
  return features;
}

const LON = /^(lon|lng|long|longitude|x|经度|东经)$/i;
const LAT = /^(lat|latitude|y|纬度|北纬)$/i;

function parseCsv(text: string, columns?: CsvColumns): ParseResult | unknown[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', dynamicTyping: false });
  const fields = (parsed.meta.fields ?? []).filter((f) => f !== '');
  const lons = fields.filter((f) => LON.test(f.trim()));
  const lats = fields.filter((f) => LAT.test(f.trim()));
  let chosen = columns;
  if (!chosen) {
    if (lons.length === 0 || lats.length === 0) {
      if (fields.length >= 2) return { ok: false, needsColumns: fields, candidates: { lon: lons, lat: lats } };
      throw new ImportError({ code: 'csv-no-coordinates', columns: fields });
    }
    if (lons.length > 1 || lats.length > 1) return { ok: false, needsColumns: fields, candidates: { lon: lons, lat: lats } };
    chosen = { lon: lons[0] as string, lat: lats[0] as string };
  }
  if (!fields.includes(chosen.lon) || !fields.includes(chosen.lat)) throw new ImportError({ code: 'csv-no-coordinates', columns: fields });
  return parsed.data.map((row, i) => {
    const num = (col: string) => {
      const raw = (row[col] ?? '').trim();
      const v = raw === '' ? Number.NaN : Number(raw);
      if (!Number.isFinite(v)) throw new ImportError({ code: 'csv-bad-number', line: i + 2, column: col, value: raw.slice(0, 40) });
      return v;
    };
    const properties: Record<string, string> = {};
    for (const f of fields) if (f !== chosen.lon && f !== chosen.lat) properties[f] = row[f] ?? '';
    return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [num(chosen.lon), num(chosen.lat)] } };
  });
}

/** Never throws: every failure comes back as a problem the UI can word. */
export async function parseImport(fileName: string, bytes: Uint8Array, options: { columns?: CsvColumns } = {}): Promise<ParseResult> {
  try {
    if (bytes.byteLength === 0) throw new ImportError({ code: 'empty-file' });
    if (bytes.byteLength > MAX_BYTES) throw new ImportError({ code: 'too-large', bytes: bytes.byteLength, limit: MAX_BYTES });
    const kind = kindOf(fileName);
    if (!kind) throw new ImportError({ code: 'unknown-format' });
    if (!sniff(kind, bytes))
      throw new ImportError({ code: 'not-what-it-claims', claimed: kind === 'shapefile' ? 'ZIP' : kind.toUpperCase() });
    let features: unknown[];
    if (kind === 'geojson') features = geojsonFeatures(parseJson(textOf(bytes)));
    else if (kind === 'kml' || kind === 'gpx') features = parseXml(textOf(bytes), kind);
    else if (kind === 'shapefile') features = await parseShapefile(bytes, fileName);
    else {
      const r = parseCsv(textOf(bytes), options.columns);
      if (!Array.isArray(r)) return r as ParseResult;
      features = r;
    }
    const dropped = new Set<string>();
    return { ok: true, kind, fc: sanitizeCollection(features, dropped), dropped: [...dropped] };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, problem: error.problem };
    return { ok: false, problem: { code: 'unreadable', detail: String((error as Error)?.message ?? error).slice(0, 160) } };
  }
}
