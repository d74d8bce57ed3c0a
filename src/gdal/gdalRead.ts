/**
 * Reading a GeoPackage or File Geodatabase layer with GDAL (gdal3.js): the layers listed (those with
 * geometry), one chosen or asked for, converted by ogr2ogr to GeoJSON in WGS-84 — curves made linear,
 * coded-value domains resolved to their names (a field `X_resolved` beside `X`) — and then checked by
 * the same parser as every other import (limits, geometry, properties). Runs in gdal.worker.ts, and in
 * unit tests under Node with GDAL's Node build.
 */

import { type GdalKind, type GdalLayerInfo, type ParseOptions, type ParseResult, parseImport } from '../tools/import/parse';
import { MAX_FEATURES } from '../tools/import/sanitize';

/** What of gdal3.js this app uses (its own declarations are global names). */
export interface GdalDataset {
  pointer: number;
  path: string;
  type: string;
  info?: unknown;
}
export interface GdalFilePath {
  local: string;
  real: string;
}
export interface Gdal {
  open(
    files: File | File[] | string | string[],
    options?: string[],
    vfs?: string[],
  ): Promise<{ datasets: GdalDataset[]; errors: unknown[] }>;
  ogr2ogr(ds: GdalDataset, options: string[], outputName: string): Promise<GdalFilePath>;
  getFileBytes(path: GdalFilePath | string): Promise<Uint8Array>;
  close(ds: GdalDataset): Promise<void>;
}

interface OgrField {
  name: string;
  domainName?: string;
}
interface ProjJson {
  name?: string;
  id?: { authority?: string; code?: number };
  conversion?: { name?: string };
  base_crs?: { datum?: { name?: string } };
}
interface OgrLayer {
  name: string;
  featureCount?: number;
  fields?: OgrField[];
  geometryFields?: {
    type?: string;
    coordinateSystem?: { wkt?: string; projjson?: ProjJson };
  }[];
}
export interface OgrInfo {
  layers?: OgrLayer[];
}

/** A coordinate system's name and EPSG code as GDAL reports it (0 when it has no EPSG code). */
export function crsOf(layer: OgrLayer): { name: string; epsg: number } | null {
  const cs = layer.geometryFields?.[0]?.coordinateSystem;
  if (!cs || (!cs.wkt && !cs.projjson)) return null;
  let name = cs.projjson?.name ?? /^[A-Z]+\["([^"]*)"/.exec(cs.wkt ?? '')?.[1] ?? '?';
  // MapInfo and some CAD exports name no system ("unnamed"): say what it is instead.
  if (name === 'unnamed' || name === '?') {
    const what = [cs.projjson?.conversion?.name, cs.projjson?.base_crs?.datum?.name].filter(Boolean).join(', ');
    if (what) name = what;
  }
  const id = cs.projjson?.id;
  return { name, epsg: id?.authority === 'EPSG' && typeof id.code === 'number' ? id.code : 0 };
}

/** The layers a user can add: those with a geometry column (attribute-only tables are left out). */
export function spatialLayers(info: OgrInfo): GdalLayerInfo[] {
  return (info.layers ?? [])
    .filter((l) => (l.geometryFields?.length ?? 0) > 0)
    .map((l) => ({
      name: l.name,
      features: l.featureCount ?? 0,
      geometry: l.geometryFields?.[0]?.type ?? '',
      crs: crsOf(l)?.name ?? '',
    }));
}

/** Systems whose shift to WGS-84 GDAL can only approximate without a local grid. */
const APPROXIMATE = /xian|xi'an|beijing|1954|1980/i;

/**
 * One layer of an opened dataset as a checked FeatureCollection. `fileName` names the file in messages;
 * `scratch` is a name for GDAL's output file, unique per call.
 */
export async function readGdalLayer(
  gdal: Gdal,
  ds: GdalDataset,
  kind: GdalKind,
  fileName: string,
  options: ParseOptions & { layer?: string },
  scratch: string,
): Promise<ParseResult> {
  const info = (ds.info ?? {}) as OgrInfo;
  const layers = spatialLayers(info);
  if (layers.length === 0) return { ok: false, problem: { code: 'gdal-no-layers', file: fileName } };
  if (!options.layer && layers.length > 1) return { ok: false, needsLayers: layers };
  const name = options.layer ?? (layers[0] as GdalLayerInfo).name;
  const layer = (info.layers ?? []).find((l) => l.name === name);
  if (!layer) return { ok: false, problem: { code: 'gdal-no-layer', file: fileName, layer: name } };
  const limit = options.limits?.features ?? MAX_FEATURES;
  if ((layer.featureCount ?? 0) > limit)
    return { ok: false, problem: { code: 'too-many-features', count: layer.featureCount ?? 0, limit } };
  const crs = crsOf(layer);
  const args = ['-f', 'GeoJSON', '-nlt', 'CONVERT_TO_LINEAR', '-dim', 'XY'];
  if ((layer.fields ?? []).some((f) => f.domainName)) args.push('-resolveDomains');
  // With a coordinate system GDAL projects to WGS-84 longitude/latitude; without, the parser below
  // asks which system the numbers are in (or reads degrees), as for a Shapefile without .prj.
  if (crs) args.push('-t_srs', 'EPSG:4326', '-lco', 'RFC7946=YES');
  args.push(name);
  let text: Uint8Array;
  try {
    const out = await gdal.ogr2ogr(ds, args, scratch);
    text = await gdal.getFileBytes(out);
  } catch (error) {
    return { ok: false, problem: { code: 'gdal-failed', file: fileName, layer: name, detail: gdalMessage(error) } };
  }
  const r = await parseImport(`${scratch}.geojson`, text, {
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.datum ? { datum: options.datum } : {}),
    ...(!crs && options.crs !== undefined ? { crs: options.crs } : {}),
  });
  if (!r.ok) return r;
  // GeoPackage and geodatabase text is UTF-8 by their specifications: no encoding to choose.
  const { encoding: _encoding, ...readAs } = r.readAs;
  return {
    ...r,
    kind,
    readAs: {
      ...readAs,
      ...(crs ? { crs: { name: crs.name, epsg: crs.epsg, approximate: APPROXIMATE.test(crs.name), basis: 'file' as const } } : {}),
      layer: name,
    },
  };
}

/** GDAL's failures come as Errors, message lists or strings: one line of text. */
export function gdalMessage(error: unknown): string {
  const list = Array.isArray(error) ? error : [error];
  const text = list
    .map((e) => (typeof e === 'string' ? e : ((e as { message?: unknown })?.message ?? '')))
    .map(String)
    .filter(Boolean)
    .join('; ');
  return (text || 'GDAL could not read it').slice(0, 200);
}
